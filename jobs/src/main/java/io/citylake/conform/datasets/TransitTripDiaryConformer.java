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

/** The travel panel's trips per person and day, the basis of the car daily share. */
public final class TransitTripDiaryConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.TRANSIT_TRIP_DIARY;
  }

  @Override
  public String description() {
    return "One trip of a panel member per row with its mode and purpose";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        pseudonym("person_pseudonym", "person_id", "keyed pseudonym of the panel member"),
        text("municipality", true, "municipality slug"),
        text("age_band", true, "age band of the person"),
        cast("trip_date", DataTypes.DateType, true, "day of the trip"),
        cast("trip_no", DataTypes.IntegerType, true, "trip number within the day"),
        text("mode", true, "main mode: car, bus, rail, walk, bicycle, taxi, other"),
        text("purpose", false, "trip purpose as reported"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("person_pseudonym", "trip_date", "trip_no");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        Rule.oneOf("age_band", Vocabulary.AGE_BANDS),
        Rule.oneOf("mode", Vocabulary.TRIP_MODES),
        Rule.between("trip_no", 1, 50),
        Rules.reportedWithinAWeek("trip_date"));
  }
}
