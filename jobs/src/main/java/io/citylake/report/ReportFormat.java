package io.citylake.report;

import io.citylake.gold.Grain;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers, units and dates as a policy officer reads them: thousands separators, shares as
 * percentages, yen in 億円/万円 in Japanese, and a suppressed cell as 「秘匿」/"suppressed",
 * never as zero. Units are the catalogue's ({@code share}, {@code yen/year}, {@code min/day}, ...).
 */
public record ReportFormat(Lang lang) {
  private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy",
      java.util.Locale.UK);
  private static final DateTimeFormatter JA_MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
  private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMM yyyy",
      java.util.Locale.UK);

  /** A value in a catalogue unit; {@code —} for no value. */
  public String value(Double value, String unit) {
    if (value == null) {
      return "—";
    }
    String u = unit == null ? "" : unit;
    if (u.equals("share")) {
      return percent(value);
    }
    if (u.startsWith("yen")) {
      return yen(value) + perSuffix(u.substring(3));
    }
    return number(value, value != 0 && Math.abs(value) < 100 ? 1 : 0) + unitLabel(u);
  }

  /** A chart axis label: the number without its unit (the caption names the unit). */
  public String axis(double value, String unit) {
    String u = unit == null ? "" : unit;
    if (u.equals("share")) {
      return percent(value);
    }
    if (u.startsWith("yen")) {
      return yen(value);
    }
    return number(value, value != 0 && Math.abs(value) < 100 ? 1 : 0);
  }

  /** A catalogue unit in the report's language: {@code min/day -> 分/日}, {@code share -> %}. */
  public String unit(String unit) {
    String u = unit == null ? "" : unit;
    if (u.equals("share")) {
      return "%";
    }
    if (u.startsWith("yen")) {
      return (lang == Lang.JA ? "円" : "yen") + perSuffix(u.substring(3));
    }
    return unitLabel(u).trim();
  }

  /** A cell that may be suppressed: 「秘匿」/"suppressed" when it is. */
  public String cell(Double value, boolean suppressed, String unit) {
    return value == null && suppressed ? suppressed() : value(value, unit);
  }

  public String suppressed() {
    return lang == Lang.JA ? "秘匿" : "suppressed";
  }

  /** A fraction 0..1 as a percentage with one decimal: {@code 0.4237 -> 42.4%}. */
  public String percent(double fraction) {
    return number(fraction * 100, 1) + "%";
  }

  /** Yen: 億円 (10^8) or 万円 (10^4) in Japanese; ¥ with separators or billions in English. */
  public String yen(double yen) {
    double abs = Math.abs(yen);
    if (lang == Lang.JA) {
      if (abs >= 1e8) {
        return number(yen / 1e8, abs >= 1e10 ? 0 : 1) + "億円";
      }
      if (abs >= 1e4) {
        return number(yen / 1e4, 0) + "万円";
      }
      return number(yen, 0) + "円";
    }
    if (abs >= 1e9) {
      return "¥" + number(yen / 1e9, 1) + " bn";
    }
    return "¥" + number(yen, 0);
  }

  /** A number with grouping separators and exactly {@code decimals} decimals. */
  public String number(double value, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
    format.setGroupingUsed(true);
    format.setRoundingMode(java.math.RoundingMode.HALF_UP); // 四捨五入, as the city rounds
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    return format.format(value);
  }

  public String date(LocalDate day) {
    return day == null ? "—" : (lang == Lang.JA ? JA_DATE : EN_DATE).format(day);
  }

  /**
   * A period named by its first day, as its grain reads: a day as {@link #date}, a month as
   * 「2026年11月」/"Nov 2026", a year as 「2026年」/"2026".
   */
  public String period(LocalDate start, Grain grain) {
    if (start == null) {
      return "—";
    }
    return switch (grain) {
      case DAY -> date(start);
      case MONTH -> (lang == Lang.JA ? JA_MONTH : EN_MONTH).format(start);
      case YEAR -> start.getYear() + (lang == Lang.JA ? "年" : "");
    };
  }

  /**
   * A target's year as the city names it: a calendar year as {@code 2024}, a fiscal year (年度,
   * April to March) as 「2024年度」/"FY2024".
   */
  public String year(Integer year, io.citylake.kpi.YearType type) {
    if (year == null) {
      return "—";
    }
    if (type == io.citylake.kpi.YearType.CALENDAR) {
      return String.valueOf(year);
    }
    return lang == Lang.JA ? year + "年度" : "FY" + year;
  }

  /** A growth path: where it starts again and how it grows, e.g. "+10 %/yr from FY2022". */
  public String path(io.citylake.kpi.GrowthPath path, String unit, io.citylake.kpi.YearType type) {
    double percent = path.annualRate() * 100;
    String rate = number(percent, Math.abs(percent - Math.rint(percent)) < 1e-9 ? 0 : 1);
    String base = value(path.base(), unit);
    int back = path.startYear() - 1;
    return lang == Lang.JA
        ? "成長経路：" + year(back, type) + "に" + year(path.baseYear(), type) + "の水準（" + base
            + "）、" + year(path.startYear(), type) + "から毎年" + rate + "%増"
        : "growth path: back to the " + year(path.baseYear(), type) + " level (" + base + ") in "
            + year(back, type) + ", then +" + rate + " %/yr from " + year(path.startYear(), type);
  }

  private String perSuffix(String per) {
    return switch (per) {
      case "/year" -> lang == Lang.JA ? "/年" : "/year";
      case "/day" -> lang == Lang.JA ? "/日" : "/day";
      default -> per;
    };
  }

  private String unitLabel(String unit) {
    if (lang == Lang.EN) {
      return unit.isEmpty() ? "" : " " + unit;
    }
    return switch (unit) {
      case "min/day" -> "分/日";
      case "min" -> "分";
      case "persons/year" -> "人/年";
      case "persons/day" -> "人/日";
      case "persons" -> "人";
      case "board taps/day" -> "回/日";
      case "days" -> "日";
      case "cm" -> "cm";
      case "kg" -> "kg";
      case "companies" -> "社";
      case "households" -> "世帯";
      default -> unit.isEmpty() ? "" : " " + unit;
    };
  }
}
