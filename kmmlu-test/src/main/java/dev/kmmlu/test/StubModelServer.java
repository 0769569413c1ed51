package dev.kmmlu.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback OpenAI-compatible chat completions server for tests: it listens on 127.0.0.1 on a free
 * port, answers {@code POST /v1/chat/completions} with scripted {@link StubResponse}s and records
 * every request. Thread-safe: it serves concurrent requests on their own threads.
 *
 * <p>Each request to {@code /v1/chat/completions} takes the next response from the queue ({@link
 * #enqueue}); when the queue is empty it gets the default response ({@link #defaultResponse}),
 * initially {@code StubResponse.reply("정답: A")}. Requests to any other path are recorded and
 * answered with HTTP 404 and an OpenAI error body naming the path. Closing the server ends pending
 * delays at once.
 *
 * <pre>{@code
 * try (StubModelServer server = StubModelServer.start()) {
 *   server.enqueue(StubResponse.error(500, "boom").withRetryAfter("0"), StubResponse.reply("정답: C"));
 *   Model model = OpenAiCompatibleModel.builder().baseUrl(server.baseUrl()).modelName("m").build();
 *   assertThat(model.respond(Prompt.ofUser("질문")).text()).isEqualTo("정답: C");
 *   assertThat(server.requestCount()).isEqualTo(2);
 * }
 * }</pre>
 */
public final class StubModelServer implements AutoCloseable {
  /** The path the server answers with scripted responses. */
  public static final String CHAT_COMPLETIONS_PATH = "/v1/chat/completions";

  private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Deque<StubResponse> queue = new ArrayDeque<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final LinkedBlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private final AtomicInteger threads = new AtomicInteger();
  private Function<RecordedRequest, StubResponse> fallback = request -> StubResponse.reply("정답: A");
  private long sequence;

  private StubModelServer() throws IOException {
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "stub-model-server-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Returns a started server on 127.0.0.1 and a free port.
   *
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static StubModelServer start() {
    try {
      return new StubModelServer();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the stub model server", e);
    }
  }

  /** Returns the base URL to configure a client with, such as {@code http://127.0.0.1:41234/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Appends {@code responses} to the queue; each answers one chat completions request. */
  public StubModelServer enqueue(StubResponse... responses) {
    requireNonNull(responses, "responses");
    List<StubResponse> list = Arrays.asList(responses);
    list.forEach(response -> requireNonNull(response, "response"));
    synchronized (this) {
      queue.addAll(list);
    }
    return this;
  }

  /** Sets the response sent when the queue is empty. */
  public StubModelServer defaultResponse(StubResponse response) {
    requireNonNull(response, "response");
    return defaultResponse(request -> response);
  }

  /**
   * Sets what answers a request when the queue is empty: {@code responder} sees the request and
   * returns the response, so concurrent callers can each get their own reply. It runs on the
   * server's threads and must be thread-safe.
   */
  public StubModelServer defaultResponse(Function<RecordedRequest, StubResponse> responder) {
    requireNonNull(responder, "responder");
    synchronized (this) {
      fallback = responder;
    }
    return this;
  }

  /** Returns how many queued responses are still unused. */
  public synchronized int queuedResponses() {
    return queue.size();
  }

  /** Returns every request received so far, in arrival order. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns how many requests have been received. */
  public synchronized int requestCount() {
    return requests.size();
  }

  /**
   * Returns the oldest request not yet taken, waiting up to 10 seconds for one to arrive.
   *
   * @throws IllegalStateException if none arrives in time, or the thread is interrupted
   */
  public RecordedRequest takeRequest() {
    return takeRequest(TAKE_TIMEOUT);
  }

  /**
   * Returns the oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
   *
   * @throws IllegalStateException if none arrives in time, or the thread is interrupted (the flag
   *     stays set)
   */
  public RecordedRequest takeRequest(Duration timeout) {
    requireNonNull(timeout, "timeout");
    try {
      RecordedRequest request = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (request == null) {
        throw new IllegalStateException(
            "no request reached the stub model server at " + baseUrl() + " within " + timeout);
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request", e);
    }
  }

  /**
   * Takes the oldest request not yet taken, waiting up to {@code timeout} (a blocking wait, not a
   * sleep), or returns null when none arrived.
   */
  RecordedRequest pollRequest(Duration timeout) throws InterruptedException {
    return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void handle(HttpExchange exchange) {
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              body);
      boolean chat =
          CHAT_COMPLETIONS_PATH.equals(request.path()) && "POST".equals(request.method());
      StubResponse response;
      Function<RecordedRequest, StubResponse> responder;
      long number;
      synchronized (this) {
        requests.add(request);
        number = ++sequence;
        response = chat ? queue.poll() : null;
        responder = fallback;
      }
      untaken.add(request);
      if (!chat) {
        response =
            StubResponse.error(
                404,
                "the stub model server answers POST "
                    + CHAT_COMPLETIONS_PATH
                    + " only, but got "
                    + request.method()
                    + " "
                    + request.path());
      } else if (response == null) {
        response = responder.apply(request);
        if (response == null) {
          response = StubResponse.error(500, "the stub model server's responder returned null");
        }
      }
      if (!response.delay().isZero()
          && closed.await(response.delay().toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
      if (response.kind() == StubResponse.Kind.DROP) {
        // Closing an exchange before its headers are sent closes the connection with no bytes.
        return;
      }
      byte[] bytes = response.render(modelOf(request), number).getBytes(UTF_8);
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (interrupted or timed out); nothing is left to answer.
    } finally {
      exchange.close();
    }
  }

  private static String modelOf(RecordedRequest request) {
    try {
      JsonNode model = request.tree().path("model");
      return model.isTextual() ? model.asText() : "stub-model";
    } catch (IllegalStateException e) {
      return "stub-model";
    }
  }

  /** Stops the server at once: pending delays end and open connections close. Idempotent. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** Returns the base URL and the number of requests received. */
  @Override
  public String toString() {
    return "StubModelServer{" + baseUrl() + ", requests=" + requestCount() + "}";
  }
}
