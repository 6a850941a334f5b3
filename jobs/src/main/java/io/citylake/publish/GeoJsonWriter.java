package io.citylake.publish;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Streams rows with a {@code geometry} column into one RFC 7946 FeatureCollection: the geometry
 * as Sedona's GeoJSON, every other column a property (timestamps in JST with offset, dates as
 * ISO dates). Rows come to the driver one partition at a time, never all at once.
 */
final class GeoJsonWriter {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private GeoJsonWriter() {}

  static void write(Dataset<Row> rows, Path target) throws IOException {
    List<String> properties = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (String name : rows.columns()) {
      if (!name.equals(GeoExport.GEOMETRY)) {
        properties.add(name);
        columns.add(functions.col(name));
      }
    }
    columns.add(functions.expr("ST_AsGeoJSON(" + GeoExport.GEOMETRY + ")").as("_geojson"));
    Iterator<Row> iterator = rows.select(columns.toArray(Column[]::new)).toLocalIterator();
    try (JsonGenerator json = new JsonFactory().createGenerator(target.toFile(),
        JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      json.writeArrayFieldStart("features");
      while (iterator.hasNext()) {
        Row row = iterator.next();
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("properties");
        for (int i = 0; i < properties.size(); i++) {
          json.writeFieldName(properties.get(i));
          writeValue(json, row.get(i));
        }
        json.writeEndObject();
        json.writeFieldName("geometry");
        String geometry = row.getString(properties.size());
        if (geometry == null) {
          json.writeNull();
        } else {
          json.writeRawValue(geometry);
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      json.writeNumber(d);
    } else if (value instanceof Timestamp t) {
      json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          t.toInstant().atZone(JST)));
    } else if (value instanceof Date d) {
      json.writeString(d.toLocalDate().toString());
    } else if (value instanceof byte[] bytes) {
      json.writeString(java.util.HexFormat.of().formatHex(bytes));
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
