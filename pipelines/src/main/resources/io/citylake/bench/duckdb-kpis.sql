-- citylake DuckDB baseline: the gold KPIs recomputed from the raw files alone, in one in-process
-- DuckDB run, as the reference `citylake bench pipeline` races the nightly pipeline against.
--
-- It follows the contract exactly as silver and gold apply it, so that both must give equal answers:
--   * a line that does not parse (wrong field count, broken JSON) is dropped (bronze keeps it with
--     its parse error and silver quarantines it), and only that line: JSON lines are parsed one
--     line at a time; CSV lines with DuckDB's reader, whose quoting is RFC 4180 like bronze's (a
--     stray double quote would make it read on into the next line; the contract's CSVs have none);
--   * typed columns: trimmed text, empty as NULL; a required field that is missing or does not
--     parse, a value outside the contract's code lists or ranges, an unknown reference id, or an
--     event outside its service day quarantines the row (the rules of io.citylake.conform.datasets);
--   * duplicates of a natural key within one delivery day keep one row (silver), and panel reports
--     of the same person-day from several days keep the newest delivery (gold);
--   * JST service days (TimeZone below), and k-suppression of cells from fewer than ${k} persons
--     (values NULL, suppressed = true).
-- Pseudonymisation is left out: an aggregate over persons is the same over their pseudonyms.
-- Placeholders: ${raw} (the lake's raw/ folder), ${reference} (its reference/ folder), ${k}.
-- Statements end with a semicolon at the end of a line; the kpi_* tables are the results.

SET TimeZone = 'Asia/Tokyo';

-- ---------------------------------------------------------------------------------------------
-- Typing as silver does it (io.citylake.conform.TypedColumn)
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP MACRO txt(x) AS nullif(trim(x), '');
CREATE OR REPLACE TEMP MACRO as_int(x) AS
  CASE WHEN regexp_full_match(txt(x), '[+-]?[0-9]+') THEN TRY_CAST(txt(x) AS INTEGER) END;
CREATE OR REPLACE TEMP MACRO as_ts(x) AS
  CASE WHEN regexp_full_match(x, '\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})')
    THEN TRY_CAST(x AS TIMESTAMPTZ) END;
-- a present field that did not parse: the silver rule "unparsable <field>"
CREATE OR REPLACE TEMP MACRO unparsable(x, parsed) AS txt(x) IS NOT NULL AND parsed IS NULL;
-- the contract's service-day rule: the event's JST day is dt or the night after it
CREATE OR REPLACE TEMP MACRO on_service_day(ts, dt) AS CAST(ts AS DATE) BETWEEN dt AND dt + 1;
CREATE OR REPLACE TEMP MACRO municipality_ok(x) AS txt(x) IN ('sapporo', 'tsukuba', 'susami');
CREATE OR REPLACE TEMP MACRO age_band_ok(x) AS txt(x) IN ('0-19', '20-39', '40-64', '65-74', '75+');
-- a GTFS feed id's municipality: the prefix before the first '-' when it is a municipality slug
CREATE OR REPLACE TEMP MACRO feed_municipality(feed) AS
  CASE WHEN split_part(feed, '-', 1) IN ('sapporo', 'tsukuba', 'susami')
    THEN split_part(feed, '-', 1) ELSE 'unknown' END;

-- ---------------------------------------------------------------------------------------------
-- Static GTFS: the stops, routes and trips that taps and arrivals are checked against
-- ---------------------------------------------------------------------------------------------
-- feeds with every required file holding at least one data line (io.citylake.conform.gtfs)
CREATE OR REPLACE TEMP TABLE gtfs_complete_feeds AS
WITH lines AS (
  SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS feed_id,
         regexp_extract(filename, '([^/]+)$', 1) AS file_name
  FROM read_csv('${raw}/transit/gtfs/*/*.txt', columns = {'line': 'VARCHAR'}, header = true,
                delim = chr(31), quote = '', escape = '', auto_detect = false, filename = true)
  WHERE txt(line) IS NOT NULL
), files AS (
  SELECT feed_id, list(DISTINCT file_name) AS names FROM lines GROUP BY feed_id
)
SELECT feed_id FROM files
WHERE list_has_all(names, ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'])
  AND (list_contains(names, 'calendar.txt') OR list_contains(names, 'calendar_dates.txt'));

CREATE OR REPLACE TEMP TABLE gtfs_stops AS
WITH rows AS (
  -- optional GTFS columns a feed may leave out come out NULL
  SELECT * FROM read_csv('${raw}/transit/gtfs/*/stops.txt', header = true, all_varchar = true,
                         union_by_name = true, filename = true)
  UNION ALL BY NAME
  SELECT NULL::VARCHAR AS stop_id, NULL::VARCHAR AS stop_lat, NULL::VARCHAR AS stop_lon,
         NULL::VARCHAR AS location_type, NULL::VARCHAR AS filename WHERE false
), typed AS (
  SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS feed_id,
         txt(stop_id) AS stop_id, stop_lat, stop_lon, location_type,
         TRY_CAST(txt(stop_lat) AS DOUBLE) AS lat, TRY_CAST(txt(stop_lon) AS DOUBLE) AS lon,
         coalesce(as_int(location_type), 0) AS kind
  FROM rows
)
SELECT DISTINCT feed_id, stop_id FROM typed
WHERE feed_id IN (SELECT feed_id FROM gtfs_complete_feeds)
  AND stop_id IS NOT NULL
  AND NOT unparsable(location_type, as_int(location_type))
  AND kind BETWEEN 0 AND 4
  AND NOT (txt(stop_lat) IS NOT NULL AND (lat IS NULL OR NOT lat BETWEEN -90 AND 90))
  AND NOT (txt(stop_lon) IS NOT NULL AND (lon IS NULL OR NOT lon BETWEEN -180 AND 180))
  AND NOT (kind IN (0, 1, 2) AND (lat IS NULL OR lon IS NULL));

CREATE OR REPLACE TEMP TABLE gtfs_routes AS
WITH rows AS (
  SELECT * FROM read_csv('${raw}/transit/gtfs/*/routes.txt', header = true, all_varchar = true,
                         union_by_name = true, filename = true)
  UNION ALL BY NAME
  SELECT NULL::VARCHAR AS route_id, NULL::VARCHAR AS route_type, NULL::VARCHAR AS filename
  WHERE false
)
SELECT DISTINCT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS feed_id,
       txt(route_id) AS route_id
FROM rows
WHERE regexp_extract(filename, '([^/]+)/[^/]+$', 1) IN (SELECT feed_id FROM gtfs_complete_feeds)
  AND txt(route_id) IS NOT NULL AND as_int(route_type) IS NOT NULL;

CREATE OR REPLACE TEMP TABLE gtfs_trips AS
WITH rows AS (
  SELECT * FROM read_csv('${raw}/transit/gtfs/*/trips.txt', header = true, all_varchar = true,
                         union_by_name = true, filename = true)
  UNION ALL BY NAME
  SELECT NULL::VARCHAR AS trip_id, NULL::VARCHAR AS route_id, NULL::VARCHAR AS service_id,
         NULL::VARCHAR AS direction_id, NULL::VARCHAR AS filename WHERE false
), typed AS (
  SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS feed_id, txt(trip_id) AS trip_id,
         txt(route_id) AS route_id, txt(service_id) AS service_id, direction_id
  FROM rows
)
SELECT DISTINCT t.feed_id, t.trip_id, t.route_id FROM typed t
JOIN gtfs_routes r ON r.feed_id = t.feed_id AND r.route_id = t.route_id
WHERE t.feed_id IN (SELECT feed_id FROM gtfs_complete_feeds)
  AND t.trip_id IS NOT NULL AND t.service_id IS NOT NULL
  AND NOT (txt(t.direction_id) IS NOT NULL
           AND coalesce(as_int(t.direction_id) NOT IN (0, 1), true));

-- a stop's municipality is its feed's; a trip's route (io.citylake.kpi.BusNetwork)
CREATE OR REPLACE TEMP TABLE stop_municipality AS
SELECT stop_id, min(feed_municipality(feed_id)) AS municipality FROM gtfs_stops GROUP BY stop_id;
CREATE OR REPLACE TEMP TABLE trip_route AS
SELECT trip_id, min(route_id) AS route_id FROM gtfs_trips GROUP BY trip_id;

-- ---------------------------------------------------------------------------------------------
-- Silver: the valid rows of each raw dataset, one per natural key and delivery day
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE steps AS
WITH raw AS (
  SELECT * FROM read_csv('${raw}/points/steps/dt=*/*.csv*', header = true, auto_detect = false,
      columns = {'person_id': 'VARCHAR', 'municipality': 'VARCHAR', 'age_band': 'VARCHAR',
                 'activity_date': 'VARCHAR', 'steps': 'VARCHAR', 'walking_minutes': 'VARCHAR'},
      ignore_errors = true, filename = true, hive_partitioning = true, hive_types = {'dt': DATE})
), typed AS (
  SELECT dt, filename, txt(person_id) AS person_id, txt(municipality) AS municipality,
         TRY_CAST(txt(activity_date) AS DATE) AS activity_date, as_int(steps) AS steps,
         TRY_CAST(txt(walking_minutes) AS DOUBLE) AS walking_minutes,
         concat_ws(',', person_id, municipality, age_band, activity_date, steps,
                   coalesce(walking_minutes, '')) AS line,
         age_band_ok(age_band) AS age_ok, walking_minutes AS walking_text
  FROM raw
)
SELECT dt, filename, person_id, municipality, activity_date, steps, walking_minutes FROM typed
WHERE person_id IS NOT NULL AND municipality_ok(municipality) AND age_ok
  AND activity_date IS NOT NULL AND steps IS NOT NULL
  AND NOT unparsable(walking_text, walking_minutes)
  AND steps BETWEEN 0 AND 100000
  AND (walking_minutes IS NULL OR walking_minutes BETWEEN 0 AND 1440)
  AND activity_date BETWEEN dt - 7 AND dt
QUALIFY row_number() OVER (PARTITION BY dt, person_id, activity_date
                           ORDER BY filename DESC, line) = 1;

CREATE OR REPLACE TEMP TABLE trips AS
WITH raw AS (
  SELECT * FROM read_csv('${raw}/transit/trip_diary/dt=*/*.csv*', header = true,
      auto_detect = false,
      columns = {'person_id': 'VARCHAR', 'municipality': 'VARCHAR', 'age_band': 'VARCHAR',
                 'trip_date': 'VARCHAR', 'trip_no': 'VARCHAR', 'mode': 'VARCHAR',
                 'purpose': 'VARCHAR'},
      ignore_errors = true, filename = true, hive_partitioning = true, hive_types = {'dt': DATE})
), typed AS (
  SELECT dt, filename, txt(person_id) AS person_id, txt(municipality) AS municipality,
         TRY_CAST(txt(trip_date) AS DATE) AS trip_date, as_int(trip_no) AS trip_no,
         txt(mode) AS mode, age_band_ok(age_band) AS age_ok,
         concat_ws(',', person_id, municipality, age_band, trip_date, trip_no, mode,
                   coalesce(purpose, '')) AS line
  FROM raw
)
SELECT dt, filename, person_id, municipality, trip_date, trip_no, mode FROM typed
WHERE person_id IS NOT NULL AND municipality_ok(municipality) AND age_ok
  AND trip_date IS NOT NULL AND trip_no IS NOT NULL
  AND mode IN ('car', 'bus', 'rail', 'walk', 'bicycle', 'taxi', 'other')
  AND trip_no BETWEEN 1 AND 50
  AND trip_date BETWEEN dt - 7 AND dt
QUALIFY row_number() OVER (PARTITION BY dt, person_id, trip_date, trip_no
                           ORDER BY filename DESC, line) = 1;

CREATE OR REPLACE TEMP TABLE merchants AS
SELECT DISTINCT merchant_id FROM read_csv('${reference}/merchants.csv', header = true,
    all_varchar = true)
WHERE merchant_id IS NOT NULL;

-- JSON lines are read one line at a time, as bronze does: DuckDB's own JSON reader would read on
-- past a truncated line into the next one and lose that valid record too
CREATE OR REPLACE TEMP TABLE transactions AS
WITH lines AS (
  SELECT dt, filename, line,
         CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END AS is_object
  FROM read_csv('${raw}/points/transactions/dt=*/*.jsonl*', columns = {'line': 'VARCHAR'},
                header = false, delim = chr(31), quote = '', escape = '', auto_detect = false,
                filename = true, hive_partitioning = true, hive_types = {'dt': DATE})
), raw AS (
  -- json_transform sees valid objects only: DuckDB may evaluate it before the WHERE below, and a
  -- truncated line would fail the whole query ("Malformed JSON")
  SELECT dt, filename, line, unnest(json_transform(CASE WHEN is_object THEN line END, '{"txn_id": "VARCHAR", "card_id": "VARCHAR",
      "municipality": "VARCHAR", "kind": "VARCHAR", "merchant_id": "VARCHAR",
      "merchant_category": "VARCHAR", "amount_yen": "VARCHAR", "points": "VARCHAR",
      "visitor": "VARCHAR", "home_prefecture": "VARCHAR", "weight": "VARCHAR", "ts": "VARCHAR",
      "lon": "VARCHAR", "lat": "VARCHAR"}'))
  FROM lines WHERE is_object
), typed AS (
  SELECT dt, filename, txt(txn_id) AS txn_id, txt(card_id) AS card_id,
         txt(municipality) AS municipality, txt(kind) AS kind, txt(merchant_id) AS merchant_id,
         TRY_CAST(txt(amount_yen) AS DECIMAL(14, 2)) AS amount_yen,
         TRY_CAST(txt(visitor) AS BOOLEAN) AS visitor, TRY_CAST(txt(weight) AS DOUBLE) AS weight,
         as_ts(ts) AS ts, TRY_CAST(txt(lon) AS DOUBLE) AS lon, TRY_CAST(txt(lat) AS DOUBLE) AS lat,
         unparsable(points, as_int(points)) AS bad_points, line
  FROM raw
)
SELECT dt, filename, txn_id, card_id, municipality, kind, amount_yen, visitor, weight FROM typed
WHERE txn_id IS NOT NULL AND card_id IS NOT NULL AND municipality_ok(municipality)
  AND kind IN ('spend', 'earn', 'redeem') AND merchant_id IS NOT NULL
  AND amount_yen IS NOT NULL AND visitor IS NOT NULL AND weight IS NOT NULL
  AND ts IS NOT NULL AND lon IS NOT NULL AND lat IS NOT NULL AND NOT bad_points
  AND amount_yen BETWEEN 0 AND 10000000
  AND weight BETWEEN 0.000001 AND 1000000
  AND lon BETWEEN 122 AND 154 AND lat BETWEEN 20 AND 46
  AND on_service_day(ts, dt)
  AND merchant_id IN (SELECT merchant_id FROM merchants)
QUALIFY row_number() OVER (PARTITION BY dt, txn_id ORDER BY filename DESC, line) = 1;

CREATE OR REPLACE TEMP TABLE taps AS
WITH raw AS (
  SELECT * FROM read_csv('${raw}/transit/taps/dt=*/*.csv*', header = true, auto_detect = false,
      columns = {'tap_id': 'VARCHAR', 'card_id': 'VARCHAR', 'auth': 'VARCHAR', 'kind': 'VARCHAR',
                 'stop_id': 'VARCHAR', 'route_id': 'VARCHAR', 'tapped_at': 'VARCHAR',
                 'fare_yen': 'VARCHAR'},
      ignore_errors = true, filename = true, hive_partitioning = true, hive_types = {'dt': DATE})
), typed AS (
  SELECT dt, filename, txt(tap_id) AS tap_id, txt(card_id) AS card_id, txt(auth) AS auth,
         txt(kind) AS kind, txt(stop_id) AS stop_id, txt(route_id) AS route_id,
         as_ts(tapped_at) AS tapped_at, TRY_CAST(txt(fare_yen) AS DECIMAL(12, 2)) AS fare_yen,
         concat_ws(',', tap_id, card_id, auth, kind, stop_id, route_id, tapped_at,
                   fare_yen) AS line
  FROM raw
)
SELECT dt, filename, tap_id, card_id, kind, stop_id, route_id, tapped_at FROM typed
WHERE tap_id IS NOT NULL AND card_id IS NOT NULL AND auth IN ('ic', 'face')
  AND kind IN ('board', 'alight') AND tapped_at IS NOT NULL AND fare_yen IS NOT NULL
  AND fare_yen BETWEEN 0 AND 100000
  AND on_service_day(tapped_at, dt)
  AND stop_id IN (SELECT stop_id FROM gtfs_stops)
  AND route_id IN (SELECT route_id FROM gtfs_routes)
QUALIFY row_number() OVER (PARTITION BY dt, tap_id ORDER BY filename DESC, line) = 1;

CREATE OR REPLACE TEMP TABLE arrivals AS
WITH raw AS (
  SELECT * FROM read_csv('${raw}/transit/arrivals/dt=*/*.csv*', header = true,
      auto_detect = false,
      columns = {'trip_id': 'VARCHAR', 'stop_id': 'VARCHAR', 'scheduled_at': 'VARCHAR',
                 'actual_at': 'VARCHAR'},
      ignore_errors = true, filename = true, hive_partitioning = true, hive_types = {'dt': DATE})
), typed AS (
  SELECT dt, filename, txt(trip_id) AS trip_id, txt(stop_id) AS stop_id,
         as_ts(scheduled_at) AS scheduled_at, as_ts(actual_at) AS actual_at,
         concat_ws(',', trip_id, stop_id, scheduled_at, actual_at) AS line
  FROM raw
)
SELECT dt, filename, trip_id, stop_id, scheduled_at, actual_at FROM typed
WHERE trip_id IS NOT NULL AND stop_id IS NOT NULL
  AND scheduled_at IS NOT NULL AND actual_at IS NOT NULL
  AND floor(epoch(actual_at)) - floor(epoch(scheduled_at)) BETWEEN -3600 AND 4 * 3600
  AND on_service_day(scheduled_at, dt)
  AND trip_id IN (SELECT trip_id FROM gtfs_trips)
  AND stop_id IN (SELECT stop_id FROM gtfs_stops)
QUALIFY row_number() OVER (PARTITION BY dt, trip_id, stop_id, scheduled_at
                           ORDER BY filename DESC, line) = 1;

-- ---------------------------------------------------------------------------------------------
-- Gold (io.citylake.kpi): each KPI per municipality and day (and month)
-- ---------------------------------------------------------------------------------------------
-- walking_minutes_avg: the newest report of each person-day; empty walking_minutes = steps / 100
CREATE OR REPLACE TEMP TABLE walking_person_days AS
SELECT person_id, municipality, activity_date AS day,
       coalesce(walking_minutes, CAST(steps AS DOUBLE) / 100.0) AS minutes
FROM steps
QUALIFY row_number() OVER (PARTITION BY person_id, activity_date ORDER BY dt DESC) = 1;

CREATE OR REPLACE TABLE kpi_walking_minutes_daily AS
WITH cells AS (
  SELECT municipality, day AS period, avg(minutes) AS walking_minutes_avg,
         count(*) AS person_days, count(DISTINCT person_id) AS persons
  FROM walking_person_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN walking_minutes_avg END AS walking_minutes_avg,
       CASE WHEN persons >= ${k} THEN person_days END AS person_days,
       persons, persons < ${k} AS suppressed
FROM cells;

CREATE OR REPLACE TABLE kpi_walking_minutes_monthly AS
WITH cells AS (
  SELECT municipality, date_trunc('month', day)::DATE AS period,
         avg(minutes) AS walking_minutes_avg, count(*) AS person_days,
         count(DISTINCT person_id) AS persons
  FROM walking_person_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN walking_minutes_avg END AS walking_minutes_avg,
       CASE WHEN persons >= ${k} THEN person_days END AS person_days,
       persons, persons < ${k} AS suppressed
FROM cells;

-- car_daily_share: person-days with a car trip / person-days with a trip (newest report per trip)
CREATE OR REPLACE TEMP TABLE car_person_days AS
WITH newest AS (
  SELECT * FROM trips
  QUALIFY row_number() OVER (PARTITION BY person_id, trip_date, trip_no ORDER BY dt DESC) = 1
)
SELECT person_id, trip_date AS day, min(municipality) AS municipality,
       max(CASE WHEN mode = 'car' THEN 1 ELSE 0 END) AS used_car
FROM newest GROUP BY person_id, trip_date;

CREATE OR REPLACE TABLE kpi_car_daily_share_daily AS
WITH cells AS (
  SELECT municipality, day AS period, sum(used_car)::BIGINT AS car_person_days,
         count(*) AS travel_person_days, count(DISTINCT person_id) AS persons
  FROM car_person_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN car_person_days / travel_person_days END AS car_daily_share,
       CASE WHEN persons >= ${k} THEN car_person_days END AS car_person_days,
       CASE WHEN persons >= ${k} THEN travel_person_days END AS travel_person_days,
       persons, persons < ${k} AS suppressed
FROM cells;

CREATE OR REPLACE TABLE kpi_car_daily_share_monthly AS
WITH cells AS (
  SELECT municipality, date_trunc('month', day)::DATE AS period,
         sum(used_car)::BIGINT AS car_person_days, count(*) AS travel_person_days,
         count(DISTINCT person_id) AS persons
  FROM car_person_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN car_person_days / travel_person_days END AS car_daily_share,
       CASE WHEN persons >= ${k} THEN car_person_days END AS car_person_days,
       CASE WHEN persons >= ${k} THEN travel_person_days END AS travel_person_days,
       persons, persons < ${k} AS suppressed
FROM cells;

-- tourism_spend_yen and visitors: visitors' transactions by service day
CREATE OR REPLACE TEMP TABLE visitor_transactions AS
SELECT dt AS day, municipality, card_id, kind, weight,
       CAST(amount_yen AS DOUBLE) * weight AS spend
FROM transactions WHERE visitor;

CREATE OR REPLACE TABLE kpi_tourism_spend_daily AS
WITH cells AS (
  SELECT municipality, day AS period, sum(spend) AS spend_yen,
         count(DISTINCT day) AS days_with_data, count(DISTINCT card_id) AS persons
  FROM visitor_transactions WHERE kind = 'spend' GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN spend_yen END AS spend_yen,
       CASE WHEN persons >= ${k} THEN spend_yen / days_with_data * 365 END AS annualised_spend_yen,
       days_with_data, persons, persons < ${k} AS suppressed
FROM cells;

CREATE OR REPLACE TABLE kpi_tourism_spend_monthly AS
WITH cells AS (
  SELECT municipality, date_trunc('month', day)::DATE AS period, sum(spend) AS spend_yen,
         count(DISTINCT day) AS days_with_data, count(DISTINCT card_id) AS persons
  FROM visitor_transactions WHERE kind = 'spend' GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN spend_yen END AS spend_yen,
       CASE WHEN persons >= ${k} THEN spend_yen / days_with_data * 365 END AS annualised_spend_yen,
       days_with_data, persons, persons < ${k} AS suppressed
FROM cells;

-- visitors: a card counts once a day with its (largest) weight
CREATE OR REPLACE TEMP TABLE visitor_card_days AS
SELECT municipality, day, card_id, max(weight) AS weight
FROM visitor_transactions GROUP BY ALL;

CREATE OR REPLACE TABLE kpi_visitors_daily AS
WITH cells AS (
  SELECT municipality, day AS period, sum(weight) AS visitors,
         count(DISTINCT day) AS days_with_data, count(DISTINCT card_id) AS persons
  FROM visitor_card_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN visitors END AS visitors,
       CASE WHEN persons >= ${k} THEN visitors / days_with_data * 365 END AS annualised_visitors,
       days_with_data, persons, persons < ${k} AS suppressed
FROM cells;

CREATE OR REPLACE TABLE kpi_visitors_monthly AS
WITH cells AS (
  SELECT municipality, date_trunc('month', day)::DATE AS period, sum(weight) AS visitors,
         count(DISTINCT day) AS days_with_data, count(DISTINCT card_id) AS persons
  FROM visitor_card_days GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN visitors END AS visitors,
       CASE WHEN persons >= ${k} THEN visitors / days_with_data * 365 END AS annualised_visitors,
       days_with_data, persons, persons < ${k} AS suppressed
FROM cells;

-- ridership: board taps per municipality of the stop's feed and service day
CREATE OR REPLACE TEMP TABLE board_taps AS
SELECT t.dt, coalesce(s.municipality, 'unknown') AS municipality, t.route_id, t.stop_id,
       t.tapped_at, t.card_id
FROM taps t LEFT JOIN stop_municipality s ON s.stop_id = t.stop_id
WHERE t.kind = 'board';

CREATE OR REPLACE TABLE kpi_ridership_daily AS
WITH cells AS (
  SELECT municipality, dt AS period, count(*) AS board_taps, count(DISTINCT card_id) AS persons
  FROM board_taps GROUP BY ALL
)
SELECT municipality, period, CASE WHEN persons >= ${k} THEN board_taps END AS board_taps,
       persons, persons < ${k} AS suppressed
FROM cells;

-- bus_wait_minutes_avg: minutes from a board tap to the next actual arrival (at or after it) of
-- the route at the stop, among the arrivals delivered for the tap's service day and the next;
-- none within 180 minutes counts as a tap without arrival. Each arrival is offered to the taps
-- of its own delivery day and of the day before, and an ASOF join finds the next one.
CREATE OR REPLACE TEMP TABLE offered_arrivals AS
WITH routed AS (
  SELECT r.route_id, a.stop_id, a.actual_at, a.dt
  FROM arrivals a JOIN trip_route r ON r.trip_id = a.trip_id
)
SELECT route_id, stop_id, actual_at, dt AS tap_dt FROM routed
UNION ALL
SELECT route_id, stop_id, actual_at, dt - 1 AS tap_dt FROM routed;

CREATE OR REPLACE TEMP TABLE bus_waits AS
WITH next AS (
  SELECT b.dt, b.municipality, b.card_id,
         (floor(epoch(a.actual_at)) - floor(epoch(b.tapped_at))) / 60.0 AS minutes
  FROM board_taps b ASOF LEFT JOIN offered_arrivals a
    ON a.route_id = b.route_id AND a.stop_id = b.stop_id AND a.tap_dt = b.dt
   AND a.actual_at >= b.tapped_at
)
SELECT dt, municipality, card_id, CASE WHEN minutes <= 180 THEN minutes END AS wait_minutes
FROM next;

CREATE OR REPLACE TABLE kpi_bus_wait_daily AS
WITH cells AS (
  SELECT municipality, dt AS period, avg(wait_minutes) AS wait_minutes_avg,
         count(wait_minutes) AS taps,
         count(*) FILTER (WHERE wait_minutes IS NULL) AS taps_without_arrival,
         count(DISTINCT card_id) FILTER (WHERE wait_minutes IS NOT NULL) AS persons
  FROM bus_waits GROUP BY ALL
)
SELECT municipality, period,
       CASE WHEN persons >= ${k} THEN wait_minutes_avg END AS wait_minutes_avg,
       CASE WHEN persons >= ${k} THEN taps END AS taps,
       taps_without_arrival, persons, persons < ${k} AS suppressed
FROM cells;
