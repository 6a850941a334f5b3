package io.citylake.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The ingest metadata every bronze table carries after its payload: the raw line, why it did not
 * parse, where and when it came from. Silver, quarantine and lineage queries rely on these names.
 */
public final class BronzeColumns {
  public static final String RAW = "_raw";
  public static final String PARSE_ERROR = "_parse_error";
  public static final String SOURCE_FILE = "_source_file";
  public static final String SOURCE_SHA256 = "_source_sha256";
  public static final String SOURCE_SIZE = "_source_size";
  public static final String SOURCE_MODIFIED_AT = "_source_modified_at";
  public static final String INGESTED_AT = "_ingested_at";
  public static final String RUN_ID = "_run_id";
  public static final String DT = "dt";

  private BronzeColumns() {}

  /** Payload fields followed by the metadata columns, in the order rows are built. */
  public static StructType schema(List<StructField> payload) {
    List<StructField> fields = new ArrayList<>(payload);
    fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(PARSE_ERROR, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SOURCE_SHA256, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SOURCE_SIZE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(SOURCE_MODIFIED_AT, DataTypes.TimestampType, false));
    fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
    fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(DT, DataTypes.DateType, false));
    return DataTypes.createStructType(fields);
  }
}
