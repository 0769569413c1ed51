package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset hub on 127.0.0.1 that serves one gated repository, LGAI-EXAONE/KMMLU-Pro, with one
 * commit holding {@code data/kmmlu_pro.jsonl}, and records the requests. Requests without the
 * expected bearer token get 401.
 */
final class FakeHub implements AutoCloseable {
  static final String REPO = "LGAI-EXAONE/KMMLU-Pro";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  /** A recorded request: its path with query, and its Authorization header. */
  record Request(String pathAndQuery, String authorization) {}

  private final HttpServer server;
  private final String token;
  private final byte[] data;
  private final List<Request> requests = new ArrayList<>();

  FakeHub(String token, byte[] data) throws IOException {
    this.token = token;
    this.data = data.clone();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      exchange.getRequestBody().readAllBytes();
      String query = exchange.getRequestURI().getRawQuery();
      String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      synchronized (this) {
        requests.add(new Request(target, authorization));
      }
      if (!("Bearer " + token).equals(authorization)) {
        exchange.getResponseHeaders().add("X-Error-Code", "GatedRepo");
        String error = "{\"error\":\"Access to dataset " + REPO + " is restricted.\"}";
        send(exchange, 401, error.getBytes(UTF_8));
      } else if (target.equals("/api/datasets/" + REPO + "/revision/main")) {
        send(exchange, 200, ("{\"id\":\"" + REPO + "\",\"sha\":\"" + SHA + "\"}").getBytes(UTF_8));
      } else if (target.equals("/api/datasets/" + REPO + "/tree/" + SHA + "/data?recursive=true")) {
        String listing =
            "[{\"type\":\"file\",\"oid\":\"x\",\"size\":"
                + data.length
                + ",\"path\":\"data/kmmlu_pro.jsonl\"}]";
        send(exchange, 200, listing.getBytes(UTF_8));
      } else if (target.equals("/datasets/" + REPO + "/resolve/" + SHA + "/data/kmmlu_pro.jsonl")) {
        send(exchange, 200, data);
      } else {
        exchange.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
        send(exchange, 404, "{\"error\":\"Entry not found\"}".getBytes(UTF_8));
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
