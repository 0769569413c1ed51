package dev.kmmlu.examples;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

class ExtractCommandTest {
  private final CommandRunner runner = new CommandRunner();

  @Test
  void should_write_one_line_per_reply_in_order_when_input_is_valid() {
    // GIVEN
    String stdin =
        "{\"response\": \"차근차근 생각하면... 정답: B\", \"options\": 4}\n"
            + "{\"response\": \"\", \"options\": 4}\n"
            + "\n"
            + "{\"response\": \"잘 모르겠습니다\", \"options\": 5}\n"
            + "{\"response\": \"정답은\", \"options\": 4, \"finish_reason\": \"length\"}\n"
            + "{\"response\": \"정답: E\", \"options\": 5, \"reasoning\": \"정답: A\"}\n";
    // WHEN
    int exit = runner.runWithInput(stdin, "extract");
    // THEN
    then(exit).isZero();
    then(runner.err.toString()).isEmpty();
    then(runner.out.toString())
        .isEqualTo(
            "{\"choice\":\"B\",\"status\":\"STRICT\"}\n"
                + "{\"choice\":null,\"status\":\"EMPTY\"}\n"
                + "{\"choice\":null,\"status\":\"UNPARSED\"}\n"
                + "{\"choice\":null,\"status\":\"TRUNCATED\"}\n"
                + "{\"choice\":\"E\",\"status\":\"STRICT\"}\n");
  }

  @Test
  void should_follow_the_policy_when_one_is_named() {
    // GIVEN the lm-eval pattern needs "정답은 ... 입니다."
    String stdin = "{\"response\": \"정답: B\", \"options\": 4}\n";
    // WHEN
    int exit = runner.runWithInput(stdin, "extract", "--policy", "lm-eval");
    // THEN
    then(exit).isZero();
    then(runner.out.toString()).isEqualTo("{\"choice\":null,\"status\":\"UNPARSED\"}\n");
  }

  @Test
  void should_stop_at_the_first_bad_line_after_writing_the_earlier_ones() {
    // GIVEN
    String stdin =
        "{\"response\": \"정답: A\", \"options\": 4}\n"
            + "{\"response\": \"정답: B\", \"options\": 6}\n"
            + "{\"response\": \"정답: C\", \"options\": 4}\n";
    // WHEN
    int exit = runner.runWithInput(stdin, "extract");
    // THEN
    then(exit).isEqualTo(1);
    then(runner.out.toString()).isEqualTo("{\"choice\":\"A\",\"status\":\"STRICT\"}\n");
    then(runner.err.toString())
        .isEqualTo(
            "error: stdin:2: options must be a whole number from 2 to 5 (or null when unknown),"
                + " but was 6\n");
  }

  @Test
  void should_accept_unknown_and_two_option_counts_and_option_texts() {
    // GIVEN
    String stdin =
        "{\"response\": \"정답: E\", \"options\": null}\n"
            + "{\"response\": \"정답: E\"}\n"
            + "{\"response\": \"정답: C\", \"options\": 2}\n"
            + "{\"response\": \"2번\", \"options\": 2}\n"
            + "{\"response\": \"납세의 의무\", \"options\": 4,"
            + " \"option_texts\": [\"평등권\", \"자유권\", \"참정권\", \"납세의 의무\"]}\n";
    // WHEN
    int exit = runner.runWithInput(stdin, "extract");
    // THEN
    then(exit).isZero();
    then(runner.out.toString().split("\n"))
        .containsExactly(
            "{\"choice\":\"E\",\"status\":\"STRICT\"}",
            "{\"choice\":\"E\",\"status\":\"STRICT\"}",
            "{\"choice\":null,\"status\":\"UNPARSED\"}",
            "{\"choice\":\"B\",\"status\":\"STRICT\"}",
            "{\"choice\":\"D\",\"status\":\"LENIENT\"}");
  }

  @Test
  void should_name_the_line_when_it_is_not_json() {
    // WHEN
    int exit = runner.runWithInput("\n{\"options\": 4}\n", "extract");
    // THEN
    then(exit).isEqualTo(1);
    then(runner.err.toString())
        .isEqualTo("error: stdin:2: response must be a string, but was missing\n");
  }

  @Test
  void should_reject_malformed_json_with_its_line_number() {
    // WHEN
    int exit = runner.runWithInput("not json\n", "extract");
    // THEN
    then(exit).isEqualTo(1);
    then(runner.err.toString()).startsWith("error: stdin:1: expected a JSON object, but ");
  }

  @Test
  void should_exit_with_usage_error_when_policy_is_unknown() {
    // WHEN
    int exit = runner.runWithInput("", "extract", "--policy", "loose");
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString())
        .contains("expected robust, paper, lm-eval or strict, but found 'loose'");
  }
}
