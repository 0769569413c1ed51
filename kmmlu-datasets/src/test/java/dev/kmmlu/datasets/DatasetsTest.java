package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @Test
  void should_load_subjects_in_taxonomy_order_when_reading_a_kmmlu_directory() {
    // GIVEN
    Path dir = Fixtures.path("kmmlu");
    // WHEN
    Dataset dataset = Datasets.kmmlu(dir, "test");
    // THEN
    then(dataset.benchmark()).isEqualTo(Benchmark.KMMLU);
    then(dataset.split()).isEqualTo("test");
    then(dataset.size()).isEqualTo(7);
    then(dataset.groups()).containsExactly("Accounting", "Korean-History", "Math");
    then(dataset.source()).isEqualTo(dir.toString());
    then(dataset.revision()).isEqualTo("local");
    then(dataset.questions())
        .extracting(Question::id)
        .containsExactly(
            "kmmlu/test/Accounting/0000",
            "kmmlu/test/Accounting/0001",
            "kmmlu/test/Accounting/0002",
            "kmmlu/test/Korean-History/0000",
            "kmmlu/test/Korean-History/0001",
            "kmmlu/test/Math/0000",
            "kmmlu/test/Math/0001");
  }

  @Test
  void should_read_quoted_and_multi_line_fields_when_a_row_spans_lines() {
    // GIVEN
    Path dir = Fixtures.path("kmmlu");
    // WHEN
    Question question = Datasets.kmmlu(dir, "test").questions().get(1);
    // THEN
    then(question.text()).isEqualTo("다음 중 \"발생주의\"에 따른 설명으로 옳은 것은?\n(단, 회계기간은 1년이다.)");
    then(question.options())
        .containsExactly("현금 수취 시 인식", "현금 지급 시\n인식", "계약 체결 시 인식", "거래 발생 시 인식");
    then(question.answer()).isEqualTo(Choice.D);
    then(question.group()).isEqualTo("Accounting");
    then(question.subject()).isEqualTo("Accounting");
    then(question.metadata().humanAccuracy()).isEqualTo(OptionalDouble.of(0.25));
    then(question.metadata().category()).contains("Accounting");
    then(Datasets.kmmlu(dir, "test").questions().get(0).options().get(1))
        .isEqualTo("보관료, 판매 후 발생분");
  }

  @Test
  void should_read_columns_by_name_when_human_accuracy_comes_before_category() {
    // GIVEN
    Path file = Fixtures.path("kmmlu/data/math-test.csv");
    // WHEN
    Dataset dataset = Datasets.loadFile(Benchmark.KMMLU, file);
    // THEN
    Question second = dataset.questions().get(1);
    then(second.id()).isEqualTo("kmmlu/test/Math/0001");
    then(second.text()).isEqualTo("x^2 = 4, x > 0일 때 x의 값은?");
    then(second.answer()).isEqualTo(Choice.B);
    then(second.metadata().humanAccuracy()).isEqualTo(OptionalDouble.of(0.7));
    then(second.metadata().category()).contains("Math");
  }

  @Test
  void should_leave_human_accuracy_absent_when_the_field_is_empty() {
    // GIVEN
    Path file = Fixtures.path("kmmlu/data/korean-history-test.csv");
    // WHEN
    Dataset dataset = Datasets.loadFile(Benchmark.KMMLU, file);
    // THEN
    then(dataset.questions())
        .allSatisfy(q -> then(q.metadata().humanAccuracy()).isEmpty())
        .extracting(Question::group)
        .containsOnly("Korean-History");
    then(dataset.questions().get(0).metadata().category()).contains("Korean History");
  }

  @Test
  void should_attach_the_dev_split_as_few_shot_source_when_dev_files_exist() {
    // GIVEN
    Path dir = Fixtures.path("kmmlu");
    // WHEN
    Dataset dataset = Datasets.kmmlu(dir, "test");
    // THEN
    then(dataset.fewShot()).isPresent();
    then(dataset.fewShotExamples("Accounting", 2))
        .extracting(Question::id)
        .containsExactly("kmmlu/dev/Accounting/0000", "kmmlu/dev/Accounting/0001");
  }

  @Test
  void should_fail_clearly_when_more_few_shot_examples_are_asked_than_exist() {
    // GIVEN
    Dataset dataset = Datasets.kmmlu(Fixtures.path("kmmlu"), "test");
    // WHEN
    Throwable tooMany = catchThrowable(() -> dataset.fewShotExamples("Accounting", 3));
    Throwable noneThere = catchThrowable(() -> dataset.fewShotExamples("Math", 1));
    // THEN
    then(tooMany)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be between 0 and 2 for group \"Accounting\", but was 3");
    then(noneThere)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be between 0 and 0 for group \"Math\", but was 1");
  }

  @Test
  void should_not_attach_few_shot_when_loading_the_dev_split_itself() {
    // GIVEN
    Path dir = Fixtures.path("kmmlu");
    // WHEN
    Dataset dev = Datasets.kmmlu(dir, "dev");
    Throwable thrown = catchThrowable(() -> dev.fewShotExamples("Accounting", 1));
    // THEN
    then(dev.size()).isEqualTo(2);
    then(dev.fewShot()).isEmpty();
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "few-shot examples need a few-shot source, but none is attached to this kmmlu dev"
                + " dataset; load the dev split and call withFewShot(dev)");
  }

  @Test
  void should_take_the_split_from_the_file_name_when_loading_one_kmmlu_file() {
    // GIVEN
    Path file = Fixtures.path("kmmlu/data/Accounting-dev.csv");
    // WHEN
    Dataset dataset = Datasets.loadFile(Benchmark.KMMLU, file);
    // THEN
    then(dataset.split()).isEqualTo("dev");
    then(dataset.questions().get(1).id()).isEqualTo("kmmlu/dev/Accounting/0001");
    then(dataset.questions().get(1).metadata().humanAccuracy()).isEmpty();
  }

  @Test
  void should_use_snake_case_ids_and_config_name_groups_when_loading_kmmlu_hard(
      @TempDir Path dir) throws IOException {
    // GIVEN
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.copy(
        Fixtures.path("kmmlu/data/korean-history-test.csv"),
        data.resolve("korean_history-test.csv"));
    // WHEN
    Dataset dataset = Datasets.kmmluHard(dir, "test");
    // THEN
    then(dataset.questions())
        .extracting(Question::id)
        .containsExactly("kmmlu-hard/test/korean_history/0000", "kmmlu-hard/test/korean_history/0001");
    then(dataset.groups()).containsExactly("Korean-History");
  }

  @Test
  void should_group_by_raw_category_when_the_subject_is_unknown(@TempDir Path dir)
      throws IOException {
    // GIVEN
    Path file = dir.resolve("Astrology-test.csv");
    Files.writeString(
        file,
        "question,answer,A,B,C,D,Category,Human Accuracy\n별자리는 몇 개인가?,4,12,24,66,88,Astrology,\n");
    // WHEN
    Dataset dataset = Datasets.loadFile(Benchmark.KMMLU, file);
    // THEN
    then(dataset.groups()).containsExactly("Astrology");
    then(dataset.unknownGroups()).containsExactly("Astrology");
    then(dataset.questions().get(0).id()).isEqualTo("kmmlu/test/Astrology/0000");
  }

  @Test
  void should_accept_a_byte_order_mark_and_crlf_when_reading_csv(@TempDir Path dir)
      throws IOException {
    // GIVEN
    Path lf = Fixtures.path("kmmlu/data/Accounting-test.csv");
    String crlfText = "\uFEFF" + Files.readString(lf).replace("\n", "\r\n");
    Path crlf = Files.writeString(dir.resolve("Accounting-test.csv"), crlfText);
    // WHEN
    Dataset expected = Datasets.loadFile(Benchmark.KMMLU, lf);
    Dataset actual = Datasets.loadFile(Benchmark.KMMLU, crlf);
    // THEN
    then(actual.questions()).isEqualTo(expected.questions());
    then(actual.fingerprint()).isEqualTo(expected.fingerprint());
  }

  @Test
  void should_accept_a_byte_order_mark_and_crlf_when_reading_jsonl(@TempDir Path dir)
      throws IOException {
    // GIVEN
    Path lf = Fixtures.path("redux/data/kmmlu_redux.jsonl");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = Files.readString(lf).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Path crlf = Files.write(dir.resolve("kmmlu_redux.jsonl"), bytes);
    // WHEN
    Dataset expected = Datasets.redux(lf);
    Dataset actual = Datasets.redux(crlf);
    // THEN
    then(actual.questions()).isEqualTo(expected.questions());
  }

  @Test
  void should_group_by_category_and_report_unknown_ones_when_reading_redux() {
    // GIVEN
    Path dir = Fixtures.path("redux");
    // WHEN
    Dataset dataset = Datasets.redux(dir);
    // THEN
    then(dataset.size()).isEqualTo(4);
    then(dataset.groups()).containsExactly("안전관리", "환경.에너지", "해양", "건설");
    then(dataset.unknownGroups()).containsExactly("해양");
    Question third = dataset.questions().get(2);
    then(third.id()).isEqualTo("kmmlu-redux/test/0002");
    then(third.text()).isEqualTo("다음 중 \"항만\" 시설이 아닌 것은?\n(보기 참조)");
    then(third.answer()).isEqualTo(Choice.C);
    then(third.subject()).isEqualTo("해양");
    then(third.metadata().qualification()).contains("항만기사");
    then(dataset.questions().get(1).answer()).isEqualTo(Choice.A);
  }

  @Test
  void should_group_by_canonical_licence_and_subject_when_reading_pro() {
    // GIVEN
    Path dir = Fixtures.path("pro");
    // WHEN
    Dataset dataset = Datasets.pro(dir);
    // THEN
    then(dataset.groups()).containsExactly("약사", "공인회계사", "수의사");
    then(dataset.unknownGroups()).containsExactly("수의사");
    then(dataset.bySubject("약사")).containsOnlyKeys("약제학", "약리학");
    then(dataset.bySubject("약사").get("약제학"))
        .extracting(Question::id)
        .containsExactly("kmmlu-pro/test/0000", "kmmlu-pro/test/0004");
    Question cpa = dataset.questions().get(2);
    then(cpa.group()).isEqualTo("공인회계사");
    then(cpa.subject()).isEqualTo("회계학");
    then(cpa.optionCount()).isEqualTo(5);
    then(cpa.points()).isEqualTo(2.5);
    then(cpa.metadata().qualification()).contains("회계사");
    then(cpa.metadata().year()).hasValue(2022);
    then(cpa.metadata().round()).hasValue(57);
    then(cpa.metadata().session()).hasValue(1);
    then(dataset.questions().get(1).points()).isEqualTo(1.0);
    then(dataset.questions().get(3).answer()).isEqualTo(Choice.D);
  }

  @Test
  void should_merge_composed_and_decomposed_hangul_when_grouping_json_rows(@TempDir Path dir)
      throws IOException {
    // GIVEN the same licence, subject and category once composed (NFC) and once decomposed (NFD,
    // as some tools on macOS write Hangul): they must group together
    String pharmacist = "약사";
    String pharmacology = "약리학";
    String safety = "안전관리";
    String row =
        "{\"question\": \"%s\", \"options\": [\"가\", \"나\", \"다\", \"라\"],"
            + " \"solution\": \"1\", \"license_name\": \"%s\", \"subject\": \"%s\","
            + " \"category\": \"%s\"}\n";
    String text =
        String.format(row, "문제", pharmacist, pharmacology, safety)
            + String.format(row, nfd("문제"), nfd(pharmacist), nfd(pharmacology), nfd(safety));
    Path file = Files.writeString(dir.resolve("rows.jsonl"), text);
    // WHEN
    Dataset pro = Datasets.loadFile(Benchmark.KMMLU_PRO, file);
    Dataset redux = Datasets.loadFile(Benchmark.KMMLU_REDUX, file);
    // THEN grouping keys are NFC; the question text is kept as the file has it
    then(nfd(pharmacology)).isNotEqualTo(pharmacology);
    then(pro.groups()).containsExactly(pharmacist);
    then(pro.bySubject(pharmacist)).containsOnlyKeys(pharmacology);
    then(pro.bySubject(pharmacist).get(pharmacology)).hasSize(2);
    then(redux.groups()).containsExactly(safety);
    then(redux.questions().get(1).subject()).isEqualTo(safety);
    then(redux.unknownGroups()).isEmpty();
    then(pro.questions().get(1).text()).isEqualTo(nfd("문제"));
  }

  private static String nfd(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
  }

  @Test
  void should_read_other_json_files_when_the_hub_file_name_is_missing() {
    // GIVEN
    Path dir = Fixtures.path("pro-array");
    // WHEN
    Dataset dataset = Datasets.pro(dir);
    // THEN
    then(dataset.size()).isEqualTo(2);
    then(dataset.questions().get(1).id()).isEqualTo("kmmlu-pro/test/0001");
    then(dataset.questions().get(1).answer()).isEqualTo(Choice.D);
    then(dataset.questions().get(1).subject()).isEqualTo("상법");
    then(dataset.groups()).containsExactly("법무사");
  }

  @Test
  void should_reject_a_split_the_benchmark_does_not_publish() {
    // GIVEN
    Path dir = Fixtures.path("redux");
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.load(Benchmark.KMMLU_REDUX, dir, "dev"));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("split must be one of test for kmmlu-redux, but was \"dev\"");
  }

  @Test
  void should_fail_naming_the_folder_when_a_directory_has_no_files_of_the_split(
      @TempDir Path dir) {
    // GIVEN an empty directory
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.kmmlu(dir, "test"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(dir + ": expected files named <Subject>-test.csv, but found none");
  }

  @Test
  void should_fail_naming_the_file_when_it_does_not_exist(@TempDir Path dir) {
    // GIVEN
    Path missing = dir.resolve("nope.jsonl");
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.loadFile(Benchmark.KMMLU_PRO, missing));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(missing + ": expected a readable file, but found none");
  }

  @Test
  void should_say_a_directory_or_file_was_expected_when_the_path_does_not_exist(@TempDir Path dir) {
    // GIVEN
    Path missing = dir.resolve("KMMLU");
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.load(Benchmark.KMMLU, missing, "test"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            missing
                + ": expected a directory in the hub layout or a data file, but nothing exists"
                + " there");
  }

  @Test
  void should_load_only_test_files_when_a_directory_mixes_splits() {
    // GIVEN
    Path data = Fixtures.path("kmmlu/data");
    // WHEN
    Dataset dataset = Datasets.kmmlu(data, "test");
    // THEN
    then(dataset.questions()).extracting(Question::split).containsOnly("test");
    then(dataset.size()).isEqualTo(7);
    then(List.of(dataset.source())).containsExactly(data.toString());
  }
}
