package dev.kmmlu;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.api.BDDAssertions.thenThrownBy;
import static org.assertj.core.api.BDDAssertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.scoring.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static Report redux(String model, int correct) {
    return ReportSamples.withGroups(Benchmark.KMMLU_REDUX, model, List.of("건설"), correct);
  }

  private static Report pro(String model, int correct) {
    return ReportSamples.withGroups(Benchmark.KMMLU_PRO, model, List.of("약사"), correct);
  }

  @Test
  void should_correlate_headline_scores_across_benchmarks_when_three_models_have_both() {
    // GIVEN redux 30%, 50%, 70% and pro 40%, 60%, 50%: ranks 1,2,3 vs 1,3,2
    List<Report> reports =
        List.of(redux("a", 3), redux("b", 5), redux("c", 7), pro("a", 4), pro("b", 6), pro("c", 5));
    // WHEN
    Comparison comparison = Comparison.of(reports);
    // THEN
    then(comparison.correlations()).hasSize(1);
    ComparisonCorrelation correlation = comparison.correlations().get(0);
    then(correlation.description()).isEqualTo("models' kmmlu-redux vs kmmlu-pro scores");
    then(correlation.first()).isEqualTo("kmmlu-redux");
    then(correlation.second()).isEqualTo("kmmlu-pro");
    then(correlation.keys()).containsExactly("a", "b", "c");
    then(correlation.pairs()).isEqualTo(3);
    // rho = 1 - 6 * (0 + 1 + 1) / (3 * 8) = 0.5; tau = (2 - 1) / 3
    then(correlation.spearman().coefficient()).isCloseTo(0.5, within(1e-12));
    then(correlation.spearman().pValue()).isCloseTo(1.0, within(1e-12));
    then(correlation.kendall().coefficient()).isCloseTo(1.0 / 3, within(1e-12));
    then(comparison.notes()).isEmpty();
  }

  @Test
  void should_leave_out_a_correlation_and_say_why_when_fewer_than_three_pairs() {
    // GIVEN
    List<Report> reports = List.of(redux("a", 3), redux("b", 5), pro("a", 4), pro("c", 6));
    // WHEN
    Comparison comparison = Comparison.of(reports);
    // THEN
    then(comparison.correlations()).isEmpty();
    then(comparison.notes())
        .containsExactly(
            "models' kmmlu-redux vs kmmlu-pro scores: left out, 1 models in common but a rank"
                + " correlation needs at least 3");
    then(comparison.toMarkdown()).contains("None computed.\n");
  }

  @Test
  void should_correlate_groups_pairwise_when_all_reports_share_a_benchmark() {
    // GIVEN
    List<String> groups = List.of("g1", "g2", "g3", "g4");
    Report a = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "a", groups, 1, 2, 3, 4);
    Report b = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "b", groups, 8, 6, 4, 2);
    Report c =
        ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "c", List.of("g1", "g2", "g5"), 1, 2, 3);
    // WHEN
    Comparison comparison = Comparison.of(List.of(a, b, c));
    // THEN
    then(comparison.correlations()).hasSize(1);
    ComparisonCorrelation correlation = comparison.correlations().get(0);
    then(correlation.description()).isEqualTo("per-group kmmlu-redux accuracy: a vs b");
    then(correlation.keys()).containsExactly("g1", "g2", "g3", "g4");
    then(correlation.spearman().coefficient()).isEqualTo(-1.0);
    then(correlation.kendall().coefficient()).isEqualTo(-1.0);
    then(comparison.notes())
        .containsExactly(
            "per-group kmmlu-redux accuracy: a vs c: left out, 2 groups in common but a rank"
                + " correlation needs at least 3",
            "per-group kmmlu-redux accuracy: b vs c: left out, 2 groups in common but a rank"
                + " correlation needs at least 3");
  }

  @Test
  void should_list_the_union_of_groups_with_empty_cells_when_side_by_side() {
    // GIVEN
    Report a = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "a", List.of("g1", "g2"), 1, 2);
    Report b = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "b", List.of("g3", "g1"), 3, 4);
    Report p = pro("a", 5);
    // WHEN
    List<Comparison.Row> rows = Comparison.of(List.of(a, b, p)).sideBySide();
    // THEN
    then(rows).extracting(Comparison.Row::benchmark, Comparison.Row::group)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kmmlu-redux", "g1"),
            org.assertj.core.groups.Tuple.tuple("kmmlu-redux", "g2"),
            org.assertj.core.groups.Tuple.tuple("kmmlu-redux", "g3"),
            org.assertj.core.groups.Tuple.tuple("kmmlu-pro", "약사"));
    then(rows.get(0).accuracies()).extracting(Estimate::value).containsExactly(0.1, 0.4, Double.NaN);
    then(rows.get(1).accuracies()).extracting(Estimate::count).containsExactly(10, 0, 0);
    then(rows.get(2).accuracies().get(1).value()).isEqualTo(0.3);
    then(rows.get(3).accuracies()).extracting(Estimate::count).containsExactly(0, 0, 10);
  }

  @Test
  void should_render_markdown_and_json_when_asked() throws Exception {
    // GIVEN
    Report a = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "a", List.of("g1", "g2", "g3"), 1, 2, 3);
    Report b = ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "b", List.of("g1", "g2"), 6, 5);
    Comparison comparison = Comparison.of(List.of(a, b));
    // WHEN
    String markdown = comparison.toMarkdown();
    JsonNode json = Json.MAPPER.readTree(comparison.toJson());
    // THEN
    then(markdown)
        .isEqualTo(
            "# Comparison\n\n"
                + "| Report | Benchmark | Model | Headline | Accuracy |\n"
                + "|---:|---|---|---|---:|\n"
                + "| 1 | kmmlu-redux | a | micro | 20.0% |\n"
                + "| 2 | kmmlu-redux | b | micro | 55.0% |\n"
                + "\n## Rank correlations\n\n"
                + "None computed.\n"
                + "\n"
                + "- per-group kmmlu-redux accuracy: a vs b: left out, 2 groups in common but a"
                + " rank correlation needs at least 3\n"
                + "\n## kmmlu-redux accuracy per group\n\n"
                + "| Group | a | b |\n"
                + "|---|---:|---:|\n"
                + "| g1 | 10.0% | 60.0% |\n"
                + "| g2 | 20.0% | 50.0% |\n"
                + "| g3 | 30.0% |  |\n");
    then(json.at("/reports/1/accuracy").asDouble()).isEqualTo(0.55);
    then(json.at("/sideBySide/2/group").asText()).isEqualTo("g3");
    then(json.at("/sideBySide/2/accuracies").toString()).isEqualTo("[0.3,null]");
    then(json.at("/notes").size()).isEqualTo(1);
    then(json.at("/correlations").size()).isZero();
  }

  @Test
  void should_write_correlations_when_json_is_asked_for() throws Exception {
    // GIVEN
    Comparison comparison =
        Comparison.of(
            List.of(redux("a", 3), redux("b", 5), redux("c", 7), pro("a", 4), pro("b", 6), pro("c", 5)));
    // WHEN
    JsonNode json = Json.MAPPER.readTree(comparison.toJson());
    // THEN
    then(json.at("/correlations/0/pairs").asInt()).isEqualTo(3);
    then(json.at("/correlations/0/keys").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    then(json.at("/correlations/0/spearman/coefficient").asDouble()).isCloseTo(0.5, within(1e-12));
    then(json.at("/correlations/0/spearman/lower95").isNull()).isTrue();
    then(comparison.toMarkdown())
        .contains("| models' kmmlu-redux vs kmmlu-pro scores | 3 | 0.500 (n/a; p 1.00) | 0.333 (n/a; p ");
  }

  @Test
  void should_reject_an_empty_list_when_comparing() {
    // WHEN / THEN
    thenThrownBy(() -> Comparison.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reports must not be empty, but was empty");
  }
}
