package dev.kmmlu.test;

import dev.kmmlu.GenerationSettings;
import dev.kmmlu.Prompt;
import dev.kmmlu.PromptTemplate;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.util.ArrayList;
import java.util.List;

/** The fixed questions the contract checks ask. */
final class ContractQuestions {
  static final Question FOUR_OPTIONS =
      new Question(
          "kmmlu-redux/test/9000",
          Benchmark.KMMLU_REDUX,
          "test",
          "계약 검사",
          "계약 검사",
          "다음 중 한글 자모가 아닌 것은? (한자 漢字와 전각 문자 ＡＢＣ：①②를 그대로 보내야 합니다)",
          List.of("ㄱ", "ㅏ", "漢", "ㅎ"),
          Choice.C,
          QuestionMetadata.empty());

  static final Question FIVE_OPTIONS =
      new Question(
          "kmmlu-pro/test/9001",
          Benchmark.KMMLU_PRO,
          "test",
          "약사",
          "약리학",
          "다음 중 가장 큰 수는?",
          List.of("일", "이", "삼", "사", "오"),
          Choice.E,
          QuestionMetadata.builder().qualification("약사").build());

  private ContractQuestions() {}

  static Prompt fourOptionPrompt() {
    return render(FOUR_OPTIONS);
  }

  static Prompt fiveOptionPrompt() {
    return render(FIVE_OPTIONS);
  }

  /** Returns {@code count} prompts whose texts carry the marker "동시 호출 N번". */
  static List<Prompt> concurrentPrompts(int count) {
    List<Prompt> prompts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Question question =
          new Question(
              String.format("kmmlu-redux/test/%04d", 9100 + i),
              Benchmark.KMMLU_REDUX,
              "test",
              "계약 검사",
              "계약 검사",
              marker(i) + ": 다음 중 " + (i + 1) + "보다 큰 수는?",
              List.of(
                  String.valueOf(i + 2), String.valueOf(i), String.valueOf(i - 1), String.valueOf(i - 2)),
              Choice.A,
              QuestionMetadata.empty());
      prompts.add(render(question));
    }
    return List.copyOf(prompts);
  }

  static String marker(int index) {
    return "동시 호출 " + index + "번";
  }

  private static Prompt render(Question question) {
    return PromptTemplate.koreanCot().render(question, List.of(), GenerationSettings.paperGreedy());
  }
}
