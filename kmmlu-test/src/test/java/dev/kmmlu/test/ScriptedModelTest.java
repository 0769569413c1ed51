package dev.kmmlu.test;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.ModelException;
import dev.kmmlu.Prompt;
import dev.kmmlu.PromptTemplate;
import dev.kmmlu.Reply;
import dev.kmmlu.datasets.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {

  @Test
  void should_answer_by_question_id_then_sequence_then_fallback_when_scripted() {
    // GIVEN
    ScriptedModel model =
        ScriptedModel.builder()
            .reply("q1", "정답: B")
            .thenReply("정답: C", "정답: D")
            .otherwise(prompt -> Reply.of("기본"))
            .build();
    // WHEN
    List<String> texts =
        List.of(
            model.respond(Prompt.ofUser("x").withQuestionId("q2")).text(),
            model.respond(Prompt.ofUser("x").withQuestionId("q1")).text(),
            model.respond(Prompt.ofUser("x")).text(),
            model.respond(Prompt.ofUser("x")).text());
    // THEN
    then(texts).containsExactly("정답: C", "정답: B", "정답: D", "기본");
    then(model.calls()).isEqualTo(4);
    then(model.remainingInSequence()).isZero();
  }

  @Test
  void should_throw_model_exception_when_a_failure_is_scripted() {
    // GIVEN
    ScriptedModel model = ScriptedModel.builder().failure("q1", "server overloaded").build();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(Prompt.ofUser("x").withQuestionId("q1")));
    // THEN
    then(thrown).isInstanceOf(ModelException.class).hasMessage("test:scripted: server overloaded");
  }

  @Test
  void should_say_how_to_script_a_reply_when_no_rule_answers() {
    // GIVEN
    ScriptedModel model = ScriptedModel.builder().id("mine").build();
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(Prompt.ofUser("x").withQuestionId("q9")));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "mine has no reply for question id \"q9\" (call 1); script one with reply(questionId,"
                + " text), thenReply(text) or otherwise(function)");
  }

  @Test
  void should_answer_the_gold_letter_when_always_correct() {
    // GIVEN
    List<Question> questions = TestDatasets.kmmlu().subject("Law", 3).goldCycling().build();
    ScriptedModel model = ScriptedModel.alwaysCorrect();
    // WHEN
    List<String> texts =
        questions.stream()
            .map(question -> model.respond(PromptTemplate.koreanCot().render(question)).text())
            .toList();
    // THEN
    then(texts).containsExactly("정답: A", "정답: B", "정답: C");
  }

  @Test
  void should_explain_how_to_attach_the_question_when_always_correct_gets_a_bare_prompt() {
    // WHEN
    Throwable thrown = catchThrowable(() -> ScriptedModel.alwaysCorrect().respond(Prompt.ofUser("x")));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("test:always-correct needs the prompt's question, but prompt ")
        .hasMessageEndingWith(
            " carries none; render it with a PromptTemplate or use Prompt.withQuestion(question)");
  }

  @Test
  void should_reject_a_blank_id_when_building() {
    // WHEN
    Throwable thrown = catchThrowable(() -> ScriptedModel.builder().id(" "));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank, but was \" \"");
  }
}
