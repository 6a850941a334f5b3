package io.citylake.report;

import io.citylake.lake.CityLakeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A language the KPI report is written in: Japanese for municipal staff, English for partners. */
public enum Lang {
  JA(Locale.JAPAN),
  EN(Locale.UK);

  private final Locale locale;

  Lang(Locale locale) {
    this.locale = locale;
  }

  /** {@code ja} or {@code en}: the HTML {@code lang} attribute and the file name suffix. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return locale;
  }

  /** The languages named by {@code code} ({@code ja}, {@code en}), or all when it is null. */
  public static List<Lang> parse(String code) {
    if (code == null) {
      return List.of(values());
    }
    return List.of(Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst()
        .orElseThrow(() -> CityLakeException.badInput("write the KPI report",
            "the language must be ja or en", code)));
  }
}
