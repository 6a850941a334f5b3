package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.publish.CatalogSettings;
import io.citylake.publish.CkanPackages;
import io.citylake.publish.DcatCatalog;
import io.citylake.publish.OpenDataCatalog;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake catalog}: the open datasets (published gold tables) as a DCAT-AP catalogue,
 * with their exports beside it so no download link dangles.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = {"Write the open-data catalogue: every gold table cleared for publication"
        + " exported (GeoParquet, GeoJSON and CSV for spatial tables, CSV for the others) and"
        + " listed in a DCAT-AP 3.0.1 catalogue (" + DcatCatalog.TURTLE + ", "
        + DcatCatalog.JSON_LD + ") and as CKAN package_show records (" + CkanPackages.FILE
        + ")."})
final class CatalogCommand implements Callable<Integer> {
  private static final String VERB = "write the open-data catalogue";

  @Mixin LakeOptions lake;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the catalogue and its exports (default: <lake>/open-data).")
  Path out;

  @Option(names = "--base-uri", paramLabel = "URI",
      description = "Address the folder is published at; download URLs are relative to it"
          + " (default: the folder's file: URI).")
  String baseUri;

  @Option(names = {"--licence", "--license"}, paramLabel = "URI",
      description = "The city's open-data licence (default: CC BY 4.0,"
          + " https://creativecommons.org/licenses/by/4.0/).")
  String licence;

  @Option(names = "--publisher", paramLabel = "NAME",
      description = "Publishing office (default: スマートシティ推進担当 / Smart-city office).")
  String publisher;

  @Option(names = "--contact-email", paramLabel = "ADDRESS",
      description = "Contact point's e-mail (default: " + CatalogSettings.DEFAULT_CONTACT + ").")
  String contactEmail;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    URI base = baseUri == null ? null : CatalogSettings.baseOf(uri(baseUri, "--base-uri"));
    URI licenceUri = licence == null ? null : uri(licence, "--licence");
    LakeConfig config = lake.builtConfig(VERB);
    Path dir = out != null ? out : defaultOut(config);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw CityLakeException.badInput(VERB, "--out names a file; give a folder", dir);
    }
    CatalogSettings settings = new CatalogSettings(dir, base, licenceUri, publisher,
        contactEmail);
    OpenDataCatalog.Written written = OpenDataCatalog.write(SparkCommand.session(config),
        config, NightlyPipeline.graph(), settings);
    PrintWriter writer = spec.commandLine().getOut();
    writer.println("catalogued " + written.datasets().size() + " open datasets ("
        + written.datasets().stream().mapToInt(d -> d.distributions().size()).sum()
        + " files) in " + settings.outDir());
    writer.println(settings.outDir().resolve(DcatCatalog.TURTLE));
    writer.println(settings.outDir().resolve(DcatCatalog.JSON_LD));
    writer.println(settings.outDir().resolve(CkanPackages.FILE));
    writer.flush();
    return 0;
  }

  private static URI uri(String text, String option) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw CityLakeException.badInput(VERB, option + " is not a URI", text);
    }
  }

  private static Path defaultOut(LakeConfig config) {
    if (!"file".equals(config.lakeRoot().getScheme())) {
      throw CityLakeException.badInput(VERB, "the lake is not on the local disk; pass --out DIR",
          config.lakeRoot());
    }
    return Path.of(config.lakeRoot()).resolve("open-data");
  }
}
