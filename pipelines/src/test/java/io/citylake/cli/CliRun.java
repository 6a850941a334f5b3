package io.citylake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI command run in this JVM, with what it printed; how every CLI test calls the CLI. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code citylake args...} in-process and captures its output and errors. */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CityLakeCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A usage error: exit 2 and exactly {@code expected} on stderr, no stack trace. */
  static void assertOneLineError(CliRun outcome, String expected) {
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly(expected);
    assertThat(outcome.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
