package io.citylake.conform;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/** Spark SQL functions conform specs may call, registered once per run. */
public final class ConformFunctions {
  /** {@code citylake_pseudonym(id)}: the keyed pseudonym of an identifier. */
  public static final String PSEUDONYM = "citylake_pseudonym";

  private ConformFunctions() {}

  public static void register(SparkSession spark, Pseudonymizer pseudonymizer) {
    UDF1<String, String> pseudonym = pseudonymizer::pseudonym;
    spark.udf().register(PSEUDONYM, pseudonym, DataTypes.StringType);
  }
}
