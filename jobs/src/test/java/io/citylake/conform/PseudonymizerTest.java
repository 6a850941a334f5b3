package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef-test";

  @Test
  void pseudonymIsTheTruncatedHmacOfTheIdentifier() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "p_" + HexFormat.of().formatHex(
        mac.doFinal("IC-60C9548DE197".getBytes(StandardCharsets.UTF_8)), 0, 16);

    assertThat(new Pseudonymizer(KEY).pseudonym("IC-60C9548DE197")).isEqualTo(expected);
  }

  @Test
  void sameIdentifierSamePseudonymOtherKeyOtherPseudonym() {
    Pseudonymizer one = new Pseudonymizer(KEY);
    assertThat(one.pseudonym("P-sapporo-000001")).isEqualTo(one.pseudonym("P-sapporo-000001"))
        .isNotEqualTo(one.pseudonym("P-sapporo-000002"))
        .isNotEqualTo(new Pseudonymizer(KEY + "x").pseudonym("P-sapporo-000001"));
    assertThat(one.pseudonym(null)).isNull();
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> new Pseudonymizer("short"))
        .hasMessage("Cannot pseudonymise: the key must have at least 32 characters");
  }

  @Test
  void realLakeWithoutKeyRefusesToStart(@TempDir Path lake) {
    LakeConfig config = LakeConfig.local(lake);
    assertThatThrownBy(() -> PseudonymKey.resolve(config, Map.of(), new Configuration()))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot pseudonymise identifiers: set the environment variable"
            + " CITYLAKE_PSEUDONYM_KEY to a secret of at least 32 characters (got: no key for lake "
            + config.lakeRoot() + ")");
  }

  @Test
  void environmentKeyWinsAndDemoLakeUsesItsPublishedKey(@TempDir Path lake) throws Exception {
    Files.createDirectories(lake.resolve("reference"));
    Files.writeString(lake.resolve("reference").resolve(PseudonymKey.DEMO_KEY_FILE), KEY + "\n");
    LakeConfig config = LakeConfig.local(lake);

    assertThat(PseudonymKey.resolve(config, Map.of(), new Configuration()).pseudonym("a"))
        .isEqualTo(new Pseudonymizer(KEY).pseudonym("a"));
    String other = "another-secret-key-of-enough-length-000";
    assertThat(PseudonymKey.resolve(config, Map.of("CITYLAKE_PSEUDONYM_KEY", other),
        new Configuration()).pseudonym("a")).isEqualTo(new Pseudonymizer(other).pseudonym("a"));
  }
}
