package io.citylake.pipeline;

import io.citylake.ingest.IngestLedger;
import io.citylake.job.Bookkeeping;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.Layer;
import io.citylake.lineage.IngestedFiles;
import io.citylake.lineage.LineageLog;
import io.citylake.lineage.OpenLineageEvents;
import io.citylake.lineage.OpenLineageEvents.Dataset;
import io.citylake.lineage.OpenLineageEvents.Event;
import io.citylake.lineage.OpenLineageEvents.Type;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run's lineage as the {@link PipelineRunner} starts and ends each job: an OpenLineage
 * START with the Delta versions of the job's declared inputs, then a COMPLETE with the versions
 * of its outputs (none for a bookkeeping table whose rows from the job still wait for the run's
 * commit; and, for an ingest job, the raw files it ingested, from the ingest ledger rows it
 * handed the run: {@link IngestedFiles}) or a FAIL with the reason, appended to
 * {@code <lake>/_lineage/<run id>.jsonl}. Costs one Delta log listing per declared table and
 * event and no Spark job (milliseconds per job). Lineage is a record, not a result: a failure to
 * write it is a warning in the log, never a failed job.
 */
public final class RunLineage {
  private static final Logger LOG = LoggerFactory.getLogger(RunLineage.class);
  private final JobContext context;
  private final LineageLog log;
  private final List<String> lines = new ArrayList<>();
  /** The run's events file, claimed on the first event (guarded by {@link #lines}). */
  private org.apache.hadoop.fs.Path file;
  private final Map<String, List<Dataset>> inputsRead = new ConcurrentHashMap<>();

  public RunLineage(JobContext context) {
    this.context = context;
    this.log = new LineageLog(context.paths().root(),
        context.spark().sparkContext().hadoopConfiguration());
  }

  public void started(Job job) {
    record(job, () -> {
      List<Dataset> inputs = datasets(job.inputs());
      inputsRead.put(job.name(), inputs);
      return event(Type.START, job, inputs, datasets(job.outputs()).stream()
          .map(d -> Dataset.table(d.name(), -1)).toList(), null);
    });
  }

  /** @param made where the job handed its bookkeeping rows (its ledger rows among them) */
  public void completed(Job job, Bookkeeping made) {
    record(job, () -> event(Type.COMPLETE, job, withRawFiles(job, made),
        outputs(job, made), null));
  }

  public void failed(Job job, String reason) {
    record(job, () -> event(Type.FAIL, job, inputsRead.getOrDefault(job.name(), List.of()),
        List.of(), reason));
  }

  private Event event(Type type, Job job, List<Dataset> inputs, List<Dataset> outputs,
      String error) {
    return new Event(type, Instant.now(), context.runId(), context.runDate(), job.name(),
        context.config().lakeRoot().toString(), inputs, outputs, error);
  }

  /** Builds an event; may read the lake. */
  private interface EventSource {
    Event get() throws IOException;
  }

  private void record(Job job, EventSource event) {
    try {
      String line = OpenLineageEvents.toJsonLine(event.get());
      synchronized (lines) {
        if (file == null) {
          file = log.claim(context.runId());
        }
        lines.add(line);
        log.write(file, lines);
      }
    } catch (Exception e) { // lineage must never fail the night
      LOG.warn("Cannot record the lineage of {}: {}", job.name(), e.toString());
    }
  }

  /** Each whole table once, with its newest Delta version (-1 for files and missing tables). */
  private List<Dataset> datasets(List<TableRef> refs) {
    return datasets(refs, table -> false);
  }

  /**
   * The job's outputs with their versions after it, except a bookkeeping table whose rows from
   * the job wait for the run's commit ({@link Bookkeeping}): no version yet holds them, so it
   * has none (-1) rather than the one before them.
   */
  private List<Dataset> outputs(Job job, Bookkeeping made) {
    return datasets(job.outputs(), table -> made.waits(path(table)));
  }

  private List<Dataset> datasets(List<TableRef> refs, Predicate<TableRef> unversioned) {
    return refs.stream().map(TableRef::whole).distinct()
        .map(t -> Dataset.table(t.toString(), unversioned.test(t) ? -1 : version(t))).toList();
  }

  private String path(TableRef table) {
    return context.paths().layer(table.layer(), table.table());
  }

  private long version(TableRef table) {
    if (!Layer.TABLE_LAYERS.contains(table.layer())) {
      return -1;
    }
    String path = path(table);
    try {
      return DeltaTables.lastCommit(context.spark(), path).version();
    } catch (RuntimeException missingOrUnreadable) {
      return -1;
    }
  }

  /** The inputs read, with a raw dataset replaced by the files this run ingested of it. */
  private List<Dataset> withRawFiles(Job job, Bookkeeping made) {
    List<Dataset> inputs = new ArrayList<>();
    String raw = Layer.RAW.directory() + ".";
    List<Row> ledgerRows = made.rowsMade(context.paths().bronze(IngestLedger.TABLE));
    for (Dataset input : inputsRead.getOrDefault(job.name(), datasets(job.inputs()))) {
      List<Dataset> files = input.name().startsWith(raw)
          ? IngestedFiles.of(ledgerRows, input.name().substring(raw.length()))
          : List.of();
      inputs.addAll(files.isEmpty() ? List.of(input) : files);
    }
    return inputs;
  }
}
