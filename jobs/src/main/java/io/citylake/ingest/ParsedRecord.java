package io.citylake.ingest;

/**
 * One bronze record of a format whose records span lines ({@link LineParser#parseWhole}): the
 * raw text bronze keeps for it (an NGSI-LD attribute instance with its entity's id and type),
 * and its parsed payload or the reason it could not be parsed.
 */
public record ParsedRecord(String raw, ParsedLine parsed) {}
