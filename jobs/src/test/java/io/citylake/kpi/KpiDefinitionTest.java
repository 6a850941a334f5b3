package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.gold.CountBasis;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract's KPI table as Java data, without Spark. */
class KpiDefinitionTest {
  @Test
  void everyContractKpiIsDefinedOnceWithItsId() {
    assertThat(Arrays.stream(KpiDefinition.values()).map(KpiDefinition::id)).containsExactly(
        "walking_minutes_avg", "car_daily_share", "tourism_spend_yen", "visitors",
        "bus_wait_minutes_avg", "ridership", "elderly_feels_safe_share", "satisfaction_share",
        "continue_intent_share", "shelter_days_to_shortage", "drone_delivery_success",
        "people_flow", "snow_depth_max", "companies_attracted", "households_moved_in");
    assertThat(KpiDefinition.byId("car_daily_share")).contains(KpiDefinition.CAR_DAILY_SHARE);
    assertThat(KpiDefinition.byId("nope")).isEmpty();
  }

  @Test
  void personBasedKpisAreSuppressibleAndDeviceBasedOnesAreNot() {
    assertThat(Arrays.stream(KpiDefinition.values())
        .filter(k -> k.basis() == CountBasis.RECORDS).map(KpiDefinition::id))
        .containsExactlyInAnyOrder("shelter_days_to_shortage", "drone_delivery_success",
            "people_flow", "snow_depth_max", "companies_attracted", "households_moved_in");
    assertThat(CountBasis.PERSONS.suppressible()).isTrue();
    assertThat(CountBasis.RECORDS.suppressible()).isFalse();
  }

  @Test
  void outcomesTheTownReportsAreNotMeasuredAndHaveNoGoldHeadline() {
    assertThat(Arrays.stream(KpiDefinition.values()).filter(k -> !k.measured())
        .map(KpiDefinition::id)).containsExactly("companies_attracted", "households_moved_in");
    assertThat(KpiHeadline.find(KpiDefinition.COMPANIES_ATTRACTED)).isEmpty();
    assertThat(KpiHeadline.find(KpiDefinition.VISITORS).orElseThrow().table())
        .isEqualTo("visitors_daily");
    assertThat(KpiDefinition.measuredKpis()).hasSize(KpiDefinition.values().length - 2);
  }

  @Test
  void theDroneDefinitionSaysHowItMeasuresTheCompositeTargetAndWhatItCannotShow() {
    assertThat(KpiDefinition.DRONE_DELIVERY_SUCCESS.definition())
        .contains("status = delivered and payload_kg >= 5", "max_delivered_payload_kg",
            "cannot show whether a flight was flown autonomously");
  }

  @Test
  void headlineUnitsMatchTheCitysTargetUnits() {
    assertThat(KpiDefinition.WALKING_MINUTES_AVG.unit()).isEqualTo("min/day");
    assertThat(KpiDefinition.TOURISM_SPEND_YEN.unit()).isEqualTo("yen/year");
    assertThat(KpiDefinition.VISITORS.unit()).isEqualTo("persons/year");
    assertThat(KpiDefinition.CAR_DAILY_SHARE.direction()).isEqualTo(Direction.LOWER);
    assertThat(KpiDefinition.ELDERLY_FEELS_SAFE_SHARE.definition()).contains("65-74", "75+");
  }
}
