package io.citylake.testing;

import io.citylake.conform.LoadReference;
import io.citylake.lake.LakePaths;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Two square Sapporo wards side by side, 01101 west and 01102 east of longitude 141.1 (latitudes
 * 43.0–43.1), as {@code silver.ref_boundaries}: the smallest geography on which the ward, mesh
 * and municipal aggregates of the gold jobs nest.
 */
public final class TwoWards {
  public static final String WEST = "POLYGON((141.0 43.0, 141.1 43.0, 141.1 43.1, 141.0 43.1,"
      + " 141.0 43.0))";
  public static final String EAST = "POLYGON((141.1 43.0, 141.2 43.0, 141.2 43.1, 141.1 43.1,"
      + " 141.1 43.0))";

  private TwoWards() {}

  /** Writes the two wards as the lake's boundary table. */
  public static void write(SparkSession spark, LakePaths paths) {
    spark.createDataFrame(List.of(RowFactory.create("01101", "sapporo", WEST),
            RowFactory.create("01102", "sapporo", EAST)),
            StructType.fromDDL("code STRING, municipality STRING, wkt STRING"))
        .select(functions.col("code"), functions.col("municipality"),
            functions.expr("ST_AsBinary(ST_GeomFromWKT(wkt))").as("geometry_wkb"))
        .write().format("delta").save(paths.silver(LoadReference.BOUNDARIES));
  }
}
