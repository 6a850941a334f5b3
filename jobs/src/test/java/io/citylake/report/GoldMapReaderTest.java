package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobTables;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The maps' values per area from hand-made spatial gold tables of the issue-5 contract. */
class GoldMapReaderTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);
  private static final java.sql.Date DT = java.sql.Date.valueOf(DAY);

  private static byte[] square(double lon, double lat, double size) throws Exception {
    return new WKBWriter().write(new WKTReader().read(String.format(java.util.Locale.ROOT,
        "POLYGON((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f))", lon, lat,
        lon + size, lat + size)));
  }

  private static void write(String table, String ddl, List<Row> rows) {
    spark().createDataFrame(rows, StructType.fromDDL(ddl)).write().format("delta")
        .mode("overwrite").save(lake().paths().gold(table));
  }

  @Test
  void wardsShowTheirDailyCellMeshesKeepTheirLevelAndSuppressedCellsAreHatched() throws Exception {
    GoldMapReader reader = new GoldMapReader(JobTables.unchecked(spark(), lake().paths()));
    assertThat(reader.layers(List.of("sapporo"), DAY).get("sapporo")).allSatisfy(l -> assertThat(l.unavailable())
        .contains("gold.spatial_areas missing"));
    write("spatial_areas", "area_level STRING, area_id STRING, municipality STRING,"
        + " name_ja STRING, name_en STRING, geometry_wkb BINARY", List.of(
        RowFactory.create("ward", "01101", "sapporo", "中央区", "Chuo", square(141.3, 43.0, 0.1)),
        RowFactory.create("ward", "01102", "sapporo", "北区", "Kita", square(141.3, 43.1, 0.1)),
        RowFactory.create("ward", "08220", "tsukuba", "つくば市", "Tsukuba",
            square(140.0, 36.0, 0.2)),
        RowFactory.create("mesh3", "64414277", "sapporo", null, null, square(141.3, 43.0, 0.01)),
        RowFactory.create("mesh3", "64414278", "sapporo", null, null,
            square(141.31, 43.0, 0.01))));
    // the hours of 01102 include a suppressed one; its day is published: the map shows the day
    write("people_flow_area_hourly", "municipality STRING, area_level STRING, area_id STRING,"
        + " dt DATE, people_count DOUBLE, suppressed BOOLEAN", List.of(
        RowFactory.create("sapporo", "ward", "01102", DT, 1600.0, false),
        RowFactory.create("sapporo", "ward", "01102", DT, null, true)));
    write("people_flow_ward_daily", "municipality STRING, area_id STRING, dt DATE,"
        + " people_count DOUBLE, suppressed BOOLEAN", List.of(
        RowFactory.create("sapporo", "01101", DT, null, true),
        RowFactory.create("sapporo", "01101", java.sql.Date.valueOf(DAY.minusDays(1)), 99.0,
            false),
        RowFactory.create("sapporo", "01102", DT, 1602.0, false),
        RowFactory.create("tsukuba", "08220", DT, 5000.0, false)));
    write("tourism_spend_mesh_daily", "municipality STRING, area_level STRING, area_id STRING,"
        + " dt DATE, spend_yen DOUBLE, suppressed BOOLEAN", List.of(
        RowFactory.create("sapporo", "mesh3", "64414277", DT, 250000.0, false),
        RowFactory.create("sapporo", "mesh3", "64414278", DT, null, true),
        RowFactory.create("sapporo", "mesh4", "644142771", DT, 1.0, false)));

    Map<String, MapLayer> layers = reader.layers(List.of("sapporo"), DAY).get("sapporo").stream()
        .collect(Collectors.toMap(MapLayer::metric, l -> l));
    MapLayer flow = layers.get("people_flow");
    assertThat(flow.unavailable()).isEmpty();
    assertThat(flow.areas()).extracting(MapLayer.Area::areaId, MapLayer.Area::value,
        MapLayer.Area::suppressed).containsExactly(
        org.assertj.core.groups.Tuple.tuple("01101", null, true),
        org.assertj.core.groups.Tuple.tuple("01102", 1602.0, false));
    assertThat(flow.areas().get(0).nameJa()).isEqualTo("中央区");
    assertThat(layers.get("snow_depth").unavailable())
        .contains("gold.snow_depth_ward_daily missing");
    MapLayer spend = layers.get("tourism_spend");
    assertThat(spend.areas()).extracting(MapLayer.Area::areaId, MapLayer.Area::value,
        MapLayer.Area::suppressed).containsExactly(
        org.assertj.core.groups.Tuple.tuple("64414277", 250000.0, false),
        org.assertj.core.groups.Tuple.tuple("64414278", null, true));
    assertThat(spend.outlines()).hasSize(2);
    assertThat(new SvgChoropleth(Lang.JA).render(spend, "s"))
        .contains("<title>64414278: 秘匿</title>").contains("<title>64414277: 25万円/日</title>");
  }
}
