package io.citylake.contract;

/** How a provider encodes one raw dataset's lines; decides which parser bronze uses. */
public enum RawFormat {
  /** Comma-separated values with one header line per file. */
  CSV(".csv"),
  /** One JSON object per line. */
  JSONL(".jsonl");

  private final String extension;

  RawFormat(String extension) {
    this.extension = extension;
  }

  /** File extension before an optional {@code .gz}, e.g. {@code .csv}. */
  public String extension() {
    return extension;
  }
}
