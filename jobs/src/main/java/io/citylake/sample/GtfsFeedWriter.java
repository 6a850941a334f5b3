package io.citylake.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link BusFeed} as static GTFS text files under {@code raw/transit/gtfs/<feed_id>/}.
 *
 * <p>Like real Japanese publishers, the feeds differ in form: Tsukuba's carries the GTFS-JP extra
 * {@code agency_jp.txt}, Susami's is written with a UTF-8 BOM and CRLF line ends, Sapporo's is
 * plain UTF-8 with LF.
 */
final class GtfsFeedWriter {
  private final SampleSpec spec;

  GtfsFeedWriter(SampleSpec spec) {
    this.spec = spec;
  }

  void write(LakeFiles lake, BusFeed feed) throws IOException {
    BusFeed.City city = feed.city();
    String dir = "raw/transit/gtfs/" + city.feedId();
    boolean japaneseStyle = city.municipality().equals("susami");
    String agencyId = city.prefix();
    write(lake, dir, "agency.txt", japaneseStyle, List.of(
        "agency_id,agency_name,agency_url,agency_timezone,agency_lang",
        String.join(",", agencyId, city.agencyName(), city.agencyUrl(), "Asia/Tokyo", "ja")));
    if (city.municipality().equals("tsukuba")) {
      write(lake, dir, "agency_jp.txt", false, List.of(
          "agency_id,agency_official_name,agency_zip_number,agency_address",
          String.join(",", agencyId, "つくば市（サンプル運行事業者）", "3058555",
              "茨城県つくば市研究学園一丁目1番地1")));
    }
    List<String> stops = new ArrayList<>(List.of("stop_id,stop_name,stop_lat,stop_lon"));
    for (BusFeed.Stop s : feed.stops()) {
      stops.add(String.join(",", s.stopId(), s.name(), Double.toString(s.lat()),
          Double.toString(s.lon())));
    }
    write(lake, dir, "stops.txt", japaneseStyle, stops);
    List<String> routes = new ArrayList<>(List.of(
        "route_id,agency_id,route_short_name,route_long_name,route_type"));
    for (BusFeed.Route r : feed.routes()) {
      routes.add(String.join(",", r.routeId(), agencyId, r.shortName(), r.longName(), "3"));
    }
    write(lake, dir, "routes.txt", japaneseStyle, routes);
    writeTrips(lake, dir, feed, japaneseStyle);
    writeCalendar(lake, dir, japaneseStyle);
  }

  private void writeTrips(LakeFiles lake, String dir, BusFeed feed, boolean japaneseStyle)
      throws IOException {
    List<String> trips = new ArrayList<>(List.of(
        "route_id,service_id,trip_id,trip_headsign,direction_id"));
    List<String> times = new ArrayList<>(List.of(
        "trip_id,arrival_time,departure_time,stop_id,stop_sequence"));
    for (BusFeed.Trip t : feed.trips()) {
      trips.add(String.join(",", t.route().routeId(), t.serviceId(), t.tripId(), t.headsign(),
          Integer.toString(t.direction())));
      List<BusFeed.Stop> stops = t.stops();
      for (int k = 0; k < stops.size(); k++) {
        String time = JstTime.gtfsTime(t.arrival(k));
        times.add(String.join(",", t.tripId(), time, time, stops.get(k).stopId(),
            Integer.toString(k + 1)));
      }
    }
    write(lake, dir, "trips.txt", japaneseStyle, trips);
    write(lake, dir, "stop_times.txt", japaneseStyle, times);
  }

  private void writeCalendar(LakeFiles lake, String dir, boolean japaneseStyle)
      throws IOException {
    String start = JstTime.gtfsDate(spec.firstDay());
    String end = JstTime.gtfsDate(spec.lastDay());
    write(lake, dir, "calendar.txt", japaneseStyle, List.of(
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
        String.join(",", ServiceCalendar.WEEKDAY, "1,1,1,1,1,0,0", start, end),
        String.join(",", ServiceCalendar.WEEKEND, "0,0,0,0,0,1,1", start, end)));
    List<String> dates = new ArrayList<>(List.of("service_id,date,exception_type"));
    for (int d = 0; d < spec.days(); d++) {
      LocalDate day = spec.day(d);
      if (ServiceCalendar.holiday(day) && !ServiceCalendar.weekend(day)) {
        dates.add(ServiceCalendar.WEEKDAY + "," + JstTime.gtfsDate(day) + ",2");
        dates.add(ServiceCalendar.WEEKEND + "," + JstTime.gtfsDate(day) + ",1");
      }
    }
    write(lake, dir, "calendar_dates.txt", japaneseStyle, dates);
  }

  private static void write(LakeFiles lake, String dir, String file, boolean japaneseStyle,
      List<String> lines) throws IOException {
    lake.writeText(dir + "/" + file, dir, lines, japaneseStyle, japaneseStyle, lines.size() - 1);
  }
}
