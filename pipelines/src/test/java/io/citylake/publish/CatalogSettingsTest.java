package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the catalogue's download links point, and which licence a CKAN is told. */
class CatalogSettingsTest {

  @Test
  void linksOfAFolderNotYetCreatedStayInsideIt(@TempDir Path dir) {
    Path out = dir.resolve("open-data");
    CatalogSettings settings = new CatalogSettings(out, null, null, null, null);

    assertThat(Path.of(settings.urlOf("walking_minutes_daily.csv")))
        .isEqualTo(out.resolve("walking_minutes_daily.csv"));
  }

  @Test
  void linksFollowThePublishedAddressWithOrWithoutItsSlash(@TempDir Path dir) {
    for (String base : new String[] {"https://opendata.example.city/citylake",
        "https://opendata.example.city/citylake/"}) {
      CatalogSettings settings = new CatalogSettings(dir, URI.create(base), null, null, null);
      assertThat(settings.urlOf("spatial_areas.geojson").toString())
          .isEqualTo("https://opendata.example.city/citylake/spatial_areas.geojson");
    }
  }

  @Test
  void ccBy4IsTheDefaultLicenceAndAnotherIsNamedByItsUri(@TempDir Path dir) {
    CatalogSettings standard = new CatalogSettings(dir, null, null, null, null);
    assertThat(standard.licence()).hasToString("https://creativecommons.org/licenses/by/4.0/");
    assertThat(standard.licenceId()).isEqualTo("CC-BY-4.0");

    URI own = URI.create("https://www.city.example.jp/opendata/terms.html");
    CatalogSettings city = new CatalogSettings(dir, null, own, null, null);
    assertThat(city.licence()).isEqualTo(own);
    assertThat(city.licenceId()).isEqualTo(own.toString());
  }

  @Test
  void aRelativeBaseOrABadAddressIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> new CatalogSettings(dir, URI.create("open-data/"), null, null, null))
        .isInstanceOf(CityLakeException.class).hasMessageContaining("must be absolute");
    assertThatThrownBy(() -> new CatalogSettings(dir, null, null, null, "nobody"))
        .isInstanceOf(CityLakeException.class).hasMessageContaining("not an address");
  }
}
