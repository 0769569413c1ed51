package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request a {@link StubModelServer} received, as it arrived. Immutable and thread-safe.
 *
 * <pre>{@code
 * RecordedRequest request = server.takeRequest();
 * assertThat(request.path()).isEqualTo("/v1/chat/completions");
 * assertThat(request.header("Authorization")).contains("Bearer sk-test");
 * assertThat(request.messages()).extracting(Message::content).containsExactly("1+1은?");
 * }</pre>
 */
public final class RecordedRequest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String body;

  RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
    this.method = method;
    this.path = path;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), RecordedRequest::join));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
  }

  private static List<String> join(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  /** Returns the HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /** Returns the request path without the query, such as {@code /v1/chat/completions}. */
  public String path() {
    return path;
  }

  /** Returns the headers by name; lookups ignore the case of the name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of the header {@code name} (case ignored), if the request has it. */
  public Optional<String> header(String name) {
    requireNonNull(name, "name");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the body decoded as UTF-8; empty when there was none. */
  public String body() {
    return body;
  }

  /**
   * Returns the body parsed as a JSON object: nested objects are {@code Map}s, arrays are {@code
   * List}s, numbers are {@code Integer}, {@code Long}, {@code Double} or {@code BigInteger}.
   *
   * @throws IllegalStateException if the body is not a JSON object
   */
  public Map<String, Object> jsonBody() {
    try {
      Map<String, Object> map = MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
      if (map == null) {
        throw new IllegalStateException("request body must be a JSON object, but was null");
      }
      return Collections.unmodifiableMap(map);
    } catch (IOException e) {
      throw new IllegalStateException(
          "request body must be a JSON object, but was: " + abbreviate(body), e);
    }
  }

  /**
   * Returns the chat messages of the body's {@code messages} array, in order; roles other than
   * system, user and assistant are read as user. Empty when the body has no such array.
   *
   * @throws IllegalStateException if the body is not JSON
   */
  public List<Message> messages() {
    JsonNode messages = tree().path("messages");
    List<Message> result = new ArrayList<>();
    for (JsonNode node : messages) {
      String role = node.path("role").asText("user").toUpperCase(Locale.ROOT);
      Message.Role parsed;
      try {
        parsed = Message.Role.valueOf(role);
      } catch (IllegalArgumentException e) {
        parsed = Message.Role.USER;
      }
      JsonNode content = node.path("content");
      result.add(new Message(parsed, content.isTextual() ? content.asText() : content.toString()));
    }
    return List.copyOf(result);
  }

  /**
   * Returns the body's {@code model} field, or an empty string when it has none.
   *
   * @throws IllegalStateException if the body is not JSON
   */
  public String model() {
    JsonNode model = tree().path("model");
    return model.isTextual() ? model.asText() : "";
  }

  JsonNode tree() {
    try {
      JsonNode tree = MAPPER.readTree(body);
      return tree == null ? MAPPER.missingNode() : tree;
    } catch (IOException e) {
      throw new IllegalStateException(
          "request body must be JSON, but was: " + abbreviate(body), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /** Returns the method, the path and the body's length; never header values, which may hold keys. */
  @Override
  public String toString() {
    return "RecordedRequest{" + method + " " + path + ", body=" + body.length() + " chars}";
  }
}
