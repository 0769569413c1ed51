package dev.kmmlu;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
  private static final Question SHOT1 =
      Fixtures.question("kmmlu/dev/Law/0001", "첫 예제?", List.of("a", "b", "c", "d"), Choice.B);
  private static final Question SHOT2 =
      Fixtures.question("kmmlu/dev/Law/0002", " 둘째 예제? ", List.of("e", "f", "g", "h"), Choice.A);

  @Test
  void should_render_the_paper_korean_prompt_when_the_item_has_four_options() {
    // GIVEN
    Question question = Fixtures.fourOptions();
    // WHEN
    Prompt prompt = PromptTemplate.koreanCot().render(question);
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user(
                "다음 문제에 대해 정답을 고르세요. 당신의 최종 정답은 ABCD 중 하나이고, \"정답:\" 뒤에 와야 합니다."
                    + " 정답을 고르기 전에 차근차근 생각하고 추론하세요.\n"
                    + "\n"
                    + "다음 중 헌법상 기본권이 아닌 것은?\n"
                    + "\n"
                    + "A) 평등권\n"
                    + "B) 자유권\n"
                    + "C) 참정권\n"
                    + "D) 납세의 의무"));
    then(prompt.questionId()).isEqualTo("kmmlu/test/Law/0001");
    then(prompt.question()).contains(question);
  }

  @Test
  void should_use_five_letters_when_the_item_has_five_options() {
    // GIVEN
    Question question = Fixtures.fiveOptions();
    // WHEN
    Prompt prompt = PromptTemplate.koreanCot().render(question);
    // THEN
    then(prompt.messages().get(0).content())
        .isEqualTo(
            "다음 문제에 대해 정답을 고르세요. 당신의 최종 정답은 ABCDE 중 하나이고, \"정답:\" 뒤에 와야 합니다."
                + " 정답을 고르기 전에 차근차근 생각하고 추론하세요.\n\n옳은 것은?\n\n"
                + "A) 가\nB) 나\nC) 다\nD) 라\nE) 마");
  }

  @Test
  void should_render_the_simple_evals_prompt_when_english_cot() {
    // GIVEN
    Question question = Fixtures.fiveOptions();
    // WHEN
    Prompt prompt = PromptTemplate.englishCot().render(question);
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user(
                "Answer the following multiple choice question. The last line of your response"
                    + " should be of the following format: 'Answer: $LETTER' (without quotes)"
                    + " where LETTER is one of ABCDE. Think step by step before answering.\n\n"
                    + "옳은 것은?\n\nA) 가\nB) 나\nC) 다\nD) 라\nE) 마"));
  }

  @Test
  void should_put_shots_before_the_question_as_answered_turns_when_cot_gets_shots() {
    // GIVEN
    Question question = Fixtures.fourOptions();
    // WHEN
    Prompt prompt =
        PromptTemplate.englishCot().render(question, List.of(SHOT1), GenerationSettings.defaults());
    // THEN
    then(prompt.messages())
        .extracting(Message::role)
        .containsExactly(Message.Role.USER, Message.Role.ASSISTANT, Message.Role.USER);
    then(prompt.messages().get(1).content()).isEqualTo("Answer: B");
  }

  @Test
  void should_render_the_harness_format_when_kmmlu_direct_has_no_shots() {
    // GIVEN
    Question question = Fixtures.fourOptions();
    // WHEN
    Prompt prompt = PromptTemplate.kmmluDirect(0).render(question);
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user("다음 중 헌법상 기본권이 아닌 것은?\nA. 평등권\nB. 자유권\nC. 참정권\nD. 납세의 의무\n정답\uff1a"));
  }

  @Test
  void should_give_shots_as_user_and_assistant_turns_when_kmmlu_direct_has_shots() {
    // GIVEN
    Question question = Fixtures.fourOptions();
    // WHEN
    Prompt prompt =
        PromptTemplate.kmmluDirect(2)
            .render(question, List.of(SHOT1, SHOT2, SHOT1), GenerationSettings.defaults());
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user("첫 예제?\nA. a\nB. b\nC. c\nD. d\n정답\uff1a"),
            Message.assistant("B"),
            Message.user("둘째 예제?\nA. e\nB. f\nC. g\nD. h\n정답\uff1a"),
            Message.assistant("A"),
            Message.user("다음 중 헌법상 기본권이 아닌 것은?\nA. 평등권\nB. 자유권\nC. 참정권\nD. 납세의 의무\n정답\uff1a"));
    then(prompt.text())
        .isEqualTo(
            "첫 예제?\nA. a\nB. b\nC. c\nD. d\n정답\uff1a B\n\n"
                + "둘째 예제?\nA. e\nB. f\nC. g\nD. h\n정답\uff1a A\n\n"
                + "다음 중 헌법상 기본권이 아닌 것은?\nA. 평등권\nB. 자유권\nC. 참정권\nD. 납세의 의무\n정답\uff1a");
  }

  @Test
  void should_write_one_text_equal_to_the_turns_text_when_shots_as_text() {
    // GIVEN
    Question question = Fixtures.fourOptions();
    DirectPromptTemplate turns = PromptTemplate.kmmluDirect(2);
    DirectPromptTemplate text = turns.withShotsAsText(true);
    // WHEN
    Prompt asText = text.render(question, List.of(SHOT1, SHOT2), GenerationSettings.defaults());
    Prompt asTurns = turns.render(question, List.of(SHOT1, SHOT2), GenerationSettings.defaults());
    // THEN
    then(asText.messages()).containsExactly(Message.user(asTurns.text()));
    then(text.name()).isEqualTo("kmmlu-direct-2shot-text");
    then(turns.name()).isEqualTo("kmmlu-direct-2shot");
    then(text.hash()).isNotEqualTo(turns.hash());
  }

  @Test
  void should_add_an_e_line_when_kmmlu_direct_renders_five_options() {
    // GIVEN
    Question question = Fixtures.fiveOptions();
    // WHEN
    Prompt prompt = PromptTemplate.kmmluDirect(5).render(question);
    // THEN
    then(prompt.text()).isEqualTo("옳은 것은?\nA. 가\nB. 나\nC. 다\nD. 라\nE. 마\n정답\uff1a");
  }

  @Test
  void should_reject_shots_above_five_when_kmmlu_direct() {
    // WHEN
    Throwable thrown = catchThrowable(() -> PromptTemplate.kmmluDirect(6));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shots must be between 0 and 5, but was 6");
  }

  @Test
  void should_fill_placeholders_once_when_template_is_a_string() {
    // GIVEN
    Question question =
        Fixtures.question("q", "{options} 는?", List.of("w", "x", "y", "z"), Choice.A);
    PromptTemplate template =
        PromptTemplate.of("mine", "Q: {question}\n{options}\nPick {letters} {other}");
    // WHEN
    Prompt prompt = template.render(question);
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user("Q: {options} 는?\nA) w\nB) x\nC) y\nD) z\nPick ABCD {other}"));
    then(template.name()).isEqualTo("mine");
  }

  @Test
  void should_answer_shots_with_the_bare_letter_when_template_is_a_function() {
    // GIVEN
    PromptTemplate template = PromptTemplate.of("fn", q -> "Q " + q.id());
    // WHEN
    Prompt prompt =
        template.render(
            Fixtures.fourOptions(), List.of(SHOT1), GenerationSettings.paperReasoning());
    // THEN
    then(prompt.messages())
        .containsExactly(
            Message.user("Q kmmlu/dev/Law/0001"),
            Message.assistant("B"),
            Message.user("Q kmmlu/test/Law/0001"));
    then(prompt.settings()).isEqualTo(GenerationSettings.paperReasoning());
  }

  @Test
  void
      should_keep_the_hash_when_the_same_template_is_built_twice_and_change_it_when_text_differs() {
    // GIVEN
    PromptTemplate first = PromptTemplate.of("mine", "{question} {options}");
    PromptTemplate same = PromptTemplate.of("mine", "{question} {options}");
    PromptTemplate other = PromptTemplate.of("mine", "{question}\n{options}");
    // WHEN
    String hash = first.hash();
    // THEN
    then(hash).hasSize(64).isEqualTo(same.hash()).isNotEqualTo(other.hash());
    then(PromptTemplate.koreanCot().hash()).isNotEqualTo(PromptTemplate.englishCot().hash());
    then(PromptTemplate.kmmluDirect(5).hash()).isNotEqualTo(PromptTemplate.kmmluDirect(4).hash());
  }

  @Test
  void should_reject_a_blank_name() {
    // WHEN
    Throwable thrown = catchThrowable(() -> PromptTemplate.of(" ", "{question}"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, but was \" \"");
  }

  @Test
  void should_keep_the_built_in_template_hashes_stable_across_releases() {
    // WHEN
    String korean = PromptTemplate.koreanCot().hash();
    String english = PromptTemplate.englishCot().hash();
    String direct = PromptTemplate.kmmluDirect(5).hash();
    // THEN: a change here makes resumed runs refuse journals written before it
    then(korean).isEqualTo("d37422f8bdd72b11e2d6feb87ec527473990d5674097d2c3760a6f3b1d42c3c2");
    then(english).isEqualTo("72dd209fc115801fb004635350c22e060aca0739505ce793392201dc1221c4bc");
    then(direct).isEqualTo("ca6ca617fd82586521f0e32809e1165e69a1c7803558984a50b4bb3144285b02");
  }
}
