package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint's password file, without Spark: hashes only, per-user checks, clear errors. */
class PasswordFileTest {
  private static final String ALICE = "correct horse battery";
  private static final String BOB = "staple-to-the-wall-77";

  @Test
  void acceptsEachUserWithTheirOwnPasswordOnly(@TempDir Path dir) {
    PasswordFile file = new PasswordFile(dir.resolve("sub/passwords"));
    file.put("alice", ALICE.toCharArray());
    file.put("bob", BOB.toCharArray());

    assertThat(file.users()).containsExactly("alice", "bob");
    assertThat(file.accepts("alice", ALICE)).isTrue();
    assertThat(file.accepts("bob", BOB)).isTrue();
    assertThat(file.accepts("alice", BOB)).isFalse();
    assertThat(file.accepts("alice", ALICE + " ")).isFalse();
    assertThat(file.accepts("alice", "")).isFalse();
    assertThat(file.accepts("alice", null)).isFalse();
    assertThat(file.accepts("carol", ALICE)).isFalse();
  }

  @Test
  void keepsASaltedHashNotThePasswordAndIsReadableByItsOwnerOnly(@TempDir Path dir)
      throws Exception {
    Path path = dir.resolve("passwords");
    PasswordFile file = new PasswordFile(path);
    file.put("alice", ALICE.toCharArray());
    file.put("bob", ALICE.toCharArray());

    String text = Files.readString(path);
    assertThat(text).doesNotContain(ALICE).doesNotContain("horse");
    List<String> lines = Files.readAllLines(path);
    assertThat(lines).hasSize(2);
    // the same password gives two different lines: each has its own salt
    assertThat(lines.get(0).substring("alice".length()))
        .isNotEqualTo(lines.get(1).substring("bob".length()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
  }

  @Test
  void changingAPasswordReplacesTheUsersLine(@TempDir Path dir) {
    PasswordFile file = new PasswordFile(dir.resolve("passwords"));
    file.put("alice", ALICE.toCharArray());
    file.put("alice", BOB.toCharArray());

    assertThat(file.users()).containsExactly("alice");
    assertThat(file.accepts("alice", BOB)).isTrue();
    assertThat(file.accepts("alice", ALICE)).isFalse();
  }

  @Test
  void refusesShortPasswordsAndOddUserNames(@TempDir Path dir) {
    PasswordFile file = new PasswordFile(dir.resolve("passwords"));
    assertThatThrownBy(() -> file.put("alice", "short".toCharArray()))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot add the user: a password has at least 12 characters (got: 5"
            + " characters)");
    assertThatThrownBy(() -> file.put("al:ice", ALICE.toCharArray()))
        .isInstanceOf(CityLakeException.class)
        .hasMessageContaining("a user name is 1 to 64 letters");
    assertThat(dir.resolve("passwords")).doesNotExist();
  }

  @Test
  void aMalformedLineIsNamedNotSkipped(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("passwords");
    Files.writeString(path, "# operators\n\nalice:plaintext-password\n");
    assertThatThrownBy(() -> new PasswordFile(path).accepts("alice", "plaintext-password"))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot read the password file " + path + ": line 3 is not"
            + " user:pbkdf2-sha256:ITERATIONS:SALT:HASH (write it with 'citylake passwd')"
            + " (got: alice)");
  }
}
