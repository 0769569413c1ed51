package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's pattern tried before another extractor: the last match, after any reasoning block,
 * whose group 1 names an option of the item wins; otherwise the other extractor decides.
 * Immutable and thread-safe.
 */
final class PatternExtractor implements AnswerExtractor {
  private final Pattern pattern;
  private final ExtractionStatus status;
  private final AnswerExtractor next;

  PatternExtractor(Pattern pattern, ExtractionStatus status, AnswerExtractor next) {
    this.pattern = requireNonNull(pattern, "pattern");
    this.status = requireNonNull(status, "status");
    this.next = requireNonNull(next, "next");
    if (!status.hasChoice()) {
      throw new IllegalArgumentException("status must be STRICT or LENIENT, but was " + status);
    }
    int groups = pattern.matcher("").groupCount();
    if (groups < 1) {
      throw new IllegalArgumentException(
          "pattern must have a capturing group, but was " + pattern.pattern());
    }
  }

  @Override
  public Extraction extract(ExtractionInput input) {
    requireNonNull(input, "input");
    String text = input.text();
    int from = RobustExtractor.answerRegionStart(text);
    if (from >= 0) {
      Matcher m = pattern.matcher(text).region(from, text.length());
      int start = -1;
      int end = -1;
      int index = -1;
      while (m.find()) {
        if (m.group(1) == null) {
          continue;
        }
        int candidate = OptionToken.parseStandalone(m.group(1));
        if (candidate >= 0 && candidate < input.optionCount()) {
          index = candidate;
          start = m.start(1);
          end = m.end(1);
        }
      }
      if (index >= 0) {
        return Extraction.found(Choice.ofIndex(index), status, start, end);
      }
    }
    return next.extract(input);
  }
}
