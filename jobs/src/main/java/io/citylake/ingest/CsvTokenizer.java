package io.citylake.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.Serializable;
import java.util.List;

/**
 * Splits one CSV line into fields with RFC 4180 quoting (univocity, the parser Spark itself uses),
 * so quoted commas in names or addresses do not shift columns.
 */
public final class CsvTokenizer implements Serializable {
  private transient CsvParser parser;

  List<String> split(String line) {
    String[] fields = parser().parseLine(line);
    return fields == null ? List.of() : java.util.Arrays.asList(fields);
  }

  private CsvParser parser() {
    if (parser == null) {
      parser = newParser(',');
    }
    return parser;
  }

  /** A contract CSV parser for {@code separator}: quotes kept, blanks kept, no trimming. */
  public static CsvParser newParser(char separator) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(separator);
    settings.getFormat().setQuote('"');
    settings.getFormat().setLineSeparator("\n");
    settings.setMaxCharsPerColumn(1_000_000);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue(null);
    settings.setEmptyValue("");
    return new CsvParser(settings);
  }
}
