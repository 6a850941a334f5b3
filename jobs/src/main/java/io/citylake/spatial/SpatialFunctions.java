package io.citylake.spatial;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple3;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * citylake's spatial SQL functions, so analysts, notebooks and jobs can use them in plain SQL:
 * {@code jis_mesh(lat, lon, level)} gives the JIS X 0410 grid square code (null outside Japan's
 * grid), {@code jis_mesh_wkt(code)} the square as a WKT polygon. A session extension (listed in
 * {@code spark.sql.extensions}, like Sedona's) rather than UDFs registered on one session: every
 * session built afterwards has them, including each JDBC client's session of the Thrift server.
 */
public final class SpatialFunctions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  // Java UDFs get no input casts: accept any numeric argument (double, decimal literal, int)
  private static final UDF3<Object, Object, Object, String> MESH = (latValue, lonValue,
      levelValue) -> {
    if (!(latValue instanceof Number lat) || !(lonValue instanceof Number lon)
        || !(levelValue instanceof Number level)) {
      return null;
    }
    double y = lat.doubleValue();
    double x = lon.doubleValue();
    int l = level.intValue();
    if (l < 1 || l > 4 || !(y >= 20 && y < 46 && x >= 122 && x < 154)) {
      return null;
    }
    return JisMeshCode.encode(y, x, l);
  };

  private static final UDF1<String, String> WKT = code -> {
    try {
      return code == null ? null : JisMeshCode.decode(code).wkt();
    } catch (IllegalArgumentException e) {
      return null;
    }
  };

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectFunction(function("jis_mesh", "_FUNC_(lat, lon, level) - JIS X 0410 grid"
        + " square code of a point: level 1 (80 km) to 4 (500 m)",
        functions.udf(MESH, DataTypes.StringType)));
    extensions.injectFunction(function("jis_mesh_wkt", "_FUNC_(code) - the JIS X 0410 grid"
        + " square of a code as a WKT polygon", functions.udf(WKT, DataTypes.StringType)));
    return BoxedUnit.UNIT;
  }

  private static Tuple3<FunctionIdentifier, ExpressionInfo,
      scala.Function1<Seq<Expression>, Expression>> function(String name, String usage,
      UserDefinedFunction udf) {
    UserDefinedFunction named = udf.withName(name);
    return new Tuple3<>(FunctionIdentifier.apply(name),
        new ExpressionInfo(SpatialFunctions.class.getName(), null, name, usage, ""),
        new AbstractFunction1<Seq<Expression>, Expression>() {
          @Override
          public Expression apply(Seq<Expression> children) {
            Column[] columns = JavaConverters.seqAsJavaList(children).stream()
                .map(Column::new).toArray(Column[]::new);
            return named.apply(columns).expr();
          }
        });
  }
}
