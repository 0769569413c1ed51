package dev.kmmlu.test;

import dev.kmmlu.Message;
import dev.kmmlu.Model;
import dev.kmmlu.ModelException;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.Usage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks every wrapper of an OpenAI-compatible chat completions server must pass, as an
 * abstract JUnit 5 test. Each check starts a loopback {@link StubModelServer}, passes it to {@link
 * #model(StubModelServer)} and scripts what the server answers. Besides the {@link ModelContract}
 * checks, the wrapper must send Korean text unmangled and return the reply exactly as sent; give
 * each of 16 concurrent callers its own reply; throw {@link ModelException} (never return null or
 * an empty success) on HTTP 400, on HTTP 500 that never ends, on a body that is not JSON, and on a
 * chat completion that carries no answer ({@code {}}, {@code {"choices":[]}}, {@code "content":
 * null}); stop waiting when its thread is interrupted, with the thread's interrupt flag still set;
 * keep the API key out of {@code toString()} and exception messages; and report the token usage the
 * server sends.
 *
 * <pre>{@code
 * class MyWrapperContractTest extends HttpModelContract {
 *   @Override
 *   protected Model model(StubModelServer server) {
 *     return new MyWrapper(server.baseUrl(), apiKey());
 *   }
 * }
 * }</pre>
 *
 * <p>The server answers {@code POST {baseUrl}/chat/completions}; {@link StubModelServer#baseUrl()}
 * ends in {@code /v1}. Its failures carry {@code Retry-After: 0}, so a wrapper that retries and
 * honours that header fails fast; one that retries with its own backoff should be configured with
 * short delays in {@link #model(StubModelServer)}.
 */
public abstract class HttpModelContract extends ModelContract {
  /** The API key {@link #apiKey()} returns unless overridden; recognisably fake. */
  public static final String FAKE_API_KEY = "sk-kmmlu-contract-FAKE-5f2b9c7e1d";

  private static final Pattern MARKER = Pattern.compile("동시 호출 (\\d+)번");
  private static final String KOREAN_REPLY =
      "차근차근 생각해 보겠습니다. 漢은 한자이므로 한글 자모가 아닙니다. ＡＢＣ：①② 그대로.\n정답: C";
  private static final Usage USAGE = new Usage(123, 45, 168);
  private static final List<String> NO_CONTENT_BODIES =
      List.of(
          "{}",
          "{\"choices\":[]}",
          "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},"
              + "\"finish_reason\":\"stop\"}]}");

  private StubModelServer server;
  private Model model;

  /** Creates the contract. */
  protected HttpModelContract() {}

  /**
   * Returns the wrapper under test, configured to talk to {@code server} ({@link
   * StubModelServer#baseUrl()}) with the API key {@link #apiKey()}. Called once per check.
   */
  protected abstract Model model(StubModelServer server);

  /** Returns the API key the wrapper is configured with; {@link #FAKE_API_KEY} by default. */
  protected String apiKey() {
    return FAKE_API_KEY;
  }

  /** Returns this check's stub server. */
  protected final StubModelServer server() {
    if (server == null) {
      throw new IllegalStateException("the stub server exists only while a check runs");
    }
    return server;
  }

  /** Returns the wrapper for this check, made once by {@link #model(StubModelServer)}. */
  @Override
  protected final Model model() {
    if (model == null) {
      model = model(server());
      if (model == null) {
        throw new AssertionError(
            "model(server) returned null; return your wrapper configured with server.baseUrl()"
                + " and apiKey()");
      }
    }
    return model;
  }

  /** Starts the stub server before each check. */
  @BeforeEach
  protected final void startStubServer() {
    server = StubModelServer.start();
  }

  /** Stops the stub server after each check. */
  @AfterEach
  protected final void stopStubServer() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Checks that the prompt reaches the server as {@code POST /v1/chat/completions} with its Korean
   * text byte for byte, and that the reply's text equals what the server sent.
   */
  @Test
  public void should_send_korean_text_unmangled_and_return_the_reply_as_sent() {
    server().defaultResponse(StubResponse.reply(KOREAN_REPLY));
    Prompt prompt = ContractQuestions.fourOptionPrompt();
    Reply reply = answer(prompt, "a 4-option Korean prompt");
    if (server().requestCount() == 0) {
      throw new AssertionError(
          "respond() answered without sending a request to the server at "
              + server().baseUrl()
              + "; the wrapper must POST each prompt to {baseUrl}/chat/completions");
    }
    RecordedRequest request = server().requests().get(0);
    if (!"POST".equals(request.method())
        || !StubModelServer.CHAT_COMPLETIONS_PATH.equals(request.path())) {
      throw new AssertionError(
          "the wrapper sent "
              + request.method()
              + " "
              + request.path()
              + "; an OpenAI-compatible wrapper must POST {baseUrl}/chat/completions (here "
              + server().baseUrl()
              + "/chat/completions)");
    }
    List<Message> sent;
    try {
      sent = request.messages();
    } catch (IllegalStateException e) {
      throw new AssertionError(
          "the request body is not JSON; send {\"model\": ..., \"messages\": [...]} as UTF-8"
              + " JSON",
          e);
    }
    String expected = prompt.messages().get(prompt.messages().size() - 1).content();
    boolean found = sent.stream().anyMatch(message -> message.content().equals(expected));
    if (!found) {
      String closest =
          sent.isEmpty() ? "no messages at all" : quote(sent.get(sent.size() - 1).content());
      throw new AssertionError(
          "the server received the prompt mangled: expected a message with content "
              + quote(expected)
              + " but the last message was "
              + closest
              + "; send each prompt message's content unchanged in \"messages\", encode the body"
              + " as UTF-8 (HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))"
              + " and do not normalise or escape it by hand");
    }
    if (!reply.text().equals(KOREAN_REPLY)) {
      throw new AssertionError(
          "reply text was "
              + quote(reply.text())
              + " but the server sent "
              + quote(KOREAN_REPLY)
              + "; put choices[0].message.content into the Reply unchanged and decode the"
              + " response body as UTF-8 (HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))");
    }
  }

  @Override
  void beforeConcurrentCalls() {
    server()
        .defaultResponse(
            request -> {
              Matcher matcher = MARKER.matcher(request.body());
              return matcher.find()
                  ? StubResponse.reply(concurrentReply(Integer.parseInt(matcher.group(1))))
                  : StubResponse.error(400, "the request carries no \"동시 호출 N번\" marker");
            });
  }

  @Override
  void checkConcurrentReplies(List<Prompt> prompts, List<Reply> replies) {
    for (int i = 0; i < replies.size(); i++) {
      String expected = concurrentReply(i);
      if (!replies.get(i).text().equals(expected)) {
        throw new AssertionError(
            "concurrent call "
                + i
                + " got "
                + quote(replies.get(i).text())
                + " but the server answered its request with "
                + quote(expected)
                + "; each call must get the reply to its own request: keep no per-call state in"
                + " fields, build one request per call and read that call's response");
      }
    }
  }

  private static String concurrentReply(int index) {
    return "정답: " + "ABCD".charAt(index % 4) + " (" + ContractQuestions.marker(index) + ")";
  }

  /** Checks that HTTP 400 with an OpenAI error body becomes a {@link ModelException}. */
  @Test
  public void should_throw_model_exception_when_the_server_rejects_the_request() {
    server().defaultResponse(StubResponse.error(400, "max_tokens is too large"));
    expectModelException(
        "the server answered HTTP 400 (\"max_tokens is too large\")",
        "check the status code and throw ModelException for every non-2xx response");
  }

  /**
   * Checks that HTTP 500 on every attempt (with {@code Retry-After: 0}) ends in a {@link
   * ModelException} once the wrapper's retries, if any, are used up.
   */
  @Test
  public void should_throw_model_exception_when_the_server_keeps_failing() {
    server().defaultResponse(StubResponse.error(500, "internal error").withRetryAfter("0"));
    expectModelException(
        "the server answered HTTP 500 (Retry-After: 0) to every attempt",
        "retry at most a bounded number of times, then throw ModelException");
  }

  /** Checks that HTTP 200 with a body that is not JSON becomes a {@link ModelException}. */
  @Test
  public void should_throw_model_exception_when_the_reply_is_malformed() {
    server().defaultResponse(StubResponse.malformed());
    expectModelException(
        "the server answered HTTP 200 with a truncated, non-JSON body",
        "catch the parse error (and a missing choices[0].message) and throw ModelException");
  }

  /**
   * Checks that HTTP 200 with valid JSON that carries no answer becomes a {@link ModelException}:
   * the server answers, in turn, {@code {}}, {@code {"choices":[]}} and a choice whose {@code
   * message.content} is {@code null} with no {@code reasoning_content}, and each call must throw.
   *
   * <p>A Reply is a legitimate result only when {@code choices[0].message.content} is a JSON string
   * (an empty string with {@code finish_reason "stop"} is an empty reply), or when it is {@code null}
   * but the message carries a non-empty {@code reasoning_content} (a reasoning model that spent its
   * tokens thinking: empty text, the reasoning kept). This check sends neither of those, so a
   * wrapper may treat them either way.
   */
  @Test
  public void should_throw_model_exception_when_the_completion_has_no_content() {
    for (String body : NO_CONTENT_BODIES) {
      server().defaultResponse(StubResponse.body(200, body));
      expectModelException(
          "the server answered HTTP 200 with " + body,
          "throw ModelException unless choices[0].message.content is a JSON string (with"
              + " Jackson test isTextual(); asText() turns a missing node into \"\" and null into"
              + " \"null\")");
    }
  }

  /**
   * Checks that interrupting the calling thread while the server is slow makes {@code respond}
   * throw promptly and leaves the thread's interrupt flag set, as the engine and executors rely on
   * it to stop. The exception should be a {@link ModelException}; any unchecked exception passes as
   * long as the flag is set.
   */
  @Test
  public void should_stop_waiting_when_the_calling_thread_is_interrupted() {
    server().defaultResponse(StubResponse.reply("정답: A").withDelay(Duration.ofMinutes(10)));
    ContractCall call = ContractCall.start(checkedModel(), ContractQuestions.fourOptionPrompt());
    long deadlineNanos = System.nanoTime() + deadline().toNanos();
    boolean sent = false;
    while (!sent && !call.isDone()) {
      if (System.nanoTime() > deadlineNanos) {
        call.interrupt();
        throw new AssertionError(
            "respond() sent no request within " + seconds(deadline()) + " (" + "server at "
                + server().baseUrl() + "); the check cannot interrupt a call that never starts");
      }
      sent = awaitRequest();
    }
    if (call.isDone()) {
      throw new AssertionError(
          "respond() finished before the server answered"
              + (call.thrown() != null ? ", throwing " + describe(call.thrown()) : "")
              + "; it should wait for the (slow) server's reply");
    }
    call.interrupt();
    Duration grace = interruptGrace();
    if (!call.await(grace)) {
      throw new AssertionError(
          "respond() kept waiting "
              + seconds(grace)
              + " after its thread was interrupted; wait with an interruptible call such as"
              + " HttpClient.send (not sendAsync(...).join()), and on InterruptedException call"
              + " Thread.currentThread().interrupt() and throw ModelException");
    }
    Throwable thrown = call.thrown();
    if (thrown == null) {
      throw new AssertionError(
          "respond() returned "
              + (call.reply() == null ? "null" : "a Reply with text " + quote(call.reply().text()))
              + " after its thread was interrupted, before the server answered; throw"
              + " ModelException instead (and keep the interrupt flag set)");
    }
    if (!call.interruptFlagAfter()) {
      throw new AssertionError(
          "respond() threw "
              + describe(thrown)
              + " after its thread was interrupted but left the thread's interrupt flag cleared;"
              + " catch InterruptedException, call Thread.currentThread().interrupt(), then throw"
              + " ModelException (the engine and executors check the flag to stop)",
          thrown);
    }
  }

  /**
   * Checks that {@code toString()} of the wrapper does not contain the API key.
   */
  @Test
  public void should_keep_the_api_key_out_of_to_string() {
    Model wrapper = checkedModel();
    String text = String.valueOf(wrapper);
    if (text.contains(apiKey())) {
      throw new AssertionError(
          "toString() of the wrapper contains the API key: "
              + text.replace(apiKey(), "<API KEY>")
              + "; leave the key out (show the host and the model name instead)");
    }
  }

  /**
   * Checks that the API key reaches the server in a header but not the message of the {@link
   * ModelException} (or its causes) thrown when the server echoes the key in an HTTP 401 error.
   */
  @Test
  public void should_keep_the_api_key_out_of_exception_messages() {
    server()
        .defaultResponse(
            StubResponse.error(
                401, "Incorrect API key provided: " + apiKey() + ". Check your key and try again."));
    ModelException thrown =
        expectModelException(
            "the server answered HTTP 401 (\"Incorrect API key provided: ...\")",
            "throw ModelException for every non-2xx response");
    boolean keySent =
        server().requests().stream()
            .flatMap(request -> request.headers().values().stream())
            .flatMap(List::stream)
            .anyMatch(value -> value.contains(apiKey()));
    if (!keySent) {
      throw new AssertionError(
          "no request header carried the API key; configure the wrapper with apiKey() in"
              + " model(server) and send it (Authorization: Bearer <key>), so this check can tell"
              + " whether the key leaks");
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains(apiKey()) || String.valueOf(t).contains(apiKey())) {
        throw new AssertionError(
            "the "
                + t.getClass().getName()
                + (t == thrown ? "" : " (a cause of the ModelException)")
                + " message contains the API key: "
                + message.replace(apiKey(), "<API KEY>")
                + "; the server echoed the key in its error, so redact it before putting the"
                + " server's message into an exception (message.replace(apiKey, \"[redacted]\"))");
      }
    }
  }

  /** Checks that the usage the server reports comes back in {@link Reply#usage()}. */
  @Test
  public void should_report_token_usage() {
    server().defaultResponse(StubResponse.reply("정답: A").withUsage(USAGE));
    Reply reply = answer(ContractQuestions.fourOptionPrompt(), "a 4-option Korean prompt");
    if (!USAGE.equals(reply.usage())) {
      throw new AssertionError(
          "reply.usage() was "
              + reply.usage()
              + " but the server sent usage {prompt_tokens=123, completion_tokens=45,"
              + " total_tokens=168}; read the response's usage object into new Usage(prompt,"
              + " completion, total)");
    }
  }

  /** Returns how long the interruption check waits after interrupting; at most 5 seconds. */
  private Duration interruptGrace() {
    Duration five = Duration.ofSeconds(5);
    return deadline().compareTo(five) < 0 ? deadline() : five;
  }

  @Override
  String answerHint() {
    return " (the stub server answers POST "
        + server().baseUrl()
        + "/chat/completions with a chat completion; requests it received: "
        + server().requests().stream()
            .map(request -> request.method() + " " + request.path())
            .collect(Collectors.toList())
        + ")";
  }

  private ModelException expectModelException(String situation, String fix) {
    ContractCall call = ContractCall.start(checkedModel(), ContractQuestions.fourOptionPrompt());
    if (!call.await(deadline())) {
      throw new AssertionError(
          "respond() did not return within "
              + seconds(deadline())
              + " when "
              + situation
              + " ("
              + server().requestCount()
              + " requests so far); "
              + fix
              + ", and honour Retry-After or use short delays in the test");
    }
    Throwable thrown = call.thrown();
    if (thrown == null) {
      throw new AssertionError(
          "respond() returned "
              + (call.reply() == null ? "null" : "a Reply with text " + quote(call.reply().text()))
              + " when "
              + situation
              + "; "
              + fix
              + ", never return null or an empty success (the engine would score it as a wrong"
              + " answer instead of a failed item)");
    }
    if (!isModelException(thrown)) {
      throw new AssertionError(
          "respond() threw "
              + describe(thrown)
              + " when "
              + situation
              + "; "
              + fix
              + " (a ModelException, so the engine records a failed item instead of aborting)",
          thrown);
    }
    return (ModelException) thrown;
  }

  /** Waits (blocking, at most 20 ms) for the server to receive a request. */
  private boolean awaitRequest() {
    try {
      return server().pollRequest(Duration.ofMillis(20)) != null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("the contract check was interrupted", e);
    }
  }
}
