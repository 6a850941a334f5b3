package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.publish.CatalogDictionary;
import io.citylake.publish.DataDictionary;
import io.citylake.publish.DictionaryHtml;
import io.citylake.publish.DictionaryMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake dictionary}: the data dictionary of the gold and silver tables. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
    description = "Print the data dictionary (gold and silver tables: comments, columns, grain;"
        + " KPI definitions) from the lake's metastore.")
final class DictionaryCommand implements Callable<Integer> {
  /** Databases in the dictionary: the curated ones; bronze is the restricted raw zone. */
  static final List<String> DATABASES = List.of("gold", "silver");

  @Mixin LakeOptions lake;

  @Option(names = "--format", paramLabel = "md|html", defaultValue = "md",
      description = "Markdown or one HTML page (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path outFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String kind = format.toLowerCase(Locale.ROOT);
    if (!kind.equals("md") && !kind.equals("html")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--format': expected md or html (got: " + format + ")");
    }
    if (outFile != null && outFile.toAbsolutePath().getParent() != null
        && !Files.isDirectory(outFile.toAbsolutePath().getParent())) {
      throw CityLakeException.badInput("write the dictionary", "the folder does not exist",
          outFile);
    }
    LakeConfig config = lake.builtConfig("write the dictionary");
    DataDictionary dictionary =
        new CatalogDictionary(SparkCommand.session(config)).read(DATABASES)
            .withSources(io.citylake.pipeline.NightlyPipeline.graph().jobs());
    if (dictionary.tables().isEmpty()) {
      throw CityLakeException.badInput("write the dictionary",
          "the metastore has no gold or silver tables; run 'citylake nightly' first",
          config.lakeRoot());
    }
    String text = kind.equals("md")
        ? DictionaryMarkdown.render(dictionary) : DictionaryHtml.render(dictionary);
    PrintWriter out = spec.commandLine().getOut();
    if (outFile == null) {
      out.print(text);
    } else {
      Files.writeString(outFile, text, StandardCharsets.UTF_8);
      out.println("wrote the dictionary of " + dictionary.tables().size() + " tables to "
          + outFile);
    }
    out.flush();
    return 0;
  }
}
