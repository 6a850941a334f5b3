package io.citylake.publish;

import io.citylake.gold.GoldTable;
import io.citylake.kpi.KpiDefinition;
import io.citylake.lake.CityLakeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Column;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import scala.collection.JavaConverters;

/**
 * Reads the data dictionary from the metastore: table comments and column names, types and
 * comments as Delta keeps them ({@code DESCRIBE TABLE EXTENDED} shows the same), so the
 * dictionary cannot drift from the tables. Loads each table's schema once; reads no data.
 */
public final class CatalogDictionary {
  /**
   * Column names that identify a row of a gold table (see {@link GoldTable#KEY_COLUMNS}). Silver
   * tables declare theirs (a conformer's natural key, a reference file's key) in the table
   * property {@code citylake.grain}, which the dictionary reads.
   */
  static final Set<String> KEY_COLUMNS = GoldTable.KEY_COLUMNS;

  private static final String GOLD = "gold";

  private final SparkSession spark;

  public CatalogDictionary(SparkSession spark) {
    this.spark = spark;
  }

  /** The tables of {@code databases} (in order, tables by name) and every KPI definition. */
  public DataDictionary read(List<String> databases) {
    List<DictionaryTable> tables = new ArrayList<>();
    try {
      // the metastore's own list: Catalog.listTables also lists the session's temporary views
      ExternalCatalog metastore = spark.sharedState().externalCatalog();
      for (String database : databases) {
        if (!metastore.databaseExists(database)) {
          continue;
        }
        List<String> names = JavaConverters.seqAsJavaList(metastore.listTables(database))
            .stream().sorted().toList();
        for (String name : names) {
          tables.add(table(database, name));
        }
      }
    } catch (AnalysisException e) {
      throw CityLakeException.failed("read the data dictionary",
          "the metastore refused: " + e.getMessage().lines().map(String::strip)
              .filter(line -> !line.isEmpty()).findFirst().orElse("(no message)"), e);
    }
    return new DataDictionary(tables, Arrays.asList(KpiDefinition.values()));
  }

  /** The grain a table declares in its {@code citylake.grain} property, if any. */
  private List<String> declaredGrain(String database, String name) {
    return spark.sql("SHOW TBLPROPERTIES `" + database + "`.`" + name + "`").collectAsList()
        .stream().filter(r -> io.citylake.lake.TableDoc.GRAIN.equals(r.getString(0)))
        .flatMap(r -> Arrays.stream(r.getString(1).split(",\\s*")))
        .filter(column -> !column.isBlank()).toList();
  }

  private DictionaryTable table(String database, String name) throws AnalysisException {
    Table table = spark.catalog().getTable(database, name);
    List<DictionaryColumn> columns = new ArrayList<>();
    for (Column column : spark.catalog().listColumns(database, name).collectAsList()) {
      columns.add(new DictionaryColumn(column.name(), column.dataType(), column.description(),
          column.isPartition()));
    }
    List<String> grain = !database.equals(GOLD) ? declaredGrain(database, name) : columns.stream()
        .map(DictionaryColumn::name).filter(KEY_COLUMNS::contains).toList();
    return new DictionaryTable(database, name, table.description(), columns, grain);
  }
}
