package io.citylake.report;

import static org.apache.spark.sql.functions.col;

import io.citylake.job.JobTables;
import io.citylake.job.TableRef;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The report's maps of one municipality and day from gold: people flow per ward (the day's total
 * of {@code gold.people_flow_ward_daily}, where k applies to the daily cell itself, so a ward is
 * hatched only when its day is suppressed, never because one of its night hours was), snow
 * depth per ward (the day's maximum) and tourism spend per 1 km grid square, with the polygons
 * of {@code gold.spatial_areas}. Every map reads one published cell per area and day and never
 * sums cells itself: a sum over suppressed parts would understate the area, and a sum of the
 * published parts of a suppressed total would disclose it. Without a table the layer says so
 * instead of failing the report.
 */
final class GoldMapReader {
  static final String AREAS = "spatial_areas";
  static final String PEOPLE = "people_flow_ward_daily";
  static final String SNOW = "snow_depth_ward_daily";
  static final String SPEND = "tourism_spend_mesh_daily";
  static final String SPEND_LEVEL = "mesh3";

  private final JobTables tables;

  GoldMapReader(JobTables tables) {
    this.tables = tables;
  }

  /**
   * The maps of every municipality given, for one day: one read of the area polygons and one of
   * each map's table for all of them, however many municipalities the report has.
   */
  Map<String, List<MapLayer>> layers(List<String> municipalities, LocalDate day) {
    List<Spec> specs = List.of(
        new Spec("people_flow", "persons/day", PEOPLE, null, "people_count", functions::max),
        new Spec("snow_depth", "cm", SNOW, null, "snow_depth_max_cm", functions::max),
        new Spec("tourism_spend", "yen/day", SPEND, SPEND_LEVEL, "spend_yen", functions::max));
    Map<String, List<MapLayer>> result = new LinkedHashMap<>();
    municipalities.forEach(m -> result.put(m, new ArrayList<>()));
    if (!exists(AREAS)) {
      for (Spec s : specs) {
        result.values().forEach(layers -> layers.add(
            MapLayer.unavailable(s.metric(), s.unit(), "gold." + AREAS + " missing")));
      }
      return result;
    }
    Map<String, Map<String, Row>> shapes = areas(specs);
    for (Spec s : specs) {
      if (!exists(s.table())) {
        result.values().forEach(layers -> layers.add(
            MapLayer.unavailable(s.metric(), s.unit(), "gold." + s.table() + " missing")));
        continue;
      }
      Map<String, Map<String, Double[]>> values = values(s, day);
      for (String municipality : municipalities) {
        result.get(municipality).add(layer(s, shapes, municipality,
            values.getOrDefault(municipality, Map.of())));
      }
    }
    return result;
  }

  private static MapLayer layer(Spec s, Map<String, Map<String, Row>> shapes,
      String municipality, Map<String, Double[]> values) {
    Map<String, Row> wardRows = shapes.getOrDefault(key(municipality, "ward"), Map.of());
    boolean byWard = s.level() == null || s.level().equals("ward");
    Map<String, Row> areaRows = byWard ? wardRows
        : shapes.getOrDefault(key(municipality, s.level()), Map.of());
    List<MapLayer.Area> areas = new ArrayList<>();
    for (Map.Entry<String, Row> e : areaRows.entrySet()) {
      Double[] v = values.get(e.getKey());
      if (v == null && !byWard) {
        continue;
      }
      Row r = e.getValue();
      areas.add(new MapLayer.Area(e.getKey(), r.getAs("name_ja"), r.getAs("name_en"),
          geometry(r), v == null ? null : v[0], v != null && v[1] != null && v[1] > 0));
    }
    List<Geometry> wards = byWard ? List.of()
        : wardRows.values().stream().map(GoldMapReader::geometry).toList();
    return new MapLayer(s.metric(), s.unit(), areas, wards, Optional.empty());
  }

  /**
   * One map's source: gold table, area level (null: the table is by ward) and the aggregate over
   * the one cell per area and day ({@code max}: never a sum of cells).
   */
  private record Spec(String metric, String unit, String table, String level, String column,
      java.util.function.Function<Column, Column> aggregate) {}

  /** Per municipality and area: {value or null, 1.0 when its cell of the day is suppressed}. */
  private Map<String, Map<String, Double[]>> values(Spec s, LocalDate day) {
    Dataset<Row> rows = read(s.table()).where(col("dt").equalTo(Date.valueOf(day)));
    if (s.level() != null) {
      rows = rows.where(col("area_level").equalTo(s.level()));
    }
    Column suppressed = functions.max(functions.coalesce(col("suppressed"), functions.lit(false))
        .cast("double"));
    Map<String, Map<String, Double[]>> values = new HashMap<>();
    for (Row r : rows.groupBy("municipality", "area_id").agg(s.aggregate()
        .apply(col(s.column())).cast("double"), suppressed).collectAsList()) {
      boolean anySuppressed = !r.isNullAt(3) && r.getDouble(3) > 0;
      values.computeIfAbsent(r.getString(0), m -> new HashMap<>()).put(r.getString(1),
          new Double[] {anySuppressed || r.isNullAt(2) ? null : r.getDouble(2),
              anySuppressed ? 1.0 : 0.0});
    }
    return values;
  }

  /** The polygons of wards and of every level a map needs, by {@link #key} and area id. */
  private Map<String, Map<String, Row>> areas(List<Spec> specs) {
    List<String> levels = new ArrayList<>(List.of("ward"));
    specs.stream().map(Spec::level).filter(l -> l != null && !levels.contains(l))
        .forEach(levels::add);
    Map<String, Map<String, Row>> areas = new HashMap<>();
    for (Row r : read(AREAS).where(col("area_level").isin(levels.toArray()))
        .select("municipality", "area_level", "area_id", "name_ja", "name_en", "geometry_wkb")
        .collectAsList()) {
      areas.computeIfAbsent(key(r.getString(0), r.getString(1)), k -> new TreeMap<>())
          .put(r.getString(2), r);
    }
    return areas;
  }

  private static String key(String municipality, String level) {
    return municipality + "/" + level;
  }

  static Geometry geometry(Row r) {
    try {
      return new WKBReader().read((byte[]) r.getAs("geometry_wkb"));
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot read the geometry of area " + r.getAs("area_id")
          + ": " + e.getMessage(), e);
    }
  }

  private boolean exists(String table) {
    return tables.exists(TableRef.gold(table));
  }

  private Dataset<Row> read(String table) {
    return tables.read(TableRef.gold(table));
  }
}
