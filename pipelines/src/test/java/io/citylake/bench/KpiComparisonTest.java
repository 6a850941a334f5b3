package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How gold and DuckDB cells are matched: ratios within 1e-9 relative, counts exactly. */
class KpiComparisonTest {
  private static final ComparedKpi WALKING = new ComparedKpi("walking_minutes_daily", "dt",
      List.of("walking_minutes_avg"), List.of("person_days", "persons"));
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  private static KpiCell cell(String municipality, Double avg, Long persons, boolean suppressed) {
    Map<String, Object> values = new HashMap<>();
    values.put("walking_minutes_avg", avg);
    values.put("person_days", persons);
    values.put("persons", persons);
    values.put("suppressed", suppressed);
    return new KpiCell(WALKING.table(), municipality, DAY, values);
  }

  @Test
  void ratiosWithinTheToleranceAndEqualCountsAgree() {
    List<KpiMismatch> mismatches = KpiComparison.compare(List.of(WALKING),
        List.of(cell("sapporo", 65.0, 100L, false), cell("susami", null, 4L, true)),
        List.of(cell("sapporo", 65.0 * (1 + 5e-10), 100L, false), cell("susami", null, 4L, true)));

    assertThat(mismatches).isEmpty();
  }

  @Test
  void ratiosBeyondTheToleranceCountsOffByOneAndMissingCellsAreMismatches() {
    List<KpiMismatch> mismatches = KpiComparison.compare(List.of(WALKING),
        List.of(cell("sapporo", 65.0, 100L, false), cell("tsukuba", 50.0, 20L, false)),
        List.of(cell("sapporo", 65.0 * (1 + 2e-9), 101L, false), cell("susami", null, 4L, true)));

    assertThat(mismatches).extracting(m -> m.municipality() + " " + m.column())
        .containsExactly("sapporo walking_minutes_avg", "sapporo person_days", "sapporo persons",
            "susami (cell)", "tsukuba (cell)");
    assertThat(mismatches.get(3).gold()).isEqualTo("missing");
    assertThat(mismatches.get(4).duckdb()).isEqualTo("missing");
  }

  @Test
  void aSuppressedValueAgainstANumberIsAMismatch() {
    List<KpiMismatch> mismatches = KpiComparison.compare(List.of(WALKING),
        List.of(cell("susami", null, 9L, true)), List.of(cell("susami", 41.5, 9L, false)));

    assertThat(mismatches).extracting(KpiMismatch::column)
        .containsExactly("walking_minutes_avg", "suppressed");
  }

  @Test
  void aCellGoldSuppressedAsAComplementIsComparedOnWhatGoldStillPublishes() {
    List<KpiMismatch> mismatches = KpiComparison.compare(List.of(WALKING),
        List.of(cell("susami", null, 12L, true), cell("tsukuba", null, 12L, true)),
        List.of(cell("susami", 41.5, 12L, false), cell("tsukuba", 41.5, 13L, false)));

    assertThat(mismatches).extracting(m -> m.municipality() + " " + m.column())
        .containsExactly("tsukuba walking_minutes_avg", "tsukuba person_days",
            "tsukuba persons", "tsukuba suppressed");
  }
}
