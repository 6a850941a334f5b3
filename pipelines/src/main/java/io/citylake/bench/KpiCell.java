package io.citylake.bench;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One KPI cell as either engine computed it: the table, municipality and period that identify it,
 * and its compared columns (Double, Long, Boolean or null when suppressed).
 */
public record KpiCell(String table, String municipality, LocalDate period,
    Map<String, Object> values) {

  public KpiCell {
    // values may hold nulls (suppressed cells), which Map.copyOf refuses
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@code table/municipality/period}: what the comparison matches cells by. */
  public String key() {
    return table + "/" + municipality + "/" + period;
  }
}
