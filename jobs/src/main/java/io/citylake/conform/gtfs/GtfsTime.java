package io.citylake.conform.gtfs;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GTFS clock times ({@code H:MM:SS} or {@code HH:MM:SS}) as seconds since the service day's
 * midnight. A service day's trips may run past midnight, so hours of 24 and more are valid and
 * belong to the previous service day: {@code 25:10:00} is 90 600 s, not 01:10 of the next day.
 */
public final class GtfsTime {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");

  private GtfsTime() {}

  /** The seconds since the service day's midnight, or empty for blank or malformed text. */
  public static OptionalInt toSeconds(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = TIME.matcher(text.trim());
    if (!matcher.matches()) {
      return OptionalInt.empty();
    }
    int hours = Integer.parseInt(matcher.group(1));
    int minutes = Integer.parseInt(matcher.group(2));
    int seconds = Integer.parseInt(matcher.group(3));
    return OptionalInt.of(hours * 3600 + minutes * 60 + seconds);
  }

  /** {@link #toSeconds} as a nullable value, the shape a Spark SQL function returns. */
  public static Integer secondsOrNull(String text) {
    OptionalInt seconds = toSeconds(text);
    return seconds.isPresent() ? seconds.getAsInt() : null;
  }
}
