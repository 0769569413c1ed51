package dev.kmmlu.test;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.GenerationSettings;
import dev.kmmlu.Message;
import dev.kmmlu.Model;
import dev.kmmlu.Prompt;
import dev.kmmlu.PromptTemplate;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Question;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordingModelTest {

  @Test
  void should_show_five_dev_examples_in_the_prompt_when_the_template_is_five_shot() {
    // GIVEN
    Dataset dataset = TestDatasets.kmmlu().subject("Accounting", 2).devShots(5).buildDataset();
    RecordingModel model = RecordingModel.of(Model.constant(Choice.A));
    PromptTemplate template = PromptTemplate.kmmluDirect(5);
    // WHEN
    for (Question question : dataset) {
      List<Question> shots = dataset.fewShotExamples(question.group(), 5);
      model.respond(template.render(question, shots, GenerationSettings.defaults()));
    }
    // THEN
    Prompt prompt = model.promptFor("kmmlu/test/Accounting/0001");
    then(prompt.text()).contains("[Accounting] 예제 5:").doesNotContain("예제 6");
    then(model.count()).isEqualTo(2);
    then(model.lastPrompt()).isSameAs(prompt);
  }

  @Test
  void should_keep_every_prompt_when_called_from_many_threads() {
    // GIVEN
    RecordingModel model = RecordingModel.of(Model.constant(Choice.B));
    // WHEN
    IntStream.range(0, 200)
        .parallel()
        .forEach(i -> model.respond(Prompt.ofUser("q").withQuestionId("id-" + i)));
    // THEN
    then(model.prompts()).hasSize(200);
    then(model.promptsFor("id-7")).hasSize(1);
  }

  @Test
  void should_list_recorded_ids_when_no_prompt_matches() {
    // GIVEN
    RecordingModel model = RecordingModel.of(Model.constant(Choice.B));
    model.respond(Prompt.of(Message.user("q")).withQuestionId("a"));
    // WHEN
    Throwable thrown = catchThrowable(() -> model.promptFor("b"));
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected exactly one prompt for question id \"b\", but found 0; recorded question"
                + " ids: [a]");
  }

  @Test
  void should_fail_when_asked_for_the_last_prompt_before_any_call() {
    // WHEN
    Throwable thrown = catchThrowable(() -> RecordingModel.of(Model.random(1)).lastPrompt());
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected the model to have been asked, but no prompt was recorded");
  }

  @Test
  void should_report_the_wrapped_id_when_asked() {
    // WHEN
    String id = RecordingModel.of(Model.random(42)).id();
    // THEN
    then(id).isEqualTo("builtin:random:seed=42");
  }
}
