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

/** Daily step and walking logs from wearables and the health-point app. */
public final class PointsStepsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.POINTS_STEPS;
  }

  @Override
  public String description() {
    return "Steps and walking minutes of one person on one day; steps outside 0..100000 are"
        + " invalid by the city's definition and quarantined";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        pseudonym("person_pseudonym", "person_id", "keyed pseudonym of the person"),
        text("municipality", true, "municipality slug"),
        text("age_band", true, "age band of the person"),
        cast("activity_date", DataTypes.DateType, true, "day the steps were walked"),
        cast("steps", DataTypes.IntegerType, true, "steps that day"),
        cast("walking_minutes", DataTypes.DoubleType, false,
            "walking minutes as logged; null when the device did not log them"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("person_pseudonym", "activity_date");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        Rule.oneOf("age_band", Vocabulary.AGE_BANDS),
        Rule.between("steps", 0, 100_000),
        Rule.between("walking_minutes", 0, 1440),
        Rules.reportedWithinAWeek("activity_date"));
  }
}
