package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Choice;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests each extraction rule of {@link AnswerExtractor#robust()} and the peer policies. */
class AnswerExtractorTest {
  private static final AnswerExtractor ROBUST = AnswerExtractor.robust();

  static Stream<Arguments> markers() {
    return Stream.of(
        Arguments.of("풀이...\n정답: B", "B"),
        Arguments.of("풀이...\n정답：C", "C"),
        Arguments.of("정답 : D", "D"),
        Arguments.of("**정답:** A", "A"),
        Arguments.of("**정답**: B", "B"),
        Arguments.of("정답: **C**", "C"),
        Arguments.of("정답: (D)", "D"),
        Arguments.of("정답: [A]", "A"),
        Arguments.of("정답: $B$", "B"),
        Arguments.of("정답: \\boxed{C}", "C"),
        Arguments.of("정답: \\boxed{\\text{D}}", "D"),
        Arguments.of("정답: A) 정액법", "A"),
        Arguments.of("정답: B.", "B"),
        Arguments.of("정답: c", "C"),
        Arguments.of("정답: Ｄ", "D"),
        Arguments.of("따라서 정답은 A입니다.", "A"),
        Arguments.of("정답은 B 입니다.", "B"),
        Arguments.of("답: C", "C"),
        Arguments.of("답은 D이다.", "D"),
        Arguments.of("답변: A", "A"),
        Arguments.of("최종 답: B", "B"),
        Arguments.of("최종 정답: C", "C"),
        Arguments.of("최종답변: D", "D"),
        Arguments.of("Answer: A", "A"),
        Arguments.of("answer: b", "B"),
        Arguments.of("Final answer: C", "C"),
        Arguments.of("So the answer is D.", "D"),
        Arguments.of("The answer is (A).", "A"),
        Arguments.of("The final answer is $\\boxed{B}$.", "B"),
        Arguments.of("### ANSWER\nC", "C"),
        Arguments.of("FINAL: 4", "D"),
        Arguments.of("정답은:\n\n2", "B"));
  }

  @ParameterizedTest
  @MethodSource("markers")
  void should_find_strict_answer_when_reply_has_marker(String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.valueOf(letter));
    then(extraction.status()).isEqualTo(ExtractionStatus.STRICT);
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of("정답: 3", "C"),
        Arguments.of("정답은 3번입니다.", "C"),
        Arguments.of("정답: ③", "C"),
        Arguments.of("정답은 ③번입니다.", "C"),
        Arguments.of("정답: 3)", "C"),
        Arguments.of("정답은 **5번**입니다.", "E"),
        Arguments.of("3", "C"),
        Arguments.of("3번", "C"),
        Arguments.of("⑤", "E"),
        Arguments.of("정답: ❷", "B"),
        Arguments.of("정답: ４", "D"));
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void should_read_numbers_as_positions_when_reply_answers_with_digits(String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 5);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.valueOf(letter));
    then(extraction.status()).isEqualTo(ExtractionStatus.STRICT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "정답: E",
        "정답은 5번입니다.",
        "정답: ⑤",
        "E",
        "정답: A 또는 B",
        "Answer: A or B",
        "정답: A, C",
        "정답은 2번과 4번입니다.",
        "A 또는 B",
        "최종 정답: 없음",
        "Answer: None",
        "Let's think step by step about each option.",
        "A형 간염은 오염된 음식으로 전파됩니다.",
        "Vitamin B12 결핍은 빈혈을 일으킵니다.",
        "e.g. the default rule applies.",
        "따라서 정답은 a = 3 일 때 성립합니다.",
        "그러나 더 기본적인 오답은 B입니다. 하지만",
        "정답을 고르기 위해 A와 B를 비교했지만 결론을 내리지 못했습니다.",
        "f(1)의 값을 구할 수 없습니다.",
        "10.8mg/L",
        "계산하면 답은 130입니다.",
        "{\"answer\": 7}",
        "- **Option A**: 1\n- **Option B**: 2\n"
      })
  void should_report_unparsed_when_reply_commits_to_no_single_option(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
  }

  @Test
  void should_take_last_answer_when_reply_corrects_itself() {
    // GIVEN
    String reply = "정답: A 인지 보자.\nA는 틀렸다.\n\n정답: C";
    // WHEN
    Extraction extraction = ROBUST.extract(reply, 4);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.C, ExtractionStatus.STRICT, 26, 27));
  }

  @Test
  void should_report_span_in_original_text_when_think_block_precedes_answer() {
    // GIVEN
    String reply = "<think>정답: A</think>\n정답: **B**";
    // WHEN
    Extraction extraction = ROBUST.extract(reply, 4);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.STRICT, 27, 28));
    then(reply.substring(extraction.start(), extraction.end())).isEqualTo("B");
  }

  static Stream<Arguments> reasoning() {
    return Stream.of(
        Arguments.of("<think>\n정답: A\n</think>\n\n정답: D", "", "", "D", ExtractionStatus.STRICT),
        Arguments.of("정답: A 일까?\n</think>\n정답: B", "", "", "B", ExtractionStatus.STRICT),
        Arguments.of("<think>\n정답: A 일까", "", "length", null, ExtractionStatus.TRUNCATED),
        Arguments.of("<think>\n정답: A 일까", "", "stop", null, ExtractionStatus.UNPARSED),
        Arguments.of("<think>\n정답: A\n</think>", "", "", null, ExtractionStatus.UNPARSED),
        Arguments.of("", "정답: A", "length", null, ExtractionStatus.TRUNCATED),
        Arguments.of("", "정답: A", "stop", null, ExtractionStatus.EMPTY),
        Arguments.of("정답: C", "정답: A", "stop", "C", ExtractionStatus.STRICT),
        Arguments.of("모르겠습니다.", "정답: A", "stop", null, ExtractionStatus.UNPARSED));
  }

  @ParameterizedTest
  @MethodSource("reasoning")
  void should_never_search_reasoning_when_extracting(
      String text, String reasoning, String finish, String letter, ExtractionStatus status) {
    // GIVEN
    ExtractionInput input =
        ExtractionInput.of(text, 4).withReasoning(reasoning).withFinishReason(finish);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter).orElse(null)).isEqualTo(letter);
    then(extraction.status()).isEqualTo(status);
  }

  static Stream<Arguments> truncation() {
    return Stream.of(
        Arguments.of("각 보기를 보면 A는 틀리고 B는", "length", null, ExtractionStatus.TRUNCATED),
        Arguments.of("각 보기를 보면 A는 틀리고 B는", "max_tokens", null, ExtractionStatus.TRUNCATED),
        Arguments.of("각 보기를 보면 A는 틀리고 B는", "stop", null, ExtractionStatus.UNPARSED),
        Arguments.of("정답: B\n\n추가 설명: 정률법은", "length", "B", ExtractionStatus.STRICT),
        Arguments.of("B. 정률법\n\n이 보기는", "length", null, ExtractionStatus.TRUNCATED),
        Arguments.of("B", "length", "B", ExtractionStatus.STRICT),
        Arguments.of("", "length", null, ExtractionStatus.TRUNCATED),
        Arguments.of(" \n ", "", null, ExtractionStatus.EMPTY));
  }

  @ParameterizedTest
  @MethodSource("truncation")
  void should_flag_truncation_when_token_limit_cut_reply_before_answer(
      String text, String finish, String letter, ExtractionStatus status) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(text, 4).withFinishReason(finish);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter).orElse(null)).isEqualTo(letter);
    then(extraction.status()).isEqualTo(status);
  }

  static Stream<Arguments> fallbacks() {
    return Stream.of(
        Arguments.of("B. 사만다입니다. 문장에서 그렇게 말합니다.", "B"),
        Arguments.of("4번 - 서술자가 추측하고 있다.", "D"),
        Arguments.of("2: 이 설명은 틀렸습니다.", "B"),
        Arguments.of("2.포크로 감자를 눌렀다.", "B"),
        Arguments.of("A (as a placeholder).", "A"),
        Arguments.of("C\n\nStep-by-step:\n1. Read\n2. Compare", "C"),
        Arguments.of("8/36 = 2/9\n\nB", "B"),
        Arguments.of("가장 적절한 보기는 3번입니다.", "C"),
        Arguments.of("따라서 옳지 않은 것은 2번입니다.", "B"),
        Arguments.of("옳지 않은 설명은 선택지 D입니다.", "D"),
        Arguments.of("Option B is correct.", "B"),
        Arguments.of("15 ton corresponds to **D**", "D"),
        Arguments.of("복원 중 (D)", "D"));
  }

  @ParameterizedTest
  @MethodSource("fallbacks")
  void should_find_lenient_answer_when_no_marker(String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 5);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.valueOf(letter));
    then(extraction.status()).isEqualTo(ExtractionStatus.LENIENT);
  }

  @Test
  void should_not_use_fallbacks_when_strict() {
    // GIVEN
    AnswerExtractor strict = AnswerExtractor.strict();
    // WHEN
    Extraction lenient = strict.extract("가장 적절한 보기는 3번입니다.", 4);
    Extraction marked = strict.extract("정답: 3", 4);
    // THEN
    then(lenient).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
    then(marked.choice()).contains(Choice.C);
  }

  static Stream<Arguments> optionTexts() {
    List<String> options = List.of("정액법", "정률법", "연수합계법", "생산량비례법");
    return Stream.of(
        Arguments.of("연수합계법", options, "C"),
        Arguments.of(" 정률법. ", options, "B"),
        Arguments.of("생산량비례법입니다.", options, "D"),
        Arguments.of("**정액법**", options, "A"),
        Arguments.of("\u1100\u1175\u11a8", List.of("가", "긱", "각", "극"), "B"),
        Arguments.of("감채기금법", options, null));
  }

  @ParameterizedTest
  @MethodSource("optionTexts")
  void should_match_option_text_when_reply_is_only_that_text(
      String reply, List<String> options, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4).withQuestion("", options);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter).orElse(null)).isEqualTo(letter);
    then(extraction.status())
        .isEqualTo(letter == null ? ExtractionStatus.UNPARSED : ExtractionStatus.LENIENT);
  }

  @Test
  void should_trust_json_answer_field_when_reply_is_structured() {
    // GIVEN
    String reply = "{\"answer\": 3, \"reasoning\": \"따라서 답은 34입니다. 정답: 1\"}";
    // WHEN
    Extraction extraction = ROBUST.extract(reply, 5);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.C, ExtractionStatus.STRICT, 11, 12));
  }

  @Test
  void should_take_first_match_when_paper() {
    // GIVEN
    String reply = "정답: A 인지 보자.\n\n정답: D";
    // WHEN
    Extraction extraction = AnswerExtractor.paper().extract(reply, 4);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.A, ExtractionStatus.STRICT, 4, 5));
  }

  @Test
  void should_report_lenient_when_paper_flexible_pattern_matches() {
    // GIVEN
    String reply = "풀이 결과 C) 가 맞다";
    // WHEN
    Extraction extraction = AnswerExtractor.paper().extract(reply, 4);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.C, ExtractionStatus.LENIENT, 6, 7));
  }

  @Test
  void should_grab_letter_from_word_when_paper_english_pattern_meets_lets() {
    // GIVEN
    String reply = "Answer: Let me check. The answer is C.";
    // WHEN
    Extraction extraction = AnswerExtractor.paper().extract(reply, 4);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.E, ExtractionStatus.STRICT, 9, 10));
  }

  @Test
  void should_need_copula_when_lm_eval() {
    // GIVEN
    AnswerExtractor lmEval = AnswerExtractor.lmEvalKmmluCot();
    // WHEN
    Extraction found = lmEval.extract("따라서 정답은 (B) 입니다.", 4);
    Extraction missed = lmEval.extract("정답: B", 4);
    Extraction empty = lmEval.extract(" ", 4);
    // THEN
    then(found).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.STRICT, 9, 10));
    then(missed).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
    then(empty).isEqualTo(Extraction.none(ExtractionStatus.EMPTY));
  }

  @Test
  void should_use_user_pattern_first_when_added() {
    // GIVEN
    AnswerExtractor extractor =
        AnswerExtractor.robust()
            .withPattern(Pattern.compile("Risposta:\\s*(\\S+)"), ExtractionStatus.LENIENT);
    // WHEN
    Extraction custom = extractor.extract("Risposta: B\nRisposta: 3", 4);
    Extraction outOfRange = extractor.extract("Risposta: E\n정답: A", 4);
    // THEN
    then(custom).isEqualTo(Extraction.found(Choice.C, ExtractionStatus.LENIENT, 22, 23));
    then(outOfRange).isEqualTo(Extraction.found(Choice.A, ExtractionStatus.STRICT, 16, 17));
  }

  @Test
  void should_reject_pattern_when_it_has_no_group() {
    // GIVEN
    Pattern pattern = Pattern.compile("Risposta: [A-E]");
    // WHEN
    Throwable thrown =
        catchThrowable(() -> AnswerExtractor.robust().withPattern(pattern, ExtractionStatus.STRICT));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pattern must have a capturing group, but was Risposta: [A-E]");
  }

  @Test
  void should_reject_status_when_it_carries_no_choice() {
    // GIVEN
    Pattern pattern = Pattern.compile("Risposta: ([A-E])");
    // WHEN
    Throwable thrown =
        catchThrowable(
            () -> AnswerExtractor.robust().withPattern(pattern, ExtractionStatus.UNPARSED));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be STRICT or LENIENT, but was UNPARSED");
  }

  @Test
  void should_return_each_policy_when_named() {
    // GIVEN
    List<String> names = List.of("robust", "STRICT", " paper ", "lm-eval");
    // WHEN
    List<AnswerExtractor> extractors = names.stream().map(AnswerExtractor::byName).toList();
    // THEN
    then(extractors)
        .containsExactly(
            AnswerExtractor.robust(),
            AnswerExtractor.strict(),
            AnswerExtractor.paper(),
            AnswerExtractor.lmEvalKmmluCot());
  }

  @Test
  void should_reject_name_when_unknown() {
    // GIVEN
    String name = "simple-evals";
    // WHEN
    Throwable thrown = catchThrowable(() -> AnswerExtractor.byName(name));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be one of robust, strict, paper, lm-eval, but was simple-evals");
  }

  @Test
  void should_reject_null_input() {
    // GIVEN
    ExtractionInput input = null;
    // WHEN
    Throwable thrown = catchThrowable(() -> ROBUST.extract(input));
    // THEN
    then(thrown).isInstanceOf(NullPointerException.class).hasMessage("input");
  }

  @Test
  void should_find_the_last_marker_when_a_long_explanation_follows_it() {
    // GIVEN a marker more than BackwardScan.TAIL characters before the end
    String explanation = "감가상각은 자산의 원가를 내용연수에 걸쳐 배분하는 절차입니다. ".repeat(12);
    String reply = "정답: A\n정답: B\n\n" + explanation;
    // WHEN
    Extraction extraction = ROBUST.extract(reply, 4);
    // THEN
    then(reply.length() - extraction.end()).isGreaterThan(BackwardScan.TAIL);
    then(extraction).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.STRICT, 10, 11));
  }

  @Test
  void should_find_the_last_conclusion_when_a_long_explanation_follows_it() {
    // GIVEN a conclusion more than BackwardScan.TAIL characters before the end
    String explanation = "감가상각은 자산의 원가를 내용연수에 걸쳐 배분하는 절차입니다. ".repeat(12);
    String reply = "옳지 않은 것은 4번입니다. 옳은 것은 2번입니다.\n\n" + explanation;
    // WHEN
    Extraction extraction = ROBUST.extract(reply, 4);
    // THEN
    then(reply.length() - extraction.end()).isGreaterThan(BackwardScan.TAIL);
    then(extraction).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.LENIENT, 22, 23));
  }

  @Test
  void should_report_unparsed_when_the_last_of_two_distant_markers_names_two_options() {
    // GIVEN
    String filler = "풀이를 이어 갑니다. ".repeat(30);
    String reply = "정답: A 또는 C\n" + filler + "정답: B";
    // WHEN
    Extraction early = ROBUST.extract(reply.substring(0, reply.lastIndexOf("정답")), 4);
    Extraction late = ROBUST.extract(reply, 4);
    // THEN
    then(early).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
    int end = reply.length();
    then(late).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.STRICT, end - 1, end));
  }

  static Stream<Arguments> noLetter() {
    return Stream.of(
        Arguments.of("- ① 은 틀렸다.\n- ② 도 틀렸다.\n- ③ 은 맞을 수도 있다.\n- ④ 는 확실하지 않다."),
        Arguments.of("1번: 옳다.\n2번: 옳다.\n3번: 틀리다.\n4번: 옳다."),
        Arguments.of("| 보기 | 판단 |\n|---|---|\n| ① | 옳음 |\n| ② | 틀림 |"),
        Arguments.of("① 갑오개혁\n② 을미개혁\n③ 광무개혁\n④ 갑신정변"),
        Arguments.of("정답은 B가 아닙니다."),
        Arguments.of("The answer is not B."),
        Arguments.of("The answer is definitely not (B)."),
        Arguments.of("가장 적절한 것은 ③이 아니다."),
        Arguments.of("②는 정답이 아니다."),
        Arguments.of("정답이 ③이라고 단정하기는 어렵습니다."),
        Arguments.of("아마도 **C**일 수도 있지만 확실하지 않습니다."),
        Arguments.of("1번을 선택한 학생은 개념을 잘못 이해한 것이다."),
        Arguments.of("2번을 고르면 단위가 맞지 않는다."),
        Arguments.of("If I choose B, the units do not match."),
        Arguments.of("만약 3번이 정답이라면 나머지는 옳아야 한다."),
        Arguments.of("A가 정답인지 확인해 보자."),
        Arguments.of("2번과 4번이 정답입니다."),
        Arguments.of("정답은 두 번째 문단에서 찾을 수 있습니다."),
        Arguments.of("정답: 4 kg"),
        Arguments.of("{\"answer\": \"B, D\"}"));
  }

  @ParameterizedTest
  @MethodSource("noLetter")
  void should_report_no_letter_when_the_reply_only_analyses_denies_or_doubts(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
  }

  static Stream<Arguments> statedAnswers() {
    return Stream.of(
        Arguments.of("정답은 2번이 아니라 3번입니다.", "C", ExtractionStatus.STRICT),
        Arguments.of("정답은 1번이 아닌 2번입니다.", "B", ExtractionStatus.STRICT),
        Arguments.of("The answer is not A but C.", "C", ExtractionStatus.STRICT),
        Arguments.of("The correct answer is not A. It is C.", "C", ExtractionStatus.STRICT),
        Arguments.of("③번이 정답이다.", "C", ExtractionStatus.STRICT),
        Arguments.of("정답: A 라고 생각했으나 ④가 정답입니다.", "D", ExtractionStatus.STRICT),
        Arguments.of("계산 결과 정답이 B입니다.", "B", ExtractionStatus.STRICT),
        Arguments.of("[정답] 4", "D", ExtractionStatus.STRICT),
        Arguments.of("정답 번호: 3", "C", ExtractionStatus.STRICT),
        Arguments.of("## 최종 답\n3번", "C", ExtractionStatus.STRICT),
        Arguments.of("<answer>2</answer>", "B", ExtractionStatus.STRICT),
        Arguments.of("정답: 첫 번째", "A", ExtractionStatus.STRICT),
        Arguments.of("3번과 4번 중 최종적으로 4번을 선택합니다.", "D", ExtractionStatus.LENIENT),
        Arguments.of("두 보기를 비교한 결과 2번을 고르겠습니다.", "B", ExtractionStatus.LENIENT),
        Arguments.of("따라서 ③이 가장 적절합니다. ①과 ②는 틀렸다.", "C", ExtractionStatus.LENIENT),
        Arguments.of("Both are close, but I'll go with C.", "C", ExtractionStatus.LENIENT),
        Arguments.of("A) 틀림\nB) 틀림\nC) 옳음\nD) 틀림\n\n따라서 **C**", "C",
            ExtractionStatus.LENIENT),
        Arguments.of("정답 ⇒ 2", "B", ExtractionStatus.STRICT),
        Arguments.of("정답 - 3번", "C", ExtractionStatus.STRICT),
        Arguments.of("| 정답 | ③ |\n| 근거 | 민법 제750조 |", "C", ExtractionStatus.STRICT),
        Arguments.of("<정답> 3", "C", ExtractionStatus.STRICT),
        Arguments.of("Answer — C", "C", ExtractionStatus.STRICT),
        Arguments.of("The correct answer is the second option.", "B", ExtractionStatus.STRICT),
        Arguments.of("{\"정답\": \"③\", \"해설\": \"조문에 따른다.\"}", "C",
            ExtractionStatus.STRICT),
        Arguments.of("따라서 3이 답입니다.", "C", ExtractionStatus.STRICT),
        Arguments.of("B가 올바른 답입니다.", "B", ExtractionStatus.STRICT),
        Arguments.of("좋은 질문이에요! 답은 C예요.", "C", ExtractionStatus.STRICT),
        Arguments.of("정답은 다음과 같습니다.\n\n③ 민법 제750조", "C", ExtractionStatus.STRICT),
        Arguments.of("정답은 ③일 것입니다.", "C", ExtractionStatus.STRICT),
        Arguments.of("③ 민법 제750조", "C", ExtractionStatus.LENIENT),
        Arguments.of("3번입니다.\n\n1번은 틀렸고 4번도 틀렸다.", "C", ExtractionStatus.LENIENT),
        Arguments.of("C and D ignore the matching principle.\n\nTherefore, B.", "B",
            ExtractionStatus.LENIENT),
        Arguments.of("1번과 2번은 시기가 맞지 않는다.\n\n따라서 3.", "C", ExtractionStatus.LENIENT),
        Arguments.of("After checking twice, option 4 is the correct answer.", "D",
            ExtractionStatus.LENIENT),
        Arguments.of("The best option is 2.", "B", ExtractionStatus.LENIENT),
        Arguments.of("두 번째 문장이 더 자연스럽습니다.", "B", ExtractionStatus.LENIENT),
        Arguments.of("2. 아니오", "B", ExtractionStatus.LENIENT));
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("정답: 2√3"),
        Arguments.of("정답: $2\\sqrt{3}$"),
        Arguments.of("정답: $3 \\times 10^{8}$"),
        Arguments.of("정답은 4℃입니다."),
        Arguments.of("정답: 2 atm"),
        Arguments.of("정답: 3 : 2"),
        Arguments.of("정답: 2π"),
        Arguments.of("옳은 것은 모두 2가지이다.\n\n정답: 2가지"),
        Arguments.of("Answer: 3 seconds"),
        Arguments.of("식을 풀면 x = 3이 답이다."));
  }

  @ParameterizedTest
  @MethodSource("values")
  void should_report_no_letter_when_the_number_is_a_value_not_an_option(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 5);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
  }

  static Stream<Arguments> doubtsAndLookalikes() {
    return Stream.of(
        Arguments.of("정답은 2번인지 3번인지 애매합니다."),
        Arguments.of("정답은 3번이라고 하기 어렵습니다. 추가 자료가 필요합니다."),
        Arguments.of("정답은 2번일 수도 있습니다."),
        Arguments.of("옳지 않은 것은 2번일 수도 있습니다."),
        Arguments.of("가장 적절한 것은 ③인 것 같지만 확실하지 않다."),
        Arguments.of("If the correct option is 2, the units would not match."),
        Arguments.of("① 은 틀렸다."),
        Arguments.of("① 옳음 ② 옳음 ③ 틀림 ④ 옳음"),
        Arguments.of("첫 번째와 두 번째 문장이 더 자연스럽습니다."),
        Arguments.of("정답은 다음과 같습니다.\n\n1. 먼저 식을 정리한다.\n2. 양변을 나눈다."),
        Arguments.of("The answer is the second law of thermodynamics."),
        Arguments.of("Therefore, B is wrong."),
        Arguments.of("따라서 3개."),
        Arguments.of("1번입니다.\n\n1번은 시기가 맞지만 인물이 다르다.\n\n3번입니다."));
  }

  @ParameterizedTest
  @MethodSource("doubtsAndLookalikes")
  void should_report_no_letter_when_the_reply_doubts_or_only_resembles_an_answer(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction).isEqualTo(Extraction.none(ExtractionStatus.UNPARSED));
  }

  @ParameterizedTest
  @MethodSource("statedAnswers")
  void should_find_the_stated_answer_when_it_is_phrased_as_a_denial_choice_or_tag(
      String reply, String letter, ExtractionStatus status) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.valueOf(letter));
    then(extraction.status()).isEqualTo(status);
  }

  static Stream<Arguments> noisyReplies() {
    return Stream.of(
        Arguments.of("C\r\n\r\nStep-by-step:\r\n1. Read the question", "C", 0, 1),
        Arguments.of("1번: 적절하다.<br><br>2번: 적절하다.<br>최종 정답: 2번", "B", 37, 38),
        Arguments.of("### ANSWER\\nB", "B", 12, 13),
        Arguments.of("\uFEFF정답:\u00A0\u200B③", "C", 6, 7),
        Arguments.of("\u110C\u1165\u11BC\u1103\u1161\u11B8: 3", "C", 8, 9),
        Arguments.of("\uD83D\uDE42 D \u2705", "D", 3, 4),
        Arguments.of("정답: 3\uFE0F\u20E3", "C", 4, 5),
        Arguments.of("<b>정답: 4</b>", "D", 7, 8));
  }

  @ParameterizedTest
  @MethodSource("noisyReplies")
  void should_find_the_answer_and_its_original_span_when_the_text_carries_encoding_noise(
      String reply, String letter, int start, int end) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.valueOf(letter));
    then(extraction.start()).isEqualTo(start);
    then(extraction.end()).isEqualTo(end);
  }

  @Test
  void should_keep_a_latex_command_when_it_starts_with_backslash_n() {
    // GIVEN
    String latex = "\\(x \\neq 3\\)";
    String escaped = "FINAL:\\n3";
    // WHEN
    ReplyText unchanged = ReplyText.of(latex);
    ReplyText cleaned = ReplyText.of(escaped);
    // THEN
    then(unchanged).isNull();
    then(cleaned.text()).isEqualTo("FINAL:\n3");
  }

  @Test
  void should_take_the_first_answer_when_the_model_goes_on_to_invent_a_new_item() {
    // GIVEN
    ExtractionInput input =
        ExtractionInput.of("B\n\n질문: 다음 중 옳은 것은?\nA. 가\nB. 나\nC. 다\nD. 라\n정답: C", 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction).isEqualTo(Extraction.found(Choice.B, ExtractionStatus.STRICT, 0, 1));
  }

  @Test
  void should_read_the_last_marker_when_the_first_line_has_no_answer_before_a_new_item() {
    // GIVEN
    ExtractionInput input = ExtractionInput.of("풀이:\nQuestion: 다시 보면\nAnswer: C", 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.C);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "최종 정답: 2번과 3번 중 2번이 더 적절하다.|B",
        "정답: 1번과 4번 중에서 4번입니다.|D",
        "정답: 2번과 3번 중 하나입니다.|",
        "정답: 2번과 3번 중 4번이 더 적절하다.|",
        "정답: 1번과 3번 중 1번은 틀렸고 3번은 모호하다.|"
      })
  void should_take_the_picked_option_only_when_the_reply_affirms_one_of_two(
      String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter).orElse(null)).isEqualTo(letter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FINAL: 4", "FINAL — 4", "FINAL - 4", "FINAL → ④"})
  void should_read_the_final_marker_when_any_separator_follows_it(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 5);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).contains(Choice.D);
    then(extraction.status()).isEqualTo(ExtractionStatus.STRICT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "최종 선택: B|B",
        "최종 선택은 ②|B",
        "최종선택: ④|D",
        "선택: 3|C",
        "선택 → 2|B",
        "My choice: C|C",
        "Final choice: (B) because it is cheaper.|B",
        "풀이를 마쳤다.\\n답 4|D",
        "4번째 보기가 정답입니다.|D",
        "세 번째 선택지가 정답|C"
      })
  void should_read_a_strict_answer_when_a_choice_marker_or_an_ordinal_names_it(
      String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply.replace("\\n", "\n"), 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter)).contains(letter);
    then(extraction.status()).isEqualTo(ExtractionStatus.STRICT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "선택: 없음",
        "선택: 3번과 4번",
        "답 2개가 모두 맞는 것 같다.",
        "The choice between A and D depends on the facts.",
        "첫 번째 보기와 세 번째 보기가 정답입니다.",
        "5번째 보기가 정답",
        "제1조에 따르면 보기 2번의 설명은 틀렸다.",
        "학생이 선택한 보기는 2번이었지만 교사는 이를 인정하지 않았다."
      })
  void should_give_no_letter_when_the_reply_commits_to_no_single_option(String reply) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply, 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice()).isEmpty();
    then(extraction.status()).isEqualTo(ExtractionStatus.UNPARSED);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A와 B는 틀렸고, C와 D 중에서는 D가 더 정확합니다.|D",
        "앞의 보기는 법문과 같다.\\n따라서 보기 2번의 설명은 틀렸다.|B"
      })
  void should_read_a_lenient_answer_when_a_pick_or_a_concluded_judgement_names_it(
      String reply, String letter) {
    // GIVEN
    ExtractionInput input = ExtractionInput.of(reply.replace("\\n", "\n"), 4);
    // WHEN
    Extraction extraction = ROBUST.extract(input);
    // THEN
    then(extraction.choice().map(Choice::letter)).contains(letter);
    then(extraction.status()).isEqualTo(ExtractionStatus.LENIENT);
  }
}
