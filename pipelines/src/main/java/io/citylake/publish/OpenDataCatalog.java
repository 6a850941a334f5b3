package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.PipelineGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.spark.sql.SparkSession;

/**
 * {@code citylake catalog}: writes the open exports of every published gold table and, beside
 * them, the DCAT-AP catalogue that lists them (Turtle and JSON-LD) and its CKAN
 * {@code package_show} twin. The exports are written first, so the sizes and checksums the
 * catalogue states are those of the files next to it.
 */
public final class OpenDataCatalog {
  /** What one call wrote. */
  public record Written(List<OpenDataset> datasets, List<Path> files) {
    public Written {
      datasets = List.copyOf(datasets);
      files = List.copyOf(files);
    }
  }

  private OpenDataCatalog() {}

  public static Written write(SparkSession spark, LakeConfig config, PipelineGraph graph,
      CatalogSettings settings) {
    try {
      Files.createDirectories(settings.outDir());
    } catch (IOException e) {
      throw CityLakeException.badInput("write the open-data catalogue",
          "cannot create the output folder", settings.outDir());
    }
    List<OpenDataset> datasets = new OpenDatasetReader(spark, config, graph).read(settings);
    Model model = DcatCatalog.of(datasets, settings);
    List<Path> files = new ArrayList<>();
    datasets.forEach(d -> d.distributions().forEach(f -> files.add(f.file())));
    try {
      files.addAll(DcatCatalog.write(model, settings.outDir()));
      files.add(CkanPackages.write(datasets, settings));
    } catch (IOException e) {
      throw CityLakeException.failed("write the open-data catalogue",
          "cannot write into " + settings.outDir(), e);
    }
    return new Written(datasets, files);
  }
}
