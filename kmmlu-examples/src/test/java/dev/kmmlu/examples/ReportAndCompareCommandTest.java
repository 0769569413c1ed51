package dev.kmmlu.examples;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.Report;
import dev.kmmlu.RunInfo;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.Outcome;
import dev.kmmlu.scoring.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAndCompareCommandTest {
  private final CommandRunner runner = new CommandRunner();

  @TempDir Path temp;

  /** Writes a KMMLU-Redux report with three groups of 10 items, {@code correct[i]} right. */
  private Path write(String model, int... correct) {
    List<Outcome> outcomes = new ArrayList<>();
    String[] groups = {"건설", "기계", "재료"};
    for (int g = 0; g < groups.length; g++) {
      for (int i = 0; i < 10; i++) {
        Question question =
            new Question(
                groups[g] + i,
                Benchmark.KMMLU_REDUX,
                "test",
                groups[g],
                groups[g],
                "문제",
                List.of("1", "2", "3", "4"),
                Choice.A,
                QuestionMetadata.empty());
        Choice choice = i < correct[g] ? Choice.A : Choice.C;
        outcomes.add(
            Outcome.grade(question, Extraction.found(choice, ExtractionStatus.STRICT, 0, 1)));
      }
    }
    RunInfo run =
        new RunInfo(
            "kmmlu-redux", "test", "demo", "fp", "local", "korean-cot", "h", 0, "robust", model, "",
            Map.of(), 1, "micro", "0.1.0", Instant.EPOCH, Instant.EPOCH, Duration.ZERO, 0, 0, 0);
    Report report = Report.of(run, Scorecard.of(outcomes), List.of());
    Path directory = temp.resolve(model);
    report.writeTo(directory);
    return directory;
  }

  @Test
  void should_print_markdown_by_default_when_reporting() {
    // GIVEN
    Path directory = write("a", 1, 2, 3);
    // WHEN
    int exit = runner.run("report", directory.toString());
    // THEN
    then(exit).isZero();
    then(runner.out.toString())
        .startsWith("# kmmlu-redux: a\n")
        .contains("| 재료 | 10 | 3 | 30.0% | ");
  }

  @Test
  void should_print_the_same_json_when_format_is_json() throws Exception {
    // GIVEN
    Path directory = write("a", 1, 2, 3);
    // WHEN
    int exit = runner.run("report", directory.toString(), "--format", "json");
    // THEN
    then(exit).isZero();
    then(runner.out.toString())
        .isEqualTo(Files.readString(directory.resolve("report.json")));
  }

  @Test
  void should_print_html_when_format_is_html() {
    // GIVEN
    Path directory = write("a", 1, 2, 3);
    // WHEN
    int exit = runner.run("report", directory.toString(), "--format", "html");
    // THEN
    then(exit).isZero();
    then(runner.out.toString()).startsWith("<!DOCTYPE html>").contains("<svg");
  }

  @Test
  void should_fail_with_one_line_when_directory_has_no_report() {
    // WHEN
    int exit = runner.run("report", temp.toString());
    // THEN
    then(exit).isEqualTo(1);
    then(runner.err.toString())
        .isEqualTo(
            "error: "
                + temp.resolve("report.json")
                + ": no report.json here; run `evaluate --out DIR` first\n");
  }

  @Test
  void should_exit_with_usage_error_when_format_is_unknown() {
    // WHEN
    int exit = runner.run("report", temp.toString(), "--format", "pdf");
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString()).contains("--format");
  }

  @Test
  void should_print_correlations_and_table_when_comparing() {
    // GIVEN
    Path a = write("a", 1, 2, 3);
    Path b = write("b", 2, 4, 9);
    // WHEN
    int exit = runner.run("compare", a.toString(), b.toString());
    // THEN
    then(exit).isZero();
    then(runner.out.toString())
        .contains(
            "| per-group kmmlu-redux accuracy: a vs b | 3 | 1.000 (n/a; p 0.333) |"
                + " 1.000 (n/a; p ")
        .contains("| Group | a | b |\n|---|---:|---:|\n| 건설 | 10.0% | 20.0% |\n");
  }

  @Test
  void should_print_json_when_comparing_with_json() throws Exception {
    // GIVEN
    Path a = write("a", 1, 2, 3);
    Path b = write("b", 3, 2, 1);
    // WHEN
    int exit = runner.run("compare", a.toString(), b.toString(), "--json");
    // THEN
    then(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(runner.out.toString());
    then(json.at("/correlations/0/spearman/coefficient").asDouble()).isEqualTo(-1.0);
    then(json.at("/correlations/0/pairs").asInt()).isEqualTo(3);
    then(json.at("/sideBySide/0/accuracies").toString()).isEqualTo("[0.1,0.3]");
  }

  @Test
  void should_exit_with_usage_error_when_comparing_one_directory() {
    // WHEN
    int exit = runner.run("compare", temp.toString());
    // THEN
    then(exit).isEqualTo(2);
  }
}
