package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.text;
import static io.citylake.conform.TypedColumn.timestamp;

import io.citylake.conform.Conformer;
import io.citylake.conform.Lookup;
import io.citylake.conform.ReferenceTable;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.contract.Vocabulary;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Stock counts of shelter supplies, the basis of days-to-shortage. */
public final class DisasterInventoryConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.DISASTER_INVENTORY;
  }

  @Override
  public String description() {
    return "One stock count of one supply item at one shelter";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("shelter_id", true, "GSI shelter id"),
        text("item", true, "water_l, food_meals, blankets or batteries"),
        cast("quantity", DataTypes.DoubleType, true, "units in stock"),
        timestamp("counted_at", true, "when the stock was counted"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("shelter_id", "item", "counted_at");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("item", Vocabulary.SUPPLY_ITEMS),
        Rule.between("quantity", 0, 10_000_000),
        Rule.onServiceDay("counted_at"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(new Lookup("shelter_id", ReferenceTable.SHELTERS.ref(), "shelter_id"));
  }
}
