package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The map renderer on hand-made polygons that went through WKB, as gold stores them. */
class SvgChoroplethTest {
  static Geometry wkb(String wkt) throws Exception {
    byte[] bytes = new WKBWriter().write(new WKTReader().read(wkt));
    return new WKBReader().read(bytes);
  }

  static MapLayer layer() throws Exception {
    return new MapLayer("people_flow", "persons/day", List.of(
        new MapLayer.Area("01101", "中央区", "Chuo", wkb(
            "POLYGON((141 43, 141.1 43, 141.1 43.1, 141 43.1, 141 43))"), 100.0, false),
        new MapLayer.Area("01102", "北区", "Kita", wkb("MULTIPOLYGON(((141.1 43, 141.2 43,"
            + " 141.2 43.1, 141.1 43.1, 141.1 43),(141.12 43.02, 141.14 43.02, 141.14 43.04,"
            + " 141.12 43.02)))"), 500.0, false),
        new MapLayer.Area("01103", "東区", "Higashi", wkb(
            "POLYGON((141 43.1, 141.1 43.1, 141.1 43.2, 141 43.1))"), null, true),
        new MapLayer.Area("01104", "白石区", "Shiroishi", wkb(
            "POLYGON((141.1 43.1, 141.2 43.1, 141.2 43.2, 141.1 43.1))"), null, false)),
        List.of(), Optional.empty());
  }

  @Test
  void projectsWithCosLatitudeSoASquareDegreeIsNarrowerThanHigh() throws Exception {
    String svg = new SvgChoropleth(Lang.EN).render(layer(), "t");
    // 0.2 deg of longitude at 43.1N is cos(43.1)*0.2 = 0.146 units wide vs 0.2 high
    SvgChoropleth.Projection p = SvgChoropleth.Projection.fit(
        new org.locationtech.jts.geom.Envelope(141, 141.2, 43, 43.2), 420, 420);
    assertThat((p.x(141.2, 43) - p.x(141, 43)) / (p.y(43) - p.y(43.2)))
        .isCloseTo(Math.cos(Math.toRadians(43.1)), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(svg).contains("viewBox=\"0 0 420 ");
    assertThat(svg.split("<path class=\"area\"", -1)).hasSize(5);
  }

  @Test
  void colourClassesSpanTheValuesAndSuppressedAreasAreHatched() throws Exception {
    String svg = new SvgChoropleth(Lang.JA).render(layer(), "t");
    assertThat(svg).contains("data-area=\"01101\" fill=\"" + SvgChoropleth.COLOURS[0] + "\"")
        .contains("data-area=\"01102\" fill=\"" + SvgChoropleth.COLOURS[4] + "\"")
        .contains("data-area=\"01103\" fill=\"" + SvgChoropleth.SUPPRESSED_FILL + "\"")
        .contains("data-area=\"01104\" fill=\"#dddddd\"")
        .contains("<title>東区 (01103): 秘匿</title>")
        .contains("<title>北区 (01102): 500人/日</title>")
        .contains("<clipPath id=\"clip-t-0\">")
        .contains("<path class=\"hatch\" clip-path=\"url(#clip-t-0)\" d=\"M")
        .doesNotContain("<pattern");
    // only the suppressed area is hatched
    assertThat(svg.split("<path class=\"hatch\"", -1)).hasSize(2);
  }

  @Test
  void theLegendHasOneItemPerClassOrOneForASingleValue() throws Exception {
    String legend = new SvgChoropleth(Lang.EN).legend(layer());
    // five classes, suppressed, no data
    assertThat(legend.split("<li>", -1)).hasSize(1 + 7);
    assertThat(legend).contains("<span class=\"label\">suppressed</span>")
        .contains("<path class=\"hatch\"");
    MapLayer.Area only = layer().areas().get(1);
    String single = new SvgChoropleth(Lang.EN).legend(new MapLayer("people_flow", "persons/day",
        List.of(only), List.of(), java.util.Optional.empty()));
    assertThat(single.split("<li>", -1)).hasSize(1 + 3);
    assertThat(single).contains("fill=\"" + SvgChoropleth.COLOURS[4] + "\"/></svg>"
        + "<span class=\"label\">500 persons/day</span>").doesNotContain("≥");
  }

  @Test
  void everyRingIncludingHolesBecomesAClosedSubpath() throws Exception {
    String d = SvgChoropleth.path(layer().areas().get(1).geometry(),
        SvgChoropleth.Projection.fit(new org.locationtech.jts.geom.Envelope(141, 141.2, 43,
            43.2), 420, 420));
    assertThat(d.split("M", -1)).hasSize(3);
    assertThat(d).endsWith("Z").doesNotContain("NaN");
  }
}
