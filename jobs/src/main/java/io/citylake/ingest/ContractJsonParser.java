package io.citylake.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * Parses JSON-lines records into the contract's fields as text. Nested values (an NGSI-LD
 * {@code location}) are kept as their JSON text; numbers and booleans as written.
 */
public final class ContractJsonParser implements LineParser {
  private final List<String> fields;
  private transient ObjectMapper mapper;

  public ContractJsonParser(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  @Override
  public List<StructField> payloadFields() {
    return LineParser.textFields(fields);
  }

  @Override
  public ParsedLine parse(RawFile file, String line) {
    JsonNode node;
    try {
      node = mapper().readTree(line);
    } catch (JsonProcessingException e) {
      return ParsedLine.corrupt(fields.size(), invalidJson(e));
    }
    if (node == null || !node.isObject()) {
      return ParsedLine.corrupt(fields.size(), "not a JSON object");
    }
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      JsonNode value = node.get(fields.get(i));
      if (value == null || value.isNull()) {
        values[i] = null;
      } else {
        values[i] = value.isValueNode() ? value.asText() : value.toString();
      }
    }
    return ParsedLine.ok(values);
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
    return mapper;
  }

  /**
   * Why the line is not JSON, without quoting it: Jackson's own messages repeat tokens of the
   * input (identifiers included), and the reason travels to quality tables outside bronze.
   */
  static String invalidJson(JsonProcessingException e) {
    String kind = e instanceof com.fasterxml.jackson.core.io.JsonEOFException
        ? "truncated" : "malformed";
    return e.getLocation() == null ? "invalid JSON: " + kind
        : "invalid JSON: " + kind + " at column " + e.getLocation().getColumnNr();
  }
}
