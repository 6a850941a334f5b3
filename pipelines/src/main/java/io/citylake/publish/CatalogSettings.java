package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a city sets for its open-data catalogue: where the files go and the public address they
 * will be downloaded from, the open-data licence (CC BY 4.0 unless the city chose another), and
 * who publishes and answers questions.
 *
 * @param outDir folder the catalogue and its exports are written to
 * @param baseUri the address of {@code outDir} once published; ends with a slash
 * @param licence the licence's URI
 * @param publisher the publishing office's name, or null for the default in both languages
 * @param contactEmail where users write to
 */
public record CatalogSettings(Path outDir, URI baseUri, URI licence, String publisher,
    String contactEmail) {
  public static final URI CC_BY_4 = URI.create("https://creativecommons.org/licenses/by/4.0/");
  public static final String DEFAULT_CONTACT = "opendata@example.org";
  private static final String VERB = "write the open-data catalogue";
  /** Licences a city CKAN knows by id: SPDX ids, which CKAN's licence list uses for these. */
  private static final Map<URI, String[]> KNOWN_LICENCES = Map.of(
      CC_BY_4, new String[] {"CC-BY-4.0", "Creative Commons Attribution 4.0 International"},
      URI.create("https://creativecommons.org/publicdomain/zero/1.0/"),
      new String[] {"CC0-1.0", "Creative Commons Zero v1.0 Universal"},
      URI.create("https://creativecommons.org/licenses/by-sa/4.0/"),
      new String[] {"CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0 International"});

  public CatalogSettings {
    outDir = outDir.toAbsolutePath().normalize();
    // a folder's URI ends with a slash only when it exists; the catalogue's may not exist yet
    baseUri = baseOf(baseUri == null ? outDir.toUri() : baseUri);
    licence = licence == null ? CC_BY_4 : licence;
    if (!licence.isAbsolute()) {
      throw CityLakeException.badInput(VERB, "the licence must be an absolute URI", licence);
    }
    contactEmail = contactEmail == null ? DEFAULT_CONTACT : contactEmail;
    if (!contactEmail.matches("[^@\\s]+@[^@\\s]+")) {
      throw CityLakeException.badInput(VERB, "the contact e-mail is not an address",
          contactEmail);
    }
  }

  /** {@code base} as an absolute URI naming a folder (a trailing slash); fails otherwise. */
  public static URI baseOf(URI base) {
    if (!base.isAbsolute() || base.isOpaque()) {
      throw CityLakeException.badInput(VERB, "the base URI must be absolute, e.g."
          + " https://opendata.example.city/citylake/", base);
    }
    String text = base.toString();
    try {
      return text.endsWith("/") ? base : new URI(text + "/");
    } catch (URISyntaxException e) {
      throw CityLakeException.badInput(VERB, "the base URI is not valid", base);
    }
  }

  /** Where {@code fileName} in the output folder is downloaded from. */
  public URI urlOf(String fileName) {
    return baseUri.resolve(fileName);
  }

  /** The licence's id for a CKAN ({@code license_id}): its SPDX id, else its URI. */
  public String licenceId() {
    String[] known = KNOWN_LICENCES.get(licence);
    return known == null ? licence.toString() : known[0];
  }

  /** The licence's title. */
  public String licenceTitle() {
    String[] known = KNOWN_LICENCES.get(licence);
    return known == null ? licence.toString() : known[1];
  }
}
