package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** An HTTP server on 127.0.0.1 that answers with queued responses and records the requests. */
final class LoopbackServer implements AutoCloseable {
  /** A canned response. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    static Response json(int status, String body) {
      return new Response(status, Map.of("Content-Type", "application/json"), body.getBytes(UTF_8));
    }
  }

  /** A recorded request. */
  record Request(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final Deque<Response> responses = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private Response fallback;

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized LoopbackServer then(Response response) {
    responses.add(response);
    return this;
  }

  synchronized LoopbackServer always(Response response) {
    fallback = response;
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    Response response;
    synchronized (this) {
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      response = responses.isEmpty() ? fallback : responses.poll();
    }
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
