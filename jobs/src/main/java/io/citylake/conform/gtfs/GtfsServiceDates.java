package io.citylake.conform.gtfs;

import static io.citylake.conform.gtfs.GtfsChecks.missing;
import static io.citylake.conform.gtfs.GtfsChecks.unparsable;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.conform.Rule;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The days each service runs: calendar.txt expanded day by day over start_date..end_date on its
 * weekdays, plus calendar_dates.txt days added (exception_type 1), minus days removed (2). A feed
 * with calendar_dates only gets exactly its added days. The union is deduplicated and the removals
 * anti-joined, both shuffling by feed, service and day.
 */
final class GtfsServiceDates {
  /** Longest calendar expanded (about ten years), so a typo such as 29991231 stays small. */
  static final int MAX_CALENDAR_DAYS = 3660;
  /** Weekday columns in Spark's {@code dayofweek} order, 1 = Sunday. */
  private static final List<String> WEEKDAYS = List.of(
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
  private static final List<String> KEY = List.of("feed_id", "service_id", "service_date");

  private GtfsServiceDates() {}

  static Dataset<Row> calendar(Dataset<Row> lines) {
    String weekdays = WEEKDAYS.stream().map(GtfsSql::text).collect(Collectors.joining(", "));
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("service_id")).as("service_id"),
        expr("array(" + weekdays + ")").as("weekdays"),
        expr(GtfsSql.date("start_date")).as("start_date"),
        expr(GtfsSql.date("end_date")).as("end_date"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("service_id"),
        new Rule("invalid weekday flags", "exists(weekdays, d -> d IS NULL OR d NOT IN ('0', '1'))"),
        new Rule("unparsable start_date", "start_date IS NULL"),
        new Rule("unparsable end_date", "end_date IS NULL"),
        new Rule("end_date before start_date", "end_date < start_date"),
        new Rule("calendar longer than " + MAX_CALENDAR_DAYS + " days",
            "datediff(end_date, start_date) >= " + MAX_CALENDAR_DAYS)));
    return GtfsChecks.flagDuplicates(staged, "service_id");
  }

  static Dataset<Row> calendarDates(Dataset<Row> lines) {
    Dataset<Row> staged = GtfsChecks.stage(lines,
        expr(GtfsSql.text("service_id")).as("service_id"),
        expr(GtfsSql.date("date")).as("service_date"),
        expr(GtfsSql.integer("exception_type")).as("exception_type"));
    staged = GtfsChecks.flag(staged, List.of(
        missing("service_id"),
        unparsable("date", "service_date"),
        missing("service_date"),
        new Rule("invalid exception_type",
            "exception_type IS NULL OR exception_type NOT IN (1, 2)")));
    return GtfsChecks.flagDuplicates(staged, "service_id", "service_date");
  }

  /** Service days from the good rows of the two staged files. */
  static Dataset<Row> serviceDates(Dataset<Row> calendar, Dataset<Row> calendarDates) {
    Dataset<Row> weekly = calendar.filter(col(GtfsChecks.RULE).isNull())
        .selectExpr("feed_id", "service_id", "weekdays",
            "explode(sequence(start_date, end_date, INTERVAL 1 DAY)) AS service_date")
        .filter("element_at(weekdays, dayofweek(service_date)) = '1'")
        .selectExpr(KEY.toArray(String[]::new));
    Dataset<Row> exceptions = calendarDates.filter(col(GtfsChecks.RULE).isNull());
    Dataset<Row> added = exceptions.filter("exception_type = 1")
        .selectExpr(KEY.toArray(String[]::new));
    Dataset<Row> removed = exceptions.filter("exception_type = 2")
        .selectExpr(KEY.toArray(String[]::new));
    return weekly.union(added).distinct()
        .join(removed, scala.collection.JavaConverters.asScalaBuffer(KEY).toSeq(), "left_anti");
  }
}
