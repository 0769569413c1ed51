package dev.kmmlu.scoring;

/**
 * Finds the option a model's free-form reply commits to. Implementations are immutable and
 * thread-safe.
 */
@FunctionalInterface
public interface AnswerExtractor {
  /** Returns the answer found in {@code input}, or an extraction that says why there is none. */
  Extraction extract(ExtractionInput input);

  /** Returns the answer found in a reply to a question with {@code optionCount} options. */
  default Extraction extract(String text, int optionCount) {
    return extract(ExtractionInput.of(text, optionCount));
  }
}
