package io.citylake.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;

/**
 * Parses CSV lines of a contract dataset into the contract's fields, matching columns by the
 * file's own header, so a provider that reorders or adds columns does not shift values. A file
 * without a header, or whose header lacks a column, is unusable as a whole.
 */
public final class ContractCsvParser implements LineParser {
  /** Separators other CSV dialects use, with how a reason names them. */
  private static final Map<Character, String> OTHER_SEPARATORS =
      Map.of(';', "';'", '\t', "tabs", '|', "'|'");
  private final List<String> fields;
  private final CsvTokenizer tokenizer = new CsvTokenizer();

  public ContractCsvParser(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  @Override
  public List<StructField> payloadFields() {
    return LineParser.textFields(fields);
  }

  @Override
  public ParsedLine parse(RawFile file, String line) {
    Optional<String> problem = fileProblem(file);
    if (problem.isPresent()) {
      return ParsedLine.corrupt(fields.size(), problem.get());
    }
    List<String> header = file.header();
    List<String> tokens;
    try {
      tokens = tokenizer.split(line);
    } catch (RuntimeException e) {
      return ParsedLine.corrupt(fields.size(), "unparsable CSV: " + e.getClass().getSimpleName());
    }
    if (tokens.size() != header.size()) {
      return ParsedLine.corrupt(
          fields.size(), "expected " + header.size() + " fields, got " + tokens.size());
    }
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      values[i] = tokens.get(header.indexOf(fields.get(i)));
    }
    return ParsedLine.ok(values);
  }

  /**
   * A header without one of the contract's columns; when the header holds them all once split at
   * another separator, the reason names that separator, which is what the provider must fix.
   */
  @Override
  public Optional<String> fileProblem(RawFile file) {
    List<String> header = file.header();
    Optional<String> missing = fields.stream().filter(f -> !header.contains(f)).findFirst();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<Character, String> separator : OTHER_SEPARATORS.entrySet()) {
      List<String> split = Arrays.stream(file.headerLine().split(
          java.util.regex.Pattern.quote(separator.getKey().toString()), -1)).map(String::trim)
          .toList();
      if (split.containsAll(fields)) {
        return Optional.of("fields separated by " + separator.getValue() + ", not by ','");
      }
    }
    if (!namesAColumn(file)) {
      return Optional.of("no header line: the first line names none of the columns "
          + String.join(",", fields));
    }
    return Optional.of("header lacks column " + missing.get());
  }

  /**
   * A file whose first line names none of the contract's columns has no header: that line is
   * data, and is kept like the others instead of being skipped as the header.
   */
  @Override
  public boolean isHeader(RawFile file, String line) {
    return LineParser.super.isHeader(file, line) && namesAColumn(file);
  }

  /** A dated delivery with only its header line holds no record: it is empty, not ingested. */
  @Override
  public boolean headerOnly(RawFile file) {
    return file.nonBlankLines() == 1 && isHeader(file, file.headerLine());
  }

  /** Whether the first line, split at any usual separator, names one of the contract's columns. */
  private boolean namesAColumn(RawFile file) {
    return Arrays.stream(file.headerLine().split("[,;\\t|]")).map(String::trim)
        .map(name -> name.replace("\"", "")).anyMatch(fields::contains);
  }
}
