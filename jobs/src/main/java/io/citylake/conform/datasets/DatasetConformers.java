package io.citylake.conform.datasets;

import io.citylake.conform.Conformer;
import java.util.List;

/** Every dated raw dataset's conformer, in the contract's order; the pipeline adds one job each. */
public final class DatasetConformers {
  private DatasetConformers() {}

  public static List<Conformer> all() {
    return List.of(
        new SensorObservationsConformer(),
        new TransitTapsConformer(),
        new TransitArrivalsConformer(),
        new TransitTripDiaryConformer(),
        new PointsStepsConformer(),
        new PointsTransactionsConformer(),
        new DisasterCheckinsConformer(),
        new DisasterInventoryConformer(),
        new DisasterDroneFlightsConformer(),
        new DisasterAlertsConformer(),
        new SurveyResponsesConformer(),
        new SensorNgsiLdConformer());
  }
}
