package io.citylake.publish;

import java.util.concurrent.atomic.AtomicReference;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveServer2's CUSTOM authentication for the JDBC endpoint: checks each connecting client's
 * user and password against the operator's {@link PasswordFile}. The Thrift server builds one
 * by reflection for every connection, from a fresh Hive configuration that carries no
 * citylake setting, so the endpoint hands over its file through {@link #use} (one endpoint
 * with authentication per JVM). A refused client learns nothing about which part was wrong.
 */
public final class PasswordFileAuthenticator implements PasswdAuthenticationProvider {
  private static final Logger LOG = LoggerFactory.getLogger(PasswordFileAuthenticator.class);
  private static final AtomicReference<PasswordFile> FILE = new AtomicReference<>();

  /** The file clients of this JVM's endpoint are checked against from now on. */
  static void use(PasswordFile file) {
    FILE.set(file);
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    PasswordFile file = FILE.get();
    boolean accepted;
    try {
      accepted = file != null && file.accepts(user, password);
    } catch (RuntimeException e) {
      LOG.error("Cannot check the password of {}: {}", user, e.getMessage());
      accepted = false;
    }
    if (!accepted) {
      LOG.warn("JDBC endpoint: refused user {}", user);
      throw new AuthenticationException("citylake: wrong user or password");
    }
  }
}
