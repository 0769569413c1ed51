package dev.kmmlu.scoring;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.util.ArrayList;
import java.util.List;

/** Builders of KMMLU-Pro questions and outcomes for the scoring tests. */
final class Fixtures {
  private static int next;

  private Fixtures() {}

  static Question question(String group, String subject) {
    return question(group, subject, 1.0);
  }

  static Question question(String group, String subject, double points) {
    return question(group, subject, QuestionMetadata.builder().points(points).build());
  }

  static Question question(String group, String subject, QuestionMetadata metadata) {
    int id = next++;
    return new Question(
        "kmmlu-pro/test/" + id,
        Benchmark.KMMLU_PRO,
        "test",
        group,
        subject,
        "문제 " + id,
        List.of("가", "나", "다", "라"),
        Choice.B,
        metadata);
  }

  static Outcome correct(Question question) {
    return Outcome.grade(question, Extraction.found(Choice.B, ExtractionStatus.STRICT, 0, 1));
  }

  static Outcome incorrect(Question question) {
    return Outcome.grade(question, Extraction.found(Choice.C, ExtractionStatus.STRICT, 0, 1));
  }

  static Outcome unparsed(Question question) {
    return Outcome.grade(question, Extraction.none(ExtractionStatus.UNPARSED));
  }

  static Outcome failed(Question question) {
    return Outcome.failed(question, "http 503 after 3 retries");
  }

  /**
   * Returns {@code correct} correct and {@code total - correct} incorrect outcomes of a subject.
   */
  static List<Outcome> subject(String group, String subject, int correct, int total) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Question question = question(group, subject);
      outcomes.add(i < correct ? correct(question) : incorrect(question));
    }
    return outcomes;
  }

  @SafeVarargs
  static List<Outcome> concat(List<Outcome>... parts) {
    List<Outcome> all = new ArrayList<>();
    for (List<Outcome> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
