package io.citylake.spatial;

import io.citylake.job.Job;
import java.util.List;

/**
 * Every spatial job, in dependency order; the nightly pipeline adds them after the KPIs. The
 * exports and the report find the spatial gold tables through {@link SpatialTables}.
 */
public final class SpatialJobs {
  private SpatialJobs() {}

  public static List<Job> all() {
    return List.of(
        new LocatePoints(),
        new PeopleFlowByArea(),
        new SnowDepthByWard(),
        new TourismSpendByMesh(),
        new RidershipByStop(),
        new ShelterLoad(),
        new SpatialAreas());
  }
}
