package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.ConformDataset;
import io.citylake.conform.Quarantine;
import io.citylake.conform.datasets.TransitTripDiaryConformer;
import io.citylake.contract.RawDataset;
import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries in Shift_JIS (CP932), as Japanese municipal systems export them, from raw file to
 * silver: the text survives decoding, bronze records the encoding, and a line whose bytes are
 * not valid CP932 keeps them and is quarantined as {@code not_decodable}.
 */
class RawEncodingTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final Charset CP932 = Charset.forName("windows-31j");
  /** Kanji, a circled digit and a bracketed company sign (CP932 extensions), half-width kana. */
  private static final String PURPOSE = "札幌の㈱病院へ①番窓口 ｻｯﾎﾟﾛ";
  private static final String HEADER = RawDataset.TRANSIT_TRIP_DIARY.csvHeader();
  private static final String GOOD = "p-1,sapporo,65-74,2026-11-01,1,bus," + PURPOSE;
  private static final byte[] BAD = concat(
      "p-2,sapporo,65-74,2026-11-01,1,walk,".getBytes(CP932),
      new byte[] {(byte) 0x85, 0x40}, // a lead and trail byte CP932 does not map
      "散歩".getBytes(CP932));

  @BeforeAll
  static void deliverAndRunTheNight() {
    samplePseudonyms();
    Path folder = lakeDir().resolve(RawDataset.TRANSIT_TRIP_DIARY.rawPath()).resolve("dt=" + DAY);
    RawFiles.writeBytes(folder.resolve("diary-sjis.csv.gz"), concat(
        (HEADER + "\r\n" + GOOD + "\r\n").getBytes(CP932), BAD, "\r\n".getBytes(CP932)));
    // the same delivery system's UTF-8 export, with a byte-order mark, stays UTF-8
    RawFiles.write(folder.resolve("diary-utf8.csv"),
        "\uFEFF" + HEADER + "\n" + GOOD.replace("p-1", "p-3") + "\n");
    JobResult ingest = new IngestRawDataset(RawDataset.TRANSIT_TRIP_DIARY).run(context(DAY));
    assertThat(ingest.warnings()).singleElement().asString()
        .contains("diary-sjis.csv.gz").contains("1 line(s) not decodable as windows-31j");
    new ConformDataset(new TransitTripDiaryConformer()).run(context(DAY));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String bronze() {
    return delta(lake().paths().bronze("transit_trip_diary"));
  }

  @Test
  void bronzeKeepsTheShiftJisTextAndRecordsTheEncoding() {
    List<Row> rows = rows("SELECT person_id, purpose, _raw, _parse_error, _source_encoding,"
        + " _raw_base64 FROM " + bronze() + " WHERE _source_file LIKE '%sjis%' ORDER BY _raw");
    assertThat(rows).hasSize(2);
    Row good = rows.get(0);
    assertThat(good.getString(0)).isEqualTo("p-1");
    assertThat(good.getString(1)).isEqualTo(PURPOSE);
    assertThat(good.getString(2)).isEqualTo(GOOD).doesNotContain("\uFFFD");
    assertThat(good.isNullAt(3)).isTrue();
    assertThat(good.getString(4)).isEqualTo("windows-31j");
    assertThat(good.isNullAt(5)).isTrue();
    Row bad = rows.get(1);
    assertThat(bad.getString(3)).startsWith("not decodable as windows-31j");
    assertThat(bad.getString(4)).isEqualTo("windows-31j");
    assertThat(Base64.getDecoder().decode(bad.getString(5))).isEqualTo(BAD);
    assertThat(rows("SELECT DISTINCT _source_encoding, purpose FROM " + bronze()
        + " WHERE _source_file LIKE '%utf8%'")).singleElement()
        .satisfies(r -> assertThat(List.of(r.getString(0), r.getString(1)))
            .containsExactly(StandardCharsets.UTF_8.name(), PURPOSE));
  }

  @Test
  void silverAcceptsTheShiftJisRowWithItsMunicipality() {
    List<Row> silver = rows("SELECT municipality, purpose, _source_file FROM "
        + delta(lake().paths().silver("transit_trip_diary")) + " ORDER BY _source_file");
    assertThat(silver).extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly("sapporo " + PURPOSE, "sapporo " + PURPOSE);
    assertThat(silver.get(0).getString(2)).endsWith("diary-sjis.csv.gz");
  }

  @Test
  void theUndecodableLineIsQuarantinedAsNotDecodable() {
    assertThat(rows("SELECT rule, source_file FROM "
        + delta(Quarantine.path(lake().paths())) + " WHERE dataset = 'transit_trip_diary'"))
        .singleElement().satisfies(r -> {
          assertThat(r.getString(0)).isEqualTo("not_decodable");
          assertThat(r.getString(1)).endsWith("diary-sjis.csv.gz");
        });
  }
}
