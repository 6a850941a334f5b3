package io.citylake.bench;

import io.citylake.spatial.SpatialJoinBenchmark;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * {@code citylake bench spatial}: the Sedona-versus-naive join benchmark of {@link
 * SpatialJoinBenchmark}, plus a third plan on the same generated points and polygons: collect both
 * to the driver and assign the points with {@link JtsStrTreeJoin} on one thread. Its time includes
 * the collect, as the Spark plans' times include reading the Delta tables. The JTS counts per
 * polygon are checked against Sedona's, so all three plans must agree.
 */
public final class SpatialBench {
  /** The JTS plan's name and operator as they appear beside the Spark plans. */
  public static final String JTS_PLAN = "jts_strtree";
  public static final String JTS_OPERATOR = "STRtree+PreparedGeometry (1 thread)";

  private final SparkSession spark;
  private final String lakeDir;

  public SpatialBench(SparkSession spark, String lakeDir) {
    this.spark = spark;
    this.lakeDir = lakeDir;
  }

  /** How the JTS plan's time splits: collecting to the driver, building the tree, joining. */
  public record JtsTimes(double collectSeconds, double indexSeconds, double joinSeconds) {}

  /** All three plans and whether they agreed polygon by polygon. */
  public record Result(SpatialJoinBenchmark.Result spark, SpatialJoinBenchmark.Run jts,
      JtsTimes jtsTimes, boolean jtsSameAsSedona) {
    public List<SpatialJoinBenchmark.Run> runs() {
      return List.of(spark.sedona(), spark.naive(), jts);
    }

    public boolean sameAnswer() {
      return spark.sameAnswer() && jtsSameAsSedona;
    }

    /** Sedona's wall time over the single-threaded JTS loop's. */
    public double sedonaOverJts() {
      return spark.sedona().seconds() / jts.seconds();
    }
  }

  public Result run(long points, int polygons, long seed) {
    SpatialJoinBenchmark.Result sparkResult =
        new SpatialJoinBenchmark(spark, lakeDir).run(points, polygons, seed);
    long start = System.nanoTime();
    Map<Long, Geometry> shapes = polygons();
    double[][] lonLat = points(points);
    double collected = (System.nanoTime() - start) / 1e9;
    JtsStrTreeJoin join = new JtsStrTreeJoin(shapes);
    double indexed = (System.nanoTime() - start) / 1e9;
    Map<Long, Long> perPolygon = join.countPerPolygon(lonLat[0], lonLat[1]);
    double total = (System.nanoTime() - start) / 1e9;
    long matches = perPolygon.values().stream().mapToLong(Long::longValue).sum();
    SpatialJoinBenchmark.Run jts =
        new SpatialJoinBenchmark.Run(JTS_PLAN, JTS_OPERATOR, total, matches);
    return new Result(sparkResult, jts,
        new JtsTimes(collected, indexed - collected, total - indexed),
        perPolygon.equals(sparkResult.sedonaPerPolygon()));
  }

  private Map<Long, Geometry> polygons() {
    WKBReader reader = new WKBReader();
    Map<Long, Geometry> shapes = new TreeMap<>();
    for (Row row : spark.read().format("delta").load(lakeDir + "/bench_polygons")
        .select("polygon_id", "wkb").collectAsList()) {
      try {
        shapes.put(row.getLong(0), reader.read((byte[]) row.get(1)));
      } catch (ParseException e) {
        throw new IllegalStateException("Cannot read polygon " + row.getLong(0) + ": "
            + e.getMessage(), e);
      }
    }
    return shapes;
  }

  /** Longitudes and latitudes of the generated points, streamed partition by partition. */
  private double[][] points(long expected) {
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Cannot collect " + expected + " points to the driver");
    }
    double[] lon = new double[(int) expected];
    double[] lat = new double[(int) expected];
    Iterator<Row> rows = spark.read().format("delta").load(lakeDir + "/bench_points")
        .select("lon", "lat").toLocalIterator();
    int n = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (n == lon.length) {
        throw new IllegalStateException("Cannot collect the points: more than " + expected);
      }
      lon[n] = row.getDouble(0);
      lat[n++] = row.getDouble(1);
    }
    return n == lon.length ? new double[][] {lon, lat}
        : new double[][] {Arrays.copyOf(lon, n), Arrays.copyOf(lat, n)};
  }
}
