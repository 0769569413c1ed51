package dev.kmmlu.test;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small OpenAI-compatible wrapper that passes the HTTP contract, except for the one defect it is
 * built with; each defect is a mistake real wrappers make.
 */
final class DefectiveWrapper implements Model {
  /** The mistakes the wrapper can be built with. */
  enum Defect {
    NONE,
    RETURNS_NULL,
    REJECTS_FIVE_OPTIONS,
    BLANK_ID,
    RETURNS_PREVIOUS_REPLY,
    EMPTY_SUCCESS_ON_ERROR,
    RETRIES_FOREVER,
    LEAKS_PARSE_EXCEPTION,
    NO_CONTENT_AS_EMPTY_REPLY,
    NULL_CONTENT_AS_TEXT,
    IGNORES_INTERRUPTS,
    CLEARS_INTERRUPT_FLAG,
    KEY_IN_TO_STRING,
    KEY_IN_EXCEPTION,
    DROPS_USAGE,
    LATIN1_REQUEST,
    LATIN1_REPLY,
    WRONG_PATH
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI baseUrl;
  private final String apiKey;
  private final Defect defect;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Reply previous;

  DefectiveWrapper(URI baseUrl, String apiKey, Defect defect) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.defect = defect;
  }

  @Override
  public String id() {
    return defect == Defect.BLANK_ID ? " " : "defective:" + defect;
  }

  @Override
  public Reply respond(Prompt prompt) {
    if (defect == Defect.RETURNS_NULL) {
      return null;
    }
    if (defect == Defect.REJECTS_FIVE_OPTIONS && prompt.text().contains("\nE) ")) {
      throw new IllegalArgumentException("only options A-D are supported");
    }
    String path = defect == Defect.WRONG_PATH ? "/completions" : "/chat/completions";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body(prompt), defect == Defect.LATIN1_REQUEST ? ISO_8859_1 : UTF_8))
            .build();
    HttpResponse<String> response = send(request);
    while (defect == Defect.RETRIES_FOREVER && response.statusCode() >= 500) {
      response = send(request);
    }
    if (response.statusCode() != 200) {
      if (defect == Defect.EMPTY_SUCCESS_ON_ERROR) {
        return Reply.of("");
      }
      String detail = defect == Defect.KEY_IN_EXCEPTION ? response.body() : "";
      throw new ModelException("HTTP " + response.statusCode() + " " + detail);
    }
    Reply reply = parse(response.body());
    if (defect == Defect.RETURNS_PREVIOUS_REPLY) {
      synchronized (this) {
        Reply last = previous;
        previous = reply;
        return last == null ? reply : last;
      }
    }
    return reply;
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpResponse.BodyHandler<String> handler =
        HttpResponse.BodyHandlers.ofString(defect == Defect.LATIN1_REPLY ? ISO_8859_1 : UTF_8);
    if (defect == Defect.IGNORES_INTERRUPTS) {
      try {
        return client.sendAsync(request, handler).join();
      } catch (RuntimeException e) {
        throw new ModelException("request failed", e);
      }
    }
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new ModelException("request failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      if (defect != Defect.CLEARS_INTERRUPT_FLAG) {
        Thread.currentThread().interrupt();
      }
      throw new ModelException("interrupted", e);
    }
  }

  private static String body(Prompt prompt) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", "defective");
    ArrayNode messages = body.putArray("messages");
    for (Message message : prompt.messages()) {
      messages.addObject().put("role", message.role().wireName()).put("content", message.content());
    }
    return body.toString();
  }

  private Reply parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      if (defect == Defect.LEAKS_PARSE_EXCEPTION) {
        throw new UncheckedIOException(e);
      }
      throw new ModelException("the server's reply is not JSON", e);
    }
    JsonNode choices = root.path("choices");
    JsonNode content = choices.path(0).path("message").path("content");
    boolean usable =
        switch (defect) {
          case NO_CONTENT_AS_EMPTY_REPLY -> true;
          case NULL_CONTENT_AS_TEXT -> choices.isArray() && !choices.isEmpty();
          default -> content.isTextual();
        };
    if (!usable) {
      throw new ModelException("the server's reply has no choices[0].message.content");
    }
    Reply reply = Reply.of(content.asText());
    JsonNode usage = root.path("usage");
    if (usage.isObject() && defect != Defect.DROPS_USAGE) {
      reply =
          reply.withUsage(
              new Usage(
                  usage.path("prompt_tokens").asInt(-1),
                  usage.path("completion_tokens").asInt(-1),
                  usage.path("total_tokens").asInt(-1)));
    }
    return reply;
  }

  @Override
  public String toString() {
    return "DefectiveWrapper{"
        + baseUrl
        + (defect == Defect.KEY_IN_TO_STRING ? ", key=" + apiKey : "")
        + "}";
  }
}
