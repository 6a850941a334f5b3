package io.citylake.lake;

import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * A SQL function citylake adds to every Spark session ({@link CityLakeFunctions}), declared by
 * the domain that owns it.
 *
 * @param usage the {@code DESCRIBE FUNCTION} text, {@code _FUNC_} standing for the name
 */
public record SessionFunction(String name, String usage, UserDefinedFunction udf) {}
