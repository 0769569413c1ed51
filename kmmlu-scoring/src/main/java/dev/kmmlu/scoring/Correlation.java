package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

/**
 * A rank correlation between two paired samples, with its two-sided p-value against "no
 * association" and a 95% confidence interval. Immutable. See {@link RankCorrelation} for how each
 * number is computed. Numbers that cannot be computed (a sample with no variation, too few pairs
 * for the interval) are {@code NaN}.
 *
 * @param coefficient the correlation, in [-1, 1]
 * @param pValue the two-sided p-value of the test of no association
 * @param lower95 the lower end of the 95% confidence interval
 * @param upper95 the upper end of the 95% confidence interval
 * @param count the number of pairs
 * @param method which coefficient this is
 */
public record Correlation(
    double coefficient, double pValue, double lower95, double upper95, int count, Method method) {

  /** Validates the components. */
  public Correlation {
    requireNonNull(method, "method");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but was " + count);
    }
  }

  /** The rank correlation coefficients {@link RankCorrelation} computes. */
  public enum Method {
    /** Spearman's rho: the Pearson correlation of the ranks, ties given their average rank. */
    SPEARMAN,
    /** Kendall's tau-b: concordant minus discordant pairs, adjusted for ties. */
    KENDALL
  }
}
