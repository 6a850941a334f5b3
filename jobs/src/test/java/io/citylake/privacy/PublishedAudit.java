package io.citylake.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.gold.GoldOutput;
import io.citylake.gold.KAnonymity;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.lake.DeltaTables;
import io.citylake.privacy.ComplementarySuppression.Equation;
import io.citylake.privacy.ComplementarySuppression.Item;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The attacker of the audits on a lake: reads the published (suppressed) gold tables, builds the
 * equations of every declared relation from them, and lets {@link SubtractionAttacker} subtract
 * along all of them at once. The true values it is judged against come from the gold jobs'
 * own aggregation without suppression ({@link PeriodicKpiJob#unsuppressedCells}), read from
 * silver once per table and audit (a table is a side of several relations, and some of them,
 * such as the area people flow, are a spatial join of a whole silver table); nothing is written.
 */
public final class PublishedAudit {
  /** What the audit saw and what the attacker recovered ({@code table|key#measure → value}). */
  public record Report(int equations, int suppressedCells, int primaryCells,
      Map<String, Double> recovered) {}

  private PublishedAudit() {}

  /**
   * Audits the published tables of {@code relations} for {@code days} (day partitions; months
   * and years containing them), the writers of the tables among {@code jobs}.
   */
  public static Report audit(JobContext context, Collection<PeriodicKpiJob> jobs,
      List<AdditiveRelation> relations, List<LocalDate> days) {
    return audit(context, jobs, relations, days, true);
  }

  /**
   * The same audit on the cells as they would be published with primary suppression alone
   * (recomputed from silver, nulled below k): what complementary suppression must defeat.
   */
  public static Report auditPrimaryOnly(JobContext context, Collection<PeriodicKpiJob> jobs,
      List<AdditiveRelation> relations, List<LocalDate> days) {
    return audit(context, jobs, relations, days, false);
  }

  private static Report audit(JobContext context, Collection<PeriodicKpiJob> jobs,
      List<AdditiveRelation> relations, List<LocalDate> days, boolean asPublished) {
    UnsuppressedCells cells = new UnsuppressedCells(context, days);
    try {
      return audit(context, jobs, relations, cells, asPublished);
    } finally {
      cells.release();
    }
  }

  private static Report audit(JobContext context, Collection<PeriodicKpiJob> jobs,
      List<AdditiveRelation> relations, UnsuppressedCells cells, boolean asPublished) {
    Map<String, Double> truth = new HashMap<>();
    Set<String> suppressed = new HashSet<>();
    Set<String> primary = new HashSet<>();
    Set<String> empty = new HashSet<>();
    Map<String, List<Item>[]> sides = new TreeMap<>();
    Set<String> truthLoaded = new HashSet<>();
    for (AdditiveRelation relation : relations) {
      for (boolean totals : new boolean[] {true, false}) {
        CellSide side = totals ? relation.totals() : relation.parts();
        String path = context.paths().gold(side.table());
        if (!DeltaTables.exists(context.spark(), path)) {
          continue;
        }
        Dataset<Row> published = asPublished
            ? context.spark().read().format("delta").load(path)
            : primaryOnly(context, jobs, side.table(), cells);
        for (Row r : project(published, relation, side, totals,
            countColumn(jobs, side.table())).collectAsList()) {
          String id = side.table() + "|" + r.getString(0);
          if (r.getBoolean(2)) {
            suppressed.add(id);
          }
          for (int i = 0; i < relation.measures().size(); i++) {
            Measure m = relation.measures().get(i);
            String equation = relation.name() + "|" + m.name() + "|" + r.getString(1);
            @SuppressWarnings("unchecked")
            List<Item>[] pair = sides.computeIfAbsent(equation,
                k -> new List[] {new ArrayList<>(), new ArrayList<>()});
            double value = r.isNullAt(3 + i) ? Double.NaN
                : ((Number) r.get(3 + i)).doubleValue();
            pair[totals ? 0 : 1].add(new Item(id,
                totals ? m.totalExpression() : m.partExpression(), value));
          }
        }
        if (truthLoaded.add(relation.name() + totals)) {
          loadTruth(context, jobs, relation, side, totals, cells, truth, primary, empty);
        }
      }
    }
    List<Equation> equations = new ArrayList<>();
    sides.forEach((name, pair) -> equations.add(new Equation(name, pair[0], pair[1])));
    // a cell of nobody is blank but singles out no one: no target (SecondarySuppression.emptyCell)
    suppressed.removeAll(empty);
    primary.retainAll(suppressed);
    Map<String, Double> recovered = SubtractionAttacker.recoveredItems(truth, suppressed,
        primary, equations, ComplementarySuppression.PROTECTION);
    return new Report(equations.size(), suppressed.size(), primary.size(), recovered);
  }

  private static void loadTruth(JobContext context, Collection<PeriodicKpiJob> jobs,
      AdditiveRelation relation, CellSide side, boolean totals, UnsuppressedCells unsuppressed,
      Map<String, Double> truth, Set<String> primary, Set<String> empty) {
    for (PeriodicKpiJob job : jobs) {
      for (GoldOutput output : job.publishedOutputs()) {
        if (!output.table().name().equals(side.table())) {
          continue;
        }
        Dataset<Row> cells = unsuppressed.of(job, side.table());
        cells = output.basis().suppressible()
            ? KAnonymity.flag(cells, context.config().minPersonsPerCell(), output.countColumn())
            : KAnonymity.notApplicable(cells);
        for (Row r : project(cells, relation, side, totals, countColumn(jobs, side.table()))
            .collectAsList()) {
          String id = side.table() + "|" + r.getString(0);
          if (r.getBoolean(2)) {
            primary.add(id);
          }
          if (r.getBoolean(3 + relation.measures().size())) {
            empty.add(id);
          }
          for (int i = 0; i < relation.measures().size(); i++) {
            Measure m = relation.measures().get(i);
            truth.put(id + "#" + (totals ? m.totalExpression() : m.partExpression()),
                r.isNullAt(3 + i) ? Double.NaN : ((Number) r.get(3 + i)).doubleValue());
          }
        }
      }
    }
  }

  private static Dataset<Row> primaryOnly(JobContext context, Collection<PeriodicKpiJob> jobs,
      String table, UnsuppressedCells unsuppressed) {
    for (PeriodicKpiJob job : jobs) {
      for (GoldOutput output : job.publishedOutputs()) {
        if (output.table().name().equals(table)) {
          Dataset<Row> cells = unsuppressed.of(job, table);
          return output.basis().suppressible()
              ? KAnonymity.suppress(cells, context.config().minPersonsPerCell(),
                  output.countColumn(), output.valueColumns())
              : KAnonymity.notApplicable(cells);
        }
      }
    }
    throw new IllegalArgumentException("no job writes gold." + table);
  }

  /** row id, group, suppressed, measures, empty; a cell of nobody is known (see emptyCell). */
  private static Dataset<Row> project(Dataset<Row> rows, AdditiveRelation relation,
      CellSide side, boolean totals, String countColumn) {
    List<Column> measures = SecondarySuppression.measures(relation, totals);
    Column empty = SecondarySuppression.emptyCell(countColumn, measures);
    List<Column> columns = new ArrayList<>(List.of(SecondarySuppression.rowId(rows).as("_row"),
        functions.concat_ws("|", side.group().stream().map(g -> functions.coalesce(
            expr(g).cast("string"), functions.lit("∅"))).toArray(Column[]::new)).as("_group"),
        SecondarySuppression.suppressedUnlessEmpty(empty).as("_suppressed")));
    for (Column m : measures) {
      columns.add(SecondarySuppression.valueUnlessEmpty(empty, m));
    }
    columns.add(empty.as("_empty"));
    return rows.where(side.filter()).select(columns.toArray(Column[]::new));
  }

  /** Each table's cells as its job aggregates them before suppression, computed once. */
  private static final class UnsuppressedCells {
    private final JobContext context;
    private final List<LocalDate> days;
    private final Map<String, Dataset<Row>> byTable = new HashMap<>();

    UnsuppressedCells(JobContext context, List<LocalDate> days) {
      this.context = context;
      this.days = days;
    }

    Dataset<Row> of(PeriodicKpiJob job, String table) {
      return byTable.computeIfAbsent(job.name() + "|" + table,
          key -> job.unsuppressedCells(context, table, days).persist());
    }

    void release() {
      byTable.values().forEach(Dataset::unpersist);
    }
  }

  /** The count column k-suppression reads in {@code table}, or null when it is not suppressed. */
  private static String countColumn(Collection<PeriodicKpiJob> jobs, String table) {
    for (PeriodicKpiJob job : jobs) {
      for (GoldOutput output : job.publishedOutputs()) {
        if (output.table().name().equals(table)) {
          return output.basis().suppressible() ? output.countColumn() : null;
        }
      }
    }
    return null;
  }
}
