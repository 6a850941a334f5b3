package io.citylake.conform.datasets;

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

/** Shelter check-ins and check-outs, the basis of shelter headcounts. */
public final class DisasterCheckinsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.DISASTER_CHECKINS;
  }

  @Override
  public String description() {
    return "One check-in or check-out of a person at a designated shelter";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("shelter_id", true, "GSI shelter id"),
        pseudonym("person_pseudonym", "person_id", "keyed pseudonym of the evacuee"),
        text("action", true, "in or out"),
        timestamp("ts", true, "when the person checked in or out"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("shelter_id", "person_pseudonym", "action", "ts");
  }

  @Override
  public List<Rule> rules() {
    return List.of(Rule.oneOf("action", Vocabulary.CHECKIN_ACTIONS), Rule.onServiceDay("ts"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(new Lookup("shelter_id", ReferenceTable.SHELTERS.ref(), "shelter_id"));
  }
}
