package io.citylake.publish;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.util.List;
import java.util.Map;

/**
 * Publishes the lake's Delta tables in the metastore under their layer's database, so they can be
 * queried by name. Runs after the jobs that write them; only touches the catalog, not the data.
 */
public final class RegisterTables implements Job {
  private final List<TableRef> tables;

  public RegisterTables(List<TableRef> tables) {
    this.tables = List.copyOf(tables);
  }

  @Override
  public String name() {
    return "publish.register_tables";
  }

  @Override
  public String description() {
    return "Register bronze, quarantine, silver and gold Delta tables in the metastore by layer";
  }

  @Override
  public List<TableRef> inputs() {
    return tables;
  }

  @Override
  public List<TableRef> outputs() {
    return List.of();
  }

  @Override
  public JobResult run(JobContext context) {
    MetastoreTables metastore = new MetastoreTables(context.spark());
    int registered = 0;
    for (TableRef table : tables) {
      String location = context.tables().pathToRead(table);
      if (DeltaTables.hasLog(context.spark(), location)) {
        metastore.register(table, location, "citylake " + table);
        registered++;
      }
    }
    return JobResult.of(name(), 0, 0, Map.of("tables_registered", registered));
  }
}
