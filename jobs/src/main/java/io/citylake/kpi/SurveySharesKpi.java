package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.contract.Vocabulary;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import io.citylake.gold.GoldTables;
import io.citylake.gold.KAnonymity;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.DayPartitions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The survey KPIs per municipality and survey day: {@code elderly_feels_safe_share} (agree among
 * respondents aged 65+), {@code satisfaction_share} (answer 4 or 5) and {@code
 * continue_intent_share} (yes). Surveys are small and rare, so the table is recomputed in full
 * each night (no watermark). Cells below k respondents are suppressed. Shuffles once for the
 * aggregation; broadcasts nothing; overwrites gold.survey_shares.
 */
public final class SurveySharesKpi implements Job {
  static final String SOURCE = "surveys_responses";
  static final GoldTable TABLE = new GoldTable("survey_shares",
      "Survey KPIs (elderly_feels_safe_share, satisfaction_share, continue_intent_share) per"
          + " municipality and survey day; one row per KPI",
      List.of(GoldColumns.text("kpi_id", "KPI of the contract this row measures"),
          GoldColumns.municipality(),
          GoldColumns.typed("survey_date", org.apache.spark.sql.types.DataTypes.DateType,
              "day of the survey"),
          GoldColumns.value("share", "share of respondents giving the positive answer (0..1)"),
          GoldColumns.count("positive", "respondents giving the positive answer"),
          GoldColumns.count("respondents",
              "respondents who answered the question (same as persons)"),
          GoldColumns.persons(), GoldColumns.suppressed()),
      List.of());

  @Override
  public String name() {
    return "kpi.survey_shares";
  }

  @Override
  public String description() {
    return "Gold survey shares (elderly feeling safe, satisfaction, continuation intent) per"
        + " municipality and survey";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.silver(SOURCE));
  }

  @Override
  public boolean pureOfDeclaredInputs() {
    return true;
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TABLE.ref());
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    TableRef source = TableRef.silver(SOURCE);
    if (!context.tables().exists(source)) {
      return JobResult.of(name(), 0, 0, Map.of());
    }
    Dataset<Row> answers = context.tables().read(source)
        .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))));
    Dataset<Row> cells = share(answers, KpiDefinition.ELDERLY_FEELS_SAFE_SHARE, "feels_safe",
            col("age_band").isin(Vocabulary.ELDERLY_AGE_BANDS.toArray()),
            col("answer").equalTo("agree"))
        .unionByName(share(answers, KpiDefinition.SATISFACTION_SHARE, "satisfaction",
            functions.lit(true), col("answer").isin("4", "5")))
        .unionByName(share(answers, KpiDefinition.CONTINUE_INTENT_SHARE, "continue_intent",
            functions.lit(true), col("answer").equalTo("yes")));
    Dataset<Row> published = KAnonymity.suppress(cells, context.config().minPersonsPerCell(),
        "persons", List.of("share", "positive"));
    long written = GoldTables.overwrite(context, TABLE, published);
    return JobResult.of(name(), 0, written, Map.of(TABLE.name(), written));
  }

  /** One KPI's cells; a respondent answering twice keeps the newest answer. */
  private static Dataset<Row> share(Dataset<Row> answers, KpiDefinition kpi, String question,
      Column respondents, Column positive) {
    Dataset<Row> asked = DayPartitions.newestPerKey(
        answers.where(col("question").equalTo(question)).where(respondents),
        "respondent_pseudonym", "survey_date", "question");
    Column yes = functions.when(positive, 1L).otherwise(0L);
    return asked.groupBy(col("municipality"), col("survey_date")).agg(
            functions.sum(yes).divide(functions.count(functions.lit(1))).as("share"),
            functions.sum(yes).as("positive"),
            functions.count(functions.lit(1)).as("respondents"),
            functions.countDistinct("respondent_pseudonym").as("persons"))
        .withColumn("kpi_id", functions.lit(kpi.id()));
  }
}
