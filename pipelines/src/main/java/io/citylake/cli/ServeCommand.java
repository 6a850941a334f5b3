package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.publish.JdbcEndpoint;
import io.citylake.publish.PasswordFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake serve}: a read-only JDBC endpoint on the gold tables until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the gold tables read-only over JDBC (HiveServer2 protocol) until Ctrl-C.",
        "Connect with jdbc:hive2://HOST:PORT/gold (Hive JDBC driver, e.g. beeline or DBeaver's"
            + " \"Apache Spark\"/\"Hive\" connection). On localhost no user or password is"
            + " needed; any other --host requires --password-file (see 'citylake passwd')."})
final class ServeCommand implements Callable<Integer> {
  private static final Set<String> LAYERS = Set.of("gold", "silver", "bronze");

  @Mixin LakeOptions lake;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "10000",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--databases", paramLabel = "DB", split = ",", defaultValue = "gold",
      description = "Databases whose tables clients may read (default: ${DEFAULT-VALUE}; data"
          + " stewards reviewing the quarantine: gold,silver,quarantine).")
  List<String> databases;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Users who may connect and their password hashes (written by 'citylake"
          + " passwd'); every client must then give a user and password. Required when --host"
          + " is not a loopback address.")
  Path passwordFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 1 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--port': must be 1..65535 (got: " + port + ")");
    }
    Set<String> served = new TreeSet<>();
    for (String database : databases) {
      String name = database.strip().toLowerCase(Locale.ROOT);
      if (!LAYERS.contains(name)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "Invalid value for option '--databases': expected gold, silver or bronze (got: "
                + database + ")");
      }
      served.add(name);
    }
    Optional<PasswordFile> passwords = Optional.ofNullable(passwordFile).map(PasswordFile::new);
    if (passwords.isEmpty() && !JdbcEndpoint.isLoopback(host)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing option"
          + " '--password-file': --host " + host + " is reachable from other machines, so"
          + " clients must authenticate (write the file with 'citylake passwd')");
    }
    LakeConfig config = lake.builtConfig("serve the lake");
    PrintWriter out = spec.commandLine().getOut();
    out.println("starting the endpoint and warming the served tables for the first client...");
    out.flush();
    JdbcEndpoint endpoint =
        JdbcEndpoint.start(SparkCommand.session(config), host, port, served, passwords, true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "citylake-serve-shutdown"));
    endpoint.warmUp().ifPresent(report -> out.println(report.summary()));
    out.println("serving " + String.join(", ", served) + " read-only at " + endpoint.url()
        + passwords.map(p -> " (users of " + p.path() + " only)").orElse(""));
    out.println("lake: " + config.lakeRoot() + "   (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }
}
