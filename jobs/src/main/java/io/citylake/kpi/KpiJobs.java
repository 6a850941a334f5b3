package io.citylake.kpi;

import io.citylake.job.Job;
import java.util.List;

/** Every gold KPI job, the catalogue last; the nightly pipeline adds them after silver. */
public final class KpiJobs {
  private KpiJobs() {}

  public static List<Job> all() {
    return List.of(
        new WalkingMinutesKpi(),
        new CarDailyShareKpi(),
        new TourismKpi(),
        new BusWaitKpi(),
        new RidershipKpi(),
        new SurveySharesKpi(),
        new ShelterDaysToShortageKpi(),
        new DroneDeliveryKpi(),
        new SensorKpis(),
        new KpiCatalogue());
  }
}
