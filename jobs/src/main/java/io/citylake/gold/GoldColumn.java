package io.citylake.gold;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** One column of a gold table with the comment {@code DESCRIBE TABLE} shows for it. */
public record GoldColumn(String name, DataType type, String comment) {

  public StructField field() {
    return new StructField(name, type, true, metadata());
  }

  public Metadata metadata() {
    return new MetadataBuilder().putString("comment", comment).build();
  }
}
