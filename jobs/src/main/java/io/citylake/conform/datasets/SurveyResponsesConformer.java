package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.pseudonym;
import static io.citylake.conform.TypedColumn.text;

import io.citylake.conform.Conformer;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.contract.Vocabulary;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Residents' survey answers, the basis of the safety, satisfaction and continuation KPIs. */
public final class SurveyResponsesConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.SURVEY_RESPONSES;
  }

  @Override
  public String description() {
    return "One answer of one respondent to one survey question";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        pseudonym("respondent_pseudonym", "respondent_id",
            "keyed pseudonym of the respondent (same as the person's in other datasets)"),
        text("municipality", true, "municipality slug"),
        text("age_band", true, "age band of the respondent"),
        cast("survey_date", DataTypes.DateType, true, "day of the survey"),
        text("question", true, "question code, e.g. feels_safe"),
        text("answer", true, "answer code as given"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("respondent_pseudonym", "survey_date", "question");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        Rule.oneOf("age_band", Vocabulary.AGE_BANDS),
        invalidAnswer("feels_safe", Vocabulary.FEELS_SAFE_ANSWERS),
        invalidAnswer("satisfaction", Vocabulary.SATISFACTION_ANSWERS),
        invalidAnswer("continue_intent", Vocabulary.CONTINUE_INTENT_ANSWERS));
  }

  private static Rule invalidAnswer(String question, List<String> answers) {
    return new Rule("invalid answer to " + question, "question = '" + question
        + "' AND answer NOT IN ('" + String.join("', '", answers) + "')").on("answer");
  }
}
