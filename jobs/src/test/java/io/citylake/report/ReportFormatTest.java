package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.gold.Grain;
import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private final ReportFormat ja = new ReportFormat(Lang.JA);
  private final ReportFormat en = new ReportFormat(Lang.EN);

  @Test
  void yenIsShownInOkuAndManInJapanese() {
    assertThat(ja.value(583_000_000_000.0, "yen/year")).isEqualTo("5,830億円/年");
    assertThat(ja.yen(1_234_000_000.0)).isEqualTo("12.3億円");
    assertThat(ja.yen(2_345_678.0)).isEqualTo("235万円");
    assertThat(ja.yen(980.0)).isEqualTo("980円");
    assertThat(en.value(583_000_000_000.0, "yen/year")).isEqualTo("¥583.0 bn/year");
    assertThat(en.yen(2_345_678.0)).isEqualTo("¥2,345,678");
  }

  @Test
  void sharesArePercentagesAndCountsHaveSeparators() {
    assertThat(ja.value(0.8584, "share")).isEqualTo("85.8%");
    assertThat(en.value(0.0, "share")).isEqualTo("0.0%");
    assertThat(ja.value(1_100_000.0, "persons/year")).isEqualTo("1,100,000人/年");
    assertThat(en.value(1_100_000.0, "persons/year")).isEqualTo("1,100,000 persons/year");
    assertThat(ja.value(23.456, "min/day")).isEqualTo("23.5分/日");
    assertThat(en.value(2.5, "days")).isEqualTo("2.5 days");
  }

  @Test
  void suppressedCellsAreNeverZero() {
    assertThat(ja.cell(null, true, "share")).isEqualTo("秘匿");
    assertThat(en.cell(null, true, "share")).isEqualTo("suppressed");
    assertThat(en.cell(null, false, "share")).isEqualTo("—");
    assertThat(ja.cell(0.0, false, "cm")).isEqualTo("0cm");
  }

  @Test
  void datesFollowTheLanguage() {
    assertThat(ja.date(LocalDate.of(2026, 11, 14))).isEqualTo("2026年11月14日");
    assertThat(en.date(LocalDate.of(2026, 11, 4))).isEqualTo("4 Nov 2026");
  }

  @Test
  void periodsAreNamedByTheirGrain() {
    LocalDate november = LocalDate.of(2026, 11, 1);
    assertThat(en.period(november, Grain.MONTH)).isEqualTo("Nov 2026");
    assertThat(ja.period(november, Grain.MONTH)).isEqualTo("2026年11月");
    assertThat(en.period(LocalDate.of(2026, 1, 1), Grain.YEAR)).isEqualTo("2026");
    assertThat(ja.period(LocalDate.of(2026, 1, 1), Grain.YEAR)).isEqualTo("2026年");
    assertThat(en.period(LocalDate.of(2026, 11, 4), Grain.DAY)).isEqualTo("4 Nov 2026");
    assertThat(ja.period(null, Grain.MONTH)).isEqualTo("—");
  }

  @Test
  void unknownLanguageIsAUsageError() {
    assertThat(Lang.parse(null)).containsExactly(Lang.JA, Lang.EN);
    assertThat(Lang.parse("en")).containsExactly(Lang.EN);
    assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot write the KPI report: the language must be ja or en (got: fr)");
  }
}
