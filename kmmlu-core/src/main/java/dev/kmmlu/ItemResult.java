package dev.kmmlu;

import static java.util.Objects.requireNonNull;

/**
 * One question's result in a {@link Report}: what was asked, what the model chose, and how it was
 * graded.
 *
 * @param questionId the question's stable id
 * @param group the reporting group (subject, category or licence)
 * @param subject the finest grouping (the KMMLU-Pro exam subject; otherwise the group)
 * @param gold the gold letter
 * @param choice the extracted letter, or "" when none was found
 * @param status the extraction status name, or "" for a failed model call
 * @param outcome {@code correct}, {@code incorrect}, {@code unparsed} or {@code failed}
 * @param points the points the item is worth
 */
public record ItemResult(
    String questionId,
    String group,
    String subject,
    String gold,
    String choice,
    String status,
    String outcome,
    double points) {

  /** Validates the components. */
  public ItemResult {
    requireNonNull(questionId, "questionId");
    requireNonNull(group, "group");
    requireNonNull(subject, "subject");
    requireNonNull(gold, "gold");
    requireNonNull(choice, "choice");
    requireNonNull(status, "status");
    requireNonNull(outcome, "outcome");
  }

  /** Returns whether the item was answered correctly. */
  public boolean isCorrect() {
    return outcome.equals("correct");
  }
}
