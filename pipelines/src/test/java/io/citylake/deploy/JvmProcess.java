package io.citylake.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A JVM of its own, started the way an operator would start it: this JDK's {@code java}, the
 * launcher's JVM options (the module openings Spark needs on Java 17), a class path and a main
 * class, its output in a log file. The cluster test starts the master, the worker and
 * spark-submit this way, so nothing of the test JVM's class path leaks into them.
 */
final class JvmProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private JvmProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with {@code args}; {@code jvmOptions} is the launcher's
   * {@code jvm.options} file, {@code env} is added to this process's environment.
   */
  static JvmProcess start(Path jvmOptions, String heap, String classPath, String mainClass,
      List<String> args, Map<String, String> env, Path log) {
    return start(jvmOptions, List.of(), heap, classPath, mainClass, args, env, null, log);
  }

  /**
   * As above, with {@code extraOptions} after the launcher's (system properties such as
   * {@code -Dspark.hadoop.fs.s3a.endpoint=...}) and {@code directory} as the working directory
   * (this process's when null): where a night on a remote lake keeps Spark's default Derby
   * metastore, so two such nights side by side do not share one.
   */
  static JvmProcess start(Path jvmOptions, List<String> extraOptions, String heap,
      String classPath, String mainClass, List<String> args, Map<String, String> env,
      Path directory, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    try {
      command.addAll(List.of(Files.readString(jvmOptions, StandardCharsets.UTF_8).trim()
          .split("\\s+")));
      command.addAll(extraOptions);
      command.add("-Xmx" + heap);
      command.add("-cp");
      command.add(classPath);
      command.add(mainClass);
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      return new JvmProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exit code, or -1 when the process did not end within {@code timeout} (it is killed). */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      return -1;
    }
    return process.exitValue();
  }

  /** Waits until the log has a line containing {@code text}; false after {@code timeout}. */
  boolean awaitLog(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (log().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return log().contains(text);
      }
      Thread.sleep(250);
    }
    return false;
  }

  /**
   * Waits until the log has {@code count} lines matching {@code line}, polling often so that a
   * caller acting on the line (killing the process) acts before the next one; false when the
   * process ended first or after {@code timeout}.
   */
  boolean awaitLines(Pattern line, int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (lines(line) >= count) {
        return true;
      }
      if (!process.isAlive()) {
        return lines(line) >= count;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** The log's lines that match {@code line} entirely. */
  long lines(Pattern line) {
    return log().lines().filter(l -> line.matcher(l).matches()).count();
  }

  /**
   * Kills the JVM at once: on Linux {@link Process#destroyForcibly()} sends {@code SIGKILL}, so
   * no shutdown hook runs and nothing is flushed or given back. Returns the exit code (128 + 9
   * for {@code SIGKILL}).
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * The class path of the {@code ./citylake} launcher in the module's build folder
   * {@code target}: its classes, then the runtime dependencies Maven listed in
   * {@code classpath.txt} (written at {@code package}).
   */
  static String launcherClassPath(Path target) throws IOException {
    return target.resolve("classes") + ":"
        + Files.readString(target.resolve("classpath.txt"), StandardCharsets.UTF_8).trim();
  }

  /** The launcher's JVM options file in the build folder {@code target}. */
  static Path launcherJvmOptions(Path target) {
    return target.resolve("launcher/jvm.options");
  }

  /** Stops the JVM and the JVMs it started (a worker's executors): SIGTERM, then SIGKILL. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
