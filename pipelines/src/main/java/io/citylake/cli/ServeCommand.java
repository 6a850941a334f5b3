package io.citylake.cli;

import io.citylake.lake.LakeConfig;
import io.citylake.publish.JdbcEndpoint;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
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
            + " \"Apache Spark\"/\"Hive\" connection; no user or password)."})
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
          + " stewards reviewing the quarantine: gold,silver,bronze).")
  List<String> databases;

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
    LakeConfig config = lake.builtConfig("serve the lake");
    PrintWriter out = spec.commandLine().getOut();
    out.println("starting the endpoint and warming the served tables for the first client...");
    out.flush();
    JdbcEndpoint endpoint =
        JdbcEndpoint.start(SparkCommand.session(config), host, port, served);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "citylake-serve-shutdown"));
    endpoint.warmUp().ifPresent(report -> out.println(report.summary()));
    out.println("serving " + String.join(", ", served) + " read-only at " + endpoint.url());
    out.println("lake: " + config.lakeRoot() + "   (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }
}
