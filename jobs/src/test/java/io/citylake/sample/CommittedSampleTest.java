package io.citylake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code sample-lake/} is exactly what {@link SampleSpec#defaults()} generates. */
class CommittedSampleTest {

  @Test
  void committedSampleEqualsTheDefaultGeneration(@TempDir Path fresh) throws IOException {
    Path committed = repoRoot().resolve("sample-lake");

    new SampleLakeGenerator(SampleSpec.defaults()).generate(fresh);

    assertThat(TreeHashes.of(committed))
        .as("sample-lake/ differs from SampleSpec.defaults(): regenerate it "
            + "(citylake generate-sample) and commit")
        .isEqualTo(TreeHashes.of(fresh));
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("sample-lake")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("Cannot find committed sample-lake: no directory with "
        + "sample-lake/ and pom.xml above the working directory (got: " + dir + ")");
  }
}
