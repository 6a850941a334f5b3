package io.citylake.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The ingest metadata every bronze table carries after its payload: the raw line, why it did not
 * parse, where and when it came from, the file's character encoding and, for a line that does not
 * decode in it, the line's bytes. Silver, quarantine and lineage queries rely on these names.
 *
 * <p>{@link #SOURCE_ENCODING} and {@link #RAW_BASE64} came later than the others: they close the
 * schema (after {@code dt}) so that a bronze table of an older lake only gains two nullable
 * columns ({@link #added}).
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
  /** Character set the file was decoded with: {@code UTF-8} or {@code windows-31j} (CP932). */
  public static final String SOURCE_ENCODING = "_source_encoding";
  /** Base64 of the line's bytes when they do not decode in the file's encoding, else null. */
  public static final String RAW_BASE64 = "_raw_base64";

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
    fields.addAll(added());
    return DataTypes.createStructType(fields);
  }

  /** The metadata columns added after the first lakes were written, nullable for their rows. */
  public static List<StructField> added() {
    return List.of(
        DataTypes.createStructField(SOURCE_ENCODING, DataTypes.StringType, true),
        DataTypes.createStructField(RAW_BASE64, DataTypes.StringType, true));
  }
}
