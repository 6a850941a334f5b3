package io.citylake.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An S3-compatible server on loopback for the distributed-storage test: s3proxy (the S3 REST
 * API, V2 and V4 signatures) with its objects in memory, in a JVM of its own, so its Jetty 11,
 * Guava and jclouds stay off Spark's class path. Its credentials are made up per start and
 * handed to clients only through configuration and environment.
 */
final class LocalS3Server implements AutoCloseable {
  private static final Duration START = Duration.ofMinutes(2);

  private final JvmProcess process;
  private final int port;
  private final String accessKey;
  private final String secretKey;

  private LocalS3Server(JvmProcess process, int port, String accessKey, String secretKey) {
    this.process = process;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * Starts the server, its log and settings in {@code dir}, with one empty {@code bucket};
   * {@code serverJar} is s3proxy's self-contained jar.
   */
  static LocalS3Server start(Path jvmOptions, Path serverJar, Path dir, String bucket)
      throws Exception {
    int port = LoopbackPorts.free();
    String accessKey = "citylake-" + UUID.randomUUID().toString().substring(0, 8);
    String secretKey = UUID.randomUUID().toString();
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + accessKey,
        "s3proxy.credential=" + secretKey,
        // objects in memory, a flat key space as in S3 itself: the filesystem backends map keys
        // to folders and refuse to delete a "folder/" marker object while keys lie below it,
        // which S3A does whenever it creates a file
        "jclouds.provider=transient",
        "jclouds.identity=local", "jclouds.credential=local", ""), StandardCharsets.UTF_8);
    JvmProcess process = JvmProcess.start(jvmOptions, List.of(), "512m", serverJar.toString(),
        "org.gaul.s3proxy.Main", List.of("--properties", properties.toString()),
        Map.of(), dir, dir.resolve("s3proxy.log"));
    try {
      long end = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < end && process.isAlive()) {
        if (LoopbackPorts.listening(port)) {
          LocalS3Server server = new LocalS3Server(process, port, accessKey, secretKey);
          server.createBucket(bucket);
          return server;
        }
        Thread.sleep(250);
      }
      throw new IllegalStateException("the S3 server did not start:\n" + process.tail(40));
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  /**
   * Creates {@code bucket} with S3's {@code PUT /bucket}, signed the AWS V2 way (S3A cannot
   * create buckets, and the SDK is not on the test's compile path).
   */
  private void createBucket(String bucket) throws Exception {
    String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
        .format(ZonedDateTime.now(ZoneOffset.UTC));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String signature = Base64.getEncoder().encodeToString(
        mac.doFinal(("PUT\n\n\n" + date + "\n/" + bucket).getBytes(StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket))
        .header("Date", date).header("Authorization", "AWS " + accessKey + ":" + signature)
        .PUT(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the S3 server refused to create bucket " + bucket + ": "
          + response.statusCode() + " " + response.body());
    }
  }

  /**
   * The s3a settings of a client of this server, without the credentials: path-style requests to
   * the loopback endpoint over plain HTTP.
   */
  Map<String, String> s3aSettings() {
    return Map.of(
        "fs.s3a.endpoint", endpoint(),
        "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.endpoint.region", "us-east-1");
  }

  @Override
  public void close() {
    process.close();
  }
}
