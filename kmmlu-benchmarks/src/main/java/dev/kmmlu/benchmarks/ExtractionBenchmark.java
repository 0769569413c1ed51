package dev.kmmlu.benchmarks;

import dev.kmmlu.scoring.AnswerExtractor;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionInput;
import java.nio.charset.StandardCharsets;
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
 * Measures answer extraction on chain-of-thought replies of two sizes.
 *
 * <p>{@code reply}: {@code marker} is Korean and ends with "정답: C"; {@code fallback} is Korean,
 * has no marker and ends with "옳지 않은 것은 3번입니다", so robust runs its fallbacks; {@code none}
 * is Korean and commits to no option, so robust runs every rule and finds nothing (the slowest
 * path); {@code english} is an English reply that ends with "the answer is (D)".
 *
 * <p>{@code size}: {@code 2kb} replies are exactly 2,048 bytes in UTF-8 (the Korean ones are 878
 * characters, 585 of them Hangul syllables, the rest ASCII); {@code 4.6kb} replies are the
 * earlier, longer inputs of about 2,000 UTF-16 characters (4.6 KB in UTF-8 for Korean; the English
 * one is 4,608 bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExtractionBenchmark {
  private static final String INTRO = "이 문제는 감가상각 방법을 묻고 있습니다. 차근차근 생각해 보겠습니다.\n\n";
  private static final String PARAGRAPH =
      "A) 정액법은 매 기간 동일한 금액을 상각하므로 설명과 일치합니다. "
          + "B) 정률법은 초기에 상각액이 크고 후기에 작아지므로 틀린 설명이 아닙니다. "
          + "C) 연수합계법은 체감잔액법의 하나로, 내용연수의 합계를 분모로 사용합니다. "
          + "D) 생산량비례법은 실제 사용량에 비례하여 상각하므로 1,000시간 기준 10.5%입니다.\n\n";
  private static final String ENGLISH_INTRO =
      "Let's think step by step about each depreciation method.\n\n";
  private static final String ENGLISH_PARAGRAPH =
      "Option (A) says the straight-line method charges the same amount every period, which "
          + "matches the definition. Option (B) says the declining-balance method front-loads the "
          + "expense; with a 20% rate on a larger base the first years carry more, so it holds. "
          + "Option (C) says sum-of-the-years'-digits divides the remaining life by "
          + "1 + 2 + ... + n, which also fits. Option (D) claims units-of-production gives 10.5% per 1,000 hours, "
          + "and that figure does not follow from the data given.\n\n";
  private static final int SMALL_BYTES = 2_048;
  private static final int LARGE_ENGLISH_BYTES = 4_608;

  /** Which reply to extract from. */
  @Param({"marker", "fallback", "none", "english"})
  public String reply;

  /** The reply's size. */
  @Param({"2kb", "4.6kb"})
  public String size;

  private ExtractionInput input;
  private final AnswerExtractor robust = AnswerExtractor.robust();
  private final AnswerExtractor paper = AnswerExtractor.paper();

  /** Builds the reply. */
  @Setup
  public void setUp() {
    String text = reply(reply, size);
    input = ExtractionInput.of(text, 4).withFinishReason("stop");
  }

  /** Returns the reply of the given kind and size. */
  public static String reply(String reply, String size) {
    String ending;
    switch (reply) {
      case "marker":
        ending = "따라서 정답: C";
        break;
      case "fallback":
        ending = "따라서 옳지 않은 것은 3번입니다.";
        break;
      case "none":
        ending = "따라서 어느 보기도 확실하지 않습니다.";
        break;
      case "english":
        ending = "Therefore, the answer is (D).";
        break;
      default:
        throw new IllegalArgumentException(
            "reply must be marker, fallback, none or english, but was " + reply);
    }
    boolean english = reply.equals("english");
    String intro = english ? ENGLISH_INTRO : INTRO;
    String paragraph = english ? ENGLISH_PARAGRAPH : PARAGRAPH;
    switch (size) {
      case "2kb":
        return exactly(SMALL_BYTES, intro, paragraph, ending);
      case "4.6kb":
        if (english) {
          return exactly(LARGE_ENGLISH_BYTES, intro, paragraph, ending);
        }
        StringBuilder text = new StringBuilder(intro);
        while (text.length() < 1_950) {
          text.append(paragraph);
        }
        return text.append(ending).toString();
      default:
        throw new IllegalArgumentException("size must be 2kb or 4.6kb, but was " + size);
    }
  }

  /**
   * Returns intro, repeated paragraphs cut at a space and padded with spaces, then ending: exactly
   * {@code bytes} bytes in UTF-8.
   */
  private static String exactly(int bytes, String intro, String paragraph, String ending) {
    int budget = bytes - utf8(ending);
    StringBuilder text = new StringBuilder(intro);
    while (utf8(text.toString()) < budget) {
      text.append(paragraph);
    }
    while (utf8(text.toString()) > budget || text.charAt(text.length() - 1) != ' ') {
      text.setLength(text.length() - 1);
    }
    while (utf8(text.toString()) < budget) {
      text.append(' ');
    }
    String result = text.append(ending).toString();
    if (utf8(result) != bytes) {
      throw new IllegalStateException("reply is " + utf8(result) + " bytes, not " + bytes);
    }
    return result;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
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
