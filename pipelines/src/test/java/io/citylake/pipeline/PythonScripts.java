package io.citylake.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python check script from the test resources with {@code python3}, for checks that read
 * the DAG and compose files the way Python does. Skips the test when python3 (or a module the
 * script imports) is missing, so the build never depends on Python being there.
 */
final class PythonScripts {
  private PythonScripts() {}

  static String run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", resource(script).toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed: " + e.getMessage());
      throw e;
    }
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("python3 " + script + " did not finish in 60 s");
    }
    assumeTrue(!err.contains("ModuleNotFoundError"), "python3 lacks a module: " + err.strip());
    if (process.exitValue() != 0) {
      throw new IllegalStateException("python3 " + script + " failed: " + err);
    }
    return out;
  }

  private static Path resource(String script) {
    try {
      return Path.of(PythonScripts.class.getResource(script).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
