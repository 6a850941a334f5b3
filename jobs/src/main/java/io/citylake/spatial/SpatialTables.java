package io.citylake.spatial;

import java.util.List;
import java.util.Optional;

/** The spatial gold tables that can be exported and mapped, and their geometry source. */
public final class SpatialTables {
  /** The gold table holding the polygons of the areas the others name. */
  public static final String AREAS = SpatialAreas.TABLE.name();

  private static final List<SpatialTable> ALL = List.of(
      SpatialTable.withOwnGeometry(AREAS),
      SpatialTable.byArea(PeopleFlowByArea.TABLE.name()),
      SpatialTable.byArea(PeopleFlowByArea.WARD_DAILY.name(), AreaLevel.WARD),
      SpatialTable.byArea(SnowDepthByWard.TABLE.name(), AreaLevel.WARD),
      SpatialTable.byArea(TourismSpendByMesh.TABLE.name()),
      SpatialTable.withOwnGeometry(RidershipByStop.TABLE.name()),
      SpatialTable.withOwnGeometry(ShelterLoad.TABLE.name()));

  private SpatialTables() {}

  public static List<SpatialTable> all() {
    return ALL;
  }

  public static Optional<SpatialTable> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
