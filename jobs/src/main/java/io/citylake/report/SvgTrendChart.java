package io.citylake.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A KPI's headline series as an inline SVG line chart, with the baseline and the target as
 * dashed horizontal lines. Generated on the server, so the report needs no script.
 */
public final class SvgTrendChart {
  static final int WIDTH = 360;
  static final int HEIGHT = 150;
  private static final int LEFT = 76;
  private static final int RIGHT = 10;
  private static final int TOP = 12;
  private static final int BOTTOM = 24;

  private final ReportFormat format;
  private final Messages messages;

  public SvgTrendChart(Lang lang) {
    this.format = new ReportFormat(lang);
    this.messages = new Messages(lang);
  }

  /** The chart of {@code kpi}; a labelled empty frame when the series has no value. */
  public String render(KpiEntry kpi) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"trend\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(messages.kpi(kpi.kpiId()))).append("\">");
    svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
        .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"")
        .append(HEIGHT - TOP - BOTTOM).append("\"/>");
    List<KpiEntry.Point> points = kpi.series();
    if (points.isEmpty()) {
      svg.append(text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "empty", messages.get("chart.no_data")));
      return svg.append("</svg>").toString();
    }
    double[] range = range(kpi);
    Scale scale = new Scale(points.get(0).day().toEpochDay(),
        points.get(points.size() - 1).day().toEpochDay(), range[0], range[1]);
    if (kpi.goalComparable()) {
      reference(svg, scale, kpi.baseline(), "baseline", kpi.unit());
      reference(svg, scale, kpi.target(), "target", kpi.unit());
    }
    StringBuilder d = new StringBuilder();
    for (KpiEntry.Point p : points) {
      d.append(d.length() == 0 ? "M" : " L").append(Html.coord(scale.x(p.day().toEpochDay())))
          .append(' ').append(Html.coord(scale.y(p.value())));
    }
    svg.append("<path class=\"series\" d=\"").append(d).append("\"/>");
    for (KpiEntry.Point p : points) {
      svg.append("<circle class=\"point\" r=\"2.5\" cx=\"")
          .append(Html.coord(scale.x(p.day().toEpochDay()))).append("\" cy=\"")
          .append(Html.coord(scale.y(p.value()))).append("\"><title>")
          .append(Html.escape(format.date(p.day()) + ": " + format.value(p.value(), kpi.unit())))
          .append("</title></circle>");
    }
    axes(svg, kpi, range);
    return svg.append("</svg>").toString();
  }

  private void axes(StringBuilder svg, KpiEntry kpi, double[] range) {
    List<KpiEntry.Point> points = kpi.series();
    svg.append(text(LEFT - 4, TOP + 8, "end", "axis", format.axis(range[1], kpi.unit())));
    svg.append(text(LEFT - 4, HEIGHT - BOTTOM, "end", "axis", format.axis(range[0], kpi.unit())));
    svg.append(text(LEFT, HEIGHT - 8, "start", "axis", format.date(points.get(0).day())));
    if (ChronoUnit.DAYS.between(points.get(0).day(), points.get(points.size() - 1).day()) > 0) {
      svg.append(text(WIDTH - RIGHT, HEIGHT - 8, "end", "axis",
          format.date(points.get(points.size() - 1).day())));
    }
  }

  private void reference(StringBuilder svg, Scale scale, Double value, String kind, String unit) {
    if (value == null) {
      return;
    }
    double y = scale.y(value);
    svg.append("<line class=\"").append(kind).append("\" x1=\"").append(LEFT).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y1=\"").append(Html.coord(y)).append("\" y2=\"")
        .append(Html.coord(y)).append("\"><title>")
        .append(Html.escape(messages.get("chart." + kind) + " " + format.value(value, unit)))
        .append("</title></line>");
    svg.append(text(WIDTH - RIGHT - 2, y - 3, "end", kind + "-label",
        messages.get("chart." + kind)));
  }

  /** Value range covering the series, the baseline and the target, padded by 5%. */
  static double[] range(KpiEntry kpi) {
    List<Double> values = new ArrayList<>();
    kpi.series().forEach(p -> values.add(p.value()));
    if (kpi.baseline() != null && kpi.goalComparable()) {
      values.add(kpi.baseline());
    }
    if (kpi.target() != null && kpi.goalComparable()) {
      values.add(kpi.target());
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = max > min ? (max - min) * 0.05 : (max == 0 ? 1 : Math.abs(max) * 0.1);
    double low = min >= 0 && min - pad < 0 ? 0 : min - pad;
    return new double[] {low, max + pad};
  }

  private static String text(double x, double y, String anchor, String cls, String content) {
    return "<text class=\"" + cls + "\" x=\"" + Html.coord(x) + "\" y=\"" + Html.coord(y)
        + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content) + "</text>";
  }

  /** Days and values to pixels inside the frame; a single day sits in the middle. */
  private record Scale(long firstDay, long lastDay, double min, double max) {
    double x(long day) {
      double width = WIDTH - LEFT - RIGHT;
      return lastDay == firstDay ? LEFT + width / 2
          : LEFT + width * (day - firstDay) / (double) (lastDay - firstDay);
    }

    double y(double value) {
      double height = HEIGHT - TOP - BOTTOM;
      return TOP + height * (1 - (value - min) / (max - min));
    }
  }
}
