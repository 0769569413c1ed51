package dev.kmmlu.scoring;

/**
 * How a {@link Scorecard} counts outcomes and computes its uncertainty. Immutable and thread-safe;
 * each wither returns a copy, or this instance when nothing changes.
 *
 * <pre>{@code
 * ScoringOptions options = ScoringOptions.defaults().withWeightByPoints(true).withSeed(42);
 * }</pre>
 */
public final class ScoringOptions {
  private static final ScoringOptions DEFAULTS = new ScoringOptions(false, false, 1000, 0L);

  private final boolean countFailedAsWrong;
  private final boolean weightByPoints;
  private final int bootstrapResamples;
  private final long seed;

  private ScoringOptions(
      boolean countFailedAsWrong, boolean weightByPoints, int bootstrapResamples, long seed) {
    this.countFailedAsWrong = countFailedAsWrong;
    this.weightByPoints = weightByPoints;
    this.bootstrapResamples = bootstrapResamples;
    this.seed = seed;
  }

  /**
   * Returns the defaults: failed items left out, items counted rather than weighted, 1000 bootstrap
   * resamples, seed 0.
   */
  public static ScoringOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns whether a failed model call counts as a wrong answer. When false (the default) failed
   * items are left out of every denominator and the scorecard reports itself incomplete.
   */
  public boolean countFailedAsWrong() {
    return countFailedAsWrong;
  }

  /**
   * Returns whether items are weighted by their points ({@code Question.points()}) wherever a total
   * is formed, so that accuracy is {@code sum(points of correct items) / sum(points)}. The default
   * (false) counts items, as the KMMLU-Pro paper does.
   */
  public boolean weightByPoints() {
    return weightByPoints;
  }

  /** Returns the number of bootstrap resamples (default 1000). */
  public int bootstrapResamples() {
    return bootstrapResamples;
  }

  /** Returns the seed of the bootstrap's random numbers (default 0). */
  public long seed() {
    return seed;
  }

  /** Returns a copy that counts failed model calls as wrong answers, or leaves them out. */
  public ScoringOptions withCountFailedAsWrong(boolean countFailedAsWrong) {
    return countFailedAsWrong == this.countFailedAsWrong
        ? this
        : new ScoringOptions(countFailedAsWrong, weightByPoints, bootstrapResamples, seed);
  }

  /** Returns a copy that weights items by their points, or counts them. */
  public ScoringOptions withWeightByPoints(boolean weightByPoints) {
    return weightByPoints == this.weightByPoints
        ? this
        : new ScoringOptions(countFailedAsWrong, weightByPoints, bootstrapResamples, seed);
  }

  /**
   * Returns a copy that draws {@code bootstrapResamples} bootstrap resamples.
   *
   * @throws IllegalArgumentException if bootstrapResamples is less than 1
   */
  public ScoringOptions withBootstrapResamples(int bootstrapResamples) {
    if (bootstrapResamples < 1) {
      throw new IllegalArgumentException(
          "bootstrap resamples must be at least 1, but was " + bootstrapResamples);
    }
    return bootstrapResamples == this.bootstrapResamples
        ? this
        : new ScoringOptions(countFailedAsWrong, weightByPoints, bootstrapResamples, seed);
  }

  /** Returns a copy whose bootstrap draws from {@code seed}. */
  public ScoringOptions withSeed(long seed) {
    return seed == this.seed
        ? this
        : new ScoringOptions(countFailedAsWrong, weightByPoints, bootstrapResamples, seed);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ScoringOptions)) {
      return false;
    }
    ScoringOptions that = (ScoringOptions) other;
    return countFailedAsWrong == that.countFailedAsWrong
        && weightByPoints == that.weightByPoints
        && bootstrapResamples == that.bootstrapResamples
        && seed == that.seed;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(countFailedAsWrong, weightByPoints, bootstrapResamples, seed);
  }

  @Override
  public String toString() {
    return "ScoringOptions{countFailedAsWrong="
        + countFailedAsWrong
        + ", weightByPoints="
        + weightByPoints
        + ", bootstrapResamples="
        + bootstrapResamples
        + ", seed="
        + seed
        + "}";
  }
}
