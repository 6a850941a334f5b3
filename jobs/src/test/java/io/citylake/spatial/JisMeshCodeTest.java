package io.citylake.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JisMeshCodeTest {

  @ParameterizedTest(name = "{0},{1} level {2} -> {3}")
  @CsvSource({
      // Tokyo Station, the textbook example: 1st 5339, 2nd 533946, 3rd 53394611, 1/2 533946113
      "35.681236, 139.767125, 1, 5339",
      "35.681236, 139.767125, 2, 533946",
      "35.681236, 139.767125, 3, 53394611",
      "35.681236, 139.767125, 4, 533946113",
      // points exactly on cell edges belong to the cell north-east of the edge
      "36.0, 140.0, 3, 54400000",
      "35.0, 139.0, 2, 523940",
      "35.6666666, 139.75, 3, 53393690",
      "35.6666667, 139.75, 3, 53394600",
      // 500 m quadrants of the 1 km cell whose south-west corner is 36°N 140°E
      "36.001, 140.001, 4, 544000001",
      "36.001, 140.007, 4, 544000002",
      "36.0045, 140.001, 4, 544000003",
      "36.0045, 140.007, 4, 544000004",
  })
  void encodesPointsToTheCellHoldingThem(double lat, double lon, int level, String code) {
    assertThat(JisMeshCode.encode(lat, lon, level)).isEqualTo(code);
  }

  @Test
  void decodeGivesTheCellAndItsCentreEncodesBack() {
    JisMeshCode.Cell cell = JisMeshCode.decode("53394611");
    assertThat(cell.south()).isCloseTo(35 + 40 / 60.0 + 30 / 3600.0, within(1e-12));
    assertThat(cell.west()).isCloseTo(139 + 45 / 60.0 + 45 / 3600.0, within(1e-12));
    assertThat(cell.height()).isCloseTo(30 / 3600.0, within(1e-12));
    assertThat(cell.width()).isCloseTo(45 / 3600.0, within(1e-12));
    for (String code : new String[] {"6441", "644142", "64414277", "644142774", "533946113"}) {
      JisMeshCode.Cell c = JisMeshCode.decode(code);
      double lat = (c.south() + c.north()) / 2;
      double lon = (c.west() + c.east()) / 2;
      assertThat(JisMeshCode.encode(lat, lon, c.level())).as(code).isEqualTo(code);
    }
    assertThat(JisMeshCode.decode("5339").wkt())
        .isEqualTo("POLYGON ((139.000000000 35.333333333, 140.000000000 35.333333333,"
            + " 140.000000000 36.000000000, 139.000000000 36.000000000,"
            + " 139.000000000 35.333333333))");
  }

  @Test
  void rejectsPointsOutsideTheGridAndBadCodes() {
    assertThatThrownBy(() -> JisMeshCode.encode(36.1, -115.0, 3))
        .hasMessage("Cannot compute a JIS mesh code: the point is outside Japan's grid"
            + " (20-46 N, 122-154 E) (got: 36.1, -115.0)");
    assertThatThrownBy(() -> JisMeshCode.encode(36.1, 140.1, 5))
        .hasMessageContaining("level must be 1, 2, 3 or 4");
    assertThatThrownBy(() -> JisMeshCode.decode("53395"))
        .hasMessageContaining("4, 6, 8 or 9 digits");
    assertThatThrownBy(() -> JisMeshCode.decode("533985"))
        .hasMessageContaining("level 2 digits must be below 8");
    assertThatThrownBy(() -> JisMeshCode.decode("533946115"))
        .hasMessageContaining("1/2 digit must be 1-4");
  }
}
