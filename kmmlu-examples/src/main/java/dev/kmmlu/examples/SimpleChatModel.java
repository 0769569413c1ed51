package dev.kmmlu.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.Message;
import dev.kmmlu.Model;
import dev.kmmlu.ModelException;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.Usage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small hand-written wrapper of an OpenAI-compatible chat completions endpoint, built on the
 * JDK's {@link HttpClient}: the kind of class a user writes, and tests with {@code
 * HttpModelContract} from kmmlu-test. Immutable and thread-safe.
 *
 * <p>It POSTs {@code {baseUrl}/chat/completions}, retries HTTP 429 and 5xx up to three attempts
 * (waiting what {@code Retry-After} asks, at most 5 s, else 1 s), and throws {@link ModelException}
 * for every failure, with the API key redacted.
 */
public final class SimpleChatModel implements Model {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_ATTEMPTS = 3;

  private final URI endpoint;
  private final String apiKey;
  private final String modelName;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Creates a wrapper of the server at {@code baseUrl} (such as {@code http://localhost:8000/v1}). */
  public SimpleChatModel(URI baseUrl, String apiKey, String modelName) {
    requireNonNull(baseUrl, "baseUrl");
    this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
    this.apiKey = requireNonNull(apiKey, "apiKey");
    this.modelName = requireNonNull(modelName, "modelName");
  }

  @Override
  public String id() {
    return "simple-chat:" + modelName;
  }

  @Override
  public Reply respond(Prompt prompt) {
    requireNonNull(prompt, "prompt");
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body(prompt), UTF_8))
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
      } catch (IOException e) {
        throw new ModelException(id() + ": I/O error (" + e.getClass().getSimpleName() + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException(id() + ": interrupted", e);
      }
      int status = response.statusCode();
      if (status == 200) {
        return parse(response.body());
      }
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt == MAX_ATTEMPTS) {
        throw new ModelException(
            id() + ": HTTP " + status + " after " + attempt + " attempts: " + redact(response.body()));
      }
      pause(response.headers().firstValue("Retry-After").orElse("1"));
    }
  }

  private String body(Prompt prompt) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", modelName);
    ArrayNode messages = body.putArray("messages");
    for (Message message : prompt.messages()) {
      messages.addObject().put("role", message.role().wireName()).put("content", message.content());
    }
    body.put("max_tokens", prompt.settings().maxTokens());
    body.put("temperature", prompt.settings().temperature());
    return body.toString();
  }

  private Reply parse(String text) {
    JsonNode message;
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
      message = root.path("choices").path(0).path("message");
    } catch (IOException e) {
      throw new ModelException(id() + ": the reply is not JSON", e);
    }
    if (!message.path("content").isTextual()) {
      throw new ModelException(id() + ": the reply has no choices[0].message.content");
    }
    JsonNode usage = root.path("usage");
    return Reply.of(message.get("content").asText())
        .withFinishReason(root.path("choices").path(0).path("finish_reason").asText(""))
        .withUsage(
            usage.isObject()
                ? new Usage(
                    usage.path("prompt_tokens").asInt(-1),
                    usage.path("completion_tokens").asInt(-1),
                    usage.path("total_tokens").asInt(-1))
                : Usage.unknown());
  }

  private static void pause(String retryAfter) {
    long seconds = retryAfter.strip().matches("\\d{1,4}") ? Long.parseLong(retryAfter.strip()) : 1;
    try {
      Thread.sleep(Math.min(seconds, 5) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting to retry", e);
    }
  }

  private String redact(String text) {
    return text.replace(apiKey, "[redacted]");
  }

  /** Returns the endpoint and the model name; never the API key. */
  @Override
  public String toString() {
    return "SimpleChatModel{" + endpoint + ", model=" + modelName + "}";
  }
}
