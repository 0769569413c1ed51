package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Optional facts about a question: KMMLU's human accuracy and readable category, KMMLU-Pro's
 * points, exam year, round and session, and the qualification (licence) name. Immutable.
 */
public final class QuestionMetadata {
  private static final QuestionMetadata EMPTY = builder().build();

  private final Double humanAccuracy;
  private final double points;
  private final Integer year;
  private final Integer round;
  private final Integer session;
  private final String qualification;
  private final String category;

  private QuestionMetadata(Builder builder) {
    this.humanAccuracy = builder.humanAccuracy;
    this.points = builder.points;
    this.year = builder.year;
    this.round = builder.round;
    this.session = builder.session;
    this.qualification = builder.qualification;
    this.category = builder.category;
  }

  /** Returns metadata with nothing set and 1 point. */
  public static QuestionMetadata empty() {
    return EMPTY;
  }

  /** Returns a builder with nothing set and 1 point. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this metadata's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.humanAccuracy = humanAccuracy;
    builder.points = points;
    builder.year = year;
    builder.round = round;
    builder.session = session;
    builder.qualification = qualification;
    builder.category = category;
    return builder;
  }

  /** Returns the share of human examinees who answered correctly (KMMLU), in [0, 1]. */
  public OptionalDouble humanAccuracy() {
    return humanAccuracy == null ? OptionalDouble.empty() : OptionalDouble.of(humanAccuracy);
  }

  /** Returns the points the item is worth (KMMLU-Pro {@code score}); 1 when the exam gave none. */
  public double points() {
    return points;
  }

  /** Returns the exam year (KMMLU-Pro). */
  public OptionalInt year() {
    return year == null ? OptionalInt.empty() : OptionalInt.of(year);
  }

  /** Returns the exam round (KMMLU-Pro). */
  public OptionalInt round() {
    return round == null ? OptionalInt.empty() : OptionalInt.of(round);
  }

  /** Returns the exam session (KMMLU-Pro). */
  public OptionalInt session() {
    return session == null ? OptionalInt.empty() : OptionalInt.of(session);
  }

  /** Returns the qualification or licence name as the data spells it ({@code license_name}). */
  public Optional<String> qualification() {
    return Optional.ofNullable(qualification);
  }

  /** Returns KMMLU's readable category (the CSV's {@code Category}, such as "Korean History"). */
  public Optional<String> category() {
    return Optional.ofNullable(category);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof QuestionMetadata)) {
      return false;
    }
    QuestionMetadata that = (QuestionMetadata) other;
    return Double.compare(points, that.points) == 0
        && Objects.equals(humanAccuracy, that.humanAccuracy)
        && Objects.equals(year, that.year)
        && Objects.equals(round, that.round)
        && Objects.equals(session, that.session)
        && Objects.equals(qualification, that.qualification)
        && Objects.equals(category, that.category);
  }

  @Override
  public int hashCode() {
    return Objects.hash(humanAccuracy, points, year, round, session, qualification, category);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("QuestionMetadata{points=").append(points);
    if (humanAccuracy != null) {
      text.append(", humanAccuracy=").append(humanAccuracy);
    }
    if (year != null) {
      text.append(", year=").append(year);
    }
    if (round != null) {
      text.append(", round=").append(round);
    }
    if (session != null) {
      text.append(", session=").append(session);
    }
    if (qualification != null) {
      text.append(", qualification=").append(qualification);
    }
    if (category != null) {
      text.append(", category=").append(category);
    }
    return text.append('}').toString();
  }

  /** A builder of {@link QuestionMetadata}. Not thread-safe. */
  public static final class Builder {
    private Double humanAccuracy;
    private double points = 1.0;
    private Integer year;
    private Integer round;
    private Integer session;
    private String qualification;
    private String category;

    private Builder() {}

    /**
     * Sets the human accuracy.
     *
     * @throws IllegalArgumentException if it is not within [0, 1]
     */
    public Builder humanAccuracy(double humanAccuracy) {
      if (!(humanAccuracy >= 0.0 && humanAccuracy <= 1.0)) {
        throw new IllegalArgumentException(
            "human accuracy must be between 0 and 1, but was " + humanAccuracy);
      }
      this.humanAccuracy = humanAccuracy;
      return this;
    }

    /**
     * Sets the points the item is worth.
     *
     * @throws IllegalArgumentException if points is not positive and finite
     */
    public Builder points(double points) {
      if (!(points > 0.0 && Double.isFinite(points))) {
        throw new IllegalArgumentException("points must be positive, but was " + points);
      }
      this.points = points;
      return this;
    }

    /** Sets the exam year. */
    public Builder year(int year) {
      this.year = year;
      return this;
    }

    /** Sets the exam round. */
    public Builder round(int round) {
      this.round = round;
      return this;
    }

    /** Sets the exam session. */
    public Builder session(int session) {
      this.session = session;
      return this;
    }

    /** Sets the qualification or licence name. */
    public Builder qualification(String qualification) {
      this.qualification = requireNonNull(qualification, "qualification");
      return this;
    }

    /** Sets KMMLU's readable category. */
    public Builder category(String category) {
      this.category = requireNonNull(category, "category");
      return this;
    }

    /** Returns the metadata. */
    public QuestionMetadata build() {
      return new QuestionMetadata(this);
    }
  }
}
