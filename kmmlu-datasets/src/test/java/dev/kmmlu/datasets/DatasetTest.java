package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static Question question(int index, String group, String subject, Choice answer) {
    return new Question(
        String.format("kmmlu-pro/test/%04d", index),
        Benchmark.KMMLU_PRO,
        "test",
        group,
        subject,
        "문제 " + index,
        List.of("가", "나", "다", "라"),
        answer,
        QuestionMetadata.empty());
  }

  private static Dataset tenQuestions() {
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      questions.add(question(i, i % 3 == 0 ? "약사" : "의사", i % 2 == 0 ? "약리학" : "약제학", Choice.A));
    }
    return Dataset.of(Benchmark.KMMLU_PRO, "test", questions);
  }

  @Test
  void should_order_groups_by_first_appearance_when_partitioning() {
    // GIVEN
    Dataset dataset = tenQuestions();
    // WHEN
    List<String> groups = dataset.groups();
    // THEN
    then(groups).containsExactly("약사", "의사");
    then(dataset.byGroup().get("약사"))
        .extracting(Question::id)
        .containsExactly(
            "kmmlu-pro/test/0000", "kmmlu-pro/test/0003", "kmmlu-pro/test/0006", "kmmlu-pro/test/0009");
    then(dataset.bySubject("약사")).containsOnlyKeys("약리학", "약제학");
    then(dataset.bySubject("약사").get("약제학")).hasSize(2);
  }

  @Test
  void should_reject_an_unknown_group_when_asking_for_its_subjects() {
    // GIVEN
    Dataset dataset = tenQuestions();
    // WHEN
    Throwable thrown = catchThrowable(() -> dataset.bySubject("치과의사"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group must be one of this dataset's groups, but was \"치과의사\"");
  }

  @Test
  void should_keep_order_and_provenance_when_filtering_and_narrowing() {
    // GIVEN
    Dataset dataset = tenQuestions().withRevision("abc123");
    // WHEN
    Dataset filtered = dataset.filter(q -> q.subject().equals("약리학"));
    Dataset grouped = dataset.withGroups(List.of("의사"));
    Dataset limited = dataset.limit(3);
    // THEN
    then(filtered.questions())
        .extracting(Question::id)
        .containsExactly(
            "kmmlu-pro/test/0000",
            "kmmlu-pro/test/0002",
            "kmmlu-pro/test/0004",
            "kmmlu-pro/test/0006",
            "kmmlu-pro/test/0008");
    then(grouped.size()).isEqualTo(6);
    then(grouped.groups()).containsExactly("의사");
    then(limited.questions()).extracting(Question::id).endsWith("kmmlu-pro/test/0002");
    then(limited.revision()).isEqualTo("abc123");
    then(limited.source()).isEqualTo("memory");
    then(dataset.limit(99)).isSameAs(dataset);
  }

  @Test
  void should_reject_unknown_groups_when_narrowing_to_groups() {
    // GIVEN
    Dataset dataset = tenQuestions();
    // WHEN
    Throwable thrown = catchThrowable(() -> dataset.withGroups(List.of("의사", "약사 ")));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groups must be groups of this dataset, but \"약사 \" is not");
  }

  @Test
  void should_draw_the_same_questions_in_dataset_order_when_the_seed_is_the_same() {
    // GIVEN
    Dataset dataset = tenQuestions();
    // WHEN
    Dataset first = dataset.sample(4, 42L);
    Dataset second = dataset.sample(4, 42L);
    Dataset other = dataset.sample(4, 43L);
    // THEN
    then(first.questions()).isEqualTo(second.questions());
    then(first.questions()).isNotEqualTo(other.questions());
    then(first.questions())
        .extracting(Question::id)
        .isSortedAccordingTo(String::compareTo)
        .doesNotHaveDuplicates()
        .hasSize(4);
    then(dataset.sample(10, 7L).questions()).isEqualTo(dataset.questions());
  }

  @Test
  void should_reject_a_sample_larger_than_the_dataset() {
    // GIVEN
    Dataset dataset = tenQuestions();
    // WHEN
    Throwable thrown = catchThrowable(() -> dataset.sample(11, 1L));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be between 0 and 10, but was 11");
  }

  @Test
  void should_hash_the_documented_canonical_form_when_fingerprinting() throws Exception {
    // GIVEN
    Question only = question(0, "약사", "약리학", Choice.C);
    Dataset dataset = Dataset.of(Benchmark.KMMLU_PRO, "test", List.of(only));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    write(out, "kmmlu-pro/test/0000");
    write(out, "문제 0");
    out.writeInt(4);
    for (String option : List.of("가", "나", "다", "라")) {
      write(out, option);
    }
    write(out, "C");
    write(out, "약사");
    write(out, "약리학");
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    // WHEN
    String fingerprint = dataset.fingerprint();
    // THEN
    then(fingerprint).isEqualTo(expected).hasSize(64);
    // pinned independently (python3 hashlib over the documented form), so a change of the form
    // or of the encoding fails here even if this test's own encoder changed with it
    then(fingerprint)
        .isEqualTo("08884957062d793bd51293dbfee3eaf413a97ac4ccae38ab4e51de774f194a72");
  }

  private static void write(DataOutputStream out, String field) throws IOException {
    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  @Test
  void should_change_the_fingerprint_when_a_gold_answer_changes() {
    // GIVEN
    Dataset a = Dataset.of(Benchmark.KMMLU_PRO, "test", List.of(question(0, "약사", "약리학", Choice.A)));
    Dataset b = Dataset.of(Benchmark.KMMLU_PRO, "test", List.of(question(0, "약사", "약리학", Choice.B)));
    // WHEN / THEN
    then(a.fingerprint()).isNotEqualTo(b.fingerprint());
    then(a.withRevision("abc").fingerprint()).isEqualTo(a.fingerprint());
  }

  @Test
  void should_reject_duplicate_ids_when_creating_a_dataset() {
    // GIVEN
    Question one = question(0, "약사", "약리학", Choice.A);
    // WHEN
    Throwable thrown =
        catchThrowable(() -> Dataset.of(Benchmark.KMMLU_PRO, "test", List.of(one, one)));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question ids must be unique, but kmmlu-pro/test/0000 appears twice");
  }

  @Test
  void should_reject_questions_of_another_benchmark_when_creating_a_dataset() {
    // GIVEN
    Question one = question(0, "약사", "약리학", Choice.A);
    // WHEN
    Throwable thrown = catchThrowable(() -> Dataset.of(Benchmark.KMMLU, "test", List.of(one)));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("questions must belong to KMMLU, but kmmlu-pro/test/0000 belongs to KMMLU_PRO");
  }

  @Test
  void should_reject_few_shot_examples_of_another_benchmark() {
    // GIVEN
    Dataset pro = tenQuestions();
    Dataset kmmlu = Datasets.kmmlu(Fixtures.path("kmmlu"), "dev");
    // WHEN
    Throwable thrown = catchThrowable(() -> pro.withFewShot(kmmlu));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("examples must belong to KMMLU_PRO, but belong to KMMLU");
  }

  @Test
  void should_describe_itself_when_printed() {
    // GIVEN
    Dataset dataset = tenQuestions().withSource("demo");
    // WHEN
    String text = dataset.toString();
    // THEN
    then(text).isEqualTo("Dataset[kmmlu-pro/test, 10 questions, demo@local]");
  }
}
