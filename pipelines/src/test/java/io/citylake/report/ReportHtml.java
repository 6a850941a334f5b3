package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures back out of a rendered report page, and formats gold values the way a policy
 * officer expects to see them, written here independently of {@link ReportFormat}.
 */
final class ReportHtml {
  private final String html;

  ReportHtml(String html) {
    this.html = html;
  }

  /** The HTML of one municipality's section. */
  ReportHtml section(String municipality) {
    int start = html.indexOf("data-municipality=\"" + municipality + "\"");
    assertThat(start).as("section of " + municipality).isPositive();
    int end = html.indexOf("</section>", start);
    return new ReportHtml(html.substring(start, end));
  }

  /** The text of the one {@code <td class="cls ..." data-kpi="kpi">}. */
  String kpiCell(String cls, String kpi) {
    List<String> cells = all("<td class=\"" + Pattern.quote(cls) + "( [a-z_ -]+)?\" data-kpi=\""
        + Pattern.quote(kpi) + "\"[^>]*>([^<]*)</td>", 2);
    assertThat(cells).as(cls + " of " + kpi).hasSize(1);
    return unescape(cells.get(0));
  }

  /** The figure of one map ({@code people_flow}, {@code snow_depth}, {@code tourism_spend}). */
  ReportHtml map(String metric) {
    int start = html.indexOf("data-metric=\"" + metric + "\"");
    assertThat(start).as("map " + metric).isPositive();
    return new ReportHtml(html.substring(start, html.indexOf("</figure>", start)));
  }

  /** The value an area's tooltip shows, e.g. 「秘匿」 or {@code 1,234人/日}. */
  String areaValue(String areaId) {
    List<String> titles = all("<path class=\"area\" data-area=\"" + Pattern.quote(areaId)
        + "\"[^>]*><title>([^<]*)</title>", 1);
    assertThat(titles).as("area " + areaId).hasSize(1);
    String title = unescape(titles.get(0));
    return title.substring(title.lastIndexOf(": ") + 2);
  }

  List<String> all(String regex, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  String text() {
    return html;
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /** A catalogue value as expected on the page: %, 億円/万円, ¥ bn, separators, units. */
  static String expected(Double v, String unit, Lang lang) {
    if (v == null) {
      return "—";
    }
    boolean ja = lang == Lang.JA;
    if (unit.equals("share")) {
      return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
    if (unit.startsWith("yen")) {
      String per = unit.substring(3).isEmpty() ? "" : (ja ? unit.substring(3)
          .replace("year", "年").replace("day", "日") : unit.substring(3));
      if (ja) {
        return (v >= 1e10 ? String.format(Locale.ROOT, "%,.0f億円", v / 1e8)
            : v >= 1e8 ? String.format(Locale.ROOT, "%,.1f億円", v / 1e8)
            : v >= 1e4 ? String.format(Locale.ROOT, "%,.0f万円", v / 1e4)
            : String.format(Locale.ROOT, "%,.0f円", v)) + per;
      }
      return (v >= 1e9 ? String.format(Locale.ROOT, "¥%,.1f bn", v / 1e9)
          : String.format(Locale.ROOT, "¥%,.0f", v)) + per;
    }
    String number = String.format(Locale.ROOT, v != 0 && Math.abs(v) < 100 ? "%,.1f" : "%,.0f", v);
    if (!ja) {
      return number + " " + unit;
    }
    return number + switch (unit) {
      case "min/day" -> "分/日";
      case "min" -> "分";
      case "persons/year" -> "人/年";
      case "persons/day" -> "人/日";
      case "board taps/day" -> "回/日";
      case "days" -> "日";
      case "companies" -> "社";
      case "households" -> "世帯";
      default -> unit;
    };
  }
}
