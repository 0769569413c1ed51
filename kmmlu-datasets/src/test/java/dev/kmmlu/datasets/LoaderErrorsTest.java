package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoaderErrorsTest {
  private static final String HEADER = "question,answer,A,B,C,D,Category,Human Accuracy\n";
  private static final String PRO_ROW =
      "{\"question\": \"문제\", \"options\": %s, \"solution\": %s, \"license_name\": \"약사\","
          + " \"subject\": \"약제학\"}\n";
  private static final String REDUX_ROW =
      "{\"question\": %s, \"options\": %s, \"solution\": \"1\", \"category\": \"건설\","
          + " \"license_name\": \"조경기사\"}\n";

  @TempDir Path dir;

  private Throwable loadCsv(String text) throws IOException {
    Path file = Files.writeString(dir.resolve("Law-test.csv"), text);
    return catchThrowable(() -> Datasets.loadFile(Benchmark.KMMLU, file));
  }

  private Throwable loadJson(Benchmark benchmark, String text) throws IOException {
    Path file = Files.writeString(dir.resolve("rows.jsonl"), text);
    return catchThrowable(() -> Datasets.loadFile(benchmark, file));
  }

  private String csv() {
    return dir.resolve("Law-test.csv").toString();
  }

  private String jsonl() {
    return dir.resolve("rows.jsonl").toString();
  }

  @Test
  void should_name_the_missing_column_when_the_header_lacks_one() throws IOException {
    // GIVEN
    String text = "question,answer,A,B,C,Category,Human Accuracy\n문제,1,가,나,다,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            csv()
                + ":1: field \"D\": expected this column in the header, but found only"
                + " question,answer,A,B,C,Category,Human Accuracy");
    DatasetException error = (DatasetException) thrown;
    then(error.source()).isEqualTo(csv());
    then(error.line()).isEqualTo(1);
    then(error.field()).contains("D");
  }

  @Test
  void should_name_the_column_when_the_header_repeats_it() throws IOException {
    // GIVEN
    String text = "question,answer,A,B,C,D,A\n문제,1,가,나,다,라,마\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            csv() + ":1: field \"A\": expected each column name once in the header, but found it twice");
  }

  @ParameterizedTest
  @CsvSource({"5, '\"5\"'", "0, '\"0\"'", "B, '\"B\"'", "'', '\"\"'", "1.0, '\"1.0\"'"})
  void should_quote_the_answer_when_it_is_not_a_number_from_1_to_4(String answer, String shown)
      throws IOException {
    // GIVEN
    String text = HEADER + "첫 문제,1,가,나,다,라,Law,0.5\n둘째 문제," + answer + ",가,나,다,라,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":3: field \"answer\": expected a number from 1 to 4, but found " + shown);
  }

  @Test
  void should_count_physical_lines_when_an_earlier_row_spans_several() throws IOException {
    // GIVEN
    String text = HEADER + "\"여러\n줄\n문제\",1,가,나,다,라,Law,0.5\n둘째,9,가,나,다,라,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":5: field \"answer\": expected a number from 1 to 4, but found \"9\"");
  }

  @Test
  void should_fail_when_a_question_is_empty_in_csv() throws IOException {
    // GIVEN
    String text = HEADER + "\" \",1,가,나,다,라,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            csv() + ":2: field \"question\": expected a non-empty question text, but found \" \"");
  }

  @Test
  void should_fail_when_an_option_is_empty_in_csv() throws IOException {
    // GIVEN
    String text = HEADER + "문제,1,가,나,,라,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":2: field \"C\": expected a non-empty option text, but found \"\"");
  }

  @Test
  void should_fail_when_a_row_has_fewer_fields_than_the_header() throws IOException {
    // GIVEN
    String text = HEADER + "문제,1,가,나,다,라,Law\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":2: expected 8 fields as in the header, but found 7");
  }

  @Test
  void should_fail_when_a_blank_line_sits_between_csv_rows() throws IOException {
    // GIVEN
    String text = HEADER + "문제,1,가,나,다,라,Law,0.5\n\n문제,1,가,나,다,라,Law,0.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":3: expected 8 fields as in the header, but found 1");
  }

  @Test
  void should_fail_when_human_accuracy_is_out_of_range() throws IOException {
    // GIVEN
    String text = HEADER + "문제,1,가,나,다,라,Law,1.5\n";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            csv()
                + ":2: field \"Human Accuracy\": expected nothing or a number from 0 to 1, but"
                + " found \"1.5\"");
  }

  @Test
  void should_fail_when_a_csv_file_is_empty() throws IOException {
    // GIVEN
    String text = "";
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ": expected a header line, but found an empty file");
    then(((DatasetException) thrown).line()).isZero();
  }

  @Test
  void should_fail_when_a_csv_file_has_only_a_header() throws IOException {
    // GIVEN
    String text = HEADER;
    // WHEN
    Throwable thrown = loadCsv(text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ": expected at least one row after the header, but found none");
  }

  @Test
  void should_name_the_line_when_the_bytes_are_not_utf_8() throws IOException {
    // GIVEN
    byte[] good = (HEADER + "문제,1,가,나,다,라,Law,0.5\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 3];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = 'x';
    bytes[good.length + 1] = (byte) 0xFF;
    bytes[good.length + 2] = '\n';
    Path file = Files.write(dir.resolve("Law-test.csv"), bytes);
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.loadFile(Benchmark.KMMLU, file));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(csv() + ":3: expected UTF-8 text, but found the malformed byte 0xFF");
  }

  @Test
  void should_name_the_line_when_a_jsonl_line_is_not_utf_8() throws IOException {
    // GIVEN a Korean character in EUC-KR, which is not UTF-8
    byte[] bytes = "{\"question\": \"".getBytes(StandardCharsets.US_ASCII);
    byte[] euckr = {(byte) 0xB0, (byte) 0xA1};
    byte[] all = new byte[bytes.length + euckr.length];
    System.arraycopy(bytes, 0, all, 0, bytes.length);
    System.arraycopy(euckr, 0, all, bytes.length, euckr.length);
    Path file = Files.write(dir.resolve("rows.jsonl"), all);
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.loadFile(Benchmark.KMMLU_REDUX, file));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: expected UTF-8 text, but found the malformed byte 0xB0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"E\"' | '\"E\"'",
        "'\"5\"' | '\"5\"'",
        "5 | 5",
        "0 | 0",
        "null | null",
        "'\"\"' | '\"\"'"
      })
  void should_fail_when_the_solution_is_outside_a_four_option_row(String solution, String shown)
      throws IOException {
    // GIVEN
    String text =
        String.format(PRO_ROW, "[\"가\", \"나\", \"다\", \"라\", \"마\"]", "\"5\"")
            + String.format(PRO_ROW, "[\"가\", \"나\", \"다\", \"라\"]", solution);
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":2: field \"solution\": expected a number from 1 to 4, but found " + shown);
  }

  @Test
  void should_say_nothing_was_found_when_the_solution_is_missing() throws IOException {
    // GIVEN
    String text =
        "{\"question\": \"문제\", \"options\": [\"가\", \"나\", \"다\", \"라\"], \"category\":"
            + " \"건설\", \"license_name\": \"조경기사\"}\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: field \"solution\": expected a number from 1 to 4, but found nothing");
  }

  @Test
  void should_fail_when_a_redux_row_has_five_options() throws IOException {
    // GIVEN
    String text = String.format(REDUX_ROW, "\"문제\"", "[\"가\", \"나\", \"다\", \"라\", \"마\"]");
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":1: field \"options\": expected an array of 4 strings, but found 5 elements");
  }

  @Test
  void should_fail_when_a_pro_row_has_three_options() throws IOException {
    // GIVEN
    String text = String.format(PRO_ROW, "[\"가\", \"나\", \"다\"]", "\"1\"");
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl()
                + ":1: field \"options\": expected an array of 4 or 5 strings, but found 3 elements");
  }

  @Test
  void should_fail_when_options_is_not_an_array() throws IOException {
    // GIVEN
    String text = String.format(REDUX_ROW, "\"문제\"", "\"가나다라\"");
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":1: field \"options\": expected an array of 4 strings, but found \"가나다라\"");
  }

  @Test
  void should_fail_when_an_option_is_empty_in_json() throws IOException {
    // GIVEN
    String text = String.format(REDUX_ROW, "\"문제\"", "[\"가\", \"\", \"다\", \"라\"]");
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":1: field \"options\": expected option B to be non-empty, but found \"\"");
  }

  @Test
  void should_fail_when_a_question_is_empty_in_json() throws IOException {
    // GIVEN
    String text = String.format(REDUX_ROW, "\"\\n\"", "[\"가\", \"나\", \"다\", \"라\"]");
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":1: field \"question\": expected a non-empty string, but found \"\\n\"");
  }

  @Test
  void should_fail_when_a_required_field_is_missing() throws IOException {
    // GIVEN
    String text =
        "{\"question\": \"문제\", \"options\": [\"가\", \"나\", \"다\", \"라\"], \"solution\":"
            + " \"1\", \"license_name\": \"조경기사\"}\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: field \"category\": expected a string, but found nothing");
  }

  @Test
  void should_name_the_line_and_column_when_a_jsonl_line_is_invalid() throws IOException {
    // GIVEN
    String text =
        String.format(REDUX_ROW, "\"문제\"", "[\"가\", \"나\", \"다\", \"라\"]")
            + "\n"
            + "{\"question\": \"문제\",, }\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl()
                + ":3: expected a JSON object, but found invalid JSON at column 19 (Unexpected"
                + " character (',' (code 44)): was expecting double-quote to start field name)");
  }

  @Test
  void should_fail_when_a_jsonl_line_is_not_an_object() throws IOException {
    // GIVEN
    String text = "\"just text\"\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: expected a JSON object, but found \"just text\"");
  }

  @Test
  void should_fail_when_a_json_array_holds_a_number() throws IOException {
    // GIVEN
    String text = "[\n1,\n2]\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":2: expected a JSON object, but found 1");
  }

  @Test
  void should_fail_when_a_line_holds_two_objects() throws IOException {
    // GIVEN
    String text = "{} {}\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_REDUX, text);
    // THEN
    then(thrown).isInstanceOf(DatasetException.class).hasMessageStartingWith(
        jsonl() + ":1: expected a JSON object, but found invalid JSON at column 4 (");
  }

  @Test
  void should_fail_when_a_jsonl_file_is_empty() throws IOException {
    // GIVEN
    String text = "\n  \n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ": expected JSON rows, one object per line, but found an empty file");
  }

  @Test
  void should_fail_when_the_score_is_not_positive() throws IOException {
    // GIVEN
    String text =
        "{\"question\": \"문제\", \"options\": [\"가\", \"나\", \"다\", \"라\"], \"solution\":"
            + " \"1\", \"license_name\": \"약사\", \"subject\": \"약제학\", \"score\": 0}\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: field \"score\": expected a positive number, but found 0");
  }

  @Test
  void should_fail_when_the_year_is_not_a_whole_number() throws IOException {
    // GIVEN
    String text =
        "{\"question\": \"문제\", \"options\": [\"가\", \"나\", \"다\", \"라\"], \"solution\":"
            + " \"1\", \"license_name\": \"약사\", \"subject\": \"약제학\", \"year\": \"작년\"}\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(jsonl() + ":1: field \"year\": expected a whole number, but found \"작년\"");
  }

  @Test
  void should_name_the_element_line_when_a_json_array_holds_a_bad_row() throws IOException {
    // GIVEN
    String text =
        "[\n"
            + String.format(PRO_ROW, "[\"가\", \"나\", \"다\", \"라\"]", "\"1\"").strip()
            + ",\n"
            + String.format(PRO_ROW, "[\"가\", \"나\", \"다\", \"라\"]", "\"E\"").strip()
            + "\n]\n";
    // WHEN
    Throwable thrown = loadJson(Benchmark.KMMLU_PRO, text);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            jsonl() + ":3: field \"solution\": expected a number from 1 to 4, but found \"E\"");
  }
}
