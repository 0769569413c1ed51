package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.Usage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link StubModelServer} answers to one request: a chat completion, an error, a malformed
 * body or a dropped connection, optionally after a delay. Immutable and thread-safe; each wither
 * returns a copy.
 *
 * <pre>{@code
 * server.enqueue(
 *     StubResponse.error(503, "overloaded").withRetryAfter("0"),
 *     StubResponse.reply("정답: B").withReasoning("먼저 ...").withUsage(12, 5));
 * }</pre>
 */
public final class StubResponse {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  enum Kind {
    REPLY,
    RAW,
    DROP
  }

  private final Kind kind;
  private final int status;
  private final String text;
  private final String reasoning;
  private final String finishReason;
  private final Usage usage;
  private final String body;
  private final Duration delay;
  private final Map<String, String> headers;

  private StubResponse(
      Kind kind,
      int status,
      String text,
      String reasoning,
      String finishReason,
      Usage usage,
      String body,
      Duration delay,
      Map<String, String> headers) {
    this.kind = kind;
    this.status = status;
    this.text = text;
    this.reasoning = reasoning;
    this.finishReason = finishReason;
    this.usage = usage;
    this.body = body;
    this.delay = delay;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Returns HTTP 200 with a chat completion whose {@code choices[0].message.content} is {@code
   * text}, {@code finish_reason} {@code "stop"} and no {@code usage}.
   */
  public static StubResponse reply(String text) {
    requireNonNull(text, "text");
    return new StubResponse(
        Kind.REPLY,
        200,
        text,
        "",
        "stop",
        Usage.unknown(),
        "",
        Duration.ZERO,
        Map.of("Content-Type", "application/json; charset=utf-8"));
  }

  /**
   * Returns an error status with OpenAI's error body {@code {"error":{"message":...,"type":
   * "stub_error"}}}.
   *
   * @throws IllegalArgumentException if status is not between 100 and 599
   */
  public static StubResponse error(int status, String message) {
    requireNonNull(message, "message");
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", "stub_error");
    return body(status, root.toString());
  }

  /**
   * Returns {@code status} with exactly {@code body} as a UTF-8 JSON body; use it for bodies the
   * other factories cannot express.
   *
   * @throws IllegalArgumentException if status is not between 100 and 599
   */
  public static StubResponse body(int status, String body) {
    requireNonNull(body, "body");
    return new StubResponse(
        Kind.RAW,
        checkStatus(status),
        "",
        "",
        "",
        Usage.unknown(),
        body,
        Duration.ZERO,
        Map.of("Content-Type", "application/json; charset=utf-8"));
  }

  /** Returns HTTP 200 with a body cut off in the middle of a JSON object, so not valid JSON. */
  public static StubResponse malformed() {
    return body(200, "{\"choices\": [{\"message\": ");
  }

  /**
   * Returns a dropped connection: the server reads the request, then closes the connection without
   * sending a single byte of a response. The JDK {@code HttpClient} sees an {@link
   * java.io.IOException} (typically "HTTP/1.1 header parser received no bytes"); other clients see
   * a connection reset or an unexpected end of stream.
   */
  public static StubResponse dropConnection() {
    return new StubResponse(
        Kind.DROP, 0, "", "", "", Usage.unknown(), "", Duration.ZERO, Map.of());
  }

  /**
   * Returns a copy whose chat completion carries {@code reasoning} as {@code
   * choices[0].message.reasoning_content}; an empty text leaves the field out.
   *
   * @throws IllegalStateException if this is not a reply
   */
  public StubResponse withReasoning(String reasoning) {
    requireNonNull(reasoning, "reasoning");
    requireReply("reasoning");
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  /**
   * Returns a copy whose chat completion ends with {@code finishReason}, such as {@code "length"};
   * an empty text sends {@code null}.
   *
   * @throws IllegalStateException if this is not a reply
   */
  public StubResponse withFinishReason(String finishReason) {
    requireNonNull(finishReason, "finishReason");
    requireReply("finish reason");
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  /**
   * Returns a copy whose chat completion reports {@code usage}: {@code prompt_tokens}, {@code
   * completion_tokens} and {@code total_tokens}, each left out when -1; {@link Usage#unknown()}
   * leaves out the whole {@code usage} object.
   *
   * @throws IllegalStateException if this is not a reply
   */
  public StubResponse withUsage(Usage usage) {
    requireNonNull(usage, "usage");
    requireReply("usage");
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  /**
   * Returns a copy that reports {@code promptTokens} in, {@code completionTokens} out and their
   * sum.
   *
   * @throws IllegalStateException if this is not a reply
   * @throws IllegalArgumentException if a count is negative
   */
  public StubResponse withUsage(int promptTokens, int completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative, but were "
              + promptTokens
              + " and "
              + completionTokens);
    }
    return withUsage(Usage.of(promptTokens, completionTokens));
  }

  /**
   * Returns a copy that waits {@code delay} after reading the request before it answers (or drops
   * the connection). Closing the server ends the wait early.
   *
   * @throws IllegalArgumentException if delay is negative
   */
  public StubResponse withDelay(Duration delay) {
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, but was " + delay);
    }
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  /**
   * Returns a copy sent with the HTTP status {@code status}; the body stays as it is.
   *
   * @throws IllegalArgumentException if status is not between 100 and 599
   * @throws IllegalStateException if this is a dropped connection
   */
  public StubResponse withStatus(int status) {
    checkStatus(status);
    requireResponse("a status");
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  /**
   * Returns a copy sent with the header {@code Retry-After: value}, such as {@code "0"}, {@code
   * "2"} or an HTTP date.
   *
   * @throws IllegalStateException if this is a dropped connection
   */
  public StubResponse withRetryAfter(String value) {
    return withHeader("Retry-After", value);
  }

  /**
   * Returns a copy sent with the header {@code name: value}, replacing a header of that name.
   *
   * @throws IllegalArgumentException if name is blank
   * @throws IllegalStateException if this is a dropped connection
   */
  public StubResponse withHeader(String name, String value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was \"" + name + "\"");
    }
    requireResponse("headers");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach(
        (key, existing) -> {
          if (!key.equalsIgnoreCase(name)) {
            copy.put(key, existing);
          }
        });
    copy.put(name, value);
    return new StubResponse(kind, status, text, reasoning, finishReason, usage, body, delay, copy);
  }

  /** Returns the HTTP status, or 0 for a dropped connection. */
  public int status() {
    return status;
  }

  /** Returns how long the server waits before it answers. */
  public Duration delay() {
    return delay;
  }

  /** Returns the headers sent with the response. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns whether the server drops the connection instead of answering. */
  public boolean isDroppedConnection() {
    return kind == Kind.DROP;
  }

  /** Returns the reply text of a chat completion, or an empty string for other responses. */
  public String text() {
    return text;
  }

  Kind kind() {
    return kind;
  }

  /** Returns the body sent to a request that named the model {@code model}. */
  String render(String model, long sequence) {
    if (kind != Kind.REPLY) {
      return body;
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "chatcmpl-stub-" + sequence);
    root.put("object", "chat.completion");
    root.put("created", 1_700_000_000L);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text);
    if (!reasoning.isEmpty()) {
      message.put("reasoning_content", reasoning);
    }
    if (finishReason.isEmpty()) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    if (usage.isKnown()) {
      ObjectNode counts = root.putObject("usage");
      putCount(counts, "prompt_tokens", usage.promptTokens());
      putCount(counts, "completion_tokens", usage.completionTokens());
      putCount(counts, "total_tokens", usage.totalTokens());
    }
    return root.toString();
  }

  private static void putCount(ObjectNode node, String field, int value) {
    if (value >= 0) {
      node.put(field, value);
    }
  }

  private static int checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599, but was " + status);
    }
    return status;
  }

  private void requireReply(String what) {
    if (kind != Kind.REPLY) {
      throw new IllegalStateException(
          what + " applies only to a reply(...) response, but this is " + describe());
    }
  }

  private void requireResponse(String what) {
    if (kind == Kind.DROP) {
      throw new IllegalStateException(
          "a dropped connection sends no response, so it cannot carry " + what);
    }
  }

  private String describe() {
    switch (kind) {
      case REPLY:
        return "a reply";
      case RAW:
        return "a raw body with status " + status;
      default:
        return "a dropped connection";
    }
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof StubResponse)) {
      return false;
    }
    StubResponse that = (StubResponse) other;
    return kind == that.kind
        && status == that.status
        && text.equals(that.text)
        && reasoning.equals(that.reasoning)
        && finishReason.equals(that.finishReason)
        && usage.equals(that.usage)
        && body.equals(that.body)
        && delay.equals(that.delay)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, text, reasoning, finishReason, usage, body, delay, headers);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("StubResponse{");
    switch (kind) {
      case REPLY:
        out.append("reply=\"").append(text).append('"');
        if (status != 200) {
          out.append(", status=").append(status);
        }
        break;
      case RAW:
        out.append("status=").append(status).append(", body=").append(body);
        break;
      default:
        out.append("dropped connection");
        break;
    }
    if (!delay.isZero()) {
      out.append(", delay=").append(delay);
    }
    return out.append('}').toString();
  }
}
