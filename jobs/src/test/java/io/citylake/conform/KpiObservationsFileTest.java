package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobContext;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The town's reported KPI values are read like a delivery: a good line reaches the silver rows,
 * a bad value is left out, quarantined with its rule, field and text, and named in a warning.
 */
class KpiObservationsFileTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  @Test
  void aBadValueIsQuarantinedWithItsReasonAndTheGoodLinesAreKept() throws Exception {
    Path reference = Files.createDirectories(lakeDir().resolve("reference"));
    String bad = "households_moved_in,susami,calendar,2024,ten,households,Town report,"
        + "Susami town office,2025-01-15";
    Files.writeString(reference.resolve("kpi_observations.csv"), String.join("\n",
        "kpi_id,municipality,year_type,year,value,unit,source,reported_by,reported_on",
        "companies_attracted,susami,calendar,2024,2,companies,Town report,Susami town office,"
            + "2025-01-15",
        bad,
        "companies_attracted,susami,calendar,2024,3,companies,Town report,Susami town office,"
            + "2025-02-01") + "\n");
    JobContext context = context(DAY);

    KpiObservationsFile.Loaded loaded = KpiObservationsFile.load(context,
        context.paths().reference("kpi_observations.csv"));

    List<Row> kept = loaded.rows().collectAsList();
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).<Double>getAs("value")).isEqualTo(2.0);
    assertThat(kept.get(0).<String>getAs("reported_by")).isEqualTo("Susami town office");
    assertThat(loaded.quarantined()).isEqualTo(2);
    assertThat(loaded.warnings()).containsExactly(
        "reference/kpi_observations.csv line 3: Cannot read a KPI observation: value is not a"
            + " non-negative number (got: ten); the line is quarantined",
        "reference/kpi_observations.csv line 4: Cannot read a KPI observation: duplicate of"
            + " line 2 (got: 2024); the line is quarantined");
    List<Row> quarantine = rows("SELECT rule, field, value, raw, CAST(dt AS STRING)"
        + " FROM " + delta(Quarantine.path(context.paths()))
        + " WHERE dataset = '" + KpiObservationsFile.DATASET + "' ORDER BY raw DESC");
    assertThat(quarantine).hasSize(2);
    assertThat(quarantine.get(0).getString(0)).isEqualTo("value is not a non-negative number");
    assertThat(quarantine.get(0).getString(1)).isEqualTo("value");
    assertThat(quarantine.get(0).getString(2)).isEqualTo("ten");
    assertThat(quarantine.get(0).getString(3)).isEqualTo(bad);
    assertThat(quarantine.get(0).getString(4)).isEqualTo(DAY.toString());
    assertThat(quarantine.get(1).getString(0)).isEqualTo("duplicate of line 2");
  }
}
