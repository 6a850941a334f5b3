package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.pseudonym;
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

/** Cashless and health-point transactions of residents and visitors, the basis of tourism KPIs. */
public final class PointsTransactionsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.POINTS_TRANSACTIONS;
  }

  @Override
  public String description() {
    return "One cashless or point transaction per row with panel weight, merchant and location";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("txn_id", true, "provider's transaction identifier (natural key)"),
        pseudonym("card_pseudonym", "card_id", "keyed pseudonym of the card"),
        text("municipality", true, "municipality slug"),
        text("kind", true, "spend, earn or redeem"),
        text("merchant_id", true, "merchant of reference/merchants.csv"),
        text("merchant_category", false, "merchant category as reported"),
        cast("amount_yen", DataTypes.createDecimalType(14, 2), true, "amount, yen"),
        cast("points", DataTypes.IntegerType, false, "points earned (+) or redeemed (-)"),
        cast("visitor", DataTypes.BooleanType, true, "true for visitors (tourists)"),
        text("home_prefecture", false, "card holder's home prefecture"),
        cast("weight", DataTypes.DoubleType, true, "panel expansion factor to city totals"),
        timestamp("ts", true, "when the transaction happened"),
        cast("lon", DataTypes.DoubleType, true, "longitude of the merchant"),
        cast("lat", DataTypes.DoubleType, true, "latitude of the merchant"),
        TypedColumn.derived("geometry_wkb", DataTypes.BinaryType, Rules.point("lon", "lat"),
            "point geometry as WKB (rebuild with ST_GeomFromWKB)"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("txn_id");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        Rule.oneOf("kind", Vocabulary.TRANSACTION_KINDS),
        Rule.between("amount_yen", 0, 10_000_000),
        Rule.between("weight", 0.000001, 1_000_000),
        Rule.inJapan("lon", "lat"),
        Rule.onServiceDay("ts"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(new Lookup("merchant_id", ReferenceTable.MERCHANTS.ref(), "merchant_id"));
  }
}
