package io.citylake.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the deterministic sample lake the end-to-end tests and demos run on: raw provider
 * files for every dataset of the data contract over the spec's days, the reference data, and late
 * deliveries, all located inside the real boundaries of Sapporo, Tsukuba and Susami.
 *
 * <p>Pure Java (no Spark). The output is a function of the {@link SampleSpec} only: the same spec
 * writes byte-identical files. Volumes scale with the panel size.
 */
public final class SampleLakeGenerator {
  private final SampleSpec spec;

  public SampleLakeGenerator(SampleSpec spec) {
    this.spec = spec;
  }

  /** Writes {@code <out>/raw}, {@code <out>/reference}, {@code <out>/late} and a README. */
  public SampleLakeSummary generate(Path out) throws IOException {
    ReferenceData reference = ReferenceData.load();
    EventCalendar calendar = EventCalendar.of(spec);
    DirtInjector dirt = new DirtInjector();
    PersonPanel panel = new PersonPanel(spec);
    VisitorPool visitors = new VisitorPool(spec);
    SensorNetwork sensors = new SensorNetwork(spec, reference);
    MerchantDirectory merchants = new MerchantDirectory(spec, reference);
    List<BusFeed> feeds = BusNetworkBuilder.build(spec, reference);
    DisasterScenario disaster = new DisasterScenario(spec, reference, panel, calendar);
    LakeFiles lake = new LakeFiles(out);

    ReferenceWriter.write(lake, reference, sensors, merchants);
    GtfsFeedWriter gtfs = new GtfsFeedWriter(spec);
    for (BusFeed feed : feeds) {
      gtfs.write(lake, feed);
    }
    SensorLogWriter observations = new SensorLogWriter(spec, sensors, calendar, dirt);
    NgsiLdWriter broker = new NgsiLdWriter(spec, sensors, observations);
    TransitWriter transit = new TransitWriter(spec, feeds, panel, visitors, calendar, dirt);
    TripDiaryWriter diary = new TripDiaryWriter(spec, panel, dirt);
    StepsWriter steps = new StepsWriter(spec, panel, calendar, dirt);
    TransactionWriter transactions =
        new TransactionWriter(spec, panel, visitors, merchants, dirt);
    DisasterWriter disasterWriter = new DisasterWriter(spec, disaster,
        new ShelterStock(spec, reference, disaster, calendar),
        new AlertSchedule(spec, reference, calendar, dirt), calendar, dirt);
    SurveyWriter survey = new SurveyWriter(spec, panel, dirt);
    for (int day = 0; day < spec.days(); day++) {
      observations.write(lake, day);
      broker.write(lake, day);
      transit.write(lake, day);
      diary.write(lake, day);
      steps.write(lake, day);
      transactions.write(lake, day);
      disasterWriter.write(lake, day);
      if (day == calendar.surveyDay()) {
        survey.write(lake, day);
      }
    }
    SampleReadme readme = new SampleReadme(spec, calendar, panel, lake.tallies(), dirt.counts());
    lake.writeText("README.md", "README.md", readme.lines(), false, false, 0);
    return new SampleLakeSummary(spec, lake.tallies(), dirt.counts(), lake.totalFiles(),
        lake.totalBytes());
  }
}
