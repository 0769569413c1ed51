package dev.kmmlu.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Two loopback HTTP servers that play the dataset hub (addressed as 127.0.0.1) and its file CDN
 * (addressed as localhost, so its host differs), recording every request they receive.
 */
final class FakeHub implements AutoCloseable {
  /** One request a server received; {@code authorization} is the header, if sent. */
  record Request(String server, String target, Optional<String> authorization) {}

  static final String HUB = "hub";
  static final String CDN = "cdn";

  private final HttpServer hub;
  private final HttpServer cdn;
  private final Map<String, HttpHandler> hubRoutes = new ConcurrentHashMap<>();
  private final Map<String, HttpHandler> cdnRoutes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeHub() throws IOException {
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    cdn = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 0);
    hub.createContext("/", exchange -> dispatch(HUB, hubRoutes, exchange));
    cdn.createContext("/", exchange -> dispatch(CDN, cdnRoutes, exchange));
    hub.start();
    cdn.start();
  }

  URI hubUri() {
    return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
  }

  URI cdnUri() {
    return URI.create("http://localhost:" + cdn.getAddress().getPort());
  }

  void onHub(String rawPath, HttpHandler handler) {
    hubRoutes.put(rawPath, handler);
  }

  void onCdn(String rawPath, HttpHandler handler) {
    cdnRoutes.put(rawPath, handler);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<String> targets(String server) {
    return requests.stream()
        .filter(request -> request.server().equals(server))
        .map(Request::target)
        .collect(Collectors.toList());
  }

  void clearRequests() {
    requests.clear();
  }

  /**
   * Serves a repository: the revision API for {@code main} and for the commit, the tree of {@code
   * data/} at the commit, and each file by resolve; files under data/ are redirected to the CDN.
   */
  void serveRepo(String repo, String commit, Map<String, String> files) {
    String revisionJson = "{\"id\":\"" + repo + "\",\"sha\":\"" + commit + "\",\"private\":false}";
    onHub("/api/datasets/" + repo + "/revision/main", json(200, revisionJson));
    onHub("/api/datasets/" + repo + "/revision/" + commit, json(200, revisionJson));
    StringBuilder tree = new StringBuilder("[{\"type\":\"directory\",\"path\":\"data/sub\"}");
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
      tree.append(",{\"type\":\"file\",\"path\":\"")
          .append(file.getKey())
          .append("\",\"size\":")
          .append(bytes.length)
          .append(",\"oid\":\"abc\"}");
      String cdnPath = "/cdn/" + repo + "/" + file.getKey();
      onHub(
          "/datasets/" + repo + "/resolve/" + commit + "/" + file.getKey(),
          redirect(302, cdnUri() + cdnPath + "?X-Amz-Signature=sig"));
      onCdn(cdnPath, bytes(200, bytes));
    }
    tree.append(']');
    onHub("/api/datasets/" + repo + "/tree/" + commit + "/data", json(200, tree.toString()));
  }

  static HttpHandler json(int status, String body) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    };
  }

  static HttpHandler bytes(int status, byte[] body) {
    return exchange -> send(exchange, status, body);
  }

  static HttpHandler redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      send(exchange, status, new byte[0]);
    };
  }

  static HttpHandler error(int status, String errorCode) {
    return exchange -> {
      exchange.getResponseHeaders().set("X-Error-Code", errorCode);
      send(exchange, status, "{\"error\":\"denied\"}".getBytes(StandardCharsets.UTF_8));
    };
  }

  /** Announces all of {@code body}, sends only its first {@code sent} bytes, then hangs up. */
  static HttpHandler dropAfter(byte[] body, int sent) {
    return exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, sent);
      out.flush();
      // closing a fixed-length body early makes the JDK server drop the connection
      exchange.close();
    };
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void dispatch(String server, Map<String, HttpHandler> routes, HttpExchange exchange)
      throws IOException {
    URI uri = exchange.getRequestURI();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    requests.add(
        new Request(
            server,
            target,
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
    HttpHandler handler = routes.get(uri.getRawPath());
    try {
      if (handler == null) {
        exchange.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
        send(exchange, 404, "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
      } else {
        handler.handle(exchange);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    hub.stop(0);
    cdn.stop(0);
  }
}
