package io.citylake.contract;

/** How a provider encodes one raw dataset's lines; decides which parser bronze uses. */
public enum RawFormat {
  /** Comma-separated values with one header line per file. */
  CSV(".csv"),
  /** One JSON object per line. */
  JSONL(".jsonl"),
  /**
   * NGSI-LD entities as a context broker or its history store exports them: a JSON array of
   * entities, one entity, or one entity per line, each in normalized, keyValues or temporal form.
   * Brokers name such files {@code .jsonld}, {@code .json} or {@code .jsonl}.
   */
  NGSI_LD(".jsonld", ".json", ".jsonl");

  private final String extension;
  private final java.util.List<String> alsoAccepted;

  RawFormat(String extension, String... alsoAccepted) {
    this.extension = extension;
    this.alsoAccepted = java.util.List.of(alsoAccepted);
  }

  /** Whether a delivered file's name is one of this format's, plain or gzip-compressed. */
  public boolean accepts(String fileName) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(extension),
            alsoAccepted.stream())
        .anyMatch(ext -> fileName.endsWith(ext) || fileName.endsWith(ext + ".gz"));
  }

  /** The accepted names, for a stray file's warning, e.g. {@code .csv or .csv.gz}. */
  public String acceptedNames() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(extension),
            alsoAccepted.stream())
        .map(ext -> ext + " or " + ext + ".gz").collect(java.util.stream.Collectors.joining(", "));
  }

  /** File extension before an optional {@code .gz}, e.g. {@code .csv}. */
  public String extension() {
    return extension;
  }
}
