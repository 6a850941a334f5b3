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
 * (lines clipped to the area, not an SVG pattern, which Chromium rasterises when printing to
 * PDF) and labelled 「秘匿」/"suppressed", areas without data grey. Each area carries a tooltip. The
 * legend is HTML beside the SVG ({@link #legend}), not SVG text: SVG text neither wraps nor
 * measures itself, so fixed legend columns cut long labels ({@code ≥ 53,147 persons/day}); HTML
 * items wrap to the figure's width in either language and keep the page's font size.
 */
public final class SvgChoropleth {
  static final int WIDTH = 420;
  private static final int MAX_HEIGHT = 420;
  static final String SUPPRESSED_FILL = "#f4f4f4";
  /** Diagonal hatch lines 6 px apart, as paths clipped to the area (vectors in print too). */
  private static final double HATCH = 6 * Math.sqrt(2);
  private static final String HATCHED = "hatched";
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
        .append(Html.escape(messages.get("map." + layer.metric()))).append("\">");
    for (Geometry outline : layer.outlines()) {
      svg.append("<path class=\"outline\" d=\"").append(path(outline, projection)).append("\"/>");
    }
    double[] range = range(layer.areas());
    int hatched = 0;
    for (MapLayer.Area area : layer.areas()) {
      String d = path(area.geometry(), projection);
      svg.append("<path class=\"area\" data-area=\"").append(Html.escape(area.areaId()))
          .append("\" fill=\"").append(fill(area, range)).append("\" d=\"")
          .append(d).append("\"><title>")
          .append(Html.escape(label(area) + ": "
              + format.cell(area.value(), area.suppressed(), layer.unit())))
          .append("</title></path>");
      if (area.value() == null && area.suppressed()) {
        String clip = "clip-" + id + "-" + hatched++;
        svg.append("<clipPath id=\"").append(Html.escape(clip)).append("\"><path d=\"")
            .append(d).append("\"/></clipPath><path class=\"hatch\" clip-path=\"url(#")
            .append(Html.escape(clip)).append(")\" d=\"")
            .append(hatch(area.geometry().getEnvelopeInternal(), projection)).append("\"/>");
      }
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

  private static String fill(MapLayer.Area area, double[] range) {
    if (area.value() == null) {
      return area.suppressed() ? SUPPRESSED_FILL : "#dddddd";
    }
    return COLOURS[colourClass(area.value(), range)];
  }

  private String label(MapLayer.Area area) {
    String name = format.lang() == Lang.JA ? area.nameJa() : area.nameEn();
    return name == null || name.isBlank() ? area.areaId() : name + " (" + area.areaId() + ")";
  }

  /**
   * The map's legend as an HTML list: one item per colour class ({@code ≥} its lower bound),
   * then suppressed (hatched) and no data. Items never break inside; the list wraps between
   * them.
   */
  public String legend(MapLayer layer) {
    double[] range = range(layer.areas());
    List<String[]> entries = new ArrayList<>();
    if (range != null && range[1] <= range[0]) {
      // one value (a ward-less municipality): one class, labelled with the value itself
      entries.add(new String[] {COLOURS[colourClass(range[0], range)],
          format.value(range[0], layer.unit())});
    } else if (range != null) {
      double step = (range[1] - range[0]) / COLOURS.length;
      for (int i = 0; i < COLOURS.length; i++) {
        entries.add(new String[] {COLOURS[i], "≥ " + format.value(range[0] + step * i,
            layer.unit())});
      }
    }
    entries.add(new String[] {HATCHED, format.suppressed()});
    entries.add(new String[] {"#dddddd", messages.get("map.no_data")});
    StringBuilder html = new StringBuilder("<ul class=\"legend\">");
    for (String[] entry : entries) {
      html.append("<li><svg class=\"swatch\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">");
      if (entry[0].equals(HATCHED)) {
        html.append("<rect width=\"12\" height=\"12\" fill=\"").append(SUPPRESSED_FILL)
            .append("\"/><path class=\"hatch\" d=\"M-6 0 L6 12 M0 0 L12 12 M6 0 L18 12\"/>");
      } else {
        html.append("<rect width=\"12\" height=\"12\" fill=\"").append(entry[0])
            .append("\"/>");
      }
      html.append("</svg><span class=\"label\">").append(Html.escape(entry[1]))
          .append("</span></li>");
    }
    return html.append("</ul>").toString();
  }

  /** 45° lines over the projected box of {@code lonLat}, for a hatch clipped to the area. */
  static String hatch(Envelope lonLat, Projection projection) {
    double minX = projection.x(lonLat.getMinX(), lonLat.getMinY());
    double maxX = projection.x(lonLat.getMaxX(), lonLat.getMinY());
    double minY = projection.y(lonLat.getMaxY());
    double maxY = projection.y(lonLat.getMinY());
    StringBuilder d = new StringBuilder();
    // lines x - y = c, from the top edge to the bottom edge of the box
    for (double c = minX - maxY; c <= maxX - minY; c += HATCH) {
      d.append(d.length() == 0 ? "M" : " M").append(Html.coord(c + minY)).append(' ')
          .append(Html.coord(minY)).append(" L").append(Html.coord(c + maxY)).append(' ')
          .append(Html.coord(maxY));
    }
    return d.toString();
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
