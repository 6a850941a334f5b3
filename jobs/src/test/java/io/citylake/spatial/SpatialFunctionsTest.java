package io.citylake.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SpatialFunctionsTest extends SparkTestBase {

  @Test
  void meshFunctionsWorkInSqlAndRoundTripThroughSedona() {
    Row row = rows("SELECT jis_mesh(35.681236, 139.767125, 3), jis_mesh(35.681236, 139.767125, 4),"
        + " jis_mesh(36.1, -115.0, 3), jis_mesh(NULL, 139.0, 3),"
        + " ST_Contains(ST_GeomFromWKT(jis_mesh_wkt('53394611')), ST_Point(139.767125, 35.681236)),"
        + " jis_mesh_wkt('bad')").get(0);

    assertThat(row.getString(0)).isEqualTo("53394611");
    assertThat(row.getString(1)).isEqualTo("533946113");
    assertThat(row.isNullAt(2)).isTrue();
    assertThat(row.isNullAt(3)).isTrue();
    assertThat(row.getBoolean(4)).isTrue();
    assertThat(row.isNullAt(5)).isTrue();
  }
}
