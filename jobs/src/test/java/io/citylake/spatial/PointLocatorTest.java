package io.citylake.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Point-in-polygon assignment on hand-made wards: two squares sharing the edge lon = 141.1 and a
 * ward-less municipality far away; points inside, on the shared edge and vertex, on an outer
 * edge, outside everything and without coordinates.
 */
class PointLocatorTest extends SparkTestBase {
  private static final String WEST = "POLYGON((141.0 43.0, 141.1 43.0, 141.1 43.1, 141.0 43.1,"
      + " 141.0 43.0))";
  private static final String EAST = "POLYGON((141.1 43.0, 141.2 43.0, 141.2 43.1, 141.1 43.1,"
      + " 141.1 43.0))";
  private static final String TOWN = "POLYGON((140.0 36.0, 140.1 36.0, 140.05 36.1, 140.0 36.0))";

  private static Dataset<Row> boundaries() {
    return spark().createDataFrame(List.of(
            RowFactory.create("01002", "sapporo", EAST),
            RowFactory.create("01001", "sapporo", WEST),
            RowFactory.create("08220", "tsukuba", TOWN)),
        StructType.fromDDL("code STRING, municipality STRING, wkt STRING"))
        .select(functions.col("code"), functions.col("municipality"),
            functions.expr("ST_AsBinary(ST_GeomFromWKT(wkt))").as("geometry_wkb"));
  }

  private static Dataset<Row> points() {
    return spark().createDataFrame(List.of(
            RowFactory.create("inside-west", 141.05, 43.05),
            RowFactory.create("inside-east", 141.15, 43.02),
            RowFactory.create("shared-edge", 141.1, 43.05),
            RowFactory.create("shared-vertex", 141.1, 43.1),
            RowFactory.create("outer-edge-east", 141.2, 43.05),
            RowFactory.create("inside-town", 140.05, 36.02),
            RowFactory.create("just-outside-east", 141.2000001, 43.05),
            RowFactory.create("sea", 141.5, 43.5),
            RowFactory.create("no-location", null, null)),
        StructType.fromDDL("id STRING, lon DOUBLE, lat DOUBLE"));
  }

  @Test
  void everyPointGetsExactlyOneWardAndBordersGoToTheSmallerCode() {
    Dataset<Row> located = PointLocator.withWard(points(), boundaries());
    Map<String, String> ward = located.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getAs("ward_code")));

    assertThat(located.count()).isEqualTo(9);
    assertThat(ward).containsExactlyInAnyOrderEntriesOf(Map.of(
        "inside-west", "01001", "inside-east", "01002", "shared-edge", "01001",
        "shared-vertex", "01001", "outer-edge-east", "01002", "inside-town", "08220",
        "just-outside-east", "unknown", "sea", "unknown", "no-location", "unknown"));
    assertThat(located.where("outside_boundaries").select("id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("just-outside-east", "sea", "no-location");
    assertThat(located.where("id = 'inside-town'").first().<String>getAs("ward_municipality"))
        .isEqualTo("tsukuba");
  }

  @Test
  void wardJoinIsPlannedAsSedonaSpatialJoinNotAsNestedLoop() {
    String plan = PointLocator.withWard(points(), boundaries()).queryExecution()
        .executedPlan().toString();

    assertThat(plan).contains("BroadcastIndexJoin").doesNotContain("BroadcastNestedLoopJoin");
  }

  @Test
  void cellsAreTheJisSquaresAndTheH3CellOfThePoint() throws IOException {
    List<Row> rows = PointLocator.withCells(points(), 9).collectAsList();
    H3Core h3 = H3Core.newInstance();

    for (Row row : rows) {
      if (row.isNullAt(1)) {
        assertThat(row.<String>getAs("mesh3")).isNull();
        assertThat(row.<String>getAs("h3")).isNull();
        continue;
      }
      double lon = row.getDouble(1);
      double lat = row.getDouble(2);
      assertThat(row.<String>getAs("mesh3")).isEqualTo(JisMeshCode.encode(lat, lon, 3));
      assertThat(row.<String>getAs("mesh4")).isEqualTo(JisMeshCode.encode(lat, lon, 4));
      assertThat(row.<String>getAs("h3")).as(row.getString(0))
          .isEqualTo(h3.latLngToCellAddress(lat, lon, 9));
    }
  }
}
