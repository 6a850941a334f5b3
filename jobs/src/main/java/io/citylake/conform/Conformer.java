package io.citylake.conform;

import io.citylake.contract.RawDataset;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How one raw dataset becomes its silver table, declared as data: typed columns, contract rules,
 * reference lookups and the natural key. {@link ConformDataset} runs every conformer the same way,
 * so quarantine, deduplication and accounting behave alike for all datasets.
 */
public interface Conformer {
  RawDataset dataset();

  /** Silver table name; the dataset's table name unless a conformer says otherwise. */
  default String silverTable() {
    return dataset().tableName();
  }

  /** One sentence on what a row of the silver table is, for the catalog. */
  String description();

  List<TypedColumn> columns();

  /** Columns that identify a record; later deliveries of the same key replace earlier ones. */
  List<String> naturalKey();

  default List<Rule> rules() {
    return List.of();
  }

  default List<Lookup> lookups() {
    return List.of();
  }

  /** Reference tables read by {@link #prepare} beyond the lookups. */
  default List<TableRef> extraInputs() {
    return List.of();
  }

  /**
   * Further raw datasets whose bronze rows also become rows of this silver table, after
   * {@link #rowsFrom} puts them in this dataset's bronze shape (sensor observations that arrive as
   * NGSI-LD entities). Their days are rebuilt like this dataset's own.
   */
  default List<RawDataset> alsoFrom() {
    return List.of();
  }

  /**
   * Bronze rows of {@code source} (one of {@link #alsoFrom}) as rows of this dataset's bronze
   * table: its payload columns and the same ingest metadata.
   */
  default Dataset<Row> rowsFrom(RawDataset source, Dataset<Row> bronze) {
    throw new UnsupportedOperationException(dataset() + " is built from its own bronze only");
  }

  /** Enriches bronze rows before typing (e.g. a sensor's known location); default: unchanged. */
  default Dataset<Row> prepare(Dataset<Row> bronze, JobContext context) {
    return bronze;
  }
}
