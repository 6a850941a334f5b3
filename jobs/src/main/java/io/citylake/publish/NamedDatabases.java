package io.citylake.publish;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.ResolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.ResolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.ResolvedPersistentView;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.types.DataType;
import scala.Option;
import scala.Product;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The databases a command names, however Spark resolved it: table identifiers, resolved
 * namespaces and tables, relations still unresolved inside a parsed plan (EXPLAIN, DESCRIBE
 * QUERY), and the plain database names of Spark's V1 commands ({@code SHOW TABLES IN db},
 * {@code USE db}). A table or command without a database names the session's current one.
 * Found by walking the command's fields, so a command's new field is looked into without a
 * change here.
 */
final class NamedDatabases {
  private NamedDatabases() {}

  /** Adds the databases {@code value} names to {@code named}, and the plans inside it to plans. */
  static void collect(Object value, String current, Set<String> named, List<LogicalPlan> plans) {
    walk(value, current, named, plans, new IdentityHashMap<>());
  }

  private static void walk(Object value, String current, Set<String> named,
      List<LogicalPlan> plans, Map<Object, Boolean> seen) {
    if (value == null || value instanceof String || value instanceof Expression
        || value instanceof DataType || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (v1Command(value, current, named)) {
      return;
    }
    if (value instanceof TableIdentifier table) {
      named.add(table.database().isDefined() ? table.database().get() : current);
    } else if (value instanceof FunctionIdentifier function) {
      if (function.database().isDefined()) {
        named.add(function.database().get());
      }
    } else if (value instanceof CatalogTable table) {
      walk(table.identifier(), current, named, plans, seen);
    } else if (value instanceof ResolvedNamespace namespace) {
      last(namespace.namespace()).ifPresent(named::add);
    } else if (value instanceof ResolvedTable table) {
      namespace(table.identifier(), current, named);
    } else if (value instanceof ResolvedPersistentView view) {
      namespace(view.identifier(), current, named);
    } else if (value instanceof ResolvedIdentifier identifier) {
      namespace(identifier.identifier(), current, named);
    } else if (value instanceof UnresolvedRelation relation) {
      Seq<String> parts = relation.multipartIdentifier();
      named.add(parts.size() > 1 ? parts.apply(parts.size() - 2) : current);
    } else if (value instanceof Option<?> option) {
      if (option.isDefined()) {
        walk(option.get(), current, named, plans, seen);
      }
    } else if (value instanceof Identifier identifier) {
      namespace(identifier, current, named);
    } else if (value instanceof scala.collection.Iterable<?> items) {
      for (Object item : JavaConverters.asJavaIterable(items)) {
        walk(item, current, named, plans, seen);
      }
    } else if (value instanceof Product product) {
      if (value instanceof LogicalPlan plan) {
        plans.add(plan);
      }
      java.util.Iterator<Object> fields = JavaConverters.asJavaIterator(product.productIterator());
      while (fields.hasNext()) {
        walk(fields.next(), current, named, plans, seen);
      }
    }
  }

  /**
   * Spark's V1 commands that hold a database as a plain string; true when {@code value} is one
   * (its database is then added, and its other fields are table identifiers of that database).
   */
  private static boolean v1Command(Object value, String current, Set<String> named) {
    if (!(value instanceof Product command)) {
      return false;
    }
    switch (command.getClass().getSimpleName()) {
      case "ShowTablesCommand", "ShowViewsCommand", "ShowFunctionsCommand",
          "DescribeDatabaseCommand" -> {
        named.add(text(command.productElement(0)).orElse(current));
        return true;
      }
      case "ShowColumnsCommand" -> {
        named.add(text(command.productElement(0)).orElseGet(() ->
            command.productElement(1) instanceof TableIdentifier table
                && table.database().isDefined() ? table.database().get() : current));
        return true;
      }
      case "SetNamespaceCommand" -> {
        last((Seq<?>) command.productElement(0)).ifPresent(named::add);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** A database name held as a string or an optional string. */
  private static java.util.Optional<String> text(Object field) {
    if (field instanceof String name) {
      return java.util.Optional.of(name);
    }
    if (field instanceof Option<?> option && option.isDefined()
        && option.get() instanceof String name) {
      return java.util.Optional.of(name);
    }
    return java.util.Optional.empty();
  }

  private static void namespace(Identifier identifier, String current, Set<String> named) {
    named.add(ReadOnlyPlans.namespace(identifier).orElse(current));
  }

  private static java.util.Optional<String> last(Seq<?> parts) {
    List<?> list = JavaConverters.seqAsJavaList(parts);
    return list.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(String.valueOf(list.get(list.size() - 1)));
  }
}
