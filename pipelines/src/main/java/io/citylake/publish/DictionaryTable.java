package io.citylake.publish;

import java.util.List;

/**
 * One table in the data dictionary as the catalog describes it, with its grain: the key columns
 * that identify a row (in schema order), which analysts group and join by.
 */
public record DictionaryTable(String database, String name, String comment,
    List<DictionaryColumn> columns, List<String> grain) {
  public DictionaryTable {
    comment = comment == null ? "" : comment;
    columns = List.copyOf(columns);
    grain = List.copyOf(grain);
  }

  public String qualifiedName() {
    return database + "." + name;
  }

  public List<String> partitionColumns() {
    return columns.stream().filter(DictionaryColumn::partition).map(DictionaryColumn::name)
        .toList();
  }
}
