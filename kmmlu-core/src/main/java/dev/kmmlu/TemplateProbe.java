package dev.kmmlu;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.util.ArrayList;
import java.util.List;

/** The fixed questions {@link PromptTemplate#hash()} renders to fingerprint a template. */
final class TemplateProbe {
  private static final List<Question> SHOTS;
  private static final Question FOUR;
  private static final Question FIVE;

  static {
    List<Question> shots = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      shots.add(
          new Question(
              "probe/dev/" + i,
              Benchmark.KMMLU,
              "dev",
              "Probe",
              "Probe",
              " 예제 문제 " + i + "? ",
              List.of("가" + i, "나" + i, "다" + i, "라" + i),
              Choice.ofIndex(i % 4),
              QuestionMetadata.empty()));
    }
    SHOTS = List.copyOf(shots);
    FOUR =
        new Question(
            "probe/test/1",
            Benchmark.KMMLU,
            "test",
            "Probe",
            "Probe",
            "다음 중 옳은 것은?\n",
            List.of("하나", "둘", "셋", "넷"),
            Choice.C,
            QuestionMetadata.empty());
    FIVE =
        new Question(
            "probe/test/2",
            Benchmark.KMMLU_PRO,
            "test",
            "Probe",
            "Probe",
            "Which is right?",
            List.of("one", "two", "three", "four", "five"),
            Choice.E,
            QuestionMetadata.empty());
  }

  private TemplateProbe() {}

  static String hash(PromptTemplate template) {
    GenerationSettings settings = GenerationSettings.defaults();
    return Sha256.hex(
        template.name()
            + "\n"
            + template.render(FOUR, SHOTS, settings).hash()
            + "\n"
            + template.render(FIVE, List.of(), settings).hash());
  }
}
