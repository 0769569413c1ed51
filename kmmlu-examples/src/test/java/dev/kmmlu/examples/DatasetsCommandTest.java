package dev.kmmlu.examples;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DatasetsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = KmmluCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static String fixture(String name) {
    try {
      return Path.of(DatasetsCommandTest.class.getResource("/fixtures/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_print_counts_per_subject_and_supercategory_when_asked_for_kmmlu_json()
      throws Exception {
    // GIVEN
    String dir = fixture("kmmlu");
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu", "--data", dir, "--json");
    // THEN
    then(exit).isZero();
    then(err.toString()).isEmpty();
    then(out.toString().strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    then(json.get("benchmark").asText()).isEqualTo("kmmlu");
    then(json.get("split").asText()).isEqualTo("test");
    then(json.get("questions").asInt()).isEqualTo(3);
    then(json.get("source").asText()).isEqualTo(dir);
    then(json.get("revision").asText()).isEqualTo("local");
    then(json.get("fingerprint").asText()).hasSize(64);
    then(json.at("/groups/0/name").asText()).isEqualTo("Law");
    then(json.at("/groups/0/questions").asInt()).isEqualTo(2);
    then(json.at("/groups/1/name").asText()).isEqualTo("Math");
    then(json.at("/groups/1/questions").asInt()).isEqualTo(1);
    then(json.get("supercategories").toString()).isEqualTo("{\"STEM\":1,\"HUMSS\":2}");
    then(json.get("unknownGroups").size()).isZero();
  }

  @Test
  void should_nest_subjects_under_canonical_licences_when_asked_for_pro_json() throws Exception {
    // GIVEN
    String file = fixture("pro/kmmlu_pro.jsonl");
    // WHEN
    int exit = run("datasets", "--benchmark", "pro", "--data", file, "--json");
    // THEN
    then(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    then(json.get("benchmark").asText()).isEqualTo("kmmlu-pro");
    then(json.get("questions").asInt()).isEqualTo(3);
    then(json.at("/groups/0").toString())
        .isEqualTo(
            "{\"name\":\"약사\",\"questions\":2,\"known\":true,\"englishName\":\"Pharmacist\","
                + "\"subjects\":[{\"name\":\"약제학\",\"questions\":1},"
                + "{\"name\":\"약리학\",\"questions\":1}]}");
    then(json.at("/groups/1/name").asText()).isEqualTo("공인회계사");
    then(json.has("supercategories")).isFalse();
  }

  @Test
  void should_print_a_table_when_json_is_not_asked_for() {
    // GIVEN
    String dir = fixture("kmmlu");
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu", "--data", dir, "--split", "dev");
    // THEN
    then(exit).isZero();
    then(out.toString())
        .startsWith("kmmlu dev: 1 questions in 1 groups\n")
        .contains("group  questions\nLaw            1\ntotal          1\n")
        .contains("supercategory  questions\nHUMSS                  1\n");
  }

  @Test
  void should_exit_1_with_one_line_naming_file_and_line_when_the_data_is_malformed() {
    // GIVEN
    String dir = fixture("bad");
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu", "--data", dir);
    // THEN
    then(exit).isEqualTo(1);
    then(out.toString()).isEmpty();
    then(err.toString())
        .isEqualTo(
            "error: "
                + Path.of(dir, "Law-test.csv")
                + ":3: field \"answer\": expected a number from 1 to 4, but found \"9\""
                + System.lineSeparator());
  }

  @Test
  void should_print_the_stack_trace_when_verbose() {
    // GIVEN
    String dir = fixture("bad");
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu", "--data", dir, "--verbose");
    // THEN
    then(exit).isEqualTo(1);
    then(err.toString())
        .startsWith("error: ")
        .contains("dev.kmmlu.datasets.DatasetException: ")
        .contains("\tat dev.kmmlu.datasets.");
  }

  @Test
  void should_exit_1_with_the_hub_message_when_offline_and_the_cache_is_empty(
      @org.junit.jupiter.api.io.TempDir Path cache) {
    // GIVEN an empty cache and --offline, so nothing goes on the network
    // WHEN
    int exit =
        run(
            "datasets", "--benchmark", "redux", "--data", "hub", "--offline", "--cache",
            cache.toString());
    // THEN
    then(exit).isEqualTo(1);
    then(err.toString()).startsWith("error: ").contains("offline, but ");
    then(err.toString().strip()).doesNotContain("\n");
  }

  @Test
  void should_exit_2_when_the_benchmark_is_unknown() {
    // GIVEN
    String dir = fixture("kmmlu");
    // WHEN
    int exit = run("datasets", "--benchmark", "mmlu", "--data", dir);
    // THEN
    then(exit).isEqualTo(2);
    then(err.toString())
        .startsWith(
            "error: Invalid value for option '--benchmark': expected kmmlu, kmmlu-hard, redux or pro,"
                + " but found 'mmlu'");
  }

  @Test
  void should_exit_2_when_data_is_missing() {
    // GIVEN no --data
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu");
    // THEN
    then(exit).isEqualTo(2);
    then(err.toString()).startsWith("error: Missing required option: '--data=PATH|demo|hub'");
  }

  @Test
  void should_exit_2_when_the_benchmark_has_no_such_split() {
    // GIVEN
    String file = fixture("pro/kmmlu_pro.jsonl");
    // WHEN
    int exit = run("datasets", "--benchmark", "pro", "--data", file, "--split", "dev");
    // THEN
    then(exit).isEqualTo(2);
    then(err.toString()).startsWith("error: --split must be one of test for kmmlu-pro, but was dev");
  }

  @Test
  void should_exit_2_when_the_demo_set_is_asked_for_another_benchmark() {
    // GIVEN the demo set is KMMLU-Pro
    // WHEN
    int exit = run("datasets", "--benchmark", "kmmlu", "--data", "demo");
    // THEN
    then(exit).isEqualTo(2);
    then(err.toString()).startsWith("error: --data demo is a KMMLU-Pro set; use it with --benchmark pro");
  }

  @Test
  void should_exit_2_when_no_subcommand_is_given() {
    // GIVEN no arguments
    // WHEN
    int exit = run();
    // THEN
    then(exit).isEqualTo(2);
    then(err.toString()).startsWith("error: a subcommand is required, such as: kmmlu datasets --help");
  }
}
