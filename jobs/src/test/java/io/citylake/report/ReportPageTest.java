package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.Grain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  static ReportData data() throws Exception {
    KpiEntry spend = new KpiEntry("tourism_spend_yen", "sapporo", "Sum of <amount>", "yen/year",
        "higher", 583_000_000_000.0, null, 700_000_000_000.0, 2024, "yen/year", 612_345_678_901.0,
        LocalDate.of(2026, 11, 1), Grain.MONTH, "missed", null, true,
        List.of(new KpiEntry.Point(DAY.minusDays(1), 600_000_000_000.0)), 1);
    ShelterSupply shelters = new ShelterSupply(List.of(new ShelterSupply.Item("S1", "water_l",
        DAY.atTime(9, 0), 30.0, 20L, 0.5), new ShelterSupply.Item("S2", "water_l",
        DAY.atTime(9, 0), 300.0, 0L, null)), 2, 1);
    return new ReportData(DAY, List.of(new ReportData.MunicipalityReport("sapporo",
        List.of(spend), List.of(SvgChoroplethTest.layer(),
            MapLayer.unavailable("snow_depth", "cm", "gold.spatial_areas missing")), shelters)),
        new Freshness("run-1", Instant.parse("2026-11-14T17:05:00Z"), DAY.minusDays(13), DAY,
            List.of(new Freshness.Quarantined("transit_taps", 3, 1234))));
  }

  @Test
  void japanesePageShowsOkuYenSuppressionStatusAndWarnings() throws Exception {
    String html = new ReportPage(Lang.JA).render(data());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">")
        .contains("data-kpi=\"tourism_spend_yen\">6,123億円/年</td>")
        .contains("<td class=\"day-value suppressed\" data-kpi=\"tourism_spend_yen\">秘匿</td>")
        .contains("data-status=\"missed\">未達</td>")
        .contains("⚠ 0.5日 (3日未満)").contains("避難者なし")
        .contains("地図を表示できません: gold.spatial_areas missing")
        .contains("出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成")
        .contains("2026-11-15 02:05 JST").contains("1,234")
        .contains("Sum of &lt;amount&gt;")
        .contains("<td class=\"latest-period\" data-kpi=\"tourism_spend_yen\">2026年11月</td>");
  }

  @Test
  void pageIsSelfContained() throws Exception {
    String html = new ReportPage(Lang.EN).render(data());
    assertThat(html).contains("<html lang=\"en\">").contains("¥612.3 bn/year")
        .contains(">suppressed</td>")
        .contains("<td class=\"latest-period\" data-kpi=\"tourism_spend_yen\">Nov 2026</td>")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
  }
}
