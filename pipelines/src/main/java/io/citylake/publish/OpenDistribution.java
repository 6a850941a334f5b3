package io.citylake.publish;

import java.net.URI;
import java.nio.file.Path;

/**
 * One open export of a published gold table as the catalogue lists it: the file written next to
 * the catalogue, where it is downloaded from, and the size and SHA-256 a user checks it by.
 */
public record OpenDistribution(ExportFormat format, Path file, URI url, long bytes,
    String sha256) {}
