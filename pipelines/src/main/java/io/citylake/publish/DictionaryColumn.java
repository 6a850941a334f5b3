package io.citylake.publish;

/** One column in the data dictionary: name, SQL type, comment, and whether it partitions. */
public record DictionaryColumn(String name, String type, String comment, boolean partition) {
  public DictionaryColumn {
    comment = comment == null ? "" : comment;
  }
}
