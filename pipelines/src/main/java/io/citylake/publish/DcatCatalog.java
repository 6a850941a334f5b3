package io.citylake.publish;

import io.citylake.report.Lang;
import io.citylake.report.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;

/**
 * The open datasets as a DCAT-AP 3.0.1 catalogue (an RDF graph, written as Turtle and JSON-LD):
 * one {@code dcat:Dataset} per published gold table, one {@code dcat:Distribution} per export
 * with its size and SHA-256, and every linked node typed and labelled as the DCAT-AP shapes
 * require (licence, rights, media types, themes, places, periods, agents).
 */
public final class DcatCatalog {
  public static final String TURTLE = "catalog.ttl";
  public static final String JSON_LD = "catalog.jsonld";

  static final String SPDX = "http://spdx.org/rdf/terms#";
  static final String LOCN = "http://www.w3.org/ns/locn#";
  static final String GSP = "http://www.opengis.net/ont/geosparql#";
  static final String FOAF = "http://xmlns.com/foaf/0.1/";
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  private static final String IANA = "https://www.iana.org/assignments/media-types/";
  private static final Map<ExportFormat, String> EU_FILE_TYPE = Map.of(
      ExportFormat.GEOPARQUET, "PARQUET", ExportFormat.GEOJSON, "GEOJSON",
      ExportFormat.CSV, "CSV");

  private final Model model = ModelFactory.createDefaultModel();
  private final CatalogSettings settings;
  private final Messages ja = new Messages(Lang.JA);
  private final Messages en = new Messages(Lang.EN);
  private final Property spdxChecksum;
  private final Property spdxAlgorithm;
  private final Property spdxValue;
  private final Property foafName;
  private final Resource publisher;
  private final Resource contact;
  private final Resource licence;
  private final Map<String, Resource> places = new LinkedHashMap<>();

  private DcatCatalog(CatalogSettings settings) {
    this.settings = settings;
    model.setNsPrefix("dcat", DCAT.NS);
    model.setNsPrefix("dct", DCTerms.NS);
    model.setNsPrefix("foaf", FOAF);
    model.setNsPrefix("vcard", VCARD4.NS);
    model.setNsPrefix("skos", SKOS.uri);
    model.setNsPrefix("spdx", SPDX);
    model.setNsPrefix("locn", LOCN);
    model.setNsPrefix("gsp", GSP);
    model.setNsPrefix("xsd", XSDDatatype.XSD + "#");
    spdxChecksum = model.createProperty(SPDX, "checksum");
    spdxAlgorithm = model.createProperty(SPDX, "algorithm");
    spdxValue = model.createProperty(SPDX, "checksumValue");
    foafName = model.createProperty(FOAF, "name");
    publisher = model.createResource(iri("publisher"))
        .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
        .addProperty(RDF.type, model.createResource(FOAF + "Organization"));
    if (settings.publisher() != null) {
      publisher.addProperty(foafName, settings.publisher());
    } else {
      publisher.addProperty(foafName, ja.get("catalog.publisher"), "ja")
          .addProperty(foafName, en.get("catalog.publisher"), "en");
    }
    contact = model.createResource(iri("contact"))
        .addProperty(RDF.type, VCARD4.Kind).addProperty(RDF.type, VCARD4.Organization)
        .addProperty(VCARD4.fn, settings.publisher() != null ? settings.publisher()
            : en.get("catalog.publisher"))
        .addProperty(VCARD4.hasEmail, model.createResource("mailto:" + settings.contactEmail()));
    licence = model.createResource(settings.licence().toString())
        .addProperty(RDF.type, DCTerms.LicenseDocument)
        .addProperty(DCTerms.title, settings.licenceTitle());
  }

  /** The catalogue of {@code datasets} as an RDF graph. */
  public static Model of(List<OpenDataset> datasets, CatalogSettings settings) {
    return new DcatCatalog(settings).build(datasets);
  }

  /** Writes {@code catalog.ttl} and {@code catalog.jsonld} into the settings' folder. */
  public static List<Path> write(Model model, Path outDir) throws IOException {
    Path turtle = outDir.resolve(TURTLE);
    Path jsonLd = outDir.resolve(JSON_LD);
    try (OutputStream out = Files.newOutputStream(turtle)) {
      RDFDataMgr.write(out, model, RDFFormat.TURTLE_PRETTY);
    }
    try (OutputStream out = Files.newOutputStream(jsonLd)) {
      RDFDataMgr.write(out, model, RDFFormat.JSONLD11_PRETTY);
    }
    return List.of(turtle, jsonLd);
  }

  private Model build(List<OpenDataset> datasets) {
    Resource catalog = model.createResource(iri("catalog"))
        .addProperty(RDF.type, DCAT.Catalog)
        .addProperty(DCTerms.title, ja.get("catalog.title"), "ja")
        .addProperty(DCTerms.title, en.get("catalog.title"), "en")
        .addProperty(DCTerms.description, ja.get("catalog.description"), "ja")
        .addProperty(DCTerms.description, en.get("catalog.description"), "en")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCTerms.license, licence)
        .addProperty(DCTerms.language, language("JPN", "日本語", "Japanese"))
        .addProperty(DCTerms.language, language("ENG", "英語", "English"))
        .addProperty(DCAT.themeTaxonomy, themeScheme());
    datasets.stream().flatMap(d -> d.credits().stream()).distinct()
        .forEach(credit -> catalog.addProperty(DCTerms.rights, rights(credit)));
    datasets.stream().map(OpenDataset::modified).max(Comparator.naturalOrder())
        .ifPresent(m -> catalog.addLiteral(DCTerms.modified, dateTime(m)));
    for (OpenDataset dataset : datasets) {
      catalog.addProperty(DCAT.dataset, dataset(dataset));
    }
    return model;
  }

  private Resource dataset(OpenDataset d) {
    Resource dataset = model.createResource(iri("dataset-" + d.table()))
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(DCTerms.identifier, "gold." + d.table())
        .addProperty(DCTerms.title, d.titleJa(), "ja")
        .addProperty(DCTerms.title, d.titleEn(), "en")
        .addProperty(DCTerms.description, d.descriptionJa(), "ja")
        .addProperty(DCTerms.description, d.descriptionEn(), "en")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(DCAT.contactPoint, contact)
        .addProperty(DCAT.theme, theme(d.subject().theme()))
        .addProperty(DCTerms.accessRights, authority("access-right", "PUBLIC",
            DCTerms.RightsStatement, "公開", "Public"))
        .addProperty(DCTerms.accrualPeriodicity, authority("frequency", "DAILY",
            DCTerms.Frequency, "毎日", "daily"))
        .addLiteral(DCTerms.modified, dateTime(d.modified()));
    for (String keyword : keywords(d)) {
      dataset.addProperty(DCAT.keyword, keyword.substring(3), keyword.substring(0, 2));
    }
    for (Municipality municipality : d.municipalities()) {
      dataset.addProperty(DCTerms.spatial, place(municipality));
    }
    if (d.start().isPresent()) {
      dataset.addProperty(DCTerms.temporal, model.createResource()
          .addProperty(RDF.type, DCTerms.PeriodOfTime)
          .addLiteral(DCAT.startDate, model.createTypedLiteral(d.start().get().toString(),
              XSDDatatype.XSDdate))
          .addLiteral(DCAT.endDate, model.createTypedLiteral(d.end().get().toString(),
              XSDDatatype.XSDdate)));
    }
    for (OpenDistribution distribution : d.distributions()) {
      dataset.addProperty(DCAT.distribution, distribution(d, distribution));
    }
    return dataset;
  }

  /** Keywords as {@code ja:word} / {@code en:word}: the subject, the places, the theme. */
  private List<String> keywords(OpenDataset d) {
    List<String> words = new java.util.ArrayList<>();
    words.add("ja:" + d.subject().name(Lang.JA));
    words.add("en:" + d.subject().name(Lang.EN));
    d.municipalities().forEach(m -> {
      words.add("ja:" + m.nameJa());
      words.add("en:" + m.nameEn());
    });
    words.add("ja:" + ja.get("catalog.keyword"));
    words.add("en:" + en.get("catalog.keyword"));
    return words.stream().distinct().toList();
  }

  private Resource distribution(OpenDataset d, OpenDistribution file) {
    ExportFormat format = file.format();
    Resource url = model.createResource(file.url().toString());
    Resource distribution = model.createResource(iri(d.table() + "-" + format.label()))
        .addProperty(RDF.type, DCAT.Distribution)
        .addProperty(DCTerms.title, d.titleJa() + " " + format.label(), "ja")
        .addProperty(DCTerms.title, d.titleEn() + " " + format.label(), "en")
        .addProperty(DCAT.accessURL, url)
        .addProperty(DCAT.downloadURL, url)
        .addProperty(DCAT.mediaType, model.createResource(IANA + format.mediaType())
            .addProperty(RDF.type, DCTerms.MediaType))
        .addProperty(DCTerms.format, model.createResource(EU + "file-type/"
            + EU_FILE_TYPE.get(format)).addProperty(RDF.type, DCTerms.MediaTypeOrExtent))
        .addProperty(DCTerms.license, licence)
        .addLiteral(DCAT.byteSize, model.createTypedLiteral(Long.toString(file.bytes()),
            XSDDatatype.XSDnonNegativeInteger))
        .addLiteral(DCTerms.modified, dateTime(d.modified()))
        .addProperty(spdxChecksum, model.createResource()
            .addProperty(RDF.type, model.createResource(SPDX + "Checksum"))
            .addProperty(spdxAlgorithm, model.createResource(SPDX + "checksumAlgorithm_sha256")
                .addProperty(RDF.type, model.createResource(SPDX + "ChecksumAlgorithm")))
            .addLiteral(spdxValue, model.createTypedLiteral(file.sha256(),
                XSDDatatype.XSDhexBinary)));
    for (String credit : d.credits()) {
      distribution.addProperty(DCTerms.rights, rights(credit));
    }
    return distribution;
  }

  private Resource rights(String credit) {
    return model.createResource(iri("credit-" + (ReferenceCredits.all().indexOf(credit) + 1)))
        .addProperty(RDF.type, DCTerms.RightsStatement)
        .addProperty(org.apache.jena.vocabulary.RDFS.label, credit, "ja");
  }

  private Resource place(Municipality municipality) {
    return places.computeIfAbsent(municipality.slug(), slug -> {
      Resource place = model.createResource(iri("municipality-" + slug))
          .addProperty(RDF.type, DCTerms.Location)
          .addProperty(SKOS.prefLabel, municipality.nameJa(), "ja")
          .addProperty(SKOS.prefLabel, municipality.nameEn(), "en");
      municipality.bboxWkt().ifPresent(wkt -> place.addLiteral(DCAT.bbox,
          model.createTypedLiteral(wkt, GSP + "wktLiteral")));
      return place;
    });
  }

  private Resource theme(DataTheme theme) {
    return model.createResource(theme.iri())
        .addProperty(RDF.type, SKOS.Concept)
        .addProperty(SKOS.prefLabel, theme.labelEn(), "en")
        .addProperty(SKOS.prefLabel, theme.labelJa(), "ja")
        .addProperty(SKOS.inScheme, themeScheme());
  }

  private Resource themeScheme() {
    return model.createResource(DataTheme.SCHEME)
        .addProperty(RDF.type, SKOS.ConceptScheme)
        .addProperty(DCTerms.title, "Data theme", "en");
  }

  private Resource language(String code, String labelJa, String labelEn) {
    return authority("language", code, DCTerms.LinguisticSystem, labelJa, labelEn);
  }

  private Resource authority(String table, String code, Resource type, String labelJa,
      String labelEn) {
    return model.createResource(EU + table + "/" + code).addProperty(RDF.type, type)
        .addProperty(SKOS.prefLabel, labelJa, "ja").addProperty(SKOS.prefLabel, labelEn, "en");
  }

  private Literal dateTime(Instant instant) {
    return model.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
  }

  /** An IRI in the catalogue's own document. */
  private String iri(String fragment) {
    return settings.urlOf(DcatCatalog.TURTLE) + "#" + fragment;
  }
}
