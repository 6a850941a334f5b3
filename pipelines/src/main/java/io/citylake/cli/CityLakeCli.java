package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code citylake} command. It only parses, validates and delegates; every failure reaches the
 * user as one line on stderr and a non-zero exit code (2: usage, 1: a run failed, 3: nothing was
 * delivered for the day, 4: the quality gate held gold back, 5: another run holds the lake),
 * which is what a scheduler such as Airflow acts on.
 */
@Command(
    name = "citylake",
    mixinStandardHelpOptions = true,
    version = "citylake 0.1.0",
    description = "Smart-city evaluation data lake: nightly ingest, KPIs and reports.",
    subcommands = {
      NightlyCommand.class,
      RunJobCommand.class,
      BackfillCommand.class,
      IngestCommand.class,
      GenerateSampleCommand.class,
      QuarantineCommand.class,
      MeshCommand.class,
      ExportCommand.class,
      CatalogCommand.class,
      MaintainCommand.class,
      RunsCommand.class,
      HistoryCommand.class,
      LineageCommand.class,
      RestoreCommand.class,
      BenchCommand.class,
      SqlCommand.class,
      ServeCommand.class,
      PasswdCommand.class,
      DictionaryCommand.class,
      ReportCommand.class,
      PlanCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CityLakeCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(exitingOnHeapExhaustion(() -> execute(args), err));
  }

  /**
   * The command's exit code; a Java heap too small for the run (which picocli does not handle:
   * it is an error, not an exception) gets a one-line message naming the heap's size and how to
   * raise it, and exit code {@link CityLakeException#FAILED}, instead of a stack trace.
   */
  static int exitingOnHeapExhaustion(java.util.function.IntSupplier command, PrintWriter err) {
    try {
      return command.getAsInt();
    } catch (OutOfMemoryError e) {
      err.println("citylake: out of memory (" + firstLine(e.getMessage()) + ") with a Java heap"
          + " of at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give the run more"
          + " with CITYLAKE_JAVA_OPTS=-Xmx<size> (set CITYLAKE_DEBUG=1 for the stack trace)");
      debugTrace(e, err);
      err.flush();
      return CityLakeException.FAILED;
    }
  }

  /** Runs the command line and returns the exit code, without exiting. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command line with its output and errors sent to the given writers (for tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CityLakeCli());
    cli.registerConverter(LocalDate.class, CityLakeCli::date);
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      String command = ex.getCommandLine().getCommandSpec().qualifiedName();
      err.println(command + ": " + plainWords(ex)
          + " (see '" + command + " --help')");
      err.flush();
      return CityLakeException.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      String command = commandLine.getCommandSpec().qualifiedName();
      if (ex instanceof CityLakeException known) {
        err.println(command + ": " + firstLine(known.getMessage()));
        debugTrace(ex, err);
        err.flush();
        return known.exitCode();
      }
      err.println(command + ": internal error: " + firstLine(String.valueOf(ex))
          + " (set CITYLAKE_DEBUG=1 for the stack trace)");
      debugTrace(ex, err);
      err.flush();
      return CityLakeException.FAILED;
    });
    return cli;
  }

  /**
   * A day as the user types it, YYYY-MM-DD, with a message in plain words (the built-in converter
   * names {@code java.time.LocalDate} and the parser's exception).
   */
  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a calendar day; write it as YYYY-MM-DD, e.g. 2026-11-20");
    }
  }

  /** picocli's message, except that a mistyped command gets the command closest to it. */
  private static String plainWords(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.isUnknownOption()
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()) {
      String typed = unmatched.getUnmatched().get(0);
      List<String> closest = unmatched.getSuggestions();
      return "Unknown command '" + typed + "'"
          + (closest.isEmpty() ? "" : "; did you mean '" + closest.get(0) + "'?");
    }
    return firstLine(ex.getMessage());
  }

  private static void debugTrace(Throwable ex, PrintWriter err) {
    if (System.getenv("CITYLAKE_DEBUG") != null) {
      ex.printStackTrace(err);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
