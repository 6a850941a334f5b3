package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.contract.RawDataset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Personal identifiers in quarantine examples are masked wherever the line puts them. */
class IdentifierMaskTest {
  private static final Map<String, String> HEADERS = Map.of(
      "raw/transit/taps/dt=2026-11-01/reordered.csv",
      "tap_id,kind,card_id,auth,stop_id,route_id,tapped_at,fare_yen",
      "raw/transit/taps/dt=2026-11-01/excel.csv",
      "tap_id;card_id;auth;kind;stop_id;route_id;tapped_at;fare_yen");
  private static final IdentifierMask MASK = new IdentifierMask(id -> "<" + id.length() + ">",
      file -> Optional.ofNullable(HEADERS.get(file)));

  private static QuarantineSummary.Example example(String file, String field, String value,
      String raw) {
    return new QuarantineSummary.Example(file, "some rule", field, value, raw);
  }

  @Test
  void csvIdentifiersAreMaskedWhereTheFilesOwnHeaderPutsThem() {
    QuarantineSummary.Example masked = MASK.apply("transit_taps", example(
        "raw/transit/taps/dt=2026-11-01/reordered.csv", "stop_id", "S9",
        "t1,board,IC-123456,ic,S9,R1,2026-11-01T08:00:00+09:00,210"));
    assertThat(masked.raw()).isEqualTo("t1,board,<9>,ic,S9,R1,2026-11-01T08:00:00+09:00,210");
    assertThat(masked.value()).isEqualTo("S9");
  }

  @Test
  void aSemicolonFileAndAFileThatIsGoneAreMaskedToo() {
    assertThat(MASK.apply("transit_taps", example("raw/transit/taps/dt=2026-11-01/excel.csv",
        null, null, "t2;IC-77;ic;board;S1;R1;2026-11-01T08:00:00+09:00;210")).raw())
        .isEqualTo("t2;<5>;ic;board;S1;R1;2026-11-01T08:00:00+09:00;210");
    // no header at hand: the contract's order, as far as a torn line goes
    assertThat(MASK.apply("points_steps", example("raw/points/steps/dt=2026-11-01/gone.csv",
        null, null, "P-0042,sapporo")).raw()).isEqualTo("<6>,sapporo");
  }

  @Test
  void theOffendingValueIsMaskedWhenItIsAnIdentifier() {
    assertThat(MASK.apply("disaster_checkins", example("x.csv", "person_id", "  P-1 ",
        "SH1,  P-1 ,in,2026-11-01T08:00:00+09:00")).value()).isEqualTo("<6>");
    assertThat(MASK.apply("disaster_checkins", example("x.csv", "person_id", "",
        "SH1,,in,2026-11-01T08:00:00+09:00")).value()).isEmpty();
  }

  @Test
  void jsonIdentifiersAreMaskedByKeyEvenInATruncatedLine() {
    assertThat(MASK.apply("points_transactions", example("t.jsonl", null, null,
        "{\"txn_id\":\"x1\",\"card_id\":\"IC-9\",\"kind\":\"spend\"}")).raw())
        .isEqualTo("{\"txn_id\":\"x1\",\"card_id\":\"<4>\",\"kind\":\"spend\"}");
    assertThat(MASK.apply("points_transactions", example("t.jsonl", null, null,
        "{\"txn_id\":\"x1\", \"card_id\" : \"IC-98")).raw())
        .isEqualTo("{\"txn_id\":\"x1\", \"card_id\" : \"<5>\"");
  }

  @Test
  void datasetsWithoutIdentifiersAreShownAsTheyAre() {
    QuarantineSummary.Example arrival = example("a.csv", "stop_id", "S9", "tr1,S9,a,b");
    assertThat(MASK.apply("transit_arrivals", arrival)).isEqualTo(arrival);
    assertThat(RawDataset.TRANSIT_ARRIVALS.personalFields()).isEmpty();
  }

  @Test
  void everyPseudonymisedFieldIsAPersonalIdentifierOfItsDataset() {
    for (Conformer conformer : io.citylake.conform.datasets.DatasetConformers.all()) {
      conformer.columns().stream()
          .filter(c -> c.sql().startsWith(ConformFunctions.PSEUDONYM + "("))
          .forEach(c -> assertThat(conformer.dataset().personalFields())
              .as(conformer.silverTable()).contains(c.source().orElseThrow()));
    }
  }
}
