package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.datasets.SensorObservationsConformer;
import io.citylake.conform.datasets.TransitTapsConformer;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.BronzeColumns;
import io.citylake.ingest.LineParser;
import io.citylake.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often the conform plan evaluates its costly expressions per row, read from the optimized
 * plan: a typed column's expression once (its value and its {@code unparsable} check share it)
 * and the checks' conditions in one chain (the reason, field and value are read off its index).
 * {@link ConformDatasetTest} checks what the plan decides; this checks what it costs.
 */
class ConformPlanEvaluationTest extends SparkTestBase {

  @BeforeAll
  static void pseudonymFunction() {
    samplePseudonyms();
  }

  /**
   * A bronze table of the dataset, read from files: the optimizer would fold the whole plan
   * away over an in-memory relation.
   */
  private static Dataset<Row> emptyBronze(RawDataset dataset) {
    StructType schema = BronzeColumns.schema(LineParser.textFields(dataset.fields()));
    return stored("bronze_" + dataset.name(), spark().createDataFrame(List.of(), schema));
  }

  private static Dataset<Row> emptyKeys() {
    return stored("keys", spark().createDataFrame(List.of(), StructType.fromDDL("k STRING")));
  }

  private static Dataset<Row> stored(String name, Dataset<Row> rows) {
    String path = lakeDir().resolve("plan_probe").resolve(name).toString();
    rows.write().mode("overwrite").parquet(path);
    return spark().read().schema(rows.schema()).parquet(path);
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** The optimized plan as text, every column of every node shown (not "... 20 more fields"). */
  private static String optimizedPlan(Dataset<Row> classified) {
    String key = "spark.sql.debug.maxToStringFields";
    String before = spark().conf().get(key, "25");
    spark().conf().set(key, "100000");
    try {
      return classified.queryExecution().optimizedPlan().toString();
    } finally {
      spark().conf().set(key, before);
    }
  }

  @Test
  void aTypedColumnsExpressionAndEachRuleAreEvaluatedOncePerRow() {
    ConformPlan plan = new ConformPlan(new TransitTapsConformer());
    String text = optimizedPlan(
        plan.classify(emptyBronze(RawDataset.TRANSIT_TAPS), List.of(emptyKeys(), emptyKeys())));

    assertThat(occurrences(text, ConformFunctions.PSEUDONYM + "("))
        .as("the keyed pseudonym (an HMAC) per row").isEqualTo(1);
    // Rule.between("fare_yen", 0, 100000): its condition appears in the one chain of checks only
    assertThat(occurrences(text, "100000")).as("the fare range rule per row").isEqualTo(1);
    assertThat(plan.classify(emptyBronze(RawDataset.TRANSIT_TAPS),
            List.of(emptyKeys(), emptyKeys())).columns())
        .doesNotContain("_check", "_current").noneMatch(c -> c.startsWith("_missing")
            || c.startsWith("_unparsable") || c.startsWith("_src_") || c.startsWith("_lk"));
  }

  @Test
  void aSensorMessagesCoordinatesAreParsedOncePerRow() {
    SensorObservationsConformer conformer = new SensorObservationsConformer();
    Dataset<Row> bronze = emptyBronze(RawDataset.SENSOR_OBSERVATIONS)
        .withColumn("_ref_lon", functions.lit(null).cast("string"))
        .withColumn("_ref_lat", functions.lit(null).cast("string"));
    Dataset<Row> prepared = SensorObservationsConformer.withMessageCoordinates(bronze);
    String text = optimizedPlan(new ConformPlan(conformer).classify(prepared,
        List.of(emptyKeys())));

    // lon, lat, the registry flag and the point's WKB all read the two parsed coordinates
    assertThat(occurrences(text, "get_json_object(")).isEqualTo(2);
  }
}
