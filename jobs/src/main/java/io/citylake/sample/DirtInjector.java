package io.citylake.sample;

import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Injects the real-world dirt the contract names, deterministically and at modest rates, and
 * counts every injected line by {@code <table>.<kind>} for the summary and README.
 *
 * <p>Line-level dirt (any dataset): exact duplicates, time stamps rewritten to UTC {@code Z} (same
 * instant), malformed lines (truncated JSON, CSV with a missing or extra field, garbage text).
 * Record-level dirt (unknown codes, absurd values, missing fields) is decided by the writers
 * through {@link #roll}.
 */
final class DirtInjector {
  private static final Pattern JST_TS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00");
  private static final String[] GARBAGE = {
      "<html><body><h1>502 Bad Gateway</h1></body></html>",
      "#ERROR upload interrupted, retrying",
      "\u00ef\u00bb\u00bf??? ??? ???",
      "-- end of batch --"};

  /** Rates of line-level dirt. */
  record Rates(double duplicate, double utc, double malformed) {
    static final Rates DEFAULT = new Rates(0.006, 0.006, 0.004);
    static final Rates NONE = new Rates(0, 0, 0);
  }

  private final Map<String, Integer> counts = new TreeMap<>();

  /** Records one dirty line of a kind. */
  void record(RawDataset dataset, String kind) {
    counts.merge(dataset.tableName() + "." + kind, 1, Integer::sum);
  }

  /** True with probability {@code p}, and then counted as one line of the kind. */
  boolean roll(SplittableRandom rng, double p, RawDataset dataset, String kind) {
    if (rng.nextDouble() < p) {
      record(dataset, kind);
      return true;
    }
    return false;
  }

  /** The clean lines with line-level dirt applied. */
  List<String> dirty(SplittableRandom rng, RawDataset dataset, List<String> clean, Rates rates) {
    List<String> out = new ArrayList<>(clean.size() + clean.size() / 50);
    for (String line : clean) {
      double r = rng.nextDouble();
      String written = line;
      if (r < rates.malformed()) {
        written = malformed(rng, dataset, line);
      } else if (r < rates.malformed() + rates.utc()) {
        String utc = toUtc(line);
        if (!utc.equals(line)) {
          written = utc;
          record(dataset, "utc_z_timestamp");
        }
      }
      out.add(written);
      if (rng.nextDouble() < rates.duplicate()) {
        out.add(written);
        record(dataset, "duplicate");
      }
    }
    return out;
  }

  Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  private String malformed(SplittableRandom rng, RawDataset dataset, String line) {
    int kind = rng.nextInt(10);
    if (kind == 0) {
      record(dataset, "garbage_line");
      return GARBAGE[rng.nextInt(GARBAGE.length)];
    }
    if (dataset.format() == RawFormat.JSONL) {
      record(dataset, "truncated_json");
      return line.substring(0, line.length() * (3 + rng.nextInt(5)) / 10);
    }
    if (kind < 6) {
      record(dataset, "missing_field");
      return line.substring(0, line.lastIndexOf(','));
    }
    record(dataset, "extra_field");
    return line + ",x";
  }

  private static String toUtc(String line) {
    Matcher m = JST_TS.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, JstTime.toUtc(m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
