package io.citylake.sample;

/**
 * One IoT device of reference/sensors.csv; {@code id} is the NGSI-LD URN the observations carry.
 *
 * @param wardCode the Sapporo ward containing the device, empty elsewhere
 * @param level device-specific base level (people per 15 min, µg/m³, µε, or maximum snow cm)
 */
record Sensor(String id, String type, String municipality, String wardCode, double lon,
    double lat, String installedOn, String unit, double level) {

  String csvLine() {
    return String.join(",", id, type, municipality, Double.toString(lon), Double.toString(lat),
        installedOn);
  }
}
