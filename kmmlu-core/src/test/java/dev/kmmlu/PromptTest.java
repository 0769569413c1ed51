package dev.kmmlu;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTest {

  @Test
  void should_hash_the_documented_canonical_json() {
    // GIVEN
    Prompt prompt =
        Prompt.of(Message.system("너는 시험관"), Message.user("1+1은?\n\"A\""))
            .withSettings(GenerationSettings.defaults().withStop(List.of("\n")).withSeed(7));
    // WHEN
    String hash = prompt.hash();
    // THEN
    then(hash)
        .isEqualTo(
            Fixtures.sha256(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"너는 시험관\"},"
                    + "{\"role\":\"user\",\"content\":\"1+1은?\\n\\\"A\\\"\"}],"
                    + "\"settings\":{\"max_tokens\":4096,\"temperature\":0.0,\"top_p\":1.0,"
                    + "\"stop\":[\"\\n\"],\"seed\":7}}"));
  }

  @Test
  void should_ignore_the_question_id_when_hashing() {
    // GIVEN
    Prompt prompt = Prompt.ofUser("질문");
    // WHEN
    Prompt withId = prompt.withQuestionId("kmmlu/test/Law/0001");
    // THEN
    then(withId.hash()).isEqualTo(prompt.hash());
    then(withId).isNotEqualTo(prompt);
    then(prompt.withSettings(GenerationSettings.paperReasoning()).hash())
        .isNotEqualTo(prompt.hash());
  }

  @Test
  void should_join_turns_by_blank_lines_and_answers_by_a_space_when_rendered_as_text() {
    // GIVEN
    Prompt prompt =
        Prompt.of(
            Message.system("S"), Message.user("Q1"), Message.assistant("A"), Message.user("Q2"));
    // WHEN
    String text = prompt.text();
    // THEN
    then(text).isEqualTo("S\n\nQ1 A\n\nQ2");
  }

  @Test
  void should_reject_an_empty_message_list() {
    // WHEN
    Throwable thrown = catchThrowable(() -> Prompt.of(List.of()));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("messages must not be empty, but was []");
  }

  @Test
  void should_set_the_question_id_when_given_the_question() {
    // GIVEN
    Prompt prompt = Prompt.ofUser("x");
    // WHEN
    Prompt asked = prompt.withQuestion(Fixtures.fourOptions());
    // THEN
    then(asked.questionId()).isEqualTo("kmmlu/test/Law/0001");
    then(asked.question()).contains(Fixtures.fourOptions());
    then(prompt.questionId()).isEmpty();
    then(prompt.question()).isEmpty();
  }
}
