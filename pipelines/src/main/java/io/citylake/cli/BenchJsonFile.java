package io.citylake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's JSON result: written indented to the file {@code --json} names (its folder
 * created when missing), and its path printed last, so notebooks and docs/performance.md read
 * the same figures the table showed.
 */
final class BenchJsonFile {
  private BenchJsonFile() {}

  static void write(Path json, Object document, PrintWriter out) throws IOException {
    Path parent = json.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
        document);
    out.println("json: " + json.toAbsolutePath());
    out.flush();
  }
}
