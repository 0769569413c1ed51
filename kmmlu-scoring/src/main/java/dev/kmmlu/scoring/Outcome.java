package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.util.Optional;

/**
 * What happened when the model answered one question: it chose the gold option ({@link Correct}),
 * another option ({@link Incorrect}), no option that could be read ({@link Unparsed}), or the model
 * call itself failed after its retries ({@link Failed}). Instances are immutable.
 *
 * <p>Scoring: an unparsed reply counts as wrong in accuracy but is reported separately; a failed
 * call is left out of the accuracy denominator unless {@link ScoringOptions#countFailedAsWrong()}.
 */
public sealed interface Outcome
    permits Outcome.Correct, Outcome.Incorrect, Outcome.Unparsed, Outcome.Failed {

  /** Returns the question that was asked. */
  Question question();

  /** Returns whether the model chose the gold option. */
  boolean isCorrect();

  /**
   * Returns what the answer extractor found, or empty when the model call failed.
   *
   * <p>Named {@code findExtraction} rather than {@code extraction} because the graded records'
   * component {@code extraction()} returns the {@link Extraction} itself, and Java does not let a
   * record accessor return {@code Optional} of its component.
   */
  Optional<Extraction> findExtraction();

  /**
   * Returns the kind of outcome: {@code "correct"}, {@code "incorrect"}, {@code "unparsed"} or
   * {@code "failed"}.
   */
  String kind();

  /**
   * Returns the outcome of an extraction: correct when it found the gold option, incorrect when it
   * found another option, unparsed when it found none (status UNPARSED, EMPTY or TRUNCATED).
   *
   * @throws IllegalArgumentException if the extraction found an option the question does not have
   */
  static Outcome grade(Question question, Extraction extraction) {
    requireNonNull(question, "question");
    requireNonNull(extraction, "extraction");
    Optional<Choice> choice = extraction.choice();
    if (choice.isEmpty()) {
      return new Unparsed(question, extraction);
    }
    return choice.get() == question.answer()
        ? new Correct(question, extraction)
        : new Incorrect(question, extraction);
  }

  /**
   * Returns the outcome of a model call that failed after its retries.
   *
   * @throws IllegalArgumentException if reason is blank
   */
  static Outcome failed(Question question, String reason) {
    return new Failed(question, reason);
  }

  /**
   * The model chose the gold option.
   *
   * @param question the question asked
   * @param extraction the extraction, whose choice is the question's answer
   */
  record Correct(Question question, Extraction extraction) implements Outcome {
    /**
     * Validates that the extraction found the gold option.
     *
     * @throws IllegalArgumentException if it found no option or another one
     */
    public Correct {
      requireNonNull(question, "question");
      requireNonNull(extraction, "extraction");
      if (extraction.choice().orElse(null) != question.answer()) {
        throw new IllegalArgumentException(
            "extraction must choose the answer " + question.answer() + ", but was " + extraction);
      }
    }

    @Override
    public boolean isCorrect() {
      return true;
    }

    @Override
    public Optional<Extraction> findExtraction() {
      return Optional.of(extraction);
    }

    @Override
    public String kind() {
      return "correct";
    }
  }

  /**
   * The model chose an option other than the gold one.
   *
   * @param question the question asked
   * @param extraction the extraction, whose choice is not the question's answer
   */
  record Incorrect(Question question, Extraction extraction) implements Outcome {
    /**
     * Validates that the extraction found an option other than the gold one.
     *
     * @throws IllegalArgumentException if it found no option or the gold one
     */
    public Incorrect {
      requireNonNull(question, "question");
      requireNonNull(extraction, "extraction");
      Choice choice = extraction.choice().orElse(null);
      if (choice == null || choice == question.answer()) {
        throw new IllegalArgumentException(
            "extraction must choose an option other than "
                + question.answer()
                + ", but was "
                + extraction);
      }
    }

    @Override
    public boolean isCorrect() {
      return false;
    }

    @Override
    public Optional<Extraction> findExtraction() {
      return Optional.of(extraction);
    }

    @Override
    public String kind() {
      return "incorrect";
    }
  }

  /**
   * The reply committed to no option that could be read (status UNPARSED, EMPTY or TRUNCATED).
   *
   * @param question the question asked
   * @param extraction the extraction, which found no option
   */
  record Unparsed(Question question, Extraction extraction) implements Outcome {
    /**
     * Validates that the extraction found no option.
     *
     * @throws IllegalArgumentException if it found one
     */
    public Unparsed {
      requireNonNull(question, "question");
      requireNonNull(extraction, "extraction");
      if (extraction.choice().isPresent()) {
        throw new IllegalArgumentException(
            "extraction must have status UNPARSED, EMPTY or TRUNCATED, but was " + extraction);
      }
    }

    @Override
    public boolean isCorrect() {
      return false;
    }

    @Override
    public Optional<Extraction> findExtraction() {
      return Optional.of(extraction);
    }

    @Override
    public String kind() {
      return "unparsed";
    }
  }

  /**
   * The model call failed after its retries, so there is no reply to grade.
   *
   * @param question the question asked
   * @param reason why the call failed, without secrets
   */
  record Failed(Question question, String reason) implements Outcome {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if reason is blank
     */
    public Failed {
      requireNonNull(question, "question");
      requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank, but was \"" + reason + "\"");
      }
    }

    @Override
    public boolean isCorrect() {
      return false;
    }

    @Override
    public Optional<Extraction> findExtraction() {
      return Optional.empty();
    }

    @Override
    public String kind() {
      return "failed";
    }
  }
}
