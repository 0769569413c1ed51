package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer harness's extraction, reproduced from its regular expressions: an ordered list of
 * patterns, each searched once from the start of the reply (Python's {@code re.search}, so the
 * first match wins), the first pattern that matches deciding the answer. The letter is the first
 * non-null capturing group. Immutable and thread-safe.
 */
final class RegexExtractor implements AnswerExtractor {
  /**
   * KMMLU-Redux/Pro paper (arXiv 2507.08924): strict patterns, then the flexible fallback. The
   * letter set is A-E whatever the item's option count, as in the paper.
   */
  static final RegexExtractor PAPER =
      new RegexExtractor(
          List.of(
              Pattern.compile("정답[^A-E]*:[^A-E]*([A-E])"),
              Pattern.compile("(?i)Answer[^A-E]*:[^A-E]*([A-E])"),
              Pattern.compile("정답[^A-E]*([A-E])|([A-E])\\)")),
          List.of(ExtractionStatus.STRICT, ExtractionStatus.STRICT, ExtractionStatus.LENIENT));

  /**
   * lm-evaluation-harness KMMLU chain-of-thought filter. UNIX_LINES and UNICODE_CHARACTER_CLASS
   * make {@code .} and {@code \s} behave as in Python 3.
   */
  static final RegexExtractor LM_EVAL_KMMLU_COT =
      new RegexExtractor(
          List.of(
              Pattern.compile(
                  "(?<=정답은)\\s*[(]?(A|B|C|D)[)]?.*(?=입니다.)",
                  Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS)),
          List.of(ExtractionStatus.STRICT));

  private final List<Pattern> patterns;
  private final List<ExtractionStatus> statuses;

  private RegexExtractor(List<Pattern> patterns, List<ExtractionStatus> statuses) {
    this.patterns = patterns;
    this.statuses = statuses;
  }

  @Override
  public Extraction extract(ExtractionInput input) {
    requireNonNull(input, "input");
    String text = input.text();
    if (text.isBlank()) {
      return Extraction.none(ExtractionStatus.EMPTY);
    }
    for (int k = 0; k < patterns.size(); k++) {
      Matcher m = patterns.get(k).matcher(text);
      if (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            Choice choice = Choice.valueOf(m.group(g).toUpperCase(java.util.Locale.ROOT));
            return Extraction.found(choice, statuses.get(k), m.start(g), m.end(g));
          }
        }
      }
    }
    return Extraction.none(ExtractionStatus.UNPARSED);
  }
}
