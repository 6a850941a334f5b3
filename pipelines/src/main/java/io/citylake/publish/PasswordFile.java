package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users who may connect to a JDBC endpoint that other machines can reach, and a salted,
 * slow hash of each one's password (PBKDF2-HMAC-SHA256, as {@code htpasswd} keeps bcrypt
 * hashes): the operator's file never holds a password, so a copy of it gives none away. One line
 * per user, {@code user:pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in Base64); blank
 * lines and lines starting with {@code #} are comments. Read on every check, so a user added or
 * removed takes effect at the next connection.
 */
public final class PasswordFile {
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Path path;

  public PasswordFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** True when {@code user} is in the file and {@code password} is theirs. */
  public boolean accepts(String user, String password) {
    Entry entry = entries(read()).get(user);
    if (entry == null || password == null) {
      return false;
    }
    byte[] given = hash(password.toCharArray(), entry.salt(), entry.iterations());
    return MessageDigest.isEqual(given, entry.hash());
  }

  /** The users in the file, in file order; fails with a clear message on a malformed line. */
  public List<String> users() {
    return List.copyOf(entries(read()).keySet());
  }

  /**
   * Adds {@code user} with {@code password}, or replaces their password; the file is written
   * whole (to a temporary file, then moved) and readable by its owner only.
   */
  public void put(String user, char[] password) {
    if (!USER.matcher(user).matches()) {
      throw CityLakeException.badInput("add the user", "a user name is 1 to 64 letters, digits,"
          + " '.', '_' or '-'", user);
    }
    if (password.length < 12) {
      throw CityLakeException.badInput("add the user", "a password has at least 12 characters",
          password.length + " characters");
    }
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    String line = String.join(":", user, SCHEME, String.valueOf(ITERATIONS),
        Base64.getEncoder().encodeToString(salt),
        Base64.getEncoder().encodeToString(hash(password, salt, ITERATIONS)));
    List<String> lines = new ArrayList<>();
    if (Files.exists(path)) {
      List<String> existing = read();
      entries(existing); // refuses to rewrite a file it cannot parse
      existing.stream().filter(l -> !l.startsWith(user + ":")).forEach(lines::add);
    }
    lines.add(line);
    write(lines);
  }

  private record Entry(int iterations, byte[] salt, byte[] hash) {}

  private Map<String, Entry> entries(List<String> lines) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(":", -1);
      if (fields.length != 5 || !fields[1].equals(SCHEME) || !USER.matcher(fields[0]).matches()) {
        throw CityLakeException.badInput("read the password file " + path, "line " + (i + 1)
            + " is not user:" + SCHEME + ":ITERATIONS:SALT:HASH (write it with 'citylake"
            + " passwd')", fields[0]);
      }
      try {
        entries.put(fields[0], new Entry(Integer.parseInt(fields[2]),
            Base64.getDecoder().decode(fields[3]), Base64.getDecoder().decode(fields[4])));
      } catch (IllegalArgumentException e) {
        throw CityLakeException.badInput("read the password file " + path, "line " + (i + 1)
            + " has a bad iteration count, salt or hash", fields[0]);
      }
    }
    return entries;
  }

  private List<String> read() {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CityLakeException.badInput("read the password file", "it cannot be read ("
          + e.getClass().getSimpleName() + ")", path);
    }
  }

  private void write(List<String> lines) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".passwords", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw CityLakeException.failed("write the password file " + path, e.getMessage(), e);
    }
  }

  private static byte[] hash(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(password, '\0');
    }
  }
}
