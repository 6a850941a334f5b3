package io.citylake.publish;

/**
 * The EU data themes (DCAT-AP's {@code dcat:theme} vocabulary, the Publications Office authority
 * table {@code data-theme}) the catalogued gold tables fall under, with the Japanese label a
 * city portal shows next to the English one.
 */
public enum DataTheme {
  TRAN("Transport", "交通"),
  ECON("Economy and finance", "経済・財政"),
  HEAL("Health", "健康"),
  SOCI("Population and society", "人口・社会"),
  ENVI("Environment", "環境"),
  REGI("Regions and cities", "地域・都市"),
  GOVE("Government and public sector", "行政・公共部門");

  /** The authority table the themes belong to (a {@code skos:ConceptScheme}). */
  public static final String SCHEME =
      "http://publications.europa.eu/resource/authority/data-theme";

  private final String labelEn;
  private final String labelJa;

  DataTheme(String labelEn, String labelJa) {
    this.labelEn = labelEn;
    this.labelJa = labelJa;
  }

  public String iri() {
    return SCHEME + "/" + name();
  }

  public String labelEn() {
    return labelEn;
  }

  public String labelJa() {
    return labelJa;
  }
}
