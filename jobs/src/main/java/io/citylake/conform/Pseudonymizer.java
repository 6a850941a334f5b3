package io.citylake.conform;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a personal identifier by a keyed HMAC-SHA256 pseudonym. The same identifier always
 * gets the same pseudonym under one key, across datasets and nights, so silver can still link a
 * person's taps, steps and check-ins; without the key nobody can go back or test a guess.
 */
public final class Pseudonymizer implements Serializable {
  /** Shortest key accepted: 32 characters, the HMAC-SHA256 block security level. */
  public static final int MIN_KEY_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient Mac mac;

  public Pseudonymizer(String key) {
    if (key == null || key.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot pseudonymise: the key must have at least " + MIN_KEY_LENGTH + " characters");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code p_} and the first 128 bits of HMAC-SHA256(key, id) in hex; null stays null. */
  public String pseudonym(String identifier) {
    if (identifier == null) {
      return null;
    }
    byte[] digest = mac().doFinal(identifier.trim().getBytes(StandardCharsets.UTF_8));
    return "p_" + HexFormat.of().formatHex(digest, 0, 16);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("Cannot initialise " + ALGORITHM, e);
      }
    }
    return mac;
  }
}
