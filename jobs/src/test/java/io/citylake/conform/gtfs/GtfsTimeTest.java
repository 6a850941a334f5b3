package io.citylake.conform.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GtfsTimeTest {

  @Test
  void timesPastMidnightCountFromTheServiceDaysMidnight() {
    assertThat(GtfsTime.toSeconds("25:10:00")).hasValue(90600);
    assertThat(GtfsTime.toSeconds("24:00:00")).hasValue(86400);
  }

  @Test
  void singleDigitHoursAndSurroundingBlanksAreAccepted() {
    assertThat(GtfsTime.toSeconds("5:03:00")).hasValue(5 * 3600 + 3 * 60);
    assertThat(GtfsTime.toSeconds(" 08:00:07 ")).hasValue(8 * 3600 + 7);
    assertThat(GtfsTime.toSeconds("00:00:00")).hasValue(0);
  }

  @Test
  void malformedOrBlankTimesHaveNoSeconds() {
    for (String bad : new String[] {"24:60:00", "12:00:60", "", "  ", "8:00", "08:0:00",
        "123:00:00", "-1:00:00", "08:00:00.5", "８:00:00", "noon"}) {
      assertThat(GtfsTime.toSeconds(bad)).as(bad).isEqualTo(OptionalInt.empty());
    }
    assertThat(GtfsTime.toSeconds(null)).isEmpty();
  }

  @Test
  void nullableFormIsWhatSqlSees() {
    assertThat(GtfsTime.secondsOrNull("6:20:00")).isEqualTo(22800);
    assertThat(GtfsTime.secondsOrNull("24:60:00")).isNull();
  }
}
