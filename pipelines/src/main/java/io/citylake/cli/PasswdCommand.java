package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.publish.PasswordFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code citylake passwd}: adds a user of the JDBC endpoint to its password file, or changes
 * their password. The password is read from the terminal (twice, not echoed) or, when the
 * input is not a terminal, from the first line of standard input, never from an argument a
 * process list would show.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
    description = {"Add a user of 'citylake serve' to a password file, or change their password.",
        "The password (at least 12 characters) is read from the terminal, or from the first line"
            + " of standard input; the file keeps only a salted PBKDF2 hash."})
final class PasswdCommand implements Callable<Integer> {
  @Option(names = "--password-file", required = true, paramLabel = "FILE",
      description = "The password file to create or update (readable by its owner only).")
  Path file;

  @Parameters(index = "0", paramLabel = "USER", description = "The user name.")
  String user;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    char[] password = readPassword();
    try {
      new PasswordFile(file).put(user, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    spec.commandLine().getOut().println("user " + user + " can connect with its password ("
        + file + ")");
    return 0;
  }

  private char[] readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("password for %s: ", user);
      char[] second = console.readPassword("again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw CityLakeException.badInput("set the password", "the two entries differ", user);
      }
      Arrays.fill(second, '\0');
      return first;
    }
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
      if (line == null) {
        throw CityLakeException.badInput("set the password", "standard input is empty", user);
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw CityLakeException.failed("read the password", e.getMessage(), e);
    }
  }
}
