package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.cli.CityLakeCli;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.privacy.GoldRelations;
import io.citylake.spatial.SpatialTables;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code citylake catalog} on the shared sample lake's first night: the DCAT-AP catalogue it
 * writes (Turtle and JSON-LD) passes the official DCAT-AP 3.0.1 SHACL shapes with no violation,
 * lists exactly the gold tables cleared for publication, and every download link names a file
 * beside it with the stated size and SHA-256. Exports go to this class's own folder; the lake is
 * only read.
 */
@Order(1)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class OpenDataCatalogOnSampleLakeTest extends SparkTestBase {
  private static final String SPDX = "http://spdx.org/rdf/terms#";
  @TempDir static Path out;
  private static SampleLakeNight.Lake sample;
  private static Shapes shapes;
  private static Model turtle;
  private static Model jsonLd;
  private static String printed;

  @BeforeAll
  static void theCatalogOfTheSharedLake() {
    sample = SampleLakeNight.shared(spark());
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = CityLakeCli.execute(new PrintWriter(stdout), new PrintWriter(stderr), "catalog",
        "--lake", sample.root().toString(), "--out", out.toString());
    assertThat(code).as(stderr.toString()).isZero();
    printed = stdout.toString();
    shapes = officialShapes();
    turtle = RDFDataMgr.loadModel(out.resolve("catalog.ttl").toString(), Lang.TURTLE);
    jsonLd = RDFDataMgr.loadModel(out.resolve("catalog.jsonld").toString(), Lang.JSONLD);
  }

  /**
   * The official DCAT-AP 3.0.1 shapes: {@code dcat-ap-SHACL.ttl}, plus the definitions of the two
   * property shapes it names (on {@code dcat:DataService}) but defines only in its companion
   * {@code ranges.ttl} of the same release folder; Jena refuses a shapes graph with a dangling
   * {@code sh:property}. Nothing else is taken from {@code ranges.ttl}.
   */
  private static Shapes officialShapes() {
    Path folder = RawFiles.sharedReferenceData().resolve("dcat-ap");
    Graph main = RDFDataMgr.loadGraph(folder.resolve("dcat-ap-SHACL.ttl").toString());
    Graph ranges = RDFDataMgr.loadGraph(folder.resolve("ranges.ttl").toString());
    Node property = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
    List<String> completed = new ArrayList<>();
    for (Triple link : main.find(Node.ANY, property, Node.ANY).toList()) {
      Node shape = link.getObject();
      if (!main.contains(shape, Node.ANY, Node.ANY)) {
        assertThat(ranges.contains(shape, Node.ANY, Node.ANY)).as(shape.toString()).isTrue();
        ranges.find(shape, Node.ANY, Node.ANY).toList().forEach(main::add);
        completed.add(shape.getURI());
      }
    }
    assertThat(completed).hasSize(2).allMatch(iri -> iri.contains("#dcat:DataServiceShape/"));
    return Shapes.parse(main);
  }

  private static void assertConforms(String name, Graph data) {
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    StringBuilder text = new StringBuilder();
    if (!report.conforms()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      RDFDataMgr.write(bytes, report.getModel(), Lang.TURTLE);
      text.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(report.getEntries()).as(name + " against the DCAT-AP 3.0.1 shapes:\n" + text)
        .isEmpty();
    assertThat(report.conforms()).isTrue();
  }

  @Test
  void turtleAndJsonLdPassTheOfficialDcatApShapesWithNoViolation() {
    assertThat(shapes.numRootShapes()).isGreaterThan(30);
    assertConforms("catalog.ttl", turtle.getGraph());
    assertConforms("catalog.jsonld", jsonLd.getGraph());
    // the two files are one graph, and not a trivially empty one
    assertThat(turtle.isIsomorphicWith(jsonLd)).isTrue();
    assertThat(turtle.listSubjectsWithProperty(RDF.type, DCAT.Catalog).toList()).hasSize(1);
    assertThat(datasets(turtle)).hasSizeGreaterThan(20);
  }

  @Test
  void theShapesBiteOnADatasetWithoutTitleOrWithAMistypedSize() {
    Model broken = ModelFactory.createDefaultModel().add(turtle);
    Resource dataset = dataset(broken, "gold.walking_minutes_daily");
    broken.removeAll(dataset, DCTerms.title, null);
    Resource distribution = dataset.getPropertyResourceValue(DCAT.distribution);
    broken.removeAll(distribution, DCAT.byteSize, null);
    distribution.addProperty(DCAT.byteSize, "about a megabyte");

    ValidationReport report = ShaclValidator.get().validate(shapes, broken.getGraph());

    assertThat(report.conforms()).isFalse();
    assertThat(report.getEntries()).anySatisfy(e -> {
      assertThat(e.focusNode().getURI()).isEqualTo(dataset.getURI());
      assertThat(e.resultPath().toString()).contains(DCTerms.title.getURI());
    });
    assertThat(report.getEntries()).anySatisfy(e -> {
      assertThat(e.focusNode().getURI()).isEqualTo(distribution.getURI());
      assertThat(e.resultPath().toString()).contains(DCAT.byteSize.getURI());
    });
  }

  @Test
  void cataloguesEveryPublishedGoldTableAndNothingElse() throws IOException {
    Set<String> inLake;
    try (Stream<Path> tables = Files.list(sample.root().resolve("gold"))) {
      inLake = tables.filter(t -> Files.isDirectory(t.resolve("_delta_log")))
          .map(t -> t.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> published = new TreeSet<>(inLake);
    published.retainAll(GoldRelations.publishedTables());

    Set<String> catalogued = new TreeSet<>();
    for (Resource dataset : datasets(turtle)) {
      catalogued.add(dataset.getProperty(DCTerms.identifier).getString());
    }

    assertThat(published).contains("people_flow_area_hourly", "tourism_spend_mesh_daily",
        "walking_minutes_daily", "kpi_catalogue", "spatial_areas");
    assertThat(catalogued).isEqualTo(published.stream().map(t -> "gold." + t)
        .collect(Collectors.toCollection(TreeSet::new)));
    // the lake's bookkeeping table is gold but not published; silver and bronze never are
    assertThat(inLake).contains("kpi_watermarks");
    assertThat(catalogued).doesNotContain("gold.kpi_watermarks")
        .allMatch(id -> id.startsWith("gold."));
    assertThat(printed).startsWith("catalogued " + published.size() + " open datasets");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(f -> f.contains("silver") || f.contains("bronze") || f.contains("watermark"));
    }
  }

  @Test
  void everyDownloadUrlNamesAFileWithTheStatedSizeAndChecksum() throws IOException {
    int checked = 0;
    Set<URI> urls = new TreeSet<>();
    for (Resource dataset : datasets(turtle)) {
      String table = dataset.getProperty(DCTerms.identifier).getString().substring(5);
      List<String> media = new ArrayList<>();
      for (RDFNode node : turtle.listObjectsOfProperty(dataset, DCAT.distribution).toList()) {
        Resource distribution = node.asResource();
        URI url = URI.create(distribution.getPropertyResourceValue(DCAT.downloadURL).getURI());
        assertThat(distribution.getPropertyResourceValue(DCAT.accessURL).getURI())
            .isEqualTo(url.toString());
        Path file = Path.of(url);
        assertThat(file).exists().hasParent(out);
        assertThat(distribution.getProperty(DCAT.byteSize).getLong()).isEqualTo(Files.size(file))
            .isPositive();
        Resource checksum = distribution.getPropertyResourceValue(
            turtle.createProperty(SPDX, "checksum"));
        assertThat(checksum.getPropertyResourceValue(turtle.createProperty(SPDX, "algorithm"))
            .getURI()).isEqualTo(SPDX + "checksumAlgorithm_sha256");
        assertThat(checksum.getProperty(turtle.createProperty(SPDX, "checksumValue")).getString())
            .isEqualTo(sha256(file));
        media.add(distribution.getPropertyResourceValue(DCAT.mediaType).getURI());
        urls.add(url);
        checked++;
      }
      if (SpatialTables.byName(table).isPresent()) {
        assertThat(media).as(table).containsExactlyInAnyOrder(
            "https://www.iana.org/assignments/media-types/application/vnd.apache.parquet",
            "https://www.iana.org/assignments/media-types/application/geo+json",
            "https://www.iana.org/assignments/media-types/text/csv");
      } else {
        assertThat(media).as(table).containsExactly(
            "https://www.iana.org/assignments/media-types/text/csv");
      }
    }
    assertThat(urls).hasSize(checked);
    assertThat(checked).isGreaterThan(datasets(turtle).size());
  }

  @Test
  void titlesAndDescriptionsAreInJapaneseAndEnglish() {
    for (Resource dataset : datasets(turtle)) {
      for (Property property : List.of(DCTerms.title, DCTerms.description)) {
        Map<String, String> byLang = new HashMap<>();
        dataset.listProperties(property).forEach(s -> byLang.put(s.getLanguage(), s.getString()));
        String id = dataset.getProperty(DCTerms.identifier).getString();
        assertThat(byLang).as(id).containsOnlyKeys("ja", "en");
        assertThat(byLang.get("ja")).as(id).containsPattern("[\\p{IsHan}\\p{IsKatakana}]");
        assertThat(byLang.get("en")).as(id).containsPattern("[A-Za-z]{3,}")
            .doesNotContainPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]")
            .doesNotStartWith("kpi.").doesNotStartWith("dataset.");
      }
    }
    // the English description is the table comment Delta keeps (the data dictionary's text)
    String comment = spark().sql("DESCRIBE DETAIL delta.`"
        + sample.config().paths().gold("shelter_load_daily") + "`").first().getAs("description");
    assertThat(english(dataset(turtle, "gold.shelter_load_daily"), DCTerms.description))
        .startsWith(comment);
  }

  @Test
  void coverageModifiedAndCreditsComeFromTheLake() {
    Resource walking = dataset(turtle, "gold.walking_minutes_daily");
    Row range = spark().read().format("delta")
        .load(sample.config().paths().gold("walking_minutes_daily"))
        .selectExpr("min(dt)", "max(dt)", "collect_set(municipality)").first();
    Resource period = walking.getPropertyResourceValue(DCTerms.temporal);
    assertThat(period.getProperty(DCAT.startDate).getString())
        .isEqualTo(range.getDate(0).toString());
    assertThat(period.getProperty(DCAT.endDate).getString())
        .isEqualTo(range.getDate(1).toString());
    assertThat(turtle.listObjectsOfProperty(walking, DCTerms.spatial).toList())
        .hasSize(range.getList(2).size());

    Row commit = io.delta.tables.DeltaTable.forPath(spark(),
        sample.config().paths().gold("walking_minutes_daily")).history(1).first();
    assertThat(walking.getProperty(DCTerms.modified).getLiteral().getLexicalForm())
        .isEqualTo(commit.getTimestamp(commit.fieldIndex("timestamp")).toInstant().toString());

    // shelters (GSI) located in their ward (MLIT); ward polygons only; no reference data
    assertThat(credits(dataset(turtle, "gold.shelter_load_daily")))
        .containsExactlyInAnyOrder(ReferenceCredits.SHELTERS, ReferenceCredits.BOUNDARIES);
    assertThat(credits(dataset(turtle, "gold.people_flow_ward_daily")))
        .containsExactly(ReferenceCredits.BOUNDARIES);
    assertThat(credits(walking)).isEmpty();
    Resource catalog = turtle.listSubjectsWithProperty(RDF.type, DCAT.Catalog).next();
    assertThat(catalog.getPropertyResourceValue(DCTerms.license).getURI())
        .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(turtle.listObjectsOfProperty(catalog, DCTerms.rights).toList()).hasSize(2);
  }

  @Test
  void ckanPackagesDescribeTheSameFiles() throws IOException {
    JsonNode packages = new ObjectMapper().readTree(out.resolve("ckan-packages.json").toFile());
    assertThat(packages.size()).isEqualTo(datasets(turtle).size());
    for (JsonNode p : packages) {
      assertThat(p.get("name").asText()).matches("[a-z0-9_-]{2,100}");
      assertThat(p.get("title_translated").get("ja").asText()).isEqualTo(p.get("title").asText());
      assertThat(p.get("license_id").asText()).isEqualTo("CC-BY-4.0");
      assertThat(p.get("tags").size()).isPositive();
      assertThat(p.get("resources").size()).isPositive();
      for (JsonNode r : p.get("resources")) {
        Path file = Path.of(URI.create(r.get("url").asText()));
        assertThat(r.get("size").asLong()).isEqualTo(Files.size(file));
        assertThat(r.get("hash").asText()).isEqualTo(sha256(file));
        assertThat(r.get("mimetype").asText()).isNotBlank();
      }
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest
          .getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Resource> datasets(Model model) {
    return model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
  }

  private static Resource dataset(Model model, String identifier) {
    return model.listSubjectsWithProperty(DCTerms.identifier, identifier).next();
  }

  private static String english(Resource resource, Property property) {
    return resource.listProperties(property).toList().stream()
        .filter(s -> s.getLanguage().equals("en")).findFirst().orElseThrow().getString();
  }

  private static List<String> credits(Resource dataset) {
    Set<String> lines = new TreeSet<>();
    for (RDFNode distribution : dataset.getModel()
        .listObjectsOfProperty(dataset, DCAT.distribution).toList()) {
      distribution.asResource().listProperties(DCTerms.rights).forEach(s ->
          lines.add(s.getResource().getProperty(RDFS.label).getString()));
    }
    return List.copyOf(lines);
  }
}
