package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import java.util.Locale;
import java.util.Optional;

/**
 * One finished item in a {@link Journal}: the reply the model gave, what was extracted from it and
 * how it was scored. Immutable.
 *
 * @param questionId the question's id
 * @param promptHash the {@linkplain Prompt#hash() prompt's hash}
 * @param modelId the {@linkplain Model#id() model id}
 * @param text the reply's content; empty for a failed item
 * @param reasoning the reply's separate reasoning text; empty when none
 * @param finishReason the server's finish reason; empty when unknown
 * @param promptTokens tokens in the prompt, or -1 when unknown
 * @param completionTokens tokens in the reply, or -1 when unknown
 * @param latencyMillis wall-clock milliseconds the model took, retries included
 * @param attempts requests made (0 when none was sent)
 * @param choice the extracted letter (A-E), or empty when none was extracted
 * @param extractionStatus the extraction status in lower case (such as {@code strict}), or empty
 *     when there was no extraction
 * @param outcome how the item was scored
 * @param failureReason why the model failed; empty unless the outcome is {@link Kind#FAILED}
 */
public record JournalEntry(
    String questionId,
    String promptHash,
    String modelId,
    String text,
    String reasoning,
    String finishReason,
    int promptTokens,
    int completionTokens,
    long latencyMillis,
    int attempts,
    String choice,
    String extractionStatus,
    Kind outcome,
    String failureReason) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a count is out of range or choice is not empty or A-E
   */
  public JournalEntry {
    requireNonNull(questionId, "questionId");
    requireNonNull(promptHash, "promptHash");
    requireNonNull(modelId, "modelId");
    requireNonNull(text, "text");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(finishReason, "finishReason");
    requireNonNull(choice, "choice");
    requireNonNull(extractionStatus, "extractionStatus");
    requireNonNull(outcome, "outcome");
    requireNonNull(failureReason, "failureReason");
    if (promptTokens < -1) {
      throw new IllegalArgumentException(
          "prompt tokens must be -1 (unknown) or more, but was " + promptTokens);
    }
    if (completionTokens < -1) {
      throw new IllegalArgumentException(
          "completion tokens must be -1 (unknown) or more, but was " + completionTokens);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException(
          "latency millis must not be negative, but was " + latencyMillis);
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, but was " + attempts);
    }
    if (!choice.isEmpty() && !choice.matches("[A-E]")) {
      throw new IllegalArgumentException(
          "choice must be empty or one of A, B, C, D, E, but was \"" + choice + "\"");
    }
  }

  /** Returns the extracted choice, or empty when none was extracted. */
  public Optional<Choice> extractedChoice() {
    return choice.isEmpty() ? Optional.empty() : Choice.parse(choice);
  }

  /** Returns the recorded reply as a {@link Reply}, as {@link Model#replay} answers it. */
  public Reply toReply() {
    int total = promptTokens >= 0 && completionTokens >= 0 ? promptTokens + completionTokens : -1;
    return new Reply(
        text,
        reasoning,
        finishReason,
        new Usage(promptTokens, completionTokens, total),
        Math.max(1, attempts));
  }

  /** How a journaled item was scored. */
  public enum Kind {
    /** The extracted choice is the gold answer. */
    CORRECT,
    /** The extracted choice is another option. */
    INCORRECT,
    /** The model replied, but no choice could be extracted. */
    UNPARSED,
    /** The model did not reply. */
    FAILED;

    /** Returns the lower-case name the journal writes, such as {@code correct}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the kind with the lower-case name {@code name}, or empty when there is none. */
    public static Optional<Kind> parse(String name) {
      requireNonNull(name, "name");
      for (Kind kind : values()) {
        if (kind.wireName().equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }
}
