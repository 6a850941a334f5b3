package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.Grain;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgTrendChartTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  static KpiEntry kpi(List<KpiEntry.Point> series, Double baseline, Double target) {
    return kpi(series, baseline, target, null);
  }

  static KpiEntry kpi(List<KpiEntry.Point> series, Double baseline, Double target,
      String targetUnit) {
    return new KpiEntry("walking_minutes_avg", "sapporo", "def", "min/day", "higher", baseline,
        null, target, 2024, targetUnit, 70.0, D1, Grain.DAY, "on_track", null, true, series, 1);
  }

  @Test
  void seriesIsALineFromTheFirstToTheLastDayWithBaselineAndTargetLines() {
    String svg = new SvgTrendChart(Lang.EN).render(kpi(List.of(new KpiEntry.Point(D1, 60),
        new KpiEntry.Point(D1.plusDays(1), 70), new KpiEntry.Point(D1.plusDays(4), 65)),
        67.0, 87.0));
    Matcher path = Pattern.compile("<path class=\"series\" d=\"([^\"]+)\"").matcher(svg);
    assertThat(path.find()).isTrue();
    String[] moves = path.group(1).split(" ?[ML]");
    assertThat(path.group(1)).startsWith("M76.0 ").contains(" L350.0 ");
    assertThat(moves).hasSize(4);
    assertThat(svg).contains("<line class=\"baseline\"").contains("<line class=\"target\"")
        .contains("<title>target 87.0 min/day</title>").contains("1 Nov 2026")
        .contains("5 Nov 2026").doesNotContain("NaN");
    // the target (highest value) is drawn above the series' highest point
    assertThat(y(svg, "target")).isLessThan(y(svg, "baseline"));
  }

  @Test
  void aTargetInAnotherUnitIsNotDrawnOnTheSeriesScale() {
    String svg = new SvgTrendChart(Lang.EN).render(kpi(List.of(new KpiEntry.Point(D1, 0.9),
        new KpiEntry.Point(D1.plusDays(1), 0.95)), null, 5.0, "kg"));
    assertThat(svg).doesNotContain("class=\"target\"").contains(">1.0</text>");
  }

  @Test
  void noSeriesGivesALabelledEmptyChart() {
    String ja = new SvgTrendChart(Lang.JA).render(kpi(List.of(), 67.0, null));
    assertThat(ja).contains("データなし").doesNotContain("class=\"series\"");
  }

  @Test
  void singlePointSitsInTheMiddle() {
    String svg = new SvgTrendChart(Lang.EN).render(kpi(List.of(new KpiEntry.Point(D1, 5)),
        null, null));
    assertThat(svg).contains("d=\"M213.0 ").doesNotContain("NaN");
  }

  private static double y(String svg, String cls) {
    Matcher m = Pattern.compile("<line class=\"" + cls + "\"[^>]* y1=\"([0-9.]+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
