package io.citylake.bench;

import java.time.LocalDate;

/**
 * One scheduled {@code citylake maintain} inside {@code citylake bench pipeline}, run between two
 * nights as the weekly Airflow DAG runs it, so a long benchmark's later nights see a lake kept the
 * way an operated one is, not one that piled up a file per table and night. Its time is not part
 * of any night's.
 *
 * @param afterNight the service day of the night it followed
 * @param activeFilesBefore files the tables' current versions read, summed over the tables
 */
public record MaintenanceMeasurement(LocalDate afterNight, int tables, double seconds,
    long activeFilesBefore, long activeFilesAfter) {}
