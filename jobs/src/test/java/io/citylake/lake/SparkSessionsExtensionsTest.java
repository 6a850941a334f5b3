package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import scala.Option;

/** Under spark-submit a cluster may name extensions of its own: they are kept beside ours. */
class SparkSessionsExtensionsTest {
  private static final String OURS = "io.delta.sql.DeltaSparkSessionExtension,"
      + "org.apache.sedona.sql.SedonaSqlExtensions,io.citylake.publish.ReadOnlyGuard,"
      + "io.citylake.lake.CityLakeFunctions";

  @Test
  void withoutConfiguredExtensionsTheSessionGetsDeltaSedonaAndCitylakes() {
    assertThat(SparkSessions.extensions(Option.empty())).isEqualTo(OURS);
  }

  @Test
  void aClustersOwnExtensionsAreKeptAndOursAddedOnce() {
    String configured = "com.example.CityAudit, io.delta.sql.DeltaSparkSessionExtension";

    assertThat(SparkSessions.extensions(Option.apply(configured)).split(","))
        .containsExactly("com.example.CityAudit", "io.delta.sql.DeltaSparkSessionExtension",
            "org.apache.sedona.sql.SedonaSqlExtensions", "io.citylake.publish.ReadOnlyGuard",
            "io.citylake.lake.CityLakeFunctions");
  }
}
