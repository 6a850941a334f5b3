package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.spatial.JisMeshCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code citylake mesh}: the JIS X 0410 grid square of a point, so an officer can check one. */
@Command(name = "mesh", mixinStandardHelpOptions = true,
    description = "Print the JIS X 0410 grid square code (and its bounds) of a point.")
final class MeshCommand implements Callable<Integer> {
  @Option(names = "--lat", required = true, paramLabel = "LAT", description = "Latitude, degrees.")
  double lat;

  @Option(names = "--lon", required = true, paramLabel = "LON", description = "Longitude, degrees.")
  double lon;

  @Option(names = "--level", paramLabel = "1|2|3|4",
      description = "1 = 80 km, 2 = 10 km, 3 = 1 km, 4 = 500 m (default: ${DEFAULT-VALUE}).")
  int level = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String code;
    try {
      code = JisMeshCode.encode(lat, lon, level);
    } catch (IllegalArgumentException e) {
      throw CityLakeException.badInput("compute the mesh code",
          e.getMessage().replaceFirst("^Cannot compute a JIS mesh code: ", ""), null);
    }
    JisMeshCode.Cell cell = JisMeshCode.decode(code);
    PrintWriter out = spec.commandLine().getOut();
    out.println(code);
    out.printf(java.util.Locale.ROOT, "level %d cell: %.6f to %.6f N, %.6f to %.6f E%n", level,
        cell.south(), cell.north(), cell.west(), cell.east());
    out.flush();
    return 0;
  }
}
