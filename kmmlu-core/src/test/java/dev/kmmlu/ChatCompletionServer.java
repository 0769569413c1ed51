package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 for end-to-end tests. It finds which
 * question a prompt asks (by the question text in the last user message), answers {@code
 * "...\n정답: X"} with the gold letter (or a wrong one for the questions told to be wrong),
 * reports usage, plays scripted faults on a question's first request, and records every request.
 */
final class ChatCompletionServer implements AutoCloseable {
  static final String PATH = "/v1/chat/completions";
  static final int PROMPT_TOKENS = 100;
  static final int COMPLETION_TOKENS = 20;

  /** A fault played on the first request for a question. */
  enum Fault {
    /** HTTP 429 with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** HTTP 500 with an OpenAI-style error body. */
    SERVER_ERROR,
    /** The connection is closed without a response. */
    DROPPED,
    /** HTTP 401 whose error message echoes the Authorization header it received. */
    UNAUTHORIZED
  }

  /** A recorded request. */
  record Request(String run, String questionId, long nanos, String authorization, int status) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Question> questions;
  private final Set<String> wrong = ConcurrentHashMap.newKeySet();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Set<String> faulted = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger answered = new AtomicInteger();
  private volatile String run = "run-1";
  private volatile int holdAfter = Integer.MAX_VALUE;

  ChatCompletionServer(List<Question> questions) throws IOException {
    this.questions = List.copyOf(questions);
    executor = Executors.newFixedThreadPool(32);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the given question ids with a wrong letter. */
  ChatCompletionServer wrongFor(Set<String> questionIds) {
    wrong.addAll(questionIds);
    return this;
  }

  /** Plays {@code fault} on the first request for {@code questionId}. */
  ChatCompletionServer fault(String questionId, Fault fault) {
    faults.put(questionId, fault);
    return this;
  }

  /** Holds every request after the first {@code count} answers until the server is closed. */
  ChatCompletionServer holdAfter(int count) {
    holdAfter = count;
    return this;
  }

  /** Tags the requests recorded from now on with {@code name}, and stops holding requests. */
  ChatCompletionServer startRun(String name) {
    run = name;
    holdAfter = Integer.MAX_VALUE;
    released.countDown();
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String runName) {
    return requests().stream().filter(r -> r.run().equals(runName)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long nanos = System.nanoTime();
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!exchange.getRequestMethod().equals("POST")
          || !exchange.getRequestURI().getPath().equals(PATH)) {
        record(new Request(run, "", nanos, authorization, 404));
        send(exchange, 404, Map.of(), "{\"error\":{\"message\":\"no such route\"}}");
        return;
      }
      JsonNode request = MAPPER.readTree(body);
      Question question = find(request);
      if (question == null) {
        record(new Request(run, "", nanos, authorization, 400));
        send(exchange, 400, Map.of(), "{\"error\":{\"message\":\"unknown question\"}}");
        return;
      }
      Fault fault = faults.get(question.id());
      if (fault != null && faulted.add(question.id())) {
        play(exchange, fault, question, nanos, authorization);
        return;
      }
      record(new Request(run, question.id(), nanos, authorization, 200));
      if (answered.incrementAndGet() > holdAfter) {
        released.await();
      }
      send(exchange, 200, Map.of(), completion(request, question));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void play(
      HttpExchange exchange, Fault fault, Question question, long nanos, String authorization)
      throws IOException {
    switch (fault) {
      case RATE_LIMITED:
        record(new Request(run, question.id(), nanos, authorization, 429));
        send(
            exchange,
            429,
            Map.of("Retry-After", "1"),
            "{\"error\":{\"message\":\"rate limit reached\"}}");
        break;
      case SERVER_ERROR:
        record(new Request(run, question.id(), nanos, authorization, 500));
        send(exchange, 500, Map.of(), "{\"error\":{\"message\":\"internal error\"}}");
        break;
      case UNAUTHORIZED:
        record(new Request(run, question.id(), nanos, authorization, 401));
        send(
            exchange,
            401,
            Map.of(),
            MAPPER.writeValueAsString(
                Map.of(
                    "error",
                    Map.of("message", "Incorrect API key provided: " + authorization))));
        break;
      case DROPPED:
      default:
        // Closing an exchange that sent no response headers closes its connection.
        record(new Request(run, question.id(), nanos, authorization, 0));
        break;
    }
  }

  private synchronized void record(Request request) {
    requests.add(request);
  }

  /** Returns the question whose text the last user message holds (the longest, if several). */
  private Question find(JsonNode request) {
    String user = "";
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asText().equals("user")) {
        user = message.path("content").asText();
      }
    }
    Question found = null;
    for (Question question : questions) {
      String text = question.text().strip();
      if (user.contains(text) && (found == null || text.length() > found.text().strip().length())) {
        found = question;
      }
    }
    return found;
  }

  private String completion(JsonNode request, Question question) throws IOException {
    Choice choice =
        wrong.contains(question.id())
            ? Choice.ofIndex((question.answer().index() + 1) % question.optionCount())
            : question.answer();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "chatcmpl-" + question.id());
    root.put("object", "chat.completion");
    root.put("model", request.path("model").asText());
    ObjectNode first = root.putArray("choices").addObject();
    first.put("index", 0);
    ObjectNode message = first.putObject("message");
    message.put("role", "assistant");
    message.put("content", "문제를 차근차근 살펴보겠습니다.\n정답: " + choice.letter());
    first.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", PROMPT_TOKENS);
    usage.put("completion_tokens", COMPLETION_TOKENS);
    usage.put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    return MAPPER.writeValueAsString(root);
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
