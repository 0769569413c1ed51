package dev.kmmlu;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.LicensureRules;
import dev.kmmlu.scoring.Outcome;
import dev.kmmlu.scoring.Scorecard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made reports for the rendering and comparison tests. */
final class ReportSamples {
  private ReportSamples() {}

  static Question question(Benchmark benchmark, String group, String subject, int index) {
    return new Question(
        benchmark.slug() + "/test/" + group + "/" + index,
        benchmark,
        "test",
        group,
        subject,
        "문제 " + index,
        List.of("가", "나", "다", "라"),
        Choice.B,
        QuestionMetadata.empty());
  }

  /** Returns {@code correct} correct, then one wrong, one unparsed and {@code failed} failed outcomes. */
  static List<Outcome> outcomes(
      Benchmark benchmark, String group, String subject, int correct, int wrong, int failed) {
    List<Outcome> outcomes = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < correct; i++) {
      outcomes.add(
          Outcome.grade(
              question(benchmark, group, subject, index++),
              Extraction.found(Choice.B, ExtractionStatus.STRICT, 0, 1)));
    }
    for (int i = 0; i < wrong; i++) {
      outcomes.add(
          Outcome.grade(
              question(benchmark, group, subject, index++),
              i % 2 == 0
                  ? Extraction.found(Choice.A, ExtractionStatus.LENIENT, 0, 1)
                  : Extraction.none(ExtractionStatus.UNPARSED)));
    }
    for (int i = 0; i < failed; i++) {
      outcomes.add(Outcome.failed(question(benchmark, group, subject, index++), "http 500"));
    }
    return outcomes;
  }

  static RunInfo run(Benchmark benchmark, String model) {
    return new RunInfo(
        benchmark.slug(),
        "test",
        "demo",
        "f".repeat(64),
        "local",
        "korean-cot",
        "abc123",
        0,
        "robust",
        model,
        "",
        Map.of("temperature", 0.0, "maxTokens", 4096),
        42,
        benchmark == Benchmark.KMMLU || benchmark == Benchmark.KMMLU_HARD ? "macro" : "micro",
        "0.1.0",
        Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T03:05:06.500Z"),
        Duration.ofMillis(61_500),
        1234,
        567,
        0);
  }

  /** A KMMLU-Pro report: 약사 3 of 4 (one unparsed), 변호사 1 of 3 with one failed call. */
  static Report pro() {
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.addAll(outcomes(Benchmark.KMMLU_PRO, "약사", "약리학", 3, 2, 0));
    outcomes.addAll(outcomes(Benchmark.KMMLU_PRO, "변호사", "민법", 1, 1, 1));
    Scorecard card = Scorecard.of(outcomes);
    return Report.of(
        run(Benchmark.KMMLU_PRO, "demo|model"), card, LicensureRules.paper().judge(card));
  }

  /** A report with the given accuracy per group: each group has 10 items, {@code correct[i]} right. */
  static Report withGroups(Benchmark benchmark, String model, List<String> groups, int... correct) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      outcomes.addAll(outcomes(benchmark, groups.get(i), groups.get(i), correct[i], 10 - correct[i], 0));
    }
    return Report.of(run(benchmark, model), Scorecard.of(outcomes), List.of());
  }
}
