package io.citylake.privacy;

/**
 * The protection interval as one rule, shared by the suppression and its audits: what an analyst
 * who knows a suppressed value lies in [lo, hi] has learned about its true value v.
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * True when the bounds disclose a suppressed value. Every suppressed value is disclosed when
   * its bounds meet (exact recovery); a sensitive one (a primary cell, from fewer than k
   * persons, of true value v) also when the upper bound is within ±p·v of v, or a derived lower
   * bound (above zero: every value is at least zero without any subtraction) is. A sensitive
   * zero is disclosed when the upper bound is zero.
   */
  public static boolean disclosed(double v, double lo, double hi, double p, boolean sensitive) {
    double scale = Math.max(1, Math.abs(Double.isNaN(v) || !sensitive ? hi : v));
    double tolerance = 1e-6 * (Double.isInfinite(scale) ? 1 : scale);
    if (!Double.isInfinite(hi) && hi - lo <= tolerance) {
      return true;
    }
    if (!sensitive || Double.isNaN(v)) {
      return false;
    }
    double margin = p * Math.abs(v) + tolerance;
    boolean upper = !Double.isInfinite(hi) && Math.abs(hi - v) <= margin;
    boolean lower = lo > tolerance && Math.abs(lo - v) <= margin;
    return upper || lower;
  }
}
