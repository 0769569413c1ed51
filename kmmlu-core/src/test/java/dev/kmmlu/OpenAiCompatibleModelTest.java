package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.LoopbackServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OpenAiCompatibleModelTest {
  private static final String KEY = "sk-test-5ecret-key-0123456789";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OK =
      "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"정답: B\",\"reasoning_content\":\"먼저 생각해 보면\"},"
          + "\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":41,\"completion_tokens\":12,\"total_tokens\":53}}";

  private LoopbackServer server;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private OpenAiCompatibleModel.Builder model(String baseUrl) {
    return OpenAiCompatibleModel.builder()
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .modelName("exaone")
        .retryPolicy(RetryPolicy.defaults().withJitter(0))
        .sleeper(sleeps::add);
  }

  private OpenAiCompatibleModel model() {
    return model(server.baseUrl()).build();
  }

  private static Prompt prompt() {
    return Prompt.of(Message.system("시험"), Message.user("1+1은?")).withQuestionId("q1");
  }

  @Test
  void should_read_content_reasoning_finish_reason_and_usage_when_the_server_answers() {
    // GIVEN
    server.then(Response.json(200, OK));
    // WHEN
    Reply reply = model().respond(prompt());
    // THEN
    then(reply).isEqualTo(new Reply("정답: B", "먼저 생각해 보면", "stop", new Usage(41, 12, 53), 1));
  }

  @Test
  void should_read_the_reasoning_field_when_reasoning_content_is_absent() {
    // GIVEN
    server.then(
        Response.json(
            200,
            "{\"choices\":[{\"message\":{\"content\":null,\"reasoning\":\"음\"},\"finish_reason\":\"length\"}]}"));
    // WHEN
    Reply reply = model().respond(prompt());
    // THEN
    then(reply).isEqualTo(new Reply("", "음", "length", Usage.unknown(), 1));
  }

  @Test
  void should_post_the_chat_completion_request_with_the_bearer_key() throws IOException {
    // GIVEN
    server.then(Response.json(200, OK));
    OpenAiCompatibleModel model =
        model(server.baseUrl() + "/").extraBody(Map.of("top_k", 20)).build();
    Prompt prompt =
        prompt()
            .withSettings(
                GenerationSettings.paperReasoning().withStop(List.of("</s>")).withSeed(9));
    // WHEN
    model.respond(prompt);
    // THEN
    LoopbackServer.Request request = server.requests().get(0);
    then(request.method()).isEqualTo("POST");
    then(request.path()).isEqualTo("/v1/chat/completions");
    then(request.authorization()).isEqualTo("Bearer " + KEY);
    then(MAPPER.readTree(request.body()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"model\":\"exaone\",\"messages\":[{\"role\":\"system\",\"content\":\"시험\"},"
                    + "{\"role\":\"user\",\"content\":\"1+1은?\"}],\"max_tokens\":32768,"
                    + "\"temperature\":0.6,\"top_p\":0.95,\"stop\":[\"</s>\"],\"seed\":9,\"top_k\":20}"));
  }

  @Test
  void should_leave_out_stop_seed_and_authorization_when_none_are_set() throws IOException {
    // GIVEN
    server.then(Response.json(200, OK));
    OpenAiCompatibleModel model =
        OpenAiCompatibleModel.builder().baseUrl(server.baseUrl()).modelName("m").build();
    // WHEN
    model.respond(Prompt.ofUser("hi"));
    // THEN
    LoopbackServer.Request request = server.requests().get(0);
    then(request.authorization()).isNull();
    then(MAPPER.readTree(request.body()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + "\"max_tokens\":4096,\"temperature\":0.0,\"top_p\":1.0}"));
  }

  @Test
  void should_wait_the_retry_after_seconds_when_rate_limited() {
    // GIVEN
    server
        .then(
            new Response(
                429,
                Map.of("Retry-After", "7"),
                "{\"error\":{\"message\":\"slow down\"}}".getBytes(UTF_8)))
        .then(Response.json(200, OK));
    // WHEN
    Reply reply = model().respond(prompt());
    // THEN
    then(sleeps).containsExactly(Duration.ofSeconds(7));
    then(reply.attempts()).isEqualTo(2);
    then(server.requests()).hasSize(2);
  }

  @Test
  void should_wait_until_the_retry_after_date_when_it_is_an_http_date() {
    // GIVEN
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atZone(ZoneOffset.UTC));
    server
        .then(new Response(503, Map.of("Retry-After", date), new byte[0]))
        .then(Response.json(200, OK));
    OpenAiCompatibleModel model =
        model(server.baseUrl()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    // WHEN
    model.respond(prompt());
    // THEN
    then(date).isEqualTo("Sun, 1 Mar 2026 12:00:30 GMT");
    then(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void should_cap_retry_after_at_the_max_delay() {
    // GIVEN
    server
        .then(new Response(429, Map.of("Retry-After", "3600"), new byte[0]))
        .then(Response.json(200, OK));
    // WHEN
    model().respond(prompt());
    // THEN
    then(sleeps).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void should_back_off_and_retry_when_the_server_fails_with_500() {
    // GIVEN
    server
        .then(Response.json(500, "{\"error\":{\"message\":\"boom\"}}"))
        .then(Response.json(200, OK));
    // WHEN
    Reply reply = model().respond(prompt());
    // THEN
    then(reply.text()).isEqualTo("정답: B");
    then(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void should_not_retry_and_carry_the_server_message_when_the_request_is_bad() {
    // GIVEN
    server.always(
        Response.json(
            400,
            "{\"error\":{\"message\":\"model 'exaone' does not"
                + " exist\",\"type\":\"invalid_request_error\"}}"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": HTTP 400 after 1 attempt: model 'exaone' does not exist");
    ModelException exception = (ModelException) thrown;
    then(exception.statusCode()).isEqualTo(400);
    then(exception.serverMessage()).isEqualTo("model 'exaone' does not exist");
    then(exception.isTransient()).isFalse();
    then(exception.attempts()).isEqualTo(1);
    then(server.requests()).hasSize(1);
    then(sleeps).isEmpty();
  }

  @Test
  void should_give_up_after_max_attempts_when_the_server_stays_overloaded() {
    // GIVEN
    server.always(new Response(503, Map.of(), "overloaded".getBytes(UTF_8)));
    OpenAiCompatibleModel model =
        model(server.baseUrl())
            .retryPolicy(RetryPolicy.defaults().withJitter(0).withMaxAttempts(3))
            .build();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "openai:exaone at " + server.host() + ": HTTP 503 after 3 attempts: overloaded");
    ModelException exception = (ModelException) thrown;
    then(exception.attempts()).isEqualTo(3);
    then(exception.isTransient()).isTrue();
    then(exception.statusCode()).isEqualTo(503);
    then(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void should_use_the_first_500_characters_when_the_error_is_not_json() {
    // GIVEN
    server.always(new Response(404, Map.of(), "x".repeat(600).getBytes(UTF_8)));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(((ModelException) thrown).serverMessage()).isEqualTo("x".repeat(500));
  }

  @Test
  void should_fail_when_the_body_exceeds_the_cap() {
    // GIVEN
    server.always(Response.json(200, OK + " ".repeat(1000)));
    OpenAiCompatibleModel model = model(server.baseUrl()).maxResponseBytes(500).build();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage("openai:exaone at " + server.host() + ": response body exceeds 500 bytes");
    then(((ModelException) thrown).isTransient()).isFalse();
  }

  @Test
  void should_retry_when_the_connection_is_reset() throws Exception {
    // GIVEN
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serverThread = new Thread(() -> serveResetThenOk(socket));
      serverThread.setDaemon(true);
      serverThread.start();
      OpenAiCompatibleModel model =
          model("http://127.0.0.1:" + socket.getLocalPort() + "/v1").build();
      // WHEN
      Reply reply = model.respond(prompt());
      // THEN
      then(reply.text()).isEqualTo("정답: B");
      then(reply.attempts()).isEqualTo(2);
      then(sleeps).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_time_out_and_retry_when_the_body_stalls_after_the_headers() throws Exception {
    // GIVEN a server whose first answer sends its headers and half a body, then stalls
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      Thread serverThread = new Thread(() -> serveStallThenOk(socket, release));
      serverThread.setDaemon(true);
      serverThread.start();
      OpenAiCompatibleModel model =
          model("http://127.0.0.1:" + socket.getLocalPort() + "/v1")
              .requestTimeout(Duration.ofMillis(300))
              .build();
      try {
        // WHEN
        Reply reply = model.respond(prompt());
        // THEN the stalled attempt timed out and the second one answered
        then(reply.text()).isEqualTo("정답: B");
        then(reply.attempts()).isEqualTo(2);
        then(sleeps).containsExactly(Duration.ofSeconds(1));
      } finally {
        release.countDown();
      }
    }
  }

  private static void serveStallThenOk(
      ServerSocket socket, java.util.concurrent.CountDownLatch release) {
    try {
      Socket first = socket.accept();
      readRequest(first.getInputStream());
      byte[] body = OK.getBytes(UTF_8);
      OutputStream stalled = first.getOutputStream();
      stalled.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(UTF_8));
      stalled.write(body, 0, body.length / 2);
      stalled.flush();
      serveOk(socket);
      release.await();
      first.close();
    } catch (IOException e) {
      // The test fails on the client side.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void serveResetThenOk(ServerSocket socket) {
    try {
      try (Socket first = socket.accept()) {
        readRequest(first.getInputStream());
        first.setSoLinger(true, 0);
      }
      serveOk(socket);
    } catch (IOException e) {
      // The test fails on the client side.
    }
  }

  /** Accepts one connection, reads its request and answers it with {@code OK}. */
  private static void serveOk(ServerSocket socket) throws IOException {
    try (Socket connection = socket.accept()) {
      readRequest(connection.getInputStream());
      byte[] body = OK.getBytes(UTF_8);
      OutputStream out = connection.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(UTF_8));
      out.write(body);
      out.flush();
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
    }
    String headers = head.toString(UTF_8).toLowerCase(java.util.Locale.ROOT);
    int at = headers.indexOf("content-length:");
    int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
    in.readNBytes(length);
  }

  @Test
  void should_never_show_the_key_in_to_string_or_exceptions() {
    // GIVEN
    server
        .then(
            Response.json(
                401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"))
        .then(new Response(503, Map.of(), ("bad key " + KEY).getBytes(UTF_8)))
        .then(new Response(503, Map.of(), ("bad key " + KEY).getBytes(UTF_8)))
        .then(Response.json(200, OK + " ".repeat(100)));
    OpenAiCompatibleModel model =
        model(server.baseUrl())
            .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
            .maxResponseBytes(200)
            .build();
    // WHEN
    Throwable unauthorised = catchThrowable(() -> model.respond(prompt()));
    Throwable exhausted = catchThrowable(() -> model.respond(prompt()));
    Throwable oversized = catchThrowable(() -> model.respond(prompt()));
    // THEN
    then(model.toString())
        .isEqualTo("OpenAiCompatibleModel{host=" + server.host() + ", model=exaone}");
    then(unauthorised)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": HTTP 401 after 1 attempt: Incorrect API key provided: [redacted]");
    then(((ModelException) unauthorised).serverMessage()).doesNotContain(KEY);
    then(exhausted)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": HTTP 503 after 2 attempts: bad key [redacted]");
    then(oversized)
        .hasMessageNotContaining(KEY)
        .hasMessageEndingWith("response body exceeds 200 bytes");
  }

  @Test
  void should_round_trip_korean_text_and_normalise_the_reply_to_nfc() throws IOException {
    // GIVEN
    String decomposed = Normalizer.normalize("정답: 서울", Normalizer.Form.NFD);
    server.then(
        Response.json(
            200,
            "{\"choices\":[{\"message\":{\"content\":\""
                + decomposed
                + "\"},\"finish_reason\":\"stop\"}]}"));
    Prompt prompt = Prompt.ofUser("대한민국의 수도는? ①서울 ②부산");
    // WHEN
    Reply reply = model().respond(prompt);
    // THEN
    then(decomposed).isNotEqualTo("정답: 서울");
    then(reply.text()).isEqualTo("정답: 서울");
    JsonNode sent = MAPPER.readTree(server.requests().get(0).body());
    then(sent.at("/messages/0/content").asText()).isEqualTo("대한민국의 수도는? ①서울 ②부산");
  }

  @Test
  void should_stop_and_keep_the_interrupt_flag_when_interrupted_while_backing_off() {
    // GIVEN
    server.always(Response.json(503, "{}"));
    OpenAiCompatibleModel model =
        model(server.baseUrl())
            .sleeper(
                duration -> {
                  throw new InterruptedException();
                })
            .build();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(prompt()));
    boolean interrupted = Thread.interrupted();
    // THEN
    then(interrupted).isTrue();
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage("openai:exaone at " + server.host() + ": interrupted after 1 attempt");
    then(server.requests()).hasSize(1);
  }

  @Test
  void should_fail_without_retry_when_the_reply_has_no_choices() {
    // GIVEN
    server.always(Response.json(200, "{\"object\":\"list\"}"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(thrown)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": response is not a chat completion (no choices): {\"object\":\"list\"}");
    then(server.requests()).hasSize(1);
  }

  @Test
  void should_fail_without_retry_when_the_content_is_null_and_there_is_no_reasoning() {
    // GIVEN
    server.always(
        Response.json(
            200,
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null},"
                + "\"finish_reason\":\"stop\"}]}"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": response has no content (choices[0].message.content is null and there is no"
                + " reasoning, finish_reason \"stop\")");
    then(((ModelException) thrown).isTransient()).isFalse();
    then(server.requests()).hasSize(1);
  }

  @Test
  void should_fail_when_the_first_choice_has_no_message() {
    // GIVEN
    server.then(Response.json(200, "{\"choices\":[{\"index\":0}]}"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": response has no content (choices[0].message.content is missing and there is"
                + " no reasoning)");
  }

  @Test
  void should_fail_when_the_content_is_not_a_string() {
    // GIVEN
    server.then(
        Response.json(
            200, "{\"choices\":[{\"message\":{\"content\":42},\"finish_reason\":null}]}"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model().respond(prompt()));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "openai:exaone at "
                + server.host()
                + ": response has no content (choices[0].message.content is not a string and there"
                + " is no reasoning)");
  }

  @Test
  void should_return_an_empty_reply_when_the_content_is_an_empty_string() {
    // GIVEN
    server.then(
        Response.json(
            200, "{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}"));
    // WHEN
    Reply reply = model().respond(prompt());
    // THEN
    then(reply).isEqualTo(new Reply("", "", "stop", Usage.unknown(), 1));
  }

  @Test
  void should_name_the_model_and_host_when_asked() {
    // WHEN
    OpenAiCompatibleModel model =
        OpenAiCompatibleModel.builder()
            .baseUrl("https://api.example.com/v1")
            .modelName("gpt-4.1")
            .build();
    // THEN
    then(model.id()).isEqualTo("openai:gpt-4.1");
    then(model.endpointHost()).isEqualTo("api.example.com");
  }

  @Test
  void should_require_a_base_url_when_built() {
    // WHEN
    Throwable thrown = catchThrowable(() -> OpenAiCompatibleModel.builder().modelName("m").build());
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("base url must be set before build()");
  }

  @Test
  void should_reject_a_base_url_that_is_not_http() {
    // WHEN
    Throwable thrown = catchThrowable(() -> OpenAiCompatibleModel.builder().baseUrl("ftp://x/v1"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base url must be an absolute http or https URL, but was ftp://x/v1");
  }
}
