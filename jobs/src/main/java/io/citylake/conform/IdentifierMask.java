package io.citylake.conform;

import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import io.citylake.ingest.CsvTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal identifiers ({@link RawDataset#PERSONAL_IDENTIFIERS}) in quarantine examples
 * before they reach a screen: the quarantine keeps raw lines, and an operator reading why rows
 * were rejected needs the bad value, not whose row it was. {@code mask} turns an identifier into
 * what is shown instead (its pseudonym, or a prefix).
 *
 * <p>JSON lines are masked by key. CSV lines are masked by position: the positions of the
 * identifiers in the file's own header (providers reorder columns), split at the separator the
 * header uses (a {@code ;}-separated file is masked too), or in the contract's order when the
 * file is gone. Positions a line does not have (a torn line) leave nothing to mask.
 */
public final class IdentifierMask {
  private static final char[] SEPARATORS = {',', ';', '\t', '|'};
  private final UnaryOperator<String> mask;
  private final Function<String, Optional<String>> headerOf;

  /**
   * @param mask what to show instead of an identifier
   * @param headerOf the header line of a raw file, by its lake-relative path, if it still exists
   */
  public IdentifierMask(UnaryOperator<String> mask, Function<String, Optional<String>> headerOf) {
    this.mask = mask;
    this.headerOf = headerOf;
  }

  /** A prefix of the identifier and stars: what to show when no pseudonym key is at hand. */
  public static String prefix(String identifier) {
    return identifier.length() <= 4 ? "***" : identifier.substring(0, 2) + "***";
  }

  /** The example with every identifier of its dataset's lines and fields masked. */
  public QuarantineSummary.Example apply(String table, QuarantineSummary.Example example) {
    Optional<RawDataset> dataset = RawDataset.find(table);
    if (dataset.isEmpty() || dataset.get().personalFields().isEmpty()) {
      return example;
    }
    String value = example.value();
    if (example.field() != null && value != null && !value.isEmpty()) {
      List<String> fields = Arrays.asList(example.field().split(", "));
      List<String> values = Arrays.asList(value.split(", ", -1));
      if (fields.size() == values.size()) {
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
          masked.add(RawDataset.PERSONAL_IDENTIFIERS.contains(fields.get(i))
              && !values.get(i).isEmpty() ? mask.apply(values.get(i)) : values.get(i));
        }
        value = String.join(", ", masked);
      } else if (fields.stream().anyMatch(RawDataset.PERSONAL_IDENTIFIERS::contains)) {
        value = mask.apply(value);
      }
    }
    String raw = example.raw() == null ? null
        : dataset.get().format() == RawFormat.CSV
            ? csv(dataset.get(), example.sourceFile(), example.raw())
            : json(dataset.get(), example.raw());
    return new QuarantineSummary.Example(example.sourceFile(), example.rule(), example.field(),
        value, raw);
  }

  private String json(RawDataset dataset, String line) {
    String result = line;
    for (String field : dataset.personalFields()) {
      Matcher matcher = Pattern.compile("(\"" + Pattern.quote(field)
          + "\"\\s*:\\s*)(\"((?:[^\"\\\\]|\\\\.)*)\"?|[^,}\\s\"]+)").matcher(result);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
        String shown = matcher.group(3) != null ? "\"" + mask.apply(value) + "\""
            : mask.apply(value);
        matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + shown));
      }
      matcher.appendTail(out);
      result = out.toString();
    }
    return result;
  }

  private String csv(RawDataset dataset, String sourceFile, String line) {
    Optional<String> header = sourceFile == null ? Optional.empty() : headerOf.apply(sourceFile);
    char separator = ',';
    List<String> columns = dataset.fields();
    if (header.isPresent()) {
      for (char candidate : SEPARATORS) {
        List<String> split = split(header.get(), candidate);
        if (dataset.personalFields().stream().anyMatch(split::contains)) {
          separator = candidate;
          columns = split;
          break;
        }
      }
    }
    String[] tokens = CsvTokenizer.newParser(separator).parseLine(line);
    if (tokens == null) {
      return line;
    }
    for (String field : dataset.personalFields()) {
      int at = columns.indexOf(field);
      if (at >= 0 && at < tokens.length && tokens[at] != null && !tokens[at].isEmpty()) {
        tokens[at] = mask.apply(tokens[at]);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i] == null ? "" : tokens[i];
      out.append(i == 0 ? "" : String.valueOf(separator));
      boolean quote = token.indexOf(separator) >= 0 || token.indexOf('"') >= 0;
      out.append(quote ? "\"" + token.replace("\"", "\"\"") + "\"" : token);
    }
    return out.toString();
  }

  private static List<String> split(String header, char separator) {
    String[] tokens = CsvTokenizer.newParser(separator).parseLine(header);
    return tokens == null ? List.of()
        : Arrays.stream(tokens).map(t -> t == null ? "" : t.trim()).toList();
  }
}
