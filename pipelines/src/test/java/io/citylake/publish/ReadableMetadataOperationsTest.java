package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a client's JDBC schema pattern is narrowed to the served databases. */
class ReadableMetadataOperationsTest {
  private static final Set<String> SERVED = Set.of("gold", "open_data");

  @Test
  void noPatternOrAnyPatternMeansEveryServedDatabase() {
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, null))
        .isEqualTo("gold|open\\_data");
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "")).isEqualTo("gold|open\\_data");
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "%")).isEqualTo("gold|open\\_data");
  }

  @Test
  void aPatternKeepsTheServedDatabasesItMatchesIgnoringCase() {
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "GOLD")).isEqualTo("gold");
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "g_ld")).isEqualTo("gold");
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "open%")).isEqualTo("open\\_data");
    // an escaped underscore matches only itself
    assertThat(ReadableMetadataOperations.schemaPattern(SERVED, "open\\_data"))
        .isEqualTo("open\\_data");
    assertThat(ReadableMetadataOperations.schemaPattern(Set.of("openxdata"), "open\\_data"))
        .isEqualTo(ReadOnlyGuard.NO_DATABASE);
  }

  @Test
  void aPatternOfOtherDatabasesMatchesNothing() {
    for (String other : new String[] {"silver", "sil%", "bronze", "default", "global_temp",
        "gold.*", "gold|silver", "%silver%"}) {
      assertThat(ReadableMetadataOperations.schemaPattern(SERVED, other)).as(other)
          .isEqualTo(ReadOnlyGuard.NO_DATABASE);
    }
  }
}
