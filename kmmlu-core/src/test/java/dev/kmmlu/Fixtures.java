package dev.kmmlu;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Questions and helpers shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  static Question question(String id, String text, List<String> options, Choice answer) {
    return new Question(
        id, Benchmark.KMMLU, "test", "Law", "Law", text, options, answer, QuestionMetadata.empty());
  }

  static Question fourOptions() {
    return question(
        "kmmlu/test/Law/0001",
        "  다음 중 헌법상 기본권이 아닌 것은?\n",
        List.of("평등권", "자유권", "참정권", "납세의 의무"),
        Choice.D);
  }

  static Question fiveOptions() {
    return new Question(
        "kmmlu-pro/test/0001",
        Benchmark.KMMLU_PRO,
        "test",
        "변호사",
        "민법",
        "옳은 것은?",
        List.of("가", "나", "다", "라", "마"),
        Choice.E,
        QuestionMetadata.empty());
  }

  static Question withHumanAccuracy(String id, double accuracy, Choice answer) {
    return new Question(
        id,
        Benchmark.KMMLU,
        "test",
        "Law",
        "Law",
        "문제",
        List.of("1", "2", "3", "4"),
        answer,
        QuestionMetadata.builder().humanAccuracy(accuracy).build());
  }

  static JournalHeader header(String modelId) {
    return new JournalHeader(
        modelId,
        "korean-cot",
        "t".repeat(64),
        "s".repeat(64),
        "kmmlu-pro",
        "fp1",
        Instant.parse("2026-01-02T03:04:05Z"));
  }

  static JournalEntry entry(String questionId) {
    return new JournalEntry(
        questionId,
        "p".repeat(64),
        "openai:m",
        "정답: B",
        "생각",
        "stop",
        120,
        30,
        1500,
        2,
        "B",
        "strict",
        JournalEntry.Kind.CORRECT,
        "");
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
