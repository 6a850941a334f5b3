package io.citylake.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * What a read-only analyst session may run: queries over tables of its readable databases
 * (normally {@code gold}) by name, and the commands that only look (SHOW, DESCRIBE, USE, SET,
 * EXPLAIN, CACHE/UNCACHE) at those databases. Everything else, i.e. writes, DDL, file-path reads
 * ({@code delta.`/lake/...`}), reads of other databases and looking at them ({@code SHOW TABLES
 * IN silver}, {@code DESCRIBE quarantine.rejected_rows}, {@code USE silver}), is refused with a reason.
 * Commands are matched by an allow-list, so a command Spark or Delta adds later is refused until
 * someone decides it is harmless.
 */
final class ReadOnlyPlans {
  private static final Set<String> LOOKING_COMMANDS = Set.of(
      "SetCommand", "ResetCommand", "SetCatalogAndNamespace", "SetNamespaceCommand",
      "SetCatalogCommand", "ShowTables", "ShowTablesCommand", "ShowTableExtended",
      "ShowNamespaces", "ShowNamespacesCommand", "ShowViews", "ShowViewsCommand",
      "ShowColumns", "ShowColumnsCommand", "ShowDeltaTableColumnsCommand", "ShowCreateTable",
      "ShowCreateTableCommand", "ShowTableProperties", "ShowTablePropertiesCommand",
      "ShowPartitions", "ShowPartitionsCommand", "ShowFunctions", "ShowFunctionsCommand",
      "ShowCatalogs", "ShowCatalogsCommand", "ShowCurrentNamespace", "ShowCurrentNamespaceCommand",
      "DescribeRelation", "DescribeTableCommand", "DescribeColumn", "DescribeColumnCommand",
      "DescribeNamespace", "DescribeDatabaseCommand", "DescribeFunction",
      "DescribeFunctionCommand", "DescribeQueryCommand", "DescribeDeltaDetailCommand",
      "DescribeDeltaHistory", "DescribeDeltaHistoryCommand", "ExplainCommand", "CacheTable",
      "CacheTableAsSelect", "CacheTableCommand", "UncacheTable", "UncacheTableCommand",
      "ClearCacheCommand");

  private ReadOnlyPlans() {}

  /**
   * Why {@code plan} may not run in a read-only session whose current database is
   * {@code current}, or empty when it may.
   */
  static Optional<String> refusal(LogicalPlan plan, Set<String> readable, String current) {
    if (plan instanceof Command && !LOOKING_COMMANDS.contains(plan.getClass().getSimpleName())) {
      return Optional.of(plan.nodeName() + " changes the lake");
    }
    if (plan instanceof Command) {
      return lookingRefusal(plan, readable, current);
    }
    return firstRefusal(plan, readable);
  }

  /**
   * A looking command may name only readable databases, and may look only into plans that read
   * them (CACHE TABLE t AS SELECT, EXPLAIN, DESCRIBE QUERY).
   */
  private static Optional<String> lookingRefusal(LogicalPlan command, Set<String> readable,
      String current) {
    Set<String> named = new java.util.TreeSet<>();
    List<LogicalPlan> plans = new ArrayList<>();
    NamedDatabases.collect(command, current, named, plans);
    for (String database : named) {
      Optional<String> refusal = tableRefusal(Optional.of(database), command.nodeName(), readable);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    for (LogicalPlan plan : plans) {
      Optional<String> refusal = plan instanceof Command ? Optional.empty()
          : nodeRefusal(plan, readable);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstRefusal(LogicalPlan node, Set<String> readable) {
    Optional<String> own = nodeRefusal(node, readable);
    if (own.isPresent()) {
      return own;
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(node.children())) {
      Optional<String> refusal = firstRefusal(child, readable);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    for (LogicalPlan subquery : JavaConverters.seqAsJavaList(node.subqueries())) {
      Optional<String> refusal = firstRefusal(subquery, readable);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nodeRefusal(LogicalPlan node, Set<String> readable) {
    if (node instanceof Command) {
      return Optional.of(node.nodeName() + " changes the lake");
    }
    if (node instanceof LogicalRelation relation && readsDeltaLog(relation)) {
      return Optional.empty();
    }
    if (node instanceof LogicalRelation relation) {
      return tableRefusal(database(relation.catalogTable()), relation.relation().toString(), readable);
    }
    if (node instanceof HiveTableRelation relation) {
      return tableRefusal(database(Option.apply(relation.tableMeta())),
          relation.tableMeta().identifier().unquotedString(), readable);
    }
    if (node instanceof DataSourceV2Relation relation) {
      Optional<String> database = relation.identifier().isDefined()
          ? namespace(relation.identifier().get()) : Optional.empty();
      return tableRefusal(database, relation.name(), readable);
    }
    return Optional.empty();
  }

  /**
   * Delta reads a table's transaction log with queries of its own, in the session that asked for
   * the table; their file index is Delta's internal one, which no SQL statement can name.
   */
  private static boolean readsDeltaLog(LogicalRelation relation) {
    return relation.catalogTable().isEmpty()
        && relation.relation() instanceof HadoopFsRelation files
        && files.location().getClass().getSimpleName().equals("DeltaLogFileIndex");
  }

  private static Optional<String> tableRefusal(Optional<String> database, String what,
      Set<String> readable) {
    if (database.isEmpty()) {
      return Optional.of("only tables named in the metastore can be read, not files (got: "
          + what + ")");
    }
    if (!readable.contains(database.get().toLowerCase(Locale.ROOT))) {
      return Optional.of("only tables of " + String.join(", ", readable.stream().sorted()
          .toList()) + " can be read (got: " + database.get() + ")");
    }
    return Optional.empty();
  }

  private static Optional<String> database(Option<CatalogTable> table) {
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Option<String> database = table.get().identifier().database();
    return Optional.of(database.isDefined() ? database.get() : "default");
  }

  /** The database of a V2 identifier: the last part of its namespace, if it has one. */
  static Optional<String> namespace(Identifier identifier) {
    String[] namespace = identifier.namespace();
    return namespace.length == 0 ? Optional.empty()
        : Optional.of(namespace[namespace.length - 1]);
  }
}
