package dev.kmmlu.scoring;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A statistic with its uncertainty: the point value, its standard error, the number of items it
 * rests on, and a 95% confidence interval {@code [lower, upper]}. Immutable.
 *
 * <p>Which interval {@code lower} and {@code upper} hold depends on the producer, and each producer
 * documents it. {@link Scorecard#accuracy(Average)} gives, for the unweighted micro average, the
 * Wilson score interval (Wilson 1927, "Probable inference, the law of succession, and statistical
 * inference", JASA 22:209-212; recommended over the Wald interval by Agresti and Coull 1998,
 * "Approximate is better than 'exact' for interval estimation of binomial proportions", The
 * American Statistician 52:119-126), and for the macro and the points-weighted averages the normal
 * interval {@code value +- 1.96 * standardError} clipped to [0, 1]. Bootstrap estimates hold the
 * percentile interval.
 *
 * <p>When {@code count} is 0 there is nothing to estimate and every number is {@code NaN}.
 *
 * @param value the point estimate, such as an accuracy in [0, 1]
 * @param standardError the estimated standard deviation of {@code value}; at least 0
 * @param count the number of items the estimate rests on
 * @param lower the lower end of the 95% confidence interval
 * @param upper the upper end of the 95% confidence interval
 */
public record Estimate(double value, double standardError, int count, double lower, double upper) {
  static final double Z95 = 1.959963984540054;

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if count is negative, a number is NaN while count is positive,
   *     standardError is negative, or lower is above upper
   */
  public Estimate {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but was " + count);
    }
    if (count > 0) {
      if (Double.isNaN(value)
          || Double.isNaN(standardError)
          || Double.isNaN(lower)
          || Double.isNaN(upper)) {
        throw new IllegalArgumentException(
            "numbers must not be NaN when count is positive, but were value="
                + value
                + ", standardError="
                + standardError
                + ", lower="
                + lower
                + ", upper="
                + upper);
      }
      if (standardError < 0) {
        throw new IllegalArgumentException(
            "standard error must not be negative, but was " + standardError);
      }
      if (lower > upper) {
        throw new IllegalArgumentException(
            "lower must not be above upper, but was [" + lower + ", " + upper + "]");
      }
    }
  }

  /** Returns the estimate of nothing: count 0 and every number {@code NaN}. */
  public static Estimate empty() {
    return new Estimate(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
  }

  /**
   * Returns the share {@code successes / count} with its binomial standard error {@code
   * sqrt(p(1-p)/n)} and its 95% Wilson score interval (Wilson 1927; Agresti and Coull 1998).
   *
   * @throws IllegalArgumentException if count is negative or successes is not within [0, count]
   */
  public static Estimate ofProportion(int successes, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but was " + count);
    }
    if (successes < 0 || successes > count) {
      throw new IllegalArgumentException(
          "successes must be between 0 and " + count + ", but was " + successes);
    }
    if (count == 0) {
      return empty();
    }
    double p = (double) successes / count;
    double[] wilson = wilson(p, count, Z95);
    return new Estimate(p, Math.sqrt(p * (1 - p) / count), count, wilson[0], wilson[1]);
  }

  /**
   * Returns a confidence interval at {@code level} from the normal approximation, {@code value +- z
   * * standardError} with {@code z} the standard normal quantile at {@code (1 + level) / 2}.
   *
   * <p>This is the Wald interval; it is meaningful for means and for averages of many items, and at
   * level 0.95 it equals {@code [lower, upper]} for the macro average. For a micro accuracy near 0
   * or 1 prefer the Wilson interval in {@code [lower, upper]}, or {@link #wilsonInterval(double)}.
   * It is not clipped, so it may leave [0, 1].
   *
   * @throws IllegalArgumentException if level is not strictly between 0 and 1
   */
  public Interval confidenceInterval(double level) {
    double z = zFor(level);
    return new Interval(value - z * standardError, value + z * standardError, level);
  }

  /**
   * Returns the Wilson score interval at {@code level} for a proportion {@code value} of {@code
   * count} items (Wilson 1927; Agresti and Coull 1998). Meaningful only when {@code value} is an
   * unweighted share of {@code count} items, such as an unweighted micro accuracy.
   *
   * @throws IllegalArgumentException if level is not strictly between 0 and 1
   */
  public Interval wilsonInterval(double level) {
    double z = zFor(level);
    if (count == 0) {
      return new Interval(Double.NaN, Double.NaN, level);
    }
    double[] wilson = wilson(value, count, z);
    return new Interval(wilson[0], wilson[1], level);
  }

  static double zFor(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be between 0 and 1, but was " + level);
    }
    return level == 0.95
        ? Z95
        : new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);
  }

  /** Returns the Wilson score interval's ends for share {@code p} of {@code n} items. */
  static double[] wilson(double p, int n, double z) {
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    // At p = 0 or 1 one end is exactly 0 or 1; rounding would otherwise leave 0.9999999999999999.
    double lower = p == 0 ? 0 : Math.max(0, centre - half);
    double upper = p == 1 ? 1 : Math.min(1, centre + half);
    return new double[] {lower, upper};
  }

  /**
   * A confidence interval.
   *
   * @param lower the lower end
   * @param upper the upper end
   * @param level the coverage it was computed for, such as 0.95
   */
  public record Interval(double lower, double upper, double level) {}
}
