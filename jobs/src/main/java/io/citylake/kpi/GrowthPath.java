package io.citylake.kpi;

/**
 * A target that is a path, not a point: the KPI is to be back at {@code base} (the level of
 * {@code baseYear}) until growth starts, then grow by {@code annualRate} each year from
 * {@code startYear}. Susami's visitors: 1 M/yr (the FY2019 level) in FY2021, then +10 %/yr from
 * FY2022, so 1.1 M in FY2022, 1.21 M in FY2023 and 1.61051 M in FY2026. Years are of the
 * target's {@link YearType}.
 */
public record GrowthPath(double base, int baseYear, double annualRate, int startYear) {
  /** The path's target for {@code year}: the base before {@code startYear}, then compounded. */
  public double valueFor(int year) {
    int years = Math.max(0, year - startYear + 1);
    return base * Math.pow(1 + annualRate, years);
  }
}
