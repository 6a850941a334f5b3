package io.citylake.ingest;

import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * Parses CSV lines of a contract dataset into the contract's fields, matching columns by the
 * file's own header, so a provider that reorders or adds columns does not shift values.
 */
public final class ContractCsvParser implements LineParser {
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
    List<String> header = file.header();
    for (String field : fields) {
      if (!header.contains(field)) {
        return ParsedLine.corrupt(fields.size(), "header lacks column " + field);
      }
    }
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
}
