package io.citylake.ingest;

import java.util.Arrays;

/**
 * The bronze payload parsed from one raw line: string values in schema order, or the reason the
 * line could not be parsed (then every value is null and only the raw text survives).
 */
public record ParsedLine(Object[] values, String error) {

  public static ParsedLine ok(Object[] values) {
    return new ParsedLine(values, null);
  }

  public static ParsedLine corrupt(int width, String error) {
    return new ParsedLine(new Object[width], error);
  }

  public boolean isCorrupt() {
    return error != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParsedLine that
        && Arrays.equals(values, that.values)
        && java.util.Objects.equals(error, that.error);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + java.util.Objects.hashCode(error);
  }

  @Override
  public String toString() {
    return "ParsedLine" + Arrays.toString(values) + (error == null ? "" : " error=" + error);
  }
}
