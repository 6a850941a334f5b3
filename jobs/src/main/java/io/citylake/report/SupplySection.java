package io.citylake.report;

import java.util.List;

/** A municipality's maps and its shelter supply table. */
final class SupplySection {
  private final Messages messages;
  private final ReportFormat format;
  private final SvgChoropleth map;

  SupplySection(Lang lang) {
    this.messages = new Messages(lang);
    this.format = new ReportFormat(lang);
    this.map = new SvgChoropleth(lang);
  }

  String maps(String municipality, List<MapLayer> layers) {
    StringBuilder html = new StringBuilder("<div class=\"maps\">");
    for (MapLayer layer : layers) {
      html.append("<figure class=\"map-figure\" data-metric=\"").append(layer.metric())
          .append("\"><figcaption>").append(Html.escape(messages.get("map." + layer.metric())))
          .append("</figcaption>");
      if (layer.unavailable().isPresent()) {
        html.append("<p class=\"unavailable\">").append(Html.escape(
            messages.get("map.unavailable"))).append(": ")
            .append(Html.escape(layer.unavailable().get())).append("</p>");
      } else {
        String id = municipality + "-" + layer.metric();
        html.append(map.render(layer, id)).append(map.legend(layer));
        html.append("<p class=\"credit\">").append(Html.escape(messages.get("map.credit")))
            .append("</p>");
      }
      html.append("</figure>");
    }
    return html.append("</div>").toString();
  }

  String shelters(ShelterSupply supply) {
    StringBuilder html = new StringBuilder("<p class=\"shelter-summary\">")
        .append(Html.escape(messages.get("shelter.summary"))).append(": ")
        .append(format.number(supply.total(), 0)).append(" / ")
        .append(supply.warnings() > 0 ? "<span class=\"warning-count\">" : "<span>")
        .append(Html.escape(messages.get("shelter.warnings"))).append(": ")
        .append(format.number(supply.warnings(), 0)).append("</span>");
    if (supply.items().isEmpty()) {
      return html.append(" — ").append(Html.escape(messages.get("shelter.none")))
          .append("</p>").toString();
    }
    html.append(" (").append(Html.escape(messages.get("shelter.shown"))).append(")</p>")
        .append("<table class=\"shelters\"><thead><tr>");
    for (String col : List.of("shelter", "item", "counted_at", "stock", "headcount", "days")) {
      html.append("<th>").append(Html.escape(messages.get("col." + col))).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (ShelterSupply.Item item : supply.items()) {
      html.append("<tr class=\"").append(item.warning() ? "warning" : "ok")
          .append("\" data-shelter=\"").append(Html.escape(item.shelterId()))
          .append("\" data-item=\"").append(Html.escape(item.item())).append("\"><td>")
          .append(Html.escape(item.shelterId())).append("</td><td>")
          .append(Html.escape(item.item())).append("</td><td>")
          .append(Html.escape(item.countedAt() == null ? "—"
              : format.date(item.countedAt().toLocalDate()) + " "
                  + item.countedAt().toLocalTime())).append("</td><td>")
          .append(item.stock() == null ? "—" : format.number(item.stock(), 0)).append("</td><td>")
          .append(item.headcount() == null ? "—" : format.number(item.headcount(), 0))
          .append("</td><td class=\"days\">").append(Html.escape(days(item))).append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private String days(ShelterSupply.Item item) {
    if (item.daysToShortage() == null) {
      return messages.get("shelter.empty");
    }
    String days = format.number(item.daysToShortage(), 1) + (format.lang() == Lang.JA ? "日" : "");
    return item.warning() ? "⚠ " + days + " (" + messages.get("shelter.warning") + ")" : days;
  }
}
