package io.citylake.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.gold.GoldTable;
import io.citylake.gold.KAnonymity;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies complementary suppression to the gold tables one job is about to write: collects the
 * cells of every relation the job protects ({@link GoldRelations#handledBy}) to the driver — its
 * own new cells with their true values, plus the rows of other tables and of periods it does
 * not rewrite, as they were published (fixed) — runs {@link ComplementarySuppression} over
 * their equations and nulls the values of the cells it chose. Only the groups that hold a new
 * cell are collected: a night's groups are small (hours and areas of a few days).
 */
public final class SecondarySuppression {
  private static final Logger LOG = LoggerFactory.getLogger(SecondarySuppression.class);
  private static final String ROW = "_row";
  private static final String GROUP = "_group";
  private static final String FIXED = "_fixed";
  private static final String SIDE = "_side";

  private SecondarySuppression() {}

  /**
   * A gold table a job is about to write.
   *
   * @param cells the new rows with their true values; {@code suppressed} marks the primary cells
   * @param replaceWhere the rows of the table the write replaces (the others stay as published)
   * @param valueColumns the columns nulled in a suppressed cell
   * @param countColumn the count of persons k-suppression reads (published even in a suppressed
   *     cell), or null when the table is not suppressed
   */
  public record Pending(GoldTable table, Dataset<Row> cells, String replaceWhere,
      List<String> valueColumns, String countColumn) {}

  /**
   * The rows to write per table (values of every suppressed cell nulled), the number of cells
   * below k (primary, counted among the cells of the relations, so only for tables in one) and
   * of cells suppressed as complements per table, and the suppressed cells left disclosed
   * because only rows of other tables or periods could have protected them.
   */
  public record Outcome(Map<String, Dataset<Row>> published, Map<String, Long> primary,
      Map<String, Long> secondary, long unprotected, List<Dataset<Row>> cached) {
    /** Frees the cells cached while deciding; call after the writes. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  public static Outcome apply(JobContext context, List<Pending> pending,
      Collection<String> goldInputs) {
    Map<String, Pending> own = new LinkedHashMap<>();
    pending.forEach(p -> own.put(p.table().name(), p));
    List<AdditiveRelation> relations = GoldRelations.handledBy(own.keySet(), goldInputs);
    Map<String, Dataset<Row>> cells = new LinkedHashMap<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    for (Pending p : pending) {
      Dataset<Row> withId = p.cells().withColumn(ROW, rowId(p.cells()));
      if (!relations.isEmpty()) {
        withId = withId.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(withId);
      }
      cells.put(p.table().name(), withId);
    }
    Map<String, TreeSet<String>> chosen = new HashMap<>();
    Map<String, Long> primary = new TreeMap<>();
    long unprotected = 0;
    if (!relations.isEmpty()) {
      Problem problem = new Problem();
      for (AdditiveRelation relation : relations) {
        problem.add(relation, collect(context, relation, own, cells));
      }
      for (ComplementarySuppression.Cell cell : problem.cells.values()) {
        String table = cell.id().substring(0, cell.id().indexOf('|'));
        if (own.containsKey(table) && !cell.fixed()) {
          primary.merge(table, cell.suppressed() ? 1L : 0L, Long::sum);
        }
      }
      ComplementarySuppression.Result result = ComplementarySuppression.protect(
          problem.cells.values(), problem.equations(), ComplementarySuppression.PROTECTION);
      for (String id : result.secondary()) {
        int bar = id.indexOf('|');
        chosen.computeIfAbsent(id.substring(0, bar), t -> new TreeSet<>())
            .add(id.substring(bar + 1));
      }
      unprotected = result.unprotected().size();
      if (unprotected > 0) {
        LOG.warn("{} suppressed cells stay disclosed (only fixed cells could protect them): {}",
            unprotected, result.unprotected().stream().limit(10).toList());
      }
    }
    Map<String, Dataset<Row>> published = new LinkedHashMap<>();
    Map<String, Long> secondary = new TreeMap<>();
    for (Pending p : pending) {
      TreeSet<String> ids = chosen.getOrDefault(p.table().name(), new TreeSet<>());
      Dataset<Row> rows = cells.get(p.table().name());
      if (!ids.isEmpty()) {
        Dataset<Row> marked = context.spark().createDataset(new ArrayList<>(ids),
            Encoders.STRING()).toDF("_secondary");
        rows = rows.join(functions.broadcast(marked), col(ROW).equalTo(col("_secondary")),
                "left")
            .withColumn(KAnonymity.SUPPRESSED, col(KAnonymity.SUPPRESSED)
                .or(col("_secondary").isNotNull()))
            .drop("_secondary");
      }
      secondary.put(p.table().name(), (long) ids.size());
      published.put(p.table().name(), KAnonymity.nullSuppressed(rows.drop(ROW),
          p.valueColumns()));
    }
    return new Outcome(published, primary, secondary, unprotected, cached);
  }

  /** The row's id within its table: its key columns (sorted by name) as text. */
  public static Column rowId(Dataset<Row> rows) {
    List<String> keys = Arrays.stream(rows.columns()).filter(GoldTable.KEY_COLUMNS::contains)
        .sorted().toList();
    return joined(keys.stream().map(functions::col).toList());
  }

  private static Column joined(List<Column> parts) {
    Column[] text = parts.stream().map(c -> functions.coalesce(c.cast("string"),
        functions.lit("∅"))).toArray(Column[]::new);
    return functions.concat_ws("|", text);
  }

  /** Both sides' rows of the groups holding a new cell: side, id, group, flags, measures. */
  private static List<Row> collect(JobContext context, AdditiveRelation relation,
      Map<String, Pending> own, Map<String, Dataset<Row>> cells) {
    Dataset<Row> totals = side(context, relation, relation.totals(), true, own, cells);
    Dataset<Row> parts = side(context, relation, relation.parts(), false, own, cells);
    Dataset<Row> sides = totals == null ? parts : parts == null ? totals
        : totals.unionByName(parts);
    if (sides == null) {
      return List.of();
    }
    Dataset<Row> groups = sides.where(functions.not(col(FIXED))).select(GROUP).distinct();
    return sides.join(groups, sides.col(GROUP).equalTo(groups.col(GROUP)), "left_semi")
        .collectAsList();
  }

  private static Dataset<Row> side(JobContext context, AdditiveRelation relation, CellSide side,
      boolean totals, Map<String, Pending> own, Map<String, Dataset<Row>> cells) {
    TableRef table = TableRef.gold(side.table());
    Dataset<Row> published = context.tables().exists(table) ? context.tables().read(table) : null;
    Dataset<Row> result = null;
    Pending mine = own.get(side.table());
    if (mine != null) {
      // a table without value columns (record-based) cannot hide a cell: its rows are fixed
      result = project(cells.get(side.table()), relation, side, totals,
          mine.valueColumns().isEmpty(), mine.countColumn());
      if (published != null) {
        result = result.unionByName(project(published.withColumn(ROW, rowId(published))
            .where("NOT (" + mine.replaceWhere() + ")"), relation, side, totals, true,
            mine.countColumn()));
      }
    } else if (published != null) {
      result = project(published.withColumn(ROW, rowId(published)), relation, side, totals,
          true, null);
    }
    // null: another job's table not written yet, so nothing of it is published
    return result;
  }

  private static Dataset<Row> project(Dataset<Row> rows, AdditiveRelation relation,
      CellSide side, boolean totals, boolean fixed, String countColumn) {
    List<Column> measures = measures(relation, totals);
    Column empty = emptyCell(countColumn, measures);
    List<Column> columns = new ArrayList<>(List.of(functions.lit(totals).as(SIDE),
        functions.concat_ws("|", functions.lit(side.table()), col(ROW)).as(ROW),
        joined(side.group().stream().map(functions::expr).toList()).as(GROUP),
        suppressedUnlessEmpty(empty).as(KAnonymity.SUPPRESSED),
        functions.lit(fixed).or(empty).as(FIXED)));
    for (int i = 0; i < measures.size(); i++) {
      columns.add(valueUnlessEmpty(empty, measures.get(i)).as("_m" + i));
    }
    return rows.where(side.filter()).select(columns.toArray(Column[]::new));
  }

  /** The relation's measures of one side, as the equations read them. */
  public static List<Column> measures(AdditiveRelation relation, boolean totals) {
    return relation.measures().stream()
        .map(m -> expr(totals ? m.totalExpression() : m.partExpression())).toList();
  }

  /**
   * True for a cell of nobody: its count of persons is known to be zero and every measure is
   * zero or blank. Such a cell is blank by k-suppression (fewer than k persons), but it singles
   * out no one: like statistical offices, citylake does not protect empty cells, so recovering
   * one by subtraction is no disclosure, and choosing one as a complement would hide nothing.
   * A published row whose count was nulled by suppression is not known to be empty.
   */
  public static Column emptyCell(String countColumn, List<Column> measures) {
    if (countColumn == null) {
      return functions.lit(false);
    }
    Column empty = col(countColumn).isNotNull().and(col(countColumn).equalTo(0));
    for (Column m : measures) {
      empty = empty.and(functions.coalesce(m, functions.lit(0.0)).equalTo(0));
    }
    return empty;
  }

  /** The cell's suppressed flag as the equations read it: a cell of nobody is known. */
  public static Column suppressedUnlessEmpty(Column empty) {
    return functions.coalesce(col(KAnonymity.SUPPRESSED), functions.lit(false))
        .and(functions.not(empty));
  }

  /** A measure as the equations read it: zero in a cell of nobody, blank or not. */
  public static Column valueUnlessEmpty(Column empty, Column measure) {
    return functions.when(empty, functions.lit(0.0)).otherwise(measure);
  }

  /** The cells and equations of all relations of one job run. */
  private static final class Problem {
    final Map<String, ComplementarySuppression.Cell> cells = new TreeMap<>();
    final Map<String, List<ComplementarySuppression.Item>[]> sides = new TreeMap<>();

    @SuppressWarnings("unchecked")
    void add(AdditiveRelation relation, List<Row> rows) {
      for (Row r : rows) {
        String id = r.getString(1);
        boolean fixed = r.getBoolean(4);
        cells.merge(id, new ComplementarySuppression.Cell(id, r.getBoolean(3), fixed),
            (a, b) -> a.fixed() ? a : b);
        for (int i = 0; i < relation.measures().size(); i++) {
          Measure m = relation.measures().get(i);
          String equation = relation.name() + "|" + m.name() + "|" + r.getString(2);
          List<ComplementarySuppression.Item>[] pair = sides.computeIfAbsent(equation,
              k -> new List[] {new ArrayList<>(), new ArrayList<>()});
          double value = r.isNullAt(5 + i) ? Double.NaN : ((Number) r.get(5 + i)).doubleValue();
          boolean total = r.getBoolean(0);
          // the item is the quantity itself, shared by every relation it appears in
          pair[total ? 0 : 1].add(new ComplementarySuppression.Item(id,
              total ? m.totalExpression() : m.partExpression(), value));
        }
      }
    }

    List<ComplementarySuppression.Equation> equations() {
      List<ComplementarySuppression.Equation> all = new ArrayList<>();
      sides.forEach((name, pair) -> all.add(new ComplementarySuppression.Equation(name,
          pair[0], pair[1])));
      return all;
    }
  }
}
