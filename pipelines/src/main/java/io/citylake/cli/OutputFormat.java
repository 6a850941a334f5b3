package io.citylake.cli;

/** How {@code citylake sql} prints a result: an aligned table, CSV (RFC 4180) or JSON Lines. */
enum OutputFormat {
  TABLE, CSV, JSON
}
