package io.citylake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The corpus of broken deliveries under {@code src/test/resources/bad-input/}: raw files laid out
 * as a lake's {@code raw/} folder, and {@code corpus.json}, which names each file's kind and the
 * outcome the data contract calls for (worked out from the contract and the file, not from a run).
 */
public final class BadInputCorpus {
  private static final String ROOT = "/bad-input/";

  private BadInputCorpus() {}

  /**
   * One kind of broken delivery and what must become of it.
   *
   * @param ledger the file's status in {@code bronze.ingest_ledger}, null when the ingest must not
   *     record it (a stray: warned about, or hidden and ignored)
   * @param reason a fragment of the ledger's reason, null when none is expected
   * @param headerLines how many of the file's non-blank lines are a header (not a bronze row)
   * @param quarantined rule to rows; a rule ending in {@code *} is a prefix (JSON error columns)
   * @param warning a fragment of the ingest job's warning about the file, null when none
   * @param encoding the encoding the ledger must record, null when not checked
   */
  public record Entry(String kind, String dataset, String file, String ledger, String reason,
      int headerLines, long bronze, long silver, long duplicates, Map<String, Long> quarantined,
      String warning, String encoding, String why) {
    public Entry {
      quarantined = Map.copyOf(quarantined);
    }

    /** The file's name, as warnings and tests name it. */
    public String fileName() {
      return file.substring(file.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  /** Every entry of {@code corpus.json}, in its order. */
  public static List<Entry> entries() {
    try (InputStream in = BadInputCorpus.class.getResourceAsStream(ROOT + "corpus.json")) {
      List<Entry> entries = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(in)) {
        Map<String, Long> quarantined = new LinkedHashMap<>();
        node.path("quarantined").fields()
            .forEachRemaining(rule -> quarantined.put(rule.getKey(), rule.getValue().asLong()));
        entries.add(new Entry(node.get("kind").asText(), node.get("dataset").asText(),
            node.get("file").asText(), text(node, "ledger"), text(node, "reason"),
            node.path("headerLines").asInt(0), node.get("bronze").asLong(),
            node.get("silver").asLong(), node.path("duplicates").asLong(0), quarantined,
            text(node, "warning"), text(node, "encoding"), text(node, "why")));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Copies the corpus's {@code raw/} folder into {@code lakeDir}; returns the copied files. */
  public static List<Path> copyInto(Path lakeDir) {
    try {
      Path source = Path.of(BadInputCorpus.class.getResource(ROOT + "raw").toURI());
      List<Path> copied = new ArrayList<>();
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = lakeDir.resolve("raw").resolve(source.relativize(file).toString());
          Files.createDirectories(target.getParent());
          copied.add(Files.copy(file, target));
        }
      }
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lines of a delivered file that hold more than whitespace, counted with plain JDK streams (a
   * {@code .gz} file decompressed): what bronze must hold of it, headers aside.
   */
  public static long nonBlankLines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return text.lines().filter(line -> !line.isBlank()).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
