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
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Spark session extension that makes chosen sessions read-only: in a protected session every
 * analysed plan is checked by {@link ReadOnlyPlans} before it runs, and a write, DDL or a read
 * outside the session's readable databases (normally {@code gold} only) fails with
 * {@link #REFUSAL}.
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

  private static final Map<SparkSession, Set<String>> PROTECTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
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

  private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> {
    private final SparkSession session;

    Check(SparkSession session) {
      this.session = session;
    }

    @Override
    public BoxedUnit apply(LogicalPlan plan) {
      readable(session).flatMap(databases -> ReadOnlyPlans.refusal(plan, databases))
          .ifPresent(reason -> {
            throw new CityLakeException(REFUSAL + ": " + reason, CityLakeException.USAGE, null);
          });
      return BoxedUnit.UNIT;
    }
  }
}
