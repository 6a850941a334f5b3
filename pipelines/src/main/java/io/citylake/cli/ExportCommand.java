package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.publish.ExportFormat;
import io.citylake.publish.GeoExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake export}: one gold table as an open GeoParquet, GeoJSON or CSV file. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a gold table as GeoParquet, GeoJSON or CSV, readable without Spark.")
final class ExportCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--table", required = true, paramLabel = "TABLE",
      description = "Gold table, e.g. people_flow_area_hourly, snow_depth_ward_daily,"
          + " tourism_spend_mesh_daily, ridership_stop_daily, shelter_load_daily, spatial_areas;"
          + " with or without gold. in front, as sql and dictionary name it.")
  String table;

  @Option(names = "--format", defaultValue = "geoparquet", paramLabel = "FORMAT",
      description = "geoparquet (default), geojson or csv.")
  String format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the file (default: <lake>/exports).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    table = goldTable(table);
    ExportFormat exportFormat = ExportFormat.of(format).orElseThrow(() ->
        CityLakeException.badInput("export gold." + table, "unknown format, use one of "
            + Arrays.stream(ExportFormat.values()).map(ExportFormat::label).toList(), format));
    LakeConfig config = lake.builtConfig("export gold." + table);
    Path dir = out != null ? out : defaultOut(config);
    Path file = new GeoExport(SparkCommand.session(config), config)
        .export(table, exportFormat, dir.toAbsolutePath());
    PrintWriter writer = spec.commandLine().getOut();
    writer.println(file);
    writer.flush();
    return 0;
  }

  /** The table's name in gold: {@code gold.kpi_catalogue} and {@code kpi_catalogue} alike. */
  static String goldTable(String name) {
    String[] parts = name.strip().split("\\.", 2);
    if (parts.length == 1) {
      return parts[0];
    }
    if (!parts[0].equalsIgnoreCase("gold")) {
      throw CityLakeException.badInput("export " + name,
          "only gold tables can be exported (gold.<table> or <table>)", name);
    }
    return parts[1];
  }

  private Path defaultOut(LakeConfig config) {
    if (!"file".equals(config.lakeRoot().getScheme())) {
      throw CityLakeException.badInput("export gold." + table,
          "the lake is not on the local disk; pass --out DIR", config.lakeRoot());
    }
    return Path.of(config.lakeRoot()).resolve("exports");
  }
}
