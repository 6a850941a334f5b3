package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Point-in-polygon assignment at scale, Sedona's optimised spatial join against the naive plan
 * (every point tested against every polygon), on a generated lake: {@code points} uniform random
 * points and a tiling of {@code polygons} jittered quadrilaterals over the Sapporo area, both
 * stored as Delta tables and read back. Both plans must give the same count per polygon; the
 * ratio of their wall times is measured in one run, so machine noise affects both alike.
 */
public final class SpatialJoinBenchmark {
  /** Physical operators that mark Sedona's spatial join (range/partitioned or broadcast index). */
  private static final List<String> SPATIAL_OPERATORS =
      List.of("RangeJoin", "BroadcastIndexJoin", "SpatialIndex");
  private static final double WEST = 141.10;
  private static final double SOUTH = 42.85;
  private static final double EAST = 141.60;
  private static final double NORTH = 43.20;
  private static final String MODE = "spark.sedona.join.optimizationmode";

  private final SparkSession spark;
  private final String lakeDir;

  public SpatialJoinBenchmark(SparkSession spark, String lakeDir) {
    this.spark = spark;
    this.lakeDir = lakeDir;
  }

  /** One plan's measurement. */
  public record Run(String plan, String operator, double seconds, long matches) {}

  /**
   * Both runs, whether they agreed polygon by polygon, and Sedona's count per polygon (for other
   * plans to be checked against without running the join again).
   */
  public record Result(long points, int polygons, Run sedona, Run naive, boolean sameAnswer,
      Map<Long, Long> sedonaPerPolygon) {
    public Result {
      sedonaPerPolygon = Map.copyOf(sedonaPerPolygon);
    }

    public double speedup() {
      return naive.seconds() / sedona.seconds();
    }
  }

  public Result run(long points, int polygons, long seed) {
    generate(points, polygons, seed);
    spark.read().format("delta").load(lakeDir + "/bench_points").createOrReplaceTempView("bp");
    spark.read().format("delta").load(lakeDir + "/bench_polygons")
        .createOrReplaceTempView("bg");
    String previous = spark.conf().get(MODE, "nonequi");
    try {
      spark.conf().set(MODE, "nonequi");
      Measured sedona = measure("sedona");
      spark.conf().set(MODE, "none");
      Measured naive = measure("naive");
      return new Result(points, polygons, sedona.run, naive.run,
          sedona.perPolygon.equals(naive.perPolygon), sedona.perPolygon);
    } finally {
      spark.conf().set(MODE, previous);
    }
  }

  private record Measured(Run run, Map<Long, Long> perPolygon) {}

  private Measured measure(String plan) {
    Dataset<Row> query = spark.sql("SELECT g.polygon_id, count(*) AS points"
        + " FROM (SELECT polygon_id, ST_GeomFromWKB(wkb) AS shape FROM bg) g"
        + " JOIN (SELECT point_id, ST_Point(lon, lat) AS point FROM bp) p"
        + " ON ST_Contains(g.shape, p.point) GROUP BY g.polygon_id");
    String physical = query.queryExecution().executedPlan().toString();
    String operator = SPATIAL_OPERATORS.stream().filter(physical::contains).findFirst()
        .orElse(physical.contains("BroadcastNestedLoopJoin") ? "BroadcastNestedLoopJoin"
            : physical.contains("CartesianProduct") ? "CartesianProduct" : "other");
    long start = System.nanoTime();
    List<Row> rows = query.collectAsList();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<Long, Long> perPolygon = new TreeMap<>();
    rows.forEach(r -> perPolygon.put(r.getLong(0), r.getLong(1)));
    long matches = perPolygon.values().stream().mapToLong(Long::longValue).sum();
    return new Measured(new Run(plan, operator, seconds, matches), perPolygon);
  }

  private void generate(long points, int polygons, long seed) {
    spark.range(points).select(col("id").as("point_id"),
            expr("rand(" + seed + ") * " + (EAST - WEST) + " + " + WEST).as("lon"),
            expr("rand(" + (seed + 1) + ") * " + (NORTH - SOUTH) + " + " + SOUTH).as("lat"))
        .write().format("delta").mode("overwrite").save(lakeDir + "/bench_points");
    spark.createDataFrame(tiles(polygons, seed), StructType.fromDDL("polygon_id BIGINT, wkt STRING"))
        .select(col("polygon_id"), expr("ST_AsBinary(ST_GeomFromWKT(wkt))").as("wkb"))
        .write().format("delta").mode("overwrite").save(lakeDir + "/bench_polygons");
  }

  /** A columns × rows tiling of the area whose inner grid vertices are jittered (no gaps). */
  static List<Row> tiles(int polygons, long seed) {
    int columns = (int) Math.ceil(Math.sqrt(polygons));
    int rows = (int) Math.ceil((double) polygons / columns);
    double width = (EAST - WEST) / columns;
    double height = (NORTH - SOUTH) / rows;
    Random random = new Random(seed);
    double[][][] vertex = new double[columns + 1][rows + 1][];
    for (int i = 0; i <= columns; i++) {
      for (int j = 0; j <= rows; j++) {
        boolean inner = i > 0 && i < columns && j > 0 && j < rows;
        double dx = inner ? (random.nextDouble() - 0.5) * 0.6 * width : 0;
        double dy = inner ? (random.nextDouble() - 0.5) * 0.6 * height : 0;
        vertex[i][j] = new double[] {WEST + i * width + dx, SOUTH + j * height + dy};
      }
    }
    List<Row> tiles = new ArrayList<>();
    for (int n = 0; n < polygons; n++) {
      int i = n % columns;
      int j = n / columns;
      double[][] ring = {vertex[i][j], vertex[i + 1][j], vertex[i + 1][j + 1], vertex[i][j + 1],
          vertex[i][j]};
      StringBuilder wkt = new StringBuilder("POLYGON((");
      for (int k = 0; k < ring.length; k++) {
        wkt.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.7f %.7f",
            ring[k][0], ring[k][1]));
      }
      tiles.add(RowFactory.create((long) n, wkt.append("))").toString()));
    }
    return tiles;
  }
}
