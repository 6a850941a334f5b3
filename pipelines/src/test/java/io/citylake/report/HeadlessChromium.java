package io.citylake.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket and
 * Jackson: opens a page, collects every console error, uncaught exception and error log entry,
 * evaluates JavaScript and takes screenshots. Needs the Debian package {@code chromium}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 60;

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
  private final Process process;
  private final WebSocket socket;
  private String session;

  private HeadlessChromium(Process process, String endpoint) throws Exception {
    this.process = process;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(endpoint), new Listener()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts the browser with a fresh profile; fails with a clear message without chromium. */
  static HeadlessChromium start(Path profile) throws Exception {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError("Cannot run the browser test: " + BINARY + " is missing;"
          + " install the Debian package chromium (apt-get install -y chromium)");
    }
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--hide-scrollbars", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          int at = line.indexOf("DevTools listening on ");
          if (at >= 0) {
            endpoint.complete(line.substring(at + "DevTools listening on ".length()).trim());
          }
        }
        endpoint.completeExceptionally(new IllegalStateException("chromium exited"));
      } catch (IOException e) {
        endpoint.completeExceptionally(e);
      }
    }, "chromium-output");
    reader.setDaemon(true);
    reader.start();
    try {
      HeadlessChromium browser = new HeadlessChromium(process,
          endpoint.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      browser.attach();
      return browser;
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private void attach() throws Exception {
    String target = call(null, "Target.createTarget", Map.of("url", "about:blank"))
        .path("targetId").asText();
    session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
        .path("sessionId").asText();
    for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable")) {
      call(session, domain, Map.of());
    }
    viewport(1320);
  }

  /** Lays the page out for a window {@code width} CSS pixels wide. */
  void viewport(int width) throws Exception {
    call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1000,
        "deviceScaleFactor", 1, "mobile", false));
  }

  /** Opens {@code url} and waits for its load event. */
  void open(String url) throws Exception {
    loaded = new CompletableFuture<>();
    JsonNode result = call(session, "Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("Cannot open " + url + ": " + result.get("errorText"));
    }
    loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** The value of a JavaScript expression in the page. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call(session, "Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("Cannot evaluate " + expression + ": "
          + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A PNG of the page from the top, {@code height} CSS pixels high (the whole page if 0). */
  void screenshot(Path file, int height) throws Exception {
    JsonNode size = call(session, "Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    double h = height > 0 ? Math.min(height, size.path("height").asDouble())
        : size.path("height").asDouble();
    JsonNode shot = call(session, "Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
            "width", size.path("width").asDouble(), "height", h, "scale", 1)));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Console errors, uncaught exceptions and error log entries seen so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private JsonNode call(String sessionId, String method, Map<String, Object> params)
      throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
    message.set("params", json.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(json.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    JsonNode reply = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private void onMessage(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
      return;
    }
    JsonNode params = message.path("params");
    switch (message.path("method").asText()) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if (params.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + params.path("entry"));
        }
      }
      default -> { }
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the process is ended below either way
    }
    // the renderer, GPU and crash-handler processes outlive the browser's own for a moment and
    // keep writing into the profile folder, which the test's temp folder then cannot delete
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroy();
      }
      for (ProcessHandle helper : helpers) {
        try {
          helper.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          helper.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      helpers.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          onMessage(json.readTree(text.toString()));
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
