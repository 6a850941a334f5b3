package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.catalyst.util.StringUtils;
import scala.Option;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Spark session extension that makes chosen sessions read-only: in a protected session every
 * analysed plan is checked by {@link ReadOnlyPlans} before it runs, and a write, DDL or a read
 * outside the session's readable databases (normally {@code gold} only) fails with
 * {@link #REFUSAL}, and {@code SHOW DATABASES} lists the readable databases only.
 *
 * <p>Registered for every session through {@code spark.sql.extensions}, but it only acts on the
 * sessions passed to {@link #protect}: the JDBC endpoint protects each client session it opens.
 * Protection is keyed on the session object itself, not on a configuration key, so a client can
 * neither {@code SET} it off nor pass it in the connection URL; other sessions of the same JVM
 * (jobs, tests) are never affected.
 */
public final class ReadOnlyGuard extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** The first words of every refusal, which JDBC clients show. */
  public static final String REFUSAL =
      "Cannot run the statement: the citylake JDBC endpoint is read-only";

  /** A database pattern no database name matches (Hive names hold letters, digits and _). */
  public static final String NO_DATABASE = "!";

  private static final Map<SparkSession, Set<String>> PROTECTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectResolutionRule(new AbstractFunction1<SparkSession, Rule<LogicalPlan>>() {
      @Override
      public Rule<LogicalPlan> apply(SparkSession session) {
        return new ReadableDatabasesShown(session);
      }
    });
    extensions.injectCheckRule(new AbstractFunction1<SparkSession,
        scala.Function1<LogicalPlan, BoxedUnit>>() {
      @Override
      public scala.Function1<LogicalPlan, BoxedUnit> apply(SparkSession session) {
        return new Check(session);
      }
    });
    return BoxedUnit.UNIT;
  }

  /**
   * Makes {@code session} read-only for the rest of its life, able to read tables of the
   * {@code readable} databases only; returns it.
   */
  public static SparkSession protect(SparkSession session, Set<String> readable) {
    PROTECTED.put(session, readable.stream().map(d -> d.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet()));
    return session;
  }

  /** The databases a protected session may read, or empty when the session is not protected. */
  public static Optional<Set<String>> readable(SparkSession session) {
    return Optional.ofNullable(PROTECTED.get(session));
  }

  /**
   * {@code SHOW DATABASES [LIKE pattern]} in a protected session lists the readable databases
   * (that match the pattern) only: its pattern is narrowed to them.
   */
  private static final class ReadableDatabasesShown extends Rule<LogicalPlan> {
    private final SparkSession session;

    ReadableDatabasesShown(SparkSession session) {
      this.session = session;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
      Optional<Set<String>> readable = readable(session);
      if (readable.isEmpty() || !(plan instanceof ShowNamespaces show)) {
        return plan;
      }
      scala.collection.Seq<String> names = JavaConverters.asScalaBuffer(
          readable.get().stream().sorted().toList()).toSeq();
      scala.collection.Seq<String> shown = show.pattern().isDefined()
          ? StringUtils.filterPattern(names, show.pattern().get()) : names;
      String pattern = shown.isEmpty() ? NO_DATABASE : shown.mkString("|");
      return show.copy(show.namespace(), Option.apply(pattern), show.output());
    }
  }

  private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> {
    private final SparkSession session;

    Check(SparkSession session) {
      this.session = session;
    }

    @Override
    public BoxedUnit apply(LogicalPlan plan) {
      readable(session).flatMap(databases -> ReadOnlyPlans.refusal(plan, databases,
              session.sessionState().catalog().getCurrentDatabase()))
          .ifPresent(reason -> {
            throw new CityLakeException(REFUSAL + ": " + reason, CityLakeException.USAGE, null);
          });
      return BoxedUnit.UNIT;
    }
  }
}
