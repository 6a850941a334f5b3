package io.citylake.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the boundaries GeoJSON (a dozen features) into rows with the geometry kept as GeoJSON
 * text. Spark's JSON reader cannot give Polygon and MultiPolygon coordinates one schema, so the
 * file is parsed with Jackson and Sedona builds the geometry from the text.
 */
final class BoundaryFeatures {
  static final StructType SCHEMA = StructType.fromDDL(
      "municipality STRING, code STRING, name_ja STRING, name_en STRING, pref STRING,"
          + " geometry_json STRING");

  private BoundaryFeatures() {}

  static List<Row> read(String path, Configuration hadoopConf) {
    Path file = new Path(path);
    try (InputStream in = file.getFileSystem(hadoopConf).open(file)) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Row> rows = new ArrayList<>();
      for (JsonNode feature : root.path("features")) {
        JsonNode p = feature.path("properties");
        rows.add(RowFactory.create(text(p, "municipality"), text(p, "code"), text(p, "name_ja"),
            text(p, "name_en"), text(p, "pref"), feature.path("geometry").toString()));
      }
      if (rows.isEmpty()) {
        throw CityLakeException.badInput("load boundaries", "the file has no features", path);
      }
      return rows;
    } catch (IOException e) {
      throw CityLakeException.failed("read boundaries " + path, e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
