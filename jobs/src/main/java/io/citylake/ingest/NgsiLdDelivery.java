package io.citylake.ingest;

import io.citylake.contract.RawDataset;
import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stages an NGSI-LD export (one file, or the files of a folder) into
 * {@code raw/sensors/ngsi_ld/dt=<day>/}, where the nightly ingest finds it like any delivery. A
 * file of the same name is replaced, which bronze then ingests as a corrected re-delivery.
 */
public final class NgsiLdDelivery {
  private NgsiLdDelivery() {}

  /** Copies the export's files below {@code lakeRoot}; returns where they went. */
  public static List<Path> deliver(Path export, Path lakeRoot, LocalDate day) {
    List<Path> files = exportFiles(export);
    Path folder = lakeRoot.resolve(RawDataset.SENSOR_NGSI_LD.rawPath()).resolve("dt=" + day);
    try {
      Files.createDirectories(folder);
      for (Path file : files) {
        Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage " + export + " into " + folder, e);
    }
    return files.stream().map(f -> folder.resolve(f.getFileName())).toList();
  }

  private static List<Path> exportFiles(Path export) {
    String accepted = RawDataset.SENSOR_NGSI_LD.format().acceptedNames();
    if (Files.isRegularFile(export)) {
      if (!RawDataset.SENSOR_NGSI_LD.format().accepts(export.getFileName().toString())) {
        throw CityLakeException.badInput("stage NGSI-LD export",
            "not an NGSI-LD file name (" + accepted + ")", export);
      }
      return List.of(export);
    }
    if (!Files.isDirectory(export)) {
      throw CityLakeException.badInput("stage NGSI-LD export", "no such file or folder", export);
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(export)) {
      files = listed.filter(Files::isRegularFile)
          .filter(f -> RawDataset.SENSOR_NGSI_LD.format().accepts(f.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + export, e);
    }
    if (files.isEmpty()) {
      throw CityLakeException.badInput("stage NGSI-LD export",
          "the folder holds no NGSI-LD file (" + accepted + ")", export);
    }
    return files;
  }
}
