package io.citylake.kpi;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.util.List;

/**
 * A straight line fitted by ordinary least squares to a KPI series, x in days since the epoch.
 * Deliberately simple: the catalogue needs a transparent "where does the current trend lead",
 * not a forecast model.
 */
public record TrendLine(double slopePerDay, double intercept) {

  /** Fits {@code points}; needs at least two different days. */
  public static TrendLine fit(List<SeriesPoint> points) {
    int n = points.size();
    double meanX = points.stream().mapToDouble(p -> p.day().toEpochDay()).average().orElse(0);
    double meanY = points.stream().mapToDouble(SeriesPoint::value).average().orElse(0);
    double sxx = 0;
    double sxy = 0;
    for (SeriesPoint p : points) {
      double dx = p.day().toEpochDay() - meanX;
      sxx += dx * dx;
      sxy += dx * (p.value() - meanY);
    }
    if (n < 2 || sxx == 0) {
      throw CityLakeException.badInput("fit a trend line",
          "at least two different days are needed", n + " point(s)");
    }
    double slope = sxy / sxx;
    return new TrendLine(slope, meanY - slope * meanX);
  }

  public double valueAt(LocalDate day) {
    return intercept + slopePerDay * day.toEpochDay();
  }
}
