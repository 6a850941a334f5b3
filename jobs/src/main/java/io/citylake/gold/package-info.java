/**
 * How a gold table is declared and written, shared by the KPI ({@code io.citylake.kpi}) and
 * spatial ({@code io.citylake.spatial}) jobs: a table's columns ({@link
 * io.citylake.gold.GoldTable}, {@link io.citylake.gold.GoldColumns}), its time grain ({@link
 * io.citylake.gold.Grain}), k-anonymity of person counts ({@link io.citylake.gold.KAnonymity},
 * {@link io.citylake.gold.CountBasis}), and the periodic job that recomputes only the periods whose
 * silver inputs changed ({@link io.citylake.gold.PeriodicKpiJob}, {@link
 * io.citylake.gold.KpiWatermarks}, {@link io.citylake.gold.KpiSource}). Kept apart from the KPI
 * definitions so spatial aggregates do not depend on the KPI domain for their plumbing.
 */
package io.citylake.gold;
