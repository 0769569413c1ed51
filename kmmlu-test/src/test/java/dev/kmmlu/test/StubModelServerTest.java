package dev.kmmlu.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.Message;
import dev.kmmlu.ModelException;
import dev.kmmlu.OpenAiCompatibleModel;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.RetryPolicy;
import dev.kmmlu.Usage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StubModelServerTest {
  private final StubModelServer server = StubModelServer.start();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void close() {
    server.close();
  }

  private OpenAiCompatibleModel model(RetryPolicy policy) {
    return OpenAiCompatibleModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey("sk-test")
        .modelName("m")
        .retryPolicy(policy)
        .sleeper(duration -> {})
        .build();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.baseUrl().resolve("/v1" + path))
            .header("X-Trace", "t1")
            .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  @Test
  void should_listen_on_loopback_with_a_v1_base_url_when_started() {
    // WHEN
    String url = server.baseUrl().toString();
    // THEN
    then(url).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
  }

  @Test
  void should_answer_queued_responses_in_order_then_the_default_when_queue_empties() {
    // GIVEN
    server
        .enqueue(StubResponse.reply("정답: B"), StubResponse.reply("정답: C"))
        .defaultResponse(StubResponse.reply("정답: D"));
    OpenAiCompatibleModel model = model(RetryPolicy.none());
    // WHEN
    List<String> texts =
        List.of(
            model.respond(Prompt.ofUser("1")).text(),
            model.respond(Prompt.ofUser("2")).text(),
            model.respond(Prompt.ofUser("3")).text());
    // THEN
    then(texts).containsExactly("정답: B", "정답: C", "정답: D");
    then(server.requestCount()).isEqualTo(3);
    then(server.queuedResponses()).isZero();
  }

  @Test
  void should_send_reasoning_finish_reason_and_usage_when_the_reply_has_them() {
    // GIVEN
    server.enqueue(
        StubResponse.reply("정답: E")
            .withReasoning("먼저 생각합니다")
            .withFinishReason("length")
            .withUsage(10, 4));
    // WHEN
    Reply reply = model(RetryPolicy.none()).respond(Prompt.ofUser("질문"));
    // THEN
    then(reply)
        .isEqualTo(new Reply("정답: E", "먼저 생각합니다", "length", new Usage(10, 4, 14), 1));
  }

  @Test
  void should_render_an_openai_chat_completion_echoing_the_model_when_replying() throws Exception {
    // GIVEN
    server.enqueue(StubResponse.reply("정답: A").withUsage(1, 2));
    // WHEN
    HttpResponse<String> response = post("/chat/completions", "{\"model\":\"my-model\"}");
    // THEN
    then(response.statusCode()).isEqualTo(200);
    then(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    then(response.body())
        .isEqualTo(
            "{\"id\":\"chatcmpl-stub-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"my-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"정답: A\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}");
  }

  @Test
  void should_record_method_path_headers_and_body_when_a_request_arrives() throws Exception {
    // GIVEN
    String body =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"짧게\"},"
            + "{\"role\":\"user\",\"content\":\"질문\"}]}";
    // WHEN
    post("/chat/completions", body);
    // THEN
    RecordedRequest request = server.takeRequest();
    then(request.method()).isEqualTo("POST");
    then(request.path()).isEqualTo("/v1/chat/completions");
    then(request.header("x-trace")).contains("t1");
    then(request.headers().get("X-TRACE")).containsExactly("t1");
    then(request.body()).isEqualTo(body);
    then(request.model()).isEqualTo("m");
    then(request.messages()).containsExactly(Message.system("짧게"), Message.user("질문"));
    then(request.jsonBody()).containsEntry("model", "m");
    then(request.toString()).isEqualTo("RecordedRequest{POST /v1/chat/completions, body=90 chars}");
  }

  @Test
  void should_answer_404_naming_the_path_when_the_path_is_not_chat_completions() throws Exception {
    // WHEN
    HttpResponse<String> response = post("/completions", "{}");
    // THEN
    then(response.statusCode()).isEqualTo(404);
    then(response.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"the stub model server answers POST /v1/chat/completions"
                + " only, but got POST /v1/completions\",\"type\":\"stub_error\"}}");
    then(server.requests()).extracting(RecordedRequest::path).containsExactly("/v1/completions");
  }

  @Test
  void should_let_the_client_retry_at_once_when_the_error_carries_retry_after_zero() {
    // GIVEN
    server.enqueue(
        StubResponse.error(503, "busy").withRetryAfter("0"), StubResponse.reply("정답: B"));
    // WHEN
    Reply reply = model(RetryPolicy.defaults()).respond(Prompt.ofUser("질문"));
    // THEN
    then(reply.text()).isEqualTo("정답: B");
    then(reply.attempts()).isEqualTo(2);
  }

  @Test
  void should_surface_the_error_message_and_status_when_the_server_answers_an_error() {
    // GIVEN
    server.enqueue(StubResponse.error(400, "bad request"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model(RetryPolicy.none()).respond(Prompt.ofUser("q")));
    // THEN
    then(thrown).isInstanceOf(ModelException.class);
    then(((ModelException) thrown).statusCode()).isEqualTo(400);
    then(((ModelException) thrown).serverMessage()).isEqualTo("bad request");
  }

  @Test
  void should_make_the_client_see_an_io_error_when_the_connection_is_dropped() {
    // GIVEN
    server.enqueue(StubResponse.dropConnection());
    // WHEN
    Throwable thrown = catchThrowable(() -> post("/chat/completions", "{}"));
    // THEN
    then(thrown).isInstanceOf(IOException.class);
    then(server.requestCount()).isEqualTo(1);
  }

  @Test
  void should_make_the_client_fail_parsing_when_the_body_is_malformed() {
    // GIVEN
    server.enqueue(StubResponse.malformed());
    // WHEN
    Throwable thrown = catchThrowable(() -> model(RetryPolicy.none()).respond(Prompt.ofUser("q")));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith("response is not a chat completion (no choices)");
  }

  @Test
  void should_answer_each_request_from_the_responder_when_one_is_set() {
    // GIVEN
    server.defaultResponse(request -> StubResponse.reply("echo " + request.messages().get(0).content()));
    // WHEN
    String text = model(RetryPolicy.none()).respond(Prompt.ofUser("안녕")).text();
    // THEN
    then(text).isEqualTo("echo 안녕");
  }

  @Test
  void should_end_a_pending_delay_when_the_server_closes() {
    // GIVEN
    server.enqueue(StubResponse.reply("late").withDelay(Duration.ofMinutes(10)));
    OpenAiCompatibleModel model = model(RetryPolicy.none());
    Thread closer =
        new Thread(
            () -> {
              server.takeRequest();
              server.close();
            });
    closer.start();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(Prompt.ofUser("q")));
    // THEN
    then(thrown).isInstanceOf(ModelException.class).hasMessageContaining("I/O error");
  }

  @Test
  void should_fail_naming_the_wait_when_no_request_arrives_in_time() {
    // WHEN
    Throwable thrown = catchThrowable(() -> server.takeRequest(Duration.ofMillis(10)));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no request reached the stub model server at " + server.baseUrl() + " within PT0.01S");
  }

  @Test
  void should_reject_a_status_outside_http_range_when_building_an_error() {
    // WHEN
    Throwable thrown = catchThrowable(() -> StubResponse.error(600, "x"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be between 100 and 599, but was 600");
  }

  @Test
  void should_reject_reasoning_when_the_response_is_not_a_reply() {
    // WHEN
    Throwable thrown = catchThrowable(() -> StubResponse.error(500, "x").withReasoning("r"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "reasoning applies only to a reply(...) response, but this is a raw body with status"
                + " 500");
  }

  @Test
  void should_reject_headers_when_the_connection_is_dropped() {
    // WHEN
    Throwable thrown = catchThrowable(() -> StubResponse.dropConnection().withRetryAfter("1"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a dropped connection sends no response, so it cannot carry headers");
  }

  @Test
  void should_replace_a_header_ignoring_case_when_set_twice() {
    // WHEN
    StubResponse response = StubResponse.reply("x").withHeader("retry-after", "5").withRetryAfter("0");
    // THEN
    then(response.headers())
        .isEqualTo(Map.of("Content-Type", "application/json; charset=utf-8", "Retry-After", "0"));
  }
}
