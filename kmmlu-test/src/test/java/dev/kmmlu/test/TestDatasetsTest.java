package dev.kmmlu.test;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDatasetsTest {

  @Test
  void should_build_pro_questions_grouped_by_licence_when_subjects_follow_a_licence() {
    // WHEN
    List<Question> questions =
        TestDatasets.pro()
            .licence("약사")
            .subject("약리학", 10)
            .subject("보건의약관계법규", 10)
            .goldCycling()
            .build();
    // THEN
    then(questions).hasSize(20);
    Question first = questions.get(0);
    then(first.id()).isEqualTo("kmmlu-pro/test/0000");
    then(first.benchmark()).isEqualTo(Benchmark.KMMLU_PRO);
    then(first.group()).isEqualTo("약사");
    then(first.subject()).isEqualTo("약리학");
    then(first.text()).isEqualTo("[약리학] 문제 1: 다음 설명 중 옳은 것을 고르시오.");
    then(first.options())
        .containsExactly(
            "약리학 1번 문제의 첫째 진술",
            "약리학 1번 문제의 둘째 진술",
            "약리학 1번 문제의 셋째 진술",
            "약리학 1번 문제의 넷째 진술");
    then(first.metadata().qualification()).contains("약사");
    then(questions.get(19).id()).isEqualTo("kmmlu-pro/test/0019");
    then(questions.get(19).subject()).isEqualTo("보건의약관계법규");
    then(questions).extracting(Question::answer).startsWith(Choice.A, Choice.B, Choice.C, Choice.D, Choice.A);
  }

  @Test
  void should_give_five_options_and_cycle_through_e_when_five_options_are_asked() {
    // WHEN
    List<Question> questions =
        TestDatasets.pro().licence("회계사").subject("회계학", 6).fiveOptions().goldCycling().build();
    // THEN
    then(questions.get(0).optionCount()).isEqualTo(5);
    then(questions.get(0).group()).isEqualTo("공인회계사");
    then(questions).extracting(Question::answer)
        .containsExactly(Choice.A, Choice.B, Choice.C, Choice.D, Choice.E, Choice.A);
  }

  @Test
  void should_number_kmmlu_ids_within_each_subject_when_building_kmmlu() {
    // WHEN
    List<Question> questions =
        TestDatasets.kmmlu().subject("Accounting", 2).subject("Korean-History", 1).build();
    // THEN
    then(questions)
        .extracting(Question::id)
        .containsExactly(
            "kmmlu/test/Accounting/0000", "kmmlu/test/Accounting/0001", "kmmlu/test/Korean-History/0000");
    then(questions.get(2).metadata().category()).contains("Korean History");
    then(questions).extracting(Question::answer).containsOnly(Choice.A);
  }

  @Test
  void should_group_redux_questions_by_category_when_building_redux() {
    // WHEN
    List<Question> questions = TestDatasets.redux().category("건설", 2).gold(Choice.D).build();
    // THEN
    then(questions).extracting(Question::id).containsExactly("kmmlu-redux/test/0000", "kmmlu-redux/test/0001");
    then(questions).extracting(Question::group).containsOnly("건설");
    then(questions).extracting(Question::answer).containsOnly(Choice.D);
  }

  @Test
  void should_build_equal_questions_when_called_twice() {
    // WHEN
    List<Question> first = TestDatasets.hard().subject("Law", 3).build();
    List<Question> second = TestDatasets.hard().subject("Law", 3).build();
    // THEN
    then(first).isEqualTo(second);
    then(first.get(0).id()).isEqualTo("kmmlu-hard/test/Law/0000");
  }

  @Test
  void should_attach_dev_examples_when_dev_shots_are_asked() {
    // WHEN
    Dataset dataset = TestDatasets.kmmlu().subject("Law", 1).devShots(5).buildDataset();
    // THEN
    then(dataset.size()).isEqualTo(1);
    then(dataset.fewShotExamples("Law", 5))
        .extracting(Question::id)
        .containsExactly(
            "kmmlu/dev/Law/0000", "kmmlu/dev/Law/0001", "kmmlu/dev/Law/0002", "kmmlu/dev/Law/0003",
            "kmmlu/dev/Law/0004");
  }

  @Test
  void should_refuse_a_pro_subject_when_no_licence_is_set() {
    // WHEN
    Throwable thrown = catchThrowable(() -> TestDatasets.pro().subject("약리학", 3));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("licence(...) must be called before subject(\"약리학\", 3)");
  }

  @Test
  void should_refuse_five_options_when_the_benchmark_is_not_pro() {
    // WHEN
    Throwable thrown = catchThrowable(() -> TestDatasets.kmmlu().fiveOptions());
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("five-option items exist in KMMLU-Pro only, but this builder makes kmmlu");
  }

  @Test
  void should_refuse_a_non_positive_count_when_adding_a_subject() {
    // WHEN
    Throwable thrown = catchThrowable(() -> TestDatasets.kmmlu().subject("Law", 0));
    // THEN
    then(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage("count must be positive, but was 0");
  }

  @Test
  void should_refuse_to_build_when_no_subject_was_added() {
    // WHEN
    Throwable thrown = catchThrowable(() -> TestDatasets.redux().build());
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("subject(...) must be called at least once before build()");
  }
}
