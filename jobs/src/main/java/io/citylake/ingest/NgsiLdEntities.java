package io.citylake.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an NGSI-LD delivery into one bronze record per observed attribute instance, the unit
 * silver's long table counts. Real exports mix shapes, so all of them are read the same way:
 *
 * <ul>
 *   <li>a document may be one entity, a JSON array of entities, or one entity per line;
 *   <li>an attribute may be <em>normalized</em> ({@code {"type":"Property","value":…}} with
 *       {@code unitCode}, {@code observedAt}, {@code datasetId}; {@code object} for a
 *       relationship), <em>keyValues</em> (the bare value), or <em>temporal</em> (an array of
 *       normalized instances, or {@code "values": [[value, time], …]});
 *   <li>a value may be wrapped as {@code {"@type":"DateTime","@value":…}}.
 * </ul>
 *
 * <p>An instance's time is its own {@code observedAt}; exports without one (the Smart Data Models
 * examples) fall back to the entity's {@code dateObserved}, then {@code dateObservedFrom}, then
 * the start of a {@code dateObserved} interval ({@code a/b}); {@code time_source} says which.
 * Times stay as delivered: silver reads a time without zone as JST and flags it. The remote
 * {@code @context} is never fetched: attribute names are taken as the short names the Smart Data
 * Models use. Nothing is dropped: an entity without attributes is one record with no attribute
 * (silver quarantines it), and text that is not JSON is one unparsable record.
 */
public final class NgsiLdEntities {
  public static final List<String> FIELDS = RawDataset.SENSOR_NGSI_LD.fields();
  public static final String OBSERVED_AT = "observedAt";
  public static final String DATE_OBSERVED = "dateObserved";
  public static final String DATE_OBSERVED_FROM = "dateObservedFrom";
  public static final String INTERVAL_START = "dateObserved (interval start)";
  private static final Set<String> NOT_ATTRIBUTES = Set.of("id", "@id", "type", "@type",
      "@context", "scope");
  private static final Set<String> NGSI_TYPES = Set.of("Property", "GeoProperty",
      "Relationship", "LanguageProperty", "VocabProperty", "ListProperty", "JsonProperty",
      "ListRelationship");
  private static final ObjectMapper JSON = new ObjectMapper();

  private NgsiLdEntities() {}

  /** Every attribute instance of every entity in {@code text}, in document order. */
  public static List<ParsedRecord> split(String text) {
    List<ParsedRecord> records = new ArrayList<>();
    int entityNo = 0;
    long consumed = 0;
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
              throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null,
                  "unclosed array");
            }
            entity(parser.readValueAsTree(), entityNo++, records);
            consumed = parser.currentLocation().getCharOffset();
          }
        } else {
          entity(parser.readValueAsTree(), entityNo++, records);
        }
        consumed = parser.currentLocation().getCharOffset();
      }
    } catch (JsonProcessingException e) {
      // the unread rest, from after the last whole entity and its separator
      String rest = text.substring((int) Math.min(Math.max(consumed, 0), text.length()))
          .replaceFirst("^[\\s,]+", "").strip();
      records.add(new ParsedRecord(rest, ParsedLine.corrupt(FIELDS.size(),
          ContractJsonParser.invalidJson(e))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return records;
  }

  private static void entity(JsonNode entity, int entityNo, List<ParsedRecord> records) {
    if (entity == null || !entity.isObject()) {
      records.add(new ParsedRecord(String.valueOf(entity),
          ParsedLine.corrupt(FIELDS.size(), "not a JSON object")));
      return;
    }
    String id = text(first(entity, "id", "@id"));
    String type = text(first(entity, "type", "@type"));
    Value location = interpret(entity.get("location"));
    String[] fallback = fallbackTime(entity);
    int before = records.size();
    Iterator<Map.Entry<String, JsonNode>> fields = entity.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (NOT_ATTRIBUTES.contains(field.getKey())) {
        continue;
      }
      for (JsonNode instance : instances(field.getValue())) {
        Value value = interpret(instance);
        boolean own = value.observedAt() != null;
        ObjectNode raw = JSON.createObjectNode().put("id", id).put("type", type);
        raw.set(field.getKey(), instance);
        records.add(new ParsedRecord(raw.toString(), ParsedLine.ok(new Object[] {
            id, type, Integer.toString(entityNo), field.getKey(), value.datasetId(),
            own ? value.observedAt() : fallback[0], own ? OBSERVED_AT : fallback[1],
            value.text(), value.kind(), value.unitCode(), location.text()})));
      }
    }
    if (records.size() == before) {
      records.add(new ParsedRecord(entity.toString(), ParsedLine.ok(new Object[] {id, type,
          Integer.toString(entityNo), null, null, fallback[0], fallback[1], null, null, null,
          location.text()})));
    }
  }

  /** An attribute's instances: several in the temporal forms, else the attribute itself. */
  private static List<JsonNode> instances(JsonNode attribute) {
    List<JsonNode> instances = new ArrayList<>();
    if (attribute.isArray() && attribute.size() > 0) {
      boolean temporal = true;
      for (JsonNode element : attribute) {
        temporal &= element.isObject() && normalized(element);
      }
      if (temporal) {
        attribute.forEach(instances::add);
        return instances;
      }
    }
    if (attribute.isObject() && attribute.path("values").isArray() && !attribute.has("value")) {
      for (JsonNode pair : attribute.get("values")) {
        ObjectNode instance = JSON.createObjectNode();
        instance.put("type", attribute.path("type").asText("Property"));
        instance.set("value", pair.path(0));
        instance.set(OBSERVED_AT, pair.path(1));
        if (attribute.has("unitCode")) {
          instance.set("unitCode", attribute.get("unitCode"));
        }
        instances.add(instance);
      }
      return instances;
    }
    instances.add(attribute);
    return instances;
  }

  /** What a normalized or keyValues instance holds, as text, with its kind and sub-attributes. */
  private record Value(String text, String kind, String unitCode, String observedAt,
      String datasetId) {}

  private static Value interpret(JsonNode instance) {
    if (instance == null || instance.isNull() || instance.isMissingNode()) {
      return new Value(null, null, null, null, null);
    }
    if (!instance.isObject() || !normalized(instance)) {
      return bare(instance, null);
    }
    String ngsiType = instance.path("type").asText("");
    JsonNode value = instance.has("object") ? instance.get("object")
        : instance.has("languageMap") ? instance.get("languageMap") : instance.get("value");
    String kind = switch (ngsiType) {
      case "Relationship", "ListRelationship" -> "relationship";
      case "GeoProperty" -> "geo";
      default -> null;
    };
    Value bare = bare(value, kind);
    return new Value(bare.text(), bare.kind(), text(instance.get("unitCode")),
        dateText(instance.get(OBSERVED_AT)), text(instance.get("datasetId")));
  }

  private static boolean normalized(JsonNode node) {
    return node.has("value") || node.has("object") || node.has("languageMap")
        || NGSI_TYPES.contains(node.path("type").asText(""));
  }

  private static Value bare(JsonNode value, String kind) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return new Value(null, kind, null, null, null);
    }
    if (value.isObject() && value.has("@value")) {
      return new Value(value.get("@value").asText(),
          kind != null ? kind : value.path("@type").asText("").equals("DateTime")
              ? "datetime" : "text", null, null, null);
    }
    String ownKind = value.isNumber() ? "number" : value.isBoolean() ? "boolean"
        : value.isTextual() ? "text" : "json";
    return new Value(value.isValueNode() ? value.asText() : value.toString(),
        kind != null ? kind : ownKind, null, null, null);
  }

  /** The entity's time for instances without {@code observedAt}: [value, source]. */
  private static String[] fallbackTime(JsonNode entity) {
    String observed = dateText(interpretedValue(entity.get(DATE_OBSERVED)));
    if (observed != null && !observed.contains("/")) {
      return new String[] {observed, DATE_OBSERVED};
    }
    String from = dateText(interpretedValue(entity.get(DATE_OBSERVED_FROM)));
    if (from != null) {
      return new String[] {from, DATE_OBSERVED_FROM};
    }
    if (observed != null) {
      return new String[] {observed.substring(0, observed.indexOf('/')), INTERVAL_START};
    }
    return new String[] {null, null};
  }

  private static JsonNode interpretedValue(JsonNode attribute) {
    if (attribute != null && attribute.isObject() && normalized(attribute)) {
      return attribute.get("value");
    }
    return attribute;
  }

  private static String dateText(JsonNode node) {
    if (node != null && node.isObject() && node.has("@value")) {
      return node.get("@value").asText();
    }
    return text(node);
  }

  private static JsonNode first(JsonNode entity, String name, String alias) {
    return entity.has(name) ? entity.get(name) : entity.get(alias);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray() && node.size() > 0) {
      return text(node.get(0));
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
