package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model served behind an OpenAI-compatible chat completions API: vLLM, SGLang, Ollama, the
 * llama.cpp server, OpenAI and others. Immutable and thread-safe.
 *
 * <p>Each {@link #respond} POSTs {@code {base}/chat/completions} with the JSON body {@code
 * {"model", "messages", "max_tokens", "temperature", "top_p", "stop", "seed", ...extraBody}}
 * ({@code stop} only when there are stop sequences, {@code seed} only when one is set; entries of
 * {@link Builder#extraBody} are added last and replace same-named fields). It reads {@code
 * choices[0].message.content}, {@code reasoning_content} (or {@code reasoning}), {@code
 * finish_reason} and {@code usage}. Reply and reasoning texts are normalised to Unicode NFC, so
 * Hangul sent as decomposed jamo reads the same as composed syllables. An empty string {@code
 * content} is an empty reply; a {@code null}, missing or non-string {@code content} gives a reply
 * with empty text only when the message carries reasoning (a reasoning model that spent its tokens
 * thinking), and is a failure otherwise.
 *
 * <p>Failures: HTTP 429, 500, 502, 503 and 504, I/O errors (refused or reset connections) and
 * timeouts are transient and retried according to the {@link RetryPolicy}, honouring the server's
 * {@code Retry-After} (delta seconds or an HTTP date, capped at the policy's maximum delay). Other
 * statuses are not retried. Either way a failure throws {@link ModelException} with the status, the
 * server's error message (OpenAI's {@code {"error":{"message":...}}}, otherwise the body's first
 * 500 characters) and the number of attempts. A response body longer than {@link
 * Builder#maxResponseBytes} is a failure too. An interrupted thread stops waiting, keeps its
 * interrupt flag set and gets a {@link ModelException}.
 *
 * <p>The API key is sent only in the {@code Authorization} header; it never appears in {@link
 * #toString()}, in exception messages (server messages that echo it are redacted) or in the
 * journal.
 *
 * <pre>{@code
 * Model model = OpenAiCompatibleModel.builder()
 *     .baseUrl("http://localhost:8000/v1")
 *     .modelName("LGAI-EXAONE/EXAONE-4.0-32B")
 *     .build();
 * }</pre>
 */
public final class OpenAiCompatibleModel implements Model {
  /** The default cap on a response body: 8 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final int SERVER_MESSAGE_CHARS = 500;

  // The JDK client's request timeout ends when the response headers arrive; this closes a body that
  // is still streaming when the same timeout runs out, so a stalled server cannot hold a worker.
  private static final ScheduledExecutorService BODY_DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "kmmlu-http-body-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private final URI endpoint;
  private final String host;
  private final String apiKey;
  private final String modelName;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final RetryPolicy retryPolicy;
  private final Map<String, Object> extraBody;
  private final Map<String, String> headers;
  private final HttpClient httpClient;
  private final Clock clock;
  private final Sleeper sleeper;
  private final SplittableRandom jitterRandom;

  private OpenAiCompatibleModel(Builder builder) {
    String base = builder.baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.endpoint = URI.create(base + "/chat/completions");
    this.host =
        builder.baseUrl.getPort() < 0
            ? builder.baseUrl.getHost()
            : builder.baseUrl.getHost() + ":" + builder.baseUrl.getPort();
    this.apiKey = builder.apiKey;
    this.modelName = builder.modelName;
    this.requestTimeout = builder.requestTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.retryPolicy = builder.retryPolicy;
    this.extraBody = Map.copyOf(builder.extraBody);
    this.headers = Map.copyOf(builder.headers);
    this.httpClient =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.jitterRandom =
        retryPolicy.jitterSeed().isPresent()
            ? new SplittableRandom(retryPolicy.jitterSeed().getAsLong())
            : new SplittableRandom();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Waits between retries; tests replace it to avoid real sleeps. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code duration}, or throws if the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Returns {@code "openai:"} followed by the model name. */
  @Override
  public String id() {
    return "openai:" + modelName;
  }

  /** Returns the model name sent in each request. */
  public String modelName() {
    return modelName;
  }

  /** Returns the server's host, with the port when the base URL names one, for reports. */
  public String endpointHost() {
    return host;
  }

  /** Returns the retry policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public Reply respond(Prompt prompt) {
    requireNonNull(prompt, "prompt");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody(prompt)));
    headers.forEach(request::header);
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      Duration serverDelay = null;
      String failure;
      int status = 0;
      String serverMessage = "";
      Throwable cause = null;
      try {
        long started = System.nanoTime();
        HttpResponse<InputStream> response =
            httpClient.send(built, HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        byte[] body = readBeforeDeadline(response.body(), started, status, attempt);
        if (status >= 200 && status < 300) {
          return parse(body, attempt);
        }
        serverMessage = redact(errorMessage(body));
        failure = "HTTP " + status;
        if (!TRANSIENT_STATUSES.contains(status)) {
          throw new ModelException(
              describe(failure, attempt) + ": " + serverMessage,
              status,
              serverMessage,
              false,
              attempt,
              null);
        }
        serverDelay =
            response.headers().firstValue("Retry-After").flatMap(this::retryAfter).orElse(null);
      } catch (HttpTimeoutException e) {
        failure = "request timed out";
        cause = e;
      } catch (IOException e) {
        failure = "I/O error (" + e.getClass().getSimpleName() + ")";
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(attempt, e);
      }
      if (attempt >= retryPolicy.maxAttempts()) {
        String detail = cause != null ? redact(String.valueOf(cause.getMessage())) : serverMessage;
        throw new ModelException(
            describe(failure, attempt) + ": " + detail,
            status,
            serverMessage,
            true,
            attempt,
            cause);
      }
      Duration delay =
          serverDelay != null
              ? retryPolicy.serverDelay(serverDelay)
              : retryPolicy.delay(attempt, nextRandom());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(attempt, e);
      }
    }
  }

  private synchronized double nextRandom() {
    return jitterRandom.nextDouble();
  }

  private String describe(String failure, int attempts) {
    return id()
        + " at "
        + host
        + ": "
        + failure
        + " after "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts");
  }

  private ModelException interrupted(int attempts, InterruptedException cause) {
    return new ModelException(describe("interrupted", attempts), 0, "", false, attempts, cause);
  }

  private byte[] requestBody(Prompt prompt) {
    GenerationSettings settings = prompt.settings();
    ObjectNode body = Json.object();
    body.put("model", modelName);
    ArrayNode messages = body.putArray("messages");
    for (Message message : prompt.messages()) {
      ObjectNode node = messages.addObject();
      node.put("role", message.role().wireName());
      node.put("content", message.content());
    }
    body.put("max_tokens", settings.maxTokens());
    body.put("temperature", settings.temperature());
    body.put("top_p", settings.topP());
    if (!settings.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      settings.stop().forEach(stop::add);
    }
    if (settings.seed().isPresent()) {
      body.put("seed", settings.seed().getAsLong());
    }
    extraBody.forEach((key, value) -> body.set(key, Json.MAPPER.valueToTree(value)));
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the body, closing it when the request timeout (counted from the request's start) runs out
   * first; that failure is reported as a timeout, which is retried like one.
   */
  private byte[] readBeforeDeadline(InputStream in, long startedNanos, int status, int attempt)
      throws IOException {
    AtomicBoolean expired = new AtomicBoolean();
    long remaining = requestTimeout.toNanos() - (System.nanoTime() - startedNanos);
    ScheduledFuture<?> deadline =
        BODY_DEADLINES.schedule(
            () -> {
              expired.set(true);
              try {
                in.close();
              } catch (IOException e) {
                // The reader sees the stream closed either way.
              }
            },
            Math.max(0, remaining),
            TimeUnit.NANOSECONDS);
    try {
      return readCapped(in, status, attempt);
    } catch (IOException e) {
      if (expired.get()) {
        HttpTimeoutException timeout =
            new HttpTimeoutException("response body not complete within " + requestTimeout);
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  private byte[] readCapped(InputStream in, int status, int attempt) throws IOException {
    try (InputStream body = in) {
      byte[] buffer = new byte[8192];
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long total = 0;
      int read;
      while ((read = body.read(buffer)) != -1) {
        total += read;
        if (total > maxResponseBytes) {
          throw new ModelException(
              id() + " at " + host + ": response body exceeds " + maxResponseBytes + " bytes",
              status,
              "",
              false,
              attempt,
              null);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private Reply parse(byte[] body, int attempt) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    JsonNode choices = root == null ? null : root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      String error = root == null ? "" : errorMessage(body);
      throw new ModelException(
          id()
              + " at "
              + host
              + ": response is not a chat completion (no choices)"
              + (error.isEmpty() ? "" : ": " + redact(error)),
          200,
          redact(error),
          false,
          attempt,
          null);
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.get("message");
    String reasoning = Json.text(message, "reasoning_content");
    if (reasoning.isEmpty()) {
      reasoning = Json.text(message, "reasoning");
    }
    JsonNode content = message == null ? null : message.get("content");
    if ((content == null || !content.isTextual()) && reasoning.isEmpty()) {
      String finishReason = Json.text(choice, "finish_reason");
      throw new ModelException(
          id()
              + " at "
              + host
              + ": response has no content (choices[0].message.content is "
              + (content == null ? "missing" : content.isNull() ? "null" : "not a string")
              + " and there is no reasoning"
              + (finishReason.isEmpty() ? "" : ", finish_reason \"" + finishReason + "\"")
              + ")",
          200,
          "",
          false,
          attempt,
          null);
    }
    JsonNode usage = root.get("usage");
    return new Reply(
        nfc(Json.text(message, "content")),
        nfc(reasoning),
        Json.text(choice, "finish_reason"),
        new Usage(
            count(usage, "prompt_tokens"),
            count(usage, "completion_tokens"),
            count(usage, "total_tokens")),
        attempt);
  }

  private static int count(JsonNode usage, String field) {
    long value = Json.number(usage, field, -1);
    return value < 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  private static String nfc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** Returns OpenAI's {@code error.message}, else the body's first 500 characters. */
  private static String errorMessage(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode root = Json.MAPPER.readTree(text);
      if (root != null) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
          return error.get("message").asText();
        }
        if (error != null && error.isTextual()) {
          return error.asText();
        }
      }
    } catch (IOException e) {
      // Not JSON: fall back to the raw text.
    }
    return text.length() > SERVER_MESSAGE_CHARS ? text.substring(0, SERVER_MESSAGE_CHARS) : text;
  }

  private String redact(String text) {
    return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "[redacted]");
  }

  private Optional<Duration> retryAfter(String value) {
    String trimmed = value.strip();
    if (trimmed.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Returns the host and the model name; never the API key. */
  @Override
  public String toString() {
    return "OpenAiCompatibleModel{host=" + host + ", model=" + modelName + "}";
  }

  /** A builder of {@link OpenAiCompatibleModel}. Not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private String modelName;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofMinutes(10);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Map<String, Object> extraBody = Map.of();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder() {}

    /**
     * Sets the API's base URL, such as {@code http://localhost:8000/v1}; requests go to {@code
     * {base}/chat/completions}. Required.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public Builder baseUrl(URI baseUrl) {
      requireNonNull(baseUrl, "baseUrl");
      String scheme =
          baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "base url must be an absolute http or https URL, but was " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the API's base URL from text.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl");
      return baseUrl(URI.create(baseUrl.strip()));
    }

    /** Sets the API key sent as {@code Authorization: Bearer ...}; none by default. */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the model name sent in each request. Required.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder modelName(String modelName) {
      requireNonNull(modelName, "modelName");
      if (modelName.isBlank()) {
        throw new IllegalArgumentException(
            "model name must not be blank, but was \"" + modelName + "\"");
      }
      this.modelName = modelName;
      return this;
    }

    /**
     * Sets the connect timeout of the default HTTP client; 10 s by default.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connect timeout", connectTimeout);
      return this;
    }

    /**
     * Sets how long one attempt may take, from sending the request to the end of the response
     * body; 10 min by default. A timed-out attempt is retried like other transient failures.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive("request timeout", requestTimeout);
      return this;
    }

    /**
     * Sets the cap on a response body; 8 MiB by default.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException(
            "max response bytes must be positive, but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sets the retry policy; {@link RetryPolicy#defaults()} by default. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets fields added to each request body, such as {@code {"top_k": 20}} or {@code
     * {"chat_template_kwargs": {"enable_thinking": true}}}; values are converted by Jackson.
     */
    public Builder extraBody(Map<String, Object> extraBody) {
      this.extraBody = new LinkedHashMap<>(requireNonNull(extraBody, "extraBody"));
      this.extraBody.forEach(
          (key, value) -> {
            requireNonNull(key, "extraBody key");
            requireNonNull(value, "extraBody value");
          });
      return this;
    }

    /** Adds a header sent with each request. Its value is never logged or printed. */
    public Builder header(String name, String value) {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      headers.put(name, value);
      return this;
    }

    /** Adds headers sent with each request. Their values are never logged or printed. */
    public Builder headers(Map<String, String> headers) {
      requireNonNull(headers, "headers").forEach(this::header);
      return this;
    }

    /** Sets the HTTP client to use instead of a new one; the connect timeout is then its own. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Sets the clock against which HTTP-date {@code Retry-After} values are measured. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how the model waits between retries; {@code Thread.sleep} by default. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Returns the model.
     *
     * @throws IllegalStateException if the base URL or the model name is not set
     */
    public OpenAiCompatibleModel build() {
      if (baseUrl == null) {
        throw new IllegalStateException("base url must be set before build()");
      }
      if (modelName == null) {
        throw new IllegalStateException("model name must be set before build()");
      }
      return new OpenAiCompatibleModel(this);
    }

    private static Duration positive(String name, Duration value) {
      requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }
  }
}
