package dev.kmmlu.test;

import static org.assertj.core.api.BDDAssertions.then;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Each contract check fails, with advice that names the defect, on a wrapper with that one defect,
 * and passes on the same wrapper without it. The checks run through the JUnit Platform Launcher.
 */
class ContractCheckFailuresTest {
  private static final String FOUR = "should_answer_a_four_option_korean_prompt";
  private static final String ROUND_TRIP =
      "should_send_korean_text_unmangled_and_return_the_reply_as_sent";
  private static final String CONCURRENT = "should_stay_correct_under_concurrent_calls";
  private static final String ID = "should_have_a_stable_non_blank_id";
  private static final String NO_CONTENT =
      "should_throw_model_exception_when_the_completion_has_no_content";
  private static final String INTERRUPTED =
      "should_stop_waiting_when_the_calling_thread_is_interrupted";
  private static final String NO_CONTENT_FIX =
      "throw ModelException unless choices[0].message.content is a JSON string (with Jackson test"
          + " isTextual(); asText() turns a missing node into \"\" and null into \"null\"),"
          + " never return null or an empty success (the engine would score it as a wrong answer"
          + " instead of a failed item)";

  /** Rows: contract class, check, the message's expected start, whether that is all of it. */
  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            BrokenContracts.ReturnsNull.class,
            FOUR,
            "respond() returned null for a 4-option Korean prompt; a wrapper must return a Reply"
                + " (use Reply.of(text)) or throw ModelException",
            true),
        Arguments.of(
            BrokenContracts.NullModel.class,
            FOUR,
            "model() returned null; return the model under test (a new instance is fine)",
            true),
        Arguments.of(
            BrokenContracts.RejectsFiveOptions.class,
            "should_answer_a_five_option_korean_prompt",
            "respond() threw java.lang.IllegalArgumentException (\"only options A-D are"
                + " supported\") for a 5-option Korean prompt; a working model must answer a"
                + " well-formed prompt (the stub server answers POST http://127.0.0.1:",
            false),
        Arguments.of(
            BrokenContracts.BlankId.class,
            ID,
            "id() returned \" \"; return a short non-blank id naming the model and its"
                + " configuration, such as \"openai:gpt-4.1\" (the journal and the reports record"
                + " it)",
            true),
        Arguments.of(
            BrokenContracts.ChangingId.class,
            ID,
            "id() returned \"changing:1\" and then \"changing:2\"; the id must not change between"
                + " calls, or a resumed run refuses its own journal",
            true),
        Arguments.of(
            BrokenContracts.ReturnsPreviousReply.class,
            CONCURRENT,
            "concurrent call ",
            false),
        Arguments.of(
            BrokenContracts.EmptySuccessOnError.class,
            "should_throw_model_exception_when_the_server_rejects_the_request",
            "respond() returned a Reply with text \"\" when the server answered HTTP 400"
                + " (\"max_tokens is too large\"); check the status code and throw ModelException"
                + " for every non-2xx response, never return null or an empty success (the engine"
                + " would score it as a wrong answer instead of a failed item)",
            true),
        Arguments.of(
            BrokenContracts.RetriesForever.class,
            "should_throw_model_exception_when_the_server_keeps_failing",
            "respond() did not return within 2 s when the server answered HTTP 500 (Retry-After:"
                + " 0) to every attempt (",
            false),
        Arguments.of(
            BrokenContracts.LeaksParseException.class,
            "should_throw_model_exception_when_the_reply_is_malformed",
            "respond() threw java.io.UncheckedIOException (\"com.fasterxml.jackson.core.io"
                + ".JsonEOFException: Unexpected end-of-input",
            false),
        Arguments.of(
            BrokenContracts.NoContentAsEmptyReply.class,
            NO_CONTENT,
            "respond() returned a Reply with text \"\" when the server answered HTTP 200 with {}; "
                + NO_CONTENT_FIX,
            true),
        Arguments.of(
            BrokenContracts.NullContentAsText.class,
            NO_CONTENT,
            "respond() returned a Reply with text \"null\" when the server answered HTTP 200 with"
                + " {\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":null},\"finish_reason\":\"stop\"}]}; "
                + NO_CONTENT_FIX,
            true),
        Arguments.of(
            BrokenContracts.ClearsInterruptFlag.class,
            INTERRUPTED,
            "respond() threw dev.kmmlu.ModelException (\"interrupted\") after its thread was"
                + " interrupted but left the thread's interrupt flag cleared; catch"
                + " InterruptedException, call Thread.currentThread().interrupt(), then throw"
                + " ModelException (the engine and executors check the flag to stop)",
            true),
        Arguments.of(
            BrokenContracts.IgnoresInterrupts.class,
            INTERRUPTED,
            "respond() kept waiting 2 s after its thread was interrupted; wait with an"
                + " interruptible call such as HttpClient.send (not sendAsync(...).join()), and on"
                + " InterruptedException call Thread.currentThread().interrupt() and throw"
                + " ModelException",
            true),
        Arguments.of(
            BrokenContracts.KeyInToString.class,
            "should_keep_the_api_key_out_of_to_string",
            "toString() of the wrapper contains the API key: DefectiveWrapper{http://127.0.0.1:",
            false),
        Arguments.of(
            BrokenContracts.KeyInException.class,
            "should_keep_the_api_key_out_of_exception_messages",
            "the dev.kmmlu.ModelException message contains the API key: HTTP 401"
                + " {\"error\":{\"message\":\"Incorrect API key provided: <API KEY>. Check your key"
                + " and try again.\",\"type\":\"stub_error\"}}; the server echoed the key in its"
                + " error, so redact it before putting the server's message into an exception"
                + " (message.replace(apiKey, \"[redacted]\"))",
            true),
        Arguments.of(
            BrokenContracts.DropsUsage.class,
            "should_report_token_usage",
            "reply.usage() was Usage[promptTokens=-1, completionTokens=-1, totalTokens=-1] but the"
                + " server sent usage {prompt_tokens=123, completion_tokens=45, total_tokens=168};"
                + " read the response's usage object into new Usage(prompt, completion, total)",
            true),
        Arguments.of(
            BrokenContracts.Latin1Request.class,
            ROUND_TRIP,
            "the server received the prompt mangled: expected a message with content \"다음 문제에"
                + " 대해 정답을 고르세요.",
            false),
        Arguments.of(
            BrokenContracts.Latin1Reply.class,
            ROUND_TRIP,
            "reply text was \"ì°¨ê·¼ì°¨ê·¼",
            false),
        Arguments.of(
            BrokenContracts.WrongPath.class,
            ROUND_TRIP,
            "respond() threw dev.kmmlu.ModelException (\"HTTP 404 \") for a 4-option Korean"
                + " prompt; a working model must answer a well-formed prompt (the stub server"
                + " answers POST http://127.0.0.1:",
            false));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("defects")
  void should_fail_the_check_with_advice_when_the_wrapper_has_the_defect(
      Class<?> contract, String check, String expected, boolean whole) {
    // WHEN
    ContractRunner.Result result = ContractRunner.run(contract, check);
    // THEN
    then(result.status()).isEqualTo(TestExecutionResult.Status.FAILED);
    Throwable failure = result.failure().orElseThrow();
    then(failure).isInstanceOf(AssertionError.class);
    if (whole) {
      then(failure).hasMessage(expected);
    } else {
      then(failure).hasMessageStartingWith(expected);
    }
  }

  @Test
  void should_name_the_failing_call_when_the_model_is_not_thread_safe() {
    // WHEN
    ContractRunner.Result result =
        ContractRunner.run(BrokenContracts.NotThreadSafe.class, CONCURRENT);
    // THEN which call hits the race first depends on scheduling, so the index is a pattern
    then(result.status()).isEqualTo(TestExecutionResult.Status.FAILED);
    then(result.failure().orElseThrow())
        .isInstanceOf(AssertionError.class)
        .hasMessageMatching(
            "concurrent call \\d+ of 16 threw java\\.util\\.ConcurrentModificationException"
                + " \\(\"client used by two threads\"\\); respond\\(\\) must be thread-safe(?s).*");
  }

  @Test
  void should_name_the_reply_meant_for_another_call_when_replies_are_crossed() {
    // WHEN
    ContractRunner.Result result =
        ContractRunner.run(BrokenContracts.ReturnsPreviousReply.class, CONCURRENT);
    // THEN
    then(result.failure().orElseThrow().getMessage())
        .matches(
            "concurrent call \\d+ got \"정답: [ABCD] \\(동시 호출 \\d+번\\)\" but the server answered"
                + " its request with \"정답: [ABCD] \\(동시 호출 \\d+번\\)\"; each call must get the"
                + " reply to its own request: keep no per-call state in fields, build one request"
                + " per call and read that call's response");
  }

  @Test
  void should_list_the_request_the_server_received_when_the_wrapper_uses_the_wrong_path() {
    // WHEN
    ContractRunner.Result result = ContractRunner.run(BrokenContracts.WrongPath.class, ROUND_TRIP);
    // THEN
    then(result.failure().orElseThrow().getMessage())
        .endsWith("requests it received: [POST /v1/completions])");
  }

  static Stream<String> httpChecks() {
    return Arrays.stream(HttpModelContract.class.getMethods())
        .filter(method -> method.isAnnotationPresent(org.junit.jupiter.api.Test.class))
        .map(Method::getName)
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpChecks")
  void should_pass_every_check_when_the_wrapper_has_no_defect(String check) {
    // WHEN
    ContractRunner.Result result = ContractRunner.run(BrokenContracts.Sound.class, check);
    // THEN
    then(result.failure()).isEmpty();
    then(result.status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void should_inherit_thirteen_checks_when_a_wrapper_extends_the_http_contract() {
    // WHEN
    long checks = httpChecks().count();
    // THEN
    then(checks).isEqualTo(13);
  }
}
