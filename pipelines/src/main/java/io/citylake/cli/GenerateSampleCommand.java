package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.sample.SampleLakeGenerator;
import io.citylake.sample.SampleLakeSummary;
import io.citylake.sample.SampleSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code citylake generate-sample}: a deterministic raw lake of any size, for demos and benchmarks. */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
    description = "Generate a deterministic sample lake (raw/, reference/, late/) on the real"
        + " boundaries and shelters of Sapporo, Tsukuba and Susami.")
final class GenerateSampleCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Folder to write; must be empty or not exist.")
  Path out;

  @Option(names = "--persons", paramLabel = "N", description = "Persons in the panel (default: ${DEFAULT-VALUE}).")
  int persons = SampleSpec.defaults().persons();

  @Option(names = "--days", paramLabel = "D", description = "Consecutive days (default: ${DEFAULT-VALUE}).")
  int days = SampleSpec.defaults().days();

  @Option(names = "--first-day", paramLabel = "YYYY-MM-DD",
      description = "First service day (default: ${DEFAULT-VALUE}).")
  LocalDate firstDay = SampleSpec.defaults().firstDay();

  @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = SampleSpec.defaults().seed();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (persons < 30 || days < 1) {
      throw CityLakeException.badInput("generate the sample lake",
          "--persons must be at least 30 and --days at least 1", persons + " persons, " + days + " days");
    }
    if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
      throw CityLakeException.badInput("generate the sample lake",
          "the output folder exists and is not empty", out);
    }
    long start = System.nanoTime();
    SampleLakeSummary summary =
        new SampleLakeGenerator(new SampleSpec(seed, persons, firstDay, days)).generate(out);
    PrintWriter writer = spec.commandLine().getOut();
    writer.printf("%-40s %6s %10s%n", "dataset", "files", "lines");
    for (SampleLakeSummary.DatasetFiles files : summary.datasets()) {
      writer.printf("%-40s %6d %10d%n", files.path(), files.files(), files.lines());
    }
    writer.printf("dirt lines injected: %d (kinds listed in README.md)%n",
        summary.dirt().values().stream().mapToInt(Integer::intValue).sum());
    writer.printf("sample lake written to %s in %.1fs%n", out.toAbsolutePath(),
        (System.nanoTime() - start) / 1e9);
    writer.flush();
    return 0;
  }
}
