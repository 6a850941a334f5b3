package io.citylake.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A choropleth of one {@link MapLayer} as inline SVG: polygons projected equirectangularly with
 * longitudes scaled by cos(latitude) at the map's centre (good enough at city scale), five
 * sequential colour classes between the smallest and largest value, suppressed areas hatched
 * and labelled 「秘匿」/"suppressed", areas without data grey. Each area carries a tooltip. The
 * legend is HTML beside the SVG ({@link #legend}), not SVG text: SVG text neither wraps nor
 * measures itself, so fixed legend columns cut long labels ({@code ≥ 53,147 persons/day}); HTML
 * items wrap to the figure's width in either language and keep the page's font size.
 */
public final class SvgChoropleth {
  static final int WIDTH = 420;
  private static final int MAX_HEIGHT = 420;
  static final String[] COLOURS = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};

  private final ReportFormat format;
  private final Messages messages;

  public SvgChoropleth(Lang lang) {
    this.format = new ReportFormat(lang);
    this.messages = new Messages(lang);
  }

  /** The map's SVG; {@code id} keeps its hatch pattern apart from the other maps of the page. */
  public String render(MapLayer layer, String id) {
    Envelope bounds = new Envelope();
    layer.areas().forEach(a -> bounds.expandToInclude(a.geometry().getEnvelopeInternal()));
    layer.outlines().forEach(g -> bounds.expandToInclude(g.getEnvelopeInternal()));
    Projection projection = Projection.fit(bounds, WIDTH, MAX_HEIGHT);
    int height = (int) Math.ceil(projection.height());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"map\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(messages.get("map." + layer.metric()))).append("\">")
        .append("<defs><pattern id=\"hatch-").append(id).append("\" width=\"6\" height=\"6\"")
        .append(" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
        .append("<rect width=\"6\" height=\"6\" fill=\"#f4f4f4\"/>")
        .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"2\"/>")
        .append("</pattern></defs>");
    for (Geometry outline : layer.outlines()) {
      svg.append("<path class=\"outline\" d=\"").append(path(outline, projection)).append("\"/>");
    }
    double[] range = range(layer.areas());
    for (MapLayer.Area area : layer.areas()) {
      svg.append("<path class=\"area\" data-area=\"").append(Html.escape(area.areaId()))
          .append("\" fill=\"").append(fill(area, range, id)).append("\" d=\"")
          .append(path(area.geometry(), projection)).append("\"><title>")
          .append(Html.escape(label(area) + ": "
              + format.cell(area.value(), area.suppressed(), layer.unit())))
          .append("</title></path>");
    }
    return svg.append("</svg>").toString();
  }

  /** Smallest and largest published value; null when no area has one. */
  static double[] range(List<MapLayer.Area> areas) {
    double[] values = areas.stream().map(MapLayer.Area::value).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).toArray();
    if (values.length == 0) {
      return null;
    }
    double min = java.util.Arrays.stream(values).min().getAsDouble();
    double max = java.util.Arrays.stream(values).max().getAsDouble();
    return new double[] {min, max};
  }

  /** The colour class 0..4 of {@code value} in {@code range}. */
  static int colourClass(double value, double[] range) {
    if (range[1] <= range[0]) {
      return COLOURS.length - 1;
    }
    int c = (int) Math.floor((value - range[0]) / (range[1] - range[0]) * COLOURS.length);
    return Math.min(COLOURS.length - 1, Math.max(0, c));
  }

  private static String fill(MapLayer.Area area, double[] range, String id) {
    if (area.value() == null) {
      return area.suppressed() ? "url(#hatch-" + id + ")" : "#dddddd";
    }
    return COLOURS[colourClass(area.value(), range)];
  }

  private String label(MapLayer.Area area) {
    String name = format.lang() == Lang.JA ? area.nameJa() : area.nameEn();
    return name == null || name.isBlank() ? area.areaId() : name + " (" + area.areaId() + ")";
  }

  /**
   * The map's legend as an HTML list: one item per colour class ({@code ≥} its lower bound),
   * then suppressed and no data. Items never break inside; the list wraps between them. The
   * hatch swatch uses the pattern of the map rendered with the same {@code id}.
   */
  public String legend(MapLayer layer, String id) {
    double[] range = range(layer.areas());
    List<String[]> entries = new ArrayList<>();
    if (range != null) {
      double step = (range[1] - range[0]) / COLOURS.length;
      for (int i = 0; i < COLOURS.length; i++) {
        entries.add(new String[] {COLOURS[i], "≥ " + format.value(range[0] + step * i,
            layer.unit())});
      }
    }
    entries.add(new String[] {"url(#hatch-" + id + ")", format.suppressed()});
    entries.add(new String[] {"#dddddd", messages.get("map.no_data")});
    StringBuilder html = new StringBuilder("<ul class=\"legend\">");
    for (String[] entry : entries) {
      html.append("<li><svg class=\"swatch\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">")
          .append("<rect width=\"12\" height=\"12\" fill=\"").append(entry[0])
          .append("\"/></svg><span class=\"label\">").append(Html.escape(entry[1]))
          .append("</span></li>");
    }
    return html.append("</ul>").toString();
  }

  /** SVG path data of every ring of a polygon or multipolygon. */
  static String path(Geometry geometry, Projection projection) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        ring(d, polygon.getExteriorRing().getCoordinates(), projection);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          ring(d, polygon.getInteriorRingN(h).getCoordinates(), projection);
        }
      }
    }
    return d.toString().trim();
  }

  private static void ring(StringBuilder d, Coordinate[] ring, Projection projection) {
    String last = null;
    for (int i = 0; i < ring.length; i++) {
      String point = Html.coord(projection.x(ring[i].x, ring[i].y)) + " "
          + Html.coord(projection.y(ring[i].y));
      if (!point.equals(last)) {
        d.append(i == 0 ? " M" : " L").append(point);
        last = point;
      }
    }
    d.append(" Z");
  }

  /** Equirectangular projection with cos(latitude) at the centre, fitted into a box. */
  record Projection(double minLon, double maxLat, double cosLat, double scale, double height) {
    static Projection fit(Envelope bounds, double width, double maxHeight) {
      if (bounds.isNull()) {
        return new Projection(0, 0, 1, 1, 0);
      }
      double cos = Math.cos(Math.toRadians((bounds.getMinY() + bounds.getMaxY()) / 2));
      double w = Math.max(bounds.getWidth() * cos, 1e-9);
      double h = Math.max(bounds.getHeight(), 1e-9);
      double scale = Math.min((width - 8) / w, (maxHeight - 8) / h);
      return new Projection(bounds.getMinX(), bounds.getMaxY(), cos, scale, h * scale + 8);
    }

    double x(double lon, double lat) {
      return 4 + (lon - minLon) * cosLat * scale;
    }

    double y(double lat) {
      return 4 + (maxLat - lat) * scale;
    }
  }
}
