package io.citylake.ingest;

import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * Bronze parser of NGSI-LD deliveries: a document is read whole, because an exported entity is
 * usually pretty-printed over many lines, and split by {@link NgsiLdEntities}.
 */
public final class NgsiLdDocumentParser implements LineParser {
  @Override
  public List<StructField> payloadFields() {
    return LineParser.textFields(NgsiLdEntities.FIELDS);
  }

  @Override
  public ParsedLine parse(RawFile file, String line) {
    throw new UnsupportedOperationException("NGSI-LD documents are read whole");
  }

  @Override
  public boolean readsWholeFiles() {
    return true;
  }

  @Override
  public List<ParsedRecord> parseWhole(RawFile file, String text) {
    return NgsiLdEntities.split(text);
  }
}
