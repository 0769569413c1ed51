package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer an {@link AnswerExtractor} found in a model's reply: the chosen option (if any), how
 * it was found, and where in the reply's final text. Immutable.
 */
public final class Extraction {
  private final Choice choice;
  private final ExtractionStatus status;
  private final int start;
  private final int end;

  private Extraction(Choice choice, ExtractionStatus status, int start, int end) {
    this.choice = choice;
    this.status = status;
    this.start = start;
    this.end = end;
  }

  /**
   * Returns an extraction that found {@code choice} at {@code [start, end)} of the reply text.
   *
   * @throws IllegalArgumentException if status carries no choice, or the span is invalid
   */
  public static Extraction found(Choice choice, ExtractionStatus status, int start, int end) {
    requireNonNull(choice, "choice");
    requireNonNull(status, "status");
    if (!status.hasChoice()) {
      throw new IllegalArgumentException("status must be STRICT or LENIENT, but was " + status);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "span must satisfy 0 <= start <= end, but was [" + start + ", " + end + ")");
    }
    return new Extraction(choice, status, start, end);
  }

  /**
   * Returns an extraction that found no answer, for the reason {@code status} gives.
   *
   * @throws IllegalArgumentException if status is STRICT or LENIENT
   */
  public static Extraction none(ExtractionStatus status) {
    requireNonNull(status, "status");
    if (status.hasChoice()) {
      throw new IllegalArgumentException(
          "status must be UNPARSED, EMPTY or TRUNCATED, but was " + status);
    }
    return new Extraction(null, status, -1, -1);
  }

  /** Returns the chosen option, or empty when none was found. */
  public Optional<Choice> choice() {
    return Optional.ofNullable(choice);
  }

  /** Returns how the answer was found, or why none was. */
  public ExtractionStatus status() {
    return status;
  }

  /** Returns the start of the matched span in the reply's final text, or -1 when none. */
  public int start() {
    return start;
  }

  /** Returns the end (exclusive) of the matched span in the reply's final text, or -1 when none. */
  public int end() {
    return end;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Extraction)) {
      return false;
    }
    Extraction that = (Extraction) other;
    return choice == that.choice && status == that.status && start == that.start && end == that.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(choice, status, start, end);
  }

  @Override
  public String toString() {
    return choice == null
        ? "Extraction{" + status + "}"
        : "Extraction{" + choice + ", " + status + ", [" + start + ", " + end + ")}";
  }
}
