package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Spark session extension that makes chosen sessions read-only: in a protected session every
 * analysed plan is checked by {@link ReadOnlyPlans} before it runs, and a write, DDL or a read
 * outside {@code gold} fails with {@link #REFUSAL}.
 *
 * <p>Registered for every session through {@code spark.sql.extensions}, but it only acts on the
 * sessions passed to {@link #protect}: the JDBC endpoint protects each client session it opens.
 * Protection is keyed on the session object itself, not on a configuration key, so a client can
 * neither {@code SET} it off nor pass it in the connection URL; other sessions of the same JVM
 * (jobs, tests) are never affected.
 */
public final class ReadOnlyGuard extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** The first words of every refusal, which JDBC clients show. */
  public static final String REFUSAL = "Cannot run the statement: the citylake JDBC endpoint is"
      + " read-only and serves the gold tables only";

  private static final Set<SparkSession> PROTECTED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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

  /** Makes {@code session} read-only for the rest of its life; returns it. */
  public static SparkSession protect(SparkSession session) {
    PROTECTED.add(session);
    return session;
  }

  /** Whether statements of {@code session} are checked. */
  public static boolean isProtected(SparkSession session) {
    return PROTECTED.contains(session);
  }

  private static final class Check extends AbstractFunction1<LogicalPlan, BoxedUnit> {
    private final SparkSession session;

    Check(SparkSession session) {
      this.session = session;
    }

    @Override
    public BoxedUnit apply(LogicalPlan plan) {
      if (isProtected(session)) {
        ReadOnlyPlans.refusal(plan).ifPresent(reason -> {
          throw new CityLakeException(REFUSAL + ": " + reason, CityLakeException.USAGE, null);
        });
      }
      return BoxedUnit.UNIT;
    }
  }
}
