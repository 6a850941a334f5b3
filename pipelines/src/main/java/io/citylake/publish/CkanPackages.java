package io.citylake.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.report.Lang;
import io.citylake.report.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The open datasets in the shape of CKAN's {@code package_show} result, one array of packages,
 * so a city CKAN can harvest them without an RDF harvester: the Japanese title and notes as the
 * defaults, both languages in {@code title_translated}/{@code notes_translated}
 * (ckanext-fluent), and spatial and temporal coverage, resource hashes and the credit lines in
 * the fields ckanext-dcat maps DCAT-AP to.
 */
public final class CkanPackages {
  public static final String FILE = "ckan-packages.json";
  /** CKAN's {@code metadata_modified}: UTC without a zone, microseconds. */
  private static final DateTimeFormatter CKAN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final String SHA256 = DcatCatalog.SPDX + "checksumAlgorithm_sha256";

  private CkanPackages() {}

  /** Writes {@code ckan-packages.json} into the settings' folder and returns it. */
  public static Path write(List<OpenDataset> datasets, CatalogSettings settings)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode packages = mapper.createArrayNode();
    for (OpenDataset dataset : datasets) {
      packages.add(packageOf(mapper, dataset, settings));
    }
    Path file = settings.outDir().resolve(FILE);
    mapper.writeValue(file.toFile(), packages);
    return file;
  }

  /** The CKAN name of a table: lower case letters, digits, - and _. */
  public static String name(String table) {
    return "citylake-" + table.replace('_', '-');
  }

  private static ObjectNode packageOf(ObjectMapper mapper, OpenDataset d,
      CatalogSettings settings) {
    ObjectNode p = mapper.createObjectNode();
    p.put("name", name(d.table()));
    p.put("title", d.titleJa());
    p.putObject("title_translated").put("ja", d.titleJa()).put("en", d.titleEn());
    p.put("notes", d.descriptionJa());
    p.putObject("notes_translated").put("ja", d.descriptionJa()).put("en", d.descriptionEn());
    p.put("license_id", settings.licenceId());
    p.put("license_title", settings.licenceTitle());
    p.put("license_url", settings.licence().toString());
    p.put("maintainer", Optional.ofNullable(settings.publisher())
        .orElse(new Messages(Lang.EN).get("catalog.publisher")));
    p.put("maintainer_email", settings.contactEmail());
    p.put("metadata_modified", CKAN_TIME.format(d.modified()));
    p.put("state", "active");
    p.put("type", "dataset");
    ArrayNode tags = p.putArray("tags");
    List.of(d.subject().name(Lang.JA), d.subject().name(Lang.EN)).forEach(tag ->
        tags.addObject().put("name", tag.replaceAll("[^\\p{L}\\p{N} ._-]", " ").strip()));
    d.municipalities().forEach(m -> tags.addObject().put("name", m.nameJa()));
    ArrayNode resources = p.putArray("resources");
    for (OpenDistribution file : d.distributions()) {
      ObjectNode r = resources.addObject();
      r.put("name", file.file().getFileName().toString());
      r.put("url", file.url().toString());
      r.put("format", file.format().name().equals("GEOPARQUET") ? "GeoParquet"
          : file.format().label().toUpperCase(java.util.Locale.ROOT));
      r.put("mimetype", file.format().mediaType());
      r.put("size", file.bytes());
      r.put("hash", file.sha256());
      r.put("hash_algorithm", SHA256);
      r.put("last_modified", CKAN_TIME.format(d.modified()));
    }
    ArrayNode extras = p.putArray("extras");
    extra(extras, "identifier", "gold." + d.table());
    extra(extras, "theme", d.subject().theme().iri());
    d.start().ifPresent(s -> extra(extras, "temporal_start", s.toString()));
    d.end().ifPresent(e -> extra(extras, "temporal_end", e.toString()));
    spatial(d).ifPresent(geojson -> extra(extras, "spatial", geojson));
    extra(extras, "spatial_text", String.join("・",
        d.municipalities().stream().map(Municipality::nameJa).toList()));
    if (!d.credits().isEmpty()) {
      extra(extras, "rights", String.join("\n", d.credits()));
    }
    return p;
  }

  /** The bounding box of the municipalities' boxes as a GeoJSON polygon, if all are known. */
  private static Optional<String> spatial(OpenDataset d) {
    if (d.municipalities().isEmpty()
        || d.municipalities().stream().anyMatch(m -> m.bbox().isEmpty())) {
      return Optional.empty();
    }
    double west = Double.MAX_VALUE;
    double south = Double.MAX_VALUE;
    double east = -Double.MAX_VALUE;
    double north = -Double.MAX_VALUE;
    for (Municipality m : d.municipalities()) {
      double[] b = m.bbox().get();
      west = Math.min(west, b[0]);
      south = Math.min(south, b[1]);
      east = Math.max(east, b[2]);
      north = Math.max(north, b[3]);
    }
    return Optional.of(String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\","
        + "\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}",
        west, south, east, north));
  }

  private static void extra(ArrayNode extras, String key, String value) {
    extras.addObject().put("key", key).put("value", value);
  }
}
