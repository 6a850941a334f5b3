package io.citylake.conform.gtfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads GTFS text files in plain Java, for expected values computed independently of the code
 * under test. Handles BOMs and CRLF; the test feeds have no quoted fields.
 */
final class FeedText {
  private static final DateTimeFormatter GTFS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private FeedText() {}

  /** Each non-blank line after the header as header → value. */
  static List<Map<String, String>> records(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String[] header = lines.get(0).replace("\uFEFF", "").strip().split(",", -1);
      List<Map<String, String>> records = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] values = line.strip().split(",", -1);
        Map<String, String> record = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          record.put(header[i], values[i]);
        }
        records.add(record);
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code service_id|yyyy-mm-dd} of every day a feed's services run, by the GTFS rules. */
  static Set<String> serviceDays(Path feed) {
    Set<String> days = new TreeSet<>();
    String[] weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};
    Path calendar = feed.resolve("calendar.txt");
    if (Files.exists(calendar)) {
      for (Map<String, String> row : records(calendar)) {
        LocalDate end = LocalDate.parse(row.get("end_date"), GTFS_DATE);
        for (LocalDate day = LocalDate.parse(row.get("start_date"), GTFS_DATE);
            !day.isAfter(end); day = day.plusDays(1)) {
          if (row.get(weekdays[day.getDayOfWeek().getValue() - 1]).equals("1")) {
            days.add(row.get("service_id") + "|" + day);
          }
        }
      }
    }
    for (Map<String, String> row : records(feed.resolve("calendar_dates.txt"))) {
      String key = row.get("service_id") + "|" + LocalDate.parse(row.get("date"), GTFS_DATE);
      if (row.get("exception_type").equals("1")) {
        days.add(key);
      } else {
        days.remove(key);
      }
    }
    return days;
  }
}
