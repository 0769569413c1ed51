package dev.kmmlu;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {
  @TempDir Path dir;

  private static Prompt ask(String questionId) {
    return Prompt.ofUser("질문").withQuestionId(questionId);
  }

  @Test
  void should_default_the_id_to_custom_when_a_lambda() {
    // GIVEN
    Model model = prompt -> Reply.of("x");
    // THEN
    then(model.id()).isEqualTo("custom");
    then(Model.of("mine", model).id()).isEqualTo("mine");
  }

  @Test
  void should_always_answer_the_choice_when_constant() {
    // GIVEN
    Model model = Model.constant(Choice.C);
    // WHEN
    Reply reply = model.respond(ask("q1"));
    // THEN
    then(reply).isEqualTo(new Reply("정답: C", "", "", Usage.unknown(), 1));
    then(model.id()).isEqualTo("builtin:constant:C");
  }

  @Test
  void should_answer_the_same_per_question_regardless_of_order_and_threads_when_random() {
    // GIVEN
    Model model = Model.random(42);
    List<String> ids = new ArrayList<>();
    IntStream.range(0, 500).forEach(i -> ids.add("kmmlu/test/Law/" + i));
    Map<String, String> sequential = new ConcurrentHashMap<>();
    ids.forEach(id -> sequential.put(id, model.respond(ask(id)).text()));
    // WHEN
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, new java.util.Random(1));
    Map<String, String> parallel = new ConcurrentHashMap<>();
    shuffled.parallelStream()
        .forEach(id -> parallel.put(id, Model.random(42).respond(ask(id)).text()));
    // THEN
    then(parallel).isEqualTo(sequential);
    then(model.id()).isEqualTo("builtin:random:seed=42");
    then(Model.random(43).respond(ask("x")).text()).matches("정답: [ABCD]");
  }

  @Test
  void should_spread_answers_evenly_over_the_options_when_random() {
    // GIVEN
    Model model = Model.random(7);
    Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
    // WHEN
    for (int i = 0; i < 4000; i++) {
      Choice choice = Choice.parse(model.respond(ask("q" + i)).text().substring(4)).orElseThrow();
      counts.merge(choice, 1, Integer::sum);
    }
    // THEN
    then(counts).containsOnlyKeys(Choice.A, Choice.B, Choice.C, Choice.D);
    counts.values().forEach(count -> then(count).isBetween(880, 1120));
  }

  @Test
  void should_answer_by_question_id_and_fail_for_a_missing_id_when_scripted() {
    // GIVEN
    Model model = Model.scripted(Map.of("q1", "정답: B"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model.respond(ask("q2")));
    // THEN
    then(model.respond(ask("q1")).text()).isEqualTo("정답: B");
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage("scripted model has no reply for question \"q2\"");
    then(model.id()).isEqualTo("builtin:scripted");
  }

  @Test
  void should_return_what_the_function_returns_when_scripted_with_a_function() {
    // GIVEN
    Model model = Model.scripted(prompt -> Reply.of(prompt.questionId()).withFinishReason("stop"));
    // WHEN
    Reply reply = model.respond(ask("q9"));
    // THEN
    then(reply.text()).isEqualTo("q9");
    then(reply.finishReason()).isEqualTo("stop");
  }

  @Test
  void should_replay_the_recorded_replies_when_replay() {
    // GIVEN
    Path file = dir.resolve("responses.jsonl");
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q1"));
    }
    Model model = Model.replay(file);
    // WHEN
    Reply reply = model.respond(ask("q1"));
    Throwable thrown = catchThrowable(() -> model.respond(ask("q2")));
    // THEN
    then(reply).isEqualTo(new Reply("정답: B", "생각", "stop", new Usage(120, 30, 150), 2));
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage("journal " + file + " has no reply for question \"q2\"");
    then(model.id()).isEqualTo("builtin:replay:openai:m");
  }

  @Test
  void should_answer_correctly_at_the_human_accuracy_when_human() {
    // GIVEN
    Model model = Model.human(5);
    int correct = 0;
    int n = 4000;
    // WHEN
    for (int i = 0; i < n; i++) {
      Question question = Fixtures.withHumanAccuracy("q" + i, 0.3, Choice.B);
      String text = model.respond(PromptTemplate.koreanCot().render(question)).text();
      if (text.equals("정답: B")) {
        correct++;
      }
      then(text).matches("정답: [ABCD]");
    }
    // THEN: 0.3 +- 4 standard errors (sqrt(0.3 * 0.7 / 4000) = 0.0072)
    then(correct / (double) n).isBetween(0.271, 0.329);
    then(model.id()).isEqualTo("builtin:human:seed=5");
  }

  @Test
  void should_always_answer_right_when_human_accuracy_is_one_and_wrong_when_zero() {
    // GIVEN
    Model model = Model.human(1);
    Question easy = Fixtures.withHumanAccuracy("easy", 1.0, Choice.A);
    Question hard = Fixtures.withHumanAccuracy("hard", 0.0, Choice.A);
    // WHEN
    String right = model.respond(PromptTemplate.koreanCot().render(easy)).text();
    String wrong = model.respond(PromptTemplate.koreanCot().render(hard)).text();
    // THEN
    then(right).isEqualTo("정답: A");
    then(wrong).isIn("정답: B", "정답: C", "정답: D");
  }

  @Test
  void should_fail_when_human_gets_a_question_without_human_accuracy() {
    // GIVEN
    Model model = Model.human(1);
    // WHEN
    Throwable thrown =
        catchThrowable(
            () -> model.respond(PromptTemplate.koreanCot().render(Fixtures.fourOptions())));
    // THEN
    then(thrown)
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "human model needs a human accuracy, but question \"kmmlu/test/Law/0001\" has none");
  }

  @Test
  void should_reject_a_prompt_without_its_question_when_human() {
    // WHEN
    Throwable thrown = catchThrowable(() -> Model.human(1).respond(ask("q1")));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "prompt must carry its question for the human model, but question \"q1\" had none");
  }
}
