package io.citylake.lake;

import io.citylake.conform.gtfs.GtfsFunctions;
import io.citylake.spatial.SpatialFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The one way citylake adds SQL functions to Spark: a session extension (listed in
 * {@code spark.sql.extensions}, like Sedona's), so every session built afterwards has them,
 * jobs, the SQL shell and each JDBC client's session of the Thrift server alike, and no job
 * depends on another having registered something first. Each domain declares its functions
 * ({@link SpatialFunctions}, {@link GtfsFunctions}); they are pure functions of their arguments.
 *
 * <p>The keyed pseudonym function is the deliberate exception: its key must never reach an
 * analyst's session, so only a run that conforms personal data registers it on its own session
 * ({@code io.citylake.conform.ConformFunctions}).
 */
public final class CityLakeFunctions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** Every function the extension adds, in the order declared. */
  public static List<SessionFunction> all() {
    List<SessionFunction> all = new ArrayList<>(SpatialFunctions.all());
    all.addAll(GtfsFunctions.all());
    return all;
  }

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    for (SessionFunction function : all()) {
      UserDefinedFunction named = function.udf().withName(function.name());
      extensions.injectFunction(new scala.Tuple3<>(FunctionIdentifier.apply(function.name()),
          new ExpressionInfo(CityLakeFunctions.class.getName(), null, function.name(),
              function.usage(), ""),
          new AbstractFunction1<Seq<Expression>, Expression>() {
            @Override
            public Expression apply(Seq<Expression> children) {
              Column[] columns = JavaConverters.seqAsJavaList(children).stream()
                  .map(Column::new).toArray(Column[]::new);
              return named.apply(columns).expr();
            }
          }));
    }
    return BoxedUnit.UNIT;
  }
}
