package io.citylake.sample;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time stamp formats of the providers: ISO-8601 in JST ({@code +09:00}), its UTC {@code Z} twin, GTFS times. */
final class JstTime {
  static final ZoneOffset JST = ZoneOffset.ofHours(9);
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  private static final DateTimeFormatter GTFS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private JstTime() {}

  /** JST time stamp of a second of a service day; seconds may exceed 24 h (GTFS-style). */
  static String at(LocalDate serviceDay, int secondOfServiceDay) {
    return serviceDay.atStartOfDay().plusSeconds(secondOfServiceDay).atOffset(JST).format(LOCAL);
  }

  /** The same instant as a JST time stamp, written in UTC with a {@code Z}. */
  static String toUtc(String jstTimestamp) {
    return OffsetDateTime.parse(jstTimestamp).withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
  }

  /** GTFS time {@code HH:MM:SS}, hours may pass 24. */
  static String gtfsTime(int seconds) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** GTFS date {@code YYYYMMDD}. */
  static String gtfsDate(LocalDate day) {
    return day.format(GTFS_DATE);
  }
}
