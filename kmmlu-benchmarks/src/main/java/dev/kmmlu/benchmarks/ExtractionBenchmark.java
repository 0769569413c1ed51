package dev.kmmlu.benchmarks;

import dev.kmmlu.scoring.AnswerExtractor;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionInput;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures answer extraction on a Korean chain-of-thought reply of about 2 KB (2,000 UTF-16
 * characters): {@code marker} ends with "정답: C", {@code fallback} has no marker and ends with
 * "옳지 않은 것은 3번입니다", so robust runs its fallbacks; {@code none} commits to no option, so
 * robust runs every rule and finds nothing (the slowest path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExtractionBenchmark {
  private static final String PARAGRAPH =
      "A) 정액법은 매 기간 동일한 금액을 상각하므로 설명과 일치합니다. "
          + "B) 정률법은 초기에 상각액이 크고 후기에 작아지므로 틀린 설명이 아닙니다. "
          + "C) 연수합계법은 체감잔액법의 하나로, 내용연수의 합계를 분모로 사용합니다. "
          + "D) 생산량비례법은 실제 사용량에 비례하여 상각하므로 1,000시간 기준 10.5%입니다.\n\n";

  /** Which reply to extract from. */
  @Param({"marker", "fallback", "none"})
  public String reply;

  private ExtractionInput input;
  private final AnswerExtractor robust = AnswerExtractor.robust();
  private final AnswerExtractor paper = AnswerExtractor.paper();

  /** Builds the reply. */
  @Setup
  public void setUp() {
    StringBuilder text = new StringBuilder("이 문제는 감가상각 방법을 묻고 있습니다. 차근차근 생각해 보겠습니다.\n\n");
    while (text.length() < 1_950) {
      text.append(PARAGRAPH);
    }
    switch (reply) {
      case "marker":
        text.append("따라서 정답: C");
        break;
      case "fallback":
        text.append("따라서 옳지 않은 것은 3번입니다.");
        break;
      default:
        text.append("따라서 어느 보기도 확실하지 않습니다.");
        break;
    }
    input = ExtractionInput.of(text.toString(), 4).withFinishReason("stop");
  }

  /** Returns robust()'s extraction. */
  @Benchmark
  public Extraction robust() {
    return robust.extract(input);
  }

  /** Returns paper()'s extraction, for comparison. */
  @Benchmark
  public Extraction paper() {
    return paper.extract(input);
  }
}
