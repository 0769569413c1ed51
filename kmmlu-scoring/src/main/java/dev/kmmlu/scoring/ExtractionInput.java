package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an {@link AnswerExtractor} reads: the reply's text, the separate reasoning text some servers
 * return ({@code reasoning_content}), the finish reason, the question's option count, and
 * optionally the question's text and option texts (used to recognise a reply that is just one
 * option's text, and to avoid taking letters from words the question itself contains).
 *
 * @param text the reply's content; empty when the server returned none
 * @param reasoning the separate reasoning text; empty when none
 * @param finishReason the server's finish reason, such as {@code stop} or {@code length}; empty
 *     when unknown
 * @param optionCount the number of options the question has (2 to 5)
 * @param questionText the question's text; empty when unknown
 * @param options the option texts in order; empty when unknown
 */
public record ExtractionInput(
    String text,
    String reasoning,
    String finishReason,
    int optionCount,
    String questionText,
    List<String> options) {

  /** Validates the components. */
  public ExtractionInput {
    requireNonNull(text, "text");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(finishReason, "finishReason");
    requireNonNull(questionText, "questionText");
    options = List.copyOf(options);
    if (optionCount < 2 || optionCount > 5) {
      throw new IllegalArgumentException(
          "option count must be between 2 and 5, but was " + optionCount);
    }
    if (!options.isEmpty() && options.size() != optionCount) {
      throw new IllegalArgumentException(
          "options must be empty or number " + optionCount + ", but were " + options.size());
    }
  }

  /** Returns an input with only the reply text and the option count. */
  public static ExtractionInput of(String text, int optionCount) {
    return new ExtractionInput(text, "", "", optionCount, "", List.of());
  }

  /** Returns a copy with the separate reasoning text. */
  public ExtractionInput withReasoning(String reasoning) {
    return new ExtractionInput(text, reasoning, finishReason, optionCount, questionText, options);
  }

  /** Returns a copy with the server's finish reason. */
  public ExtractionInput withFinishReason(String finishReason) {
    return new ExtractionInput(text, reasoning, finishReason, optionCount, questionText, options);
  }

  /** Returns a copy with the question's text and option texts. */
  public ExtractionInput withQuestion(String questionText, List<String> options) {
    return new ExtractionInput(text, reasoning, finishReason, optionCount, questionText, options);
  }

  /** Returns whether the finish reason says the token limit cut the reply off. */
  public boolean isCutOff() {
    return finishReason.equalsIgnoreCase("length") || finishReason.equalsIgnoreCase("max_tokens");
  }
}
