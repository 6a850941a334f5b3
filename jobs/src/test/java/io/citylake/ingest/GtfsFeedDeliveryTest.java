package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.testing.RawFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtfsFeedDeliveryTest {
  @TempDir Path dir;

  @Test
  void folderDeliveryReplacesTheFeedsFiles() throws IOException {
    Path rawGtfs = dir.resolve("lake/raw/transit/gtfs");
    RawFiles.write(rawGtfs.resolve("city/old.txt"), "gone\n");
    Path source = dir.resolve("feed");
    RawFiles.write(source.resolve("stops.txt"), "stop_id\nS1\n");
    RawFiles.write(source.resolve("agency.txt"), "agency_id\nA\n");
    RawFiles.write(source.resolve("notes.md"), "not GTFS\n");

    GtfsFeedDelivery.Delivered delivered = GtfsFeedDelivery.deliver(source, "city", rawGtfs);

    assertThat(delivered.files()).containsExactly("agency.txt", "stops.txt");
    assertThat(Files.list(rawGtfs.resolve("city")).map(p -> p.getFileName().toString()).sorted())
        .containsExactly("agency.txt", "stops.txt");
    assertThat(Files.readString(rawGtfs.resolve("city/stops.txt"))).isEqualTo("stop_id\nS1\n");
    assertThat(Files.list(rawGtfs).map(p -> p.getFileName().toString())).containsExactly("city");
  }

  @Test
  void zipDeliveryTakesTxtEntriesAtAnyDepth() throws IOException {
    Path zip = dir.resolve("feed.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String name : List.of("feed/stops.txt", "feed/trips.txt", "README.md",
          "__MACOSX/feed/._stops.txt")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(("content of " + name + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    GtfsFeedDelivery.Delivered delivered =
        GtfsFeedDelivery.deliver(zip, "zipped.feed_1", dir.resolve("gtfs"));
    assertThat(delivered.files()).containsExactly("stops.txt", "trips.txt");
    assertThat(Files.readString(delivered.folder().resolve("trips.txt")))
        .isEqualTo("content of feed/trips.txt\n");
  }

  @Test
  void badInputsAreOneLineUsageErrors() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> GtfsFeedDelivery.validate(missing, "x"))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot load GTFS feed: the path does not exist (got: " + missing + ")")
        .extracting(e -> ((CityLakeException) e).exitCode()).isEqualTo(CityLakeException.USAGE);
    assertThatThrownBy(() -> GtfsFeedDelivery.validate(dir, "../up"))
        .hasMessage("Cannot load GTFS feed: the feed id may hold only letters, digits, '.', '_'"
            + " and '-', not first '.' (got: ../up)");
    assertThatThrownBy(() -> GtfsFeedDelivery.validate(dir, "empty"))
        .hasMessage("Cannot load GTFS feed: expected a folder with .txt files or a .zip file"
            + " (got: " + dir + ")");
  }
}
