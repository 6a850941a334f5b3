package io.citylake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.GoldOutput;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.Layer;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Complementary suppression on the shared sample-lake night: the analyst subtracting along every
 * declared relation of the published gold tables recovers no suppressed cell (the issue's
 * 1 km / 500 m squares and wards / municipality included), every published numeric column says
 * how it nests, every relation has the one job that protects it, and the night's summary shows
 * the cells suppressed as complements. Reads the lake; writes nothing.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class ComplementarySuppressionOnSampleLakeTest extends SparkTestBase {
  private static SampleLakeNight.Lake sample;
  private static RunSummary night;

  @BeforeAll
  static void theSharedNight() {
    sample = SampleLakeNight.shared(spark());
    night = sample.night();
  }

  private static List<PeriodicKpiJob> periodicJobs() {
    return NightlyPipeline.graph().jobs().stream().filter(j -> j instanceof PeriodicKpiJob)
        .map(j -> (PeriodicKpiJob) j).toList();
  }

  @Test
  void theAttackerRecoversNoSuppressedCellOfAnyPublishedGoldTable() {
    JobContext context = new JobContext(spark(), sample.config(), night.runDate(), "audit",
        Instant.now());
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 11, 1); !d.isAfter(night.runDate()); d = d.plusDays(1)) {
      days.add(d);
    }

    PublishedAudit.Report report = PublishedAudit.audit(context, periodicJobs(),
        GoldRelations.all(), days);

    assertThat(report.equations()).isGreaterThan(1000);
    assertThat(report.primaryCells()).isGreaterThan(100);
    assertThat(report.suppressedCells()).isGreaterThan(report.primaryCells());
    assertThat(report.recovered()).isEmpty();
  }

  @Test
  void everyPublishedNumericColumnIsInARelationOrDeclaredStandalone() {
    Set<String> undeclared = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (Job job : NightlyPipeline.graph().jobs()) {
      for (TableRef table : job.outputs()) {
        if (table.layer() != Layer.GOLD) {
          continue;
        }
        String path = sample.config().paths().gold(table.table());
        if (!Files.isDirectory(sample.root().resolve("gold").resolve(table.table()))) {
          continue;
        }
        for (StructField field : spark().read().format("delta").load(path).schema().fields()) {
          seen.add(table.table() + "." + field.name());
          if (numeric(field.dataType()) && !GoldRelations.declared(table.table(), field.name())) {
            undeclared.add(table.table() + "." + field.name());
          }
        }
      }
    }
    assertThat(seen).contains("tourism_spend_mesh_daily.spend_yen",
        "people_flow_area_hourly.people_count");
    assertThat(undeclared).isEmpty();
    // and nothing declared is stale
    for (AdditiveRelation relation : GoldRelations.all()) {
      for (String table : relation.tables()) {
        for (String column : relation.columnsOf(table)) {
          assertThat(seen).as(relation.name()).contains(table + "." + column);
        }
      }
    }
    GoldRelations.standaloneColumns().forEach((table, columns) -> columns.keySet()
        .forEach(column -> assertThat(seen).contains(table + "." + column)));
  }

  @Test
  void everyRelationIsProtectedByExactlyOneJobOfThePipeline() {
    for (AdditiveRelation relation : GoldRelations.all()) {
      List<String> protectors = new ArrayList<>();
      for (PeriodicKpiJob job : periodicJobs()) {
        List<String> own = job.outputs().stream().filter(t -> t.layer() == Layer.GOLD)
            .map(TableRef::table).toList();
        List<String> reads = job.inputs().stream().filter(t -> t.layer() == Layer.GOLD)
            .map(TableRef::table).toList();
        if (GoldRelations.handledBy(own, reads).contains(relation)) {
          protectors.add(job.name());
        }
      }
      assertThat(protectors).as(relation.name()).hasSize(1);
    }
  }

  @Test
  void everyMeasureOfARelationIsNulledInASuppressedCell() {
    // a column published for suppressed cells too would count as unknown while it is not
    for (AdditiveRelation relation : GoldRelations.all()) {
      for (PeriodicKpiJob job : periodicJobs()) {
        for (GoldOutput output : job.publishedOutputs()) {
          String table = output.table().name();
          if (relation.tables().contains(table) && output.basis().suppressible()) {
            assertThat(output.valueColumns()).as(relation.name() + " " + table)
                .containsAll(relation.columnsOf(table));
          }
        }
      }
    }
  }

  @Test
  void theNightlySummaryPrintsAndKeepsTheComplementsPerTable() {
    Map<String, Long> secondary = night.secondarySuppressed();

    assertThat(secondary.get("tourism_spend_mesh_daily")).isPositive();
    assertThat(secondary.get("people_flow_area_hourly")).isPositive();
    assertThat(night.table()).contains("complementary suppression (cells): ")
        .contains("tourism_spend_mesh_daily " + secondary.get("tourism_spend_mesh_daily"))
        .contains("people_flow_area_hourly " + secondary.get("people_flow_area_hourly"));
  }

  private static boolean numeric(DataType type) {
    return type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)
        || type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)
        || type.equals(DataTypes.ShortType) || type instanceof DecimalType;
  }
}
