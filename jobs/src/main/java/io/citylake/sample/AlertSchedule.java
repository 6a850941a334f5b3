package io.citylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The sample's alerts, with Japan's five-step evacuation levels ({@code level} 2 = advisory,
 * 3 = elderly evacuate, 4 = everyone evacuates): Susami's heavy-rain level 3 raised to 4 on the
 * first event day and a tsunami drill on the second; a heavy-snow advisory for Sapporo on the
 * first-snow day. An alert still active after the last sample day has {@code lifted_at} null; one
 * alert is delivered with UTC time stamps.
 */
final class AlertSchedule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUSAMI_COAST =
      "POLYGON ((135.47 33.53, 135.53 33.53, 135.53 33.57, 135.47 33.57, 135.47 33.53))";
  private static final String SUSAMI_HARBOUR =
      "POLYGON ((135.488 33.543, 135.505 33.543, 135.505 33.556, 135.488 33.556, 135.488 33.543))";

  private record Alert(String municipality, int level, String area, String suffix, int issuedDay,
      int issuedSecond, int liftedDay, int liftedSecond) {}

  private final SampleSpec spec;
  private final List<Alert> alerts;
  private final DirtInjector dirt;

  AlertSchedule(SampleSpec spec, ReferenceData reference, EventCalendar calendar,
      DirtInjector dirt) {
    this.spec = spec;
    this.dirt = dirt;
    int e0 = calendar.susamiEventStart();
    int s0 = calendar.snowStart();
    this.alerts = List.of(
        new Alert("susami", 3, SUSAMI_COAST, "rain", e0, 5 * 3600 + 40 * 60, e0, 13 * 3600),
        new Alert("susami", 4, SUSAMI_COAST, "rain", e0, 13 * 3600, e0 + 2, 10 * 3600),
        new Alert("susami", 4, SUSAMI_HARBOUR, "drill", e0 + 1, 10 * 3600, e0 + 1,
            11 * 3600 + 30 * 60),
        new Alert("sapporo", 2, envelopeWkt(reference), "snow", s0, 3 * 3600, s0 + 1, 18 * 3600));
  }

  /** JSON lines of the alerts issued on the sample day, in issue order. */
  List<String> linesIssuedOn(int day) {
    List<String> out = new ArrayList<>();
    for (Alert a : alerts) {
      if (a.issuedDay() != day || day >= spec.days()) {
        continue;
      }
      ObjectNode o = JSON.createObjectNode();
      o.put("alert_id", String.format(Locale.ROOT, "AL-%s-%s-%s-L%d", a.municipality(),
          JstTime.gtfsDate(spec.day(day)), a.suffix(), a.level()));
      o.put("municipality", a.municipality());
      o.put("level", a.level());
      o.put("area_wkt", a.area());
      o.put("issued_at", JstTime.at(spec.day(day), a.issuedSecond()));
      if (a.liftedDay() < spec.days()) {
        o.put("lifted_at", JstTime.at(spec.day(a.liftedDay()), a.liftedSecond()));
      } else {
        o.putNull("lifted_at");
      }
      String line = o.toString();
      if (a.suffix().equals("snow")) {
        dirt.record(RawDataset.DISASTER_ALERTS, "utc_z_timestamp");
        line = line.replace(JstTime.at(spec.day(day), a.issuedSecond()),
            JstTime.toUtc(JstTime.at(spec.day(day), a.issuedSecond())));
      }
      out.add(line);
    }
    return out;
  }

  private static String envelopeWkt(ReferenceData reference) {
    Envelope e = new Envelope();
    reference.areasOf("sapporo").forEach(a -> e.expandToInclude(a.envelope()));
    String x0 = String.format(Locale.ROOT, "%.3f", e.getMinX());
    String x1 = String.format(Locale.ROOT, "%.3f", e.getMaxX());
    String y0 = String.format(Locale.ROOT, "%.3f", e.getMinY());
    String y1 = String.format(Locale.ROOT, "%.3f", e.getMaxY());
    return String.format(Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
        x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
  }
}
