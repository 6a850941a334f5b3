package io.citylake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualityGateConfigTest {

  private static QualityGateConfig parse(String text) {
    return QualityGateConfig.parse(new StringReader(text), "quality-gate.properties");
  }

  @Test
  void requiredDatasetsAndLimitsAreReadPerDataset() {
    QualityGateConfig config = parse("""
        # the operator's thresholds
        required = transit_taps, transit/arrivals
        max_quarantine_share = 0.2
        max_quarantine_share.points_steps = 0.05
        """);

    assertThat(config.required()).isEqualTo(Set.of("transit_taps", "transit_arrivals"));
    assertThat(config.limit("points_steps")).isEqualTo(0.05);
    assertThat(config.limit("transit_taps")).isEqualTo(0.2);
  }

  @Test
  void withoutAFileNothingIsRequiredAndAQuarterMayBeQuarantined() {
    QualityGateConfig config = parse("");

    assertThat(config).isEqualTo(QualityGateConfig.defaults());
    assertThat(config.required()).isEmpty();
    assertThat(config.limit("sensors_observations")).isEqualTo(0.25);
  }

  @Test
  void unknownDatasetsSettingsAndSharesAreOneLineErrors() {
    assertThatThrownBy(() -> parse("required = transit_tapz"))
        .hasMessage("Cannot read the quality gate settings quality-gate.properties: unknown"
            + " dataset 'transit_tapz'; name it as its silver table, e.g. transit_taps"
            + " (got: transit_tapz)");
    assertThatThrownBy(() -> parse("max_quarantine_share.points_steps = 12%"))
        .hasMessage("Cannot read the quality gate settings quality-gate.properties:"
            + " max_quarantine_share.points_steps must be a share between 0 and 1, e.g. 0.1"
            + " (got: 12%)");
    assertThatThrownBy(() -> parse("max_quarantine = 0.1"))
        .hasMessageStartingWith("Cannot read the quality gate settings quality-gate.properties:"
            + " unknown setting 'max_quarantine'");
  }
}
