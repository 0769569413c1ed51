package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Rank correlations between paired samples, such as two benchmarks' scores for the same models.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * Correlation rho = RankCorrelation.spearman(reduxScores, proScores);
 * }</pre>
 *
 * <p>Spearman's rho is the Pearson correlation of the ranks, tied values sharing their average
 * rank. Its p-value is exact for up to 10 pairs: every one of the n! orderings of the second
 * sample's ranks is enumerated and the p-value is the share with {@code |rho| >= |observed rho|}
 * (two-sided). For more pairs it uses {@code t = rho sqrt((n-2)/(1-rho^2))} against Student's t
 * with n-2 degrees of freedom. The 95% interval is Fisher's z: {@code tanh(atanh(rho) +- 1.96 /
 * sqrt(n-3))}, defined for n > 3. Fieller, Hartley and Pearson (1957, "Tests for rank correlation
 * coefficients. I", Biometrika 44:470-481) propose the variance {@code 1.06/(n-3)} for Spearman's z
 * instead; this class uses the plain {@code 1/(n-3)}, the textbook choice, which gives a slightly
 * narrower interval.
 *
 * <p>Kendall's tau-b is {@code (C - D) / sqrt((n0 - n1)(n0 - n2))} with C and D the concordant and
 * discordant pairs, {@code n0 = n(n-1)/2} and n1, n2 the pairs tied in the first and second sample
 * (Kendall 1945, "The treatment of ties in ranking problems", Biometrika 33:239-251). Its p-value
 * is the normal approximation to {@code S = C - D} with the tie-corrected variance {@code (v0 - vt
 * - vu)/18 + v1/(2n(n-1)) + v2/(9n(n-1)(n-2))} (Kendall 1970, "Rank Correlation Methods", 4th ed.,
 * ch. 4). Its 95% interval is Fisher's z with the variance {@code 0.437/(n-4)} (Fieller, Hartley
 * and Pearson 1957), defined for n > 4.
 *
 * <p>When either sample has no variation the coefficient is undefined and every number is {@code
 * NaN}. When the coefficient is exactly 1 or -1 and there are enough pairs for an interval (more
 * than 3 for Spearman, more than 4 for Kendall) the interval is that single point.
 */
public final class RankCorrelation {
  /** The largest sample whose Spearman p-value is computed by full enumeration (10! orderings). */
  static final int EXACT_LIMIT = 10;

  private static final double Z95 = Estimate.Z95;

  private RankCorrelation() {}

  /**
   * Returns Spearman's rank correlation of the pairs {@code (x[i], y[i])}.
   *
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 3 pairs, or
   *     hold a value that is not finite
   */
  public static Correlation spearman(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    double rho = pearson(rx, ry);
    if (Double.isNaN(rho)) {
      return new Correlation(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, Correlation.Method.SPEARMAN);
    }
    double pValue = n <= EXACT_LIMIT ? exactSpearmanPValue(rx, ry, rho) : tPValue(rho, n);
    double[] interval = fisherInterval(rho, n > 3 ? 1 / Math.sqrt(n - 3) : Double.NaN);
    return new Correlation(rho, pValue, interval[0], interval[1], n, Correlation.Method.SPEARMAN);
  }

  /**
   * Returns Spearman's rank correlation of two lists of paired values; see {@link
   * #spearman(double[], double[])}.
   */
  public static Correlation spearman(List<Double> x, List<Double> y) {
    return spearman(toArray(x, "x"), toArray(y, "y"));
  }

  /**
   * Returns Kendall's tau-b of the pairs {@code (x[i], y[i])}.
   *
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 3 pairs, or
   *     hold a value that is not finite
   */
  public static Correlation kendall(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    long concordant = 0;
    long discordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double product = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
        if (product > 0) {
          concordant++;
        } else if (product < 0) {
          discordant++;
        }
      }
    }
    long[] tx = tieSums(x);
    long[] ty = tieSums(y);
    double n0 = (double) n * (n - 1) / 2.0;
    double n1 = tx[0] / 2.0;
    double n2 = ty[0] / 2.0;
    double denominator = Math.sqrt((n0 - n1) * (n0 - n2));
    if (denominator == 0) {
      return new Correlation(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, Correlation.Method.KENDALL);
    }
    double s = concordant - discordant;
    double tau = s / denominator;
    double v0 = (double) n * (n - 1) * (2 * n + 5);
    double variance =
        (v0 - tx[2] - ty[2]) / 18.0
            + (double) tx[0] * ty[0] / (2.0 * n * (n - 1))
            + (double) tx[1] * ty[1] / (9.0 * n * (n - 1) * (n - 2));
    double pValue;
    if (variance <= 0) {
      pValue = Double.NaN;
    } else {
      double z = Math.abs(s) / Math.sqrt(variance);
      pValue = Math.min(1, 2 * new NormalDistribution().cumulativeProbability(-z));
    }
    double[] interval = fisherInterval(tau, n > 4 ? Math.sqrt(0.437 / (n - 4)) : Double.NaN);
    return new Correlation(tau, pValue, interval[0], interval[1], n, Correlation.Method.KENDALL);
  }

  /**
   * Returns Kendall's tau-b of two lists of paired values; see {@link #kendall(double[],
   * double[])}.
   */
  public static Correlation kendall(List<Double> x, List<Double> y) {
    return kendall(toArray(x, "x"), toArray(y, "y"));
  }

  /** Returns the 1-based ranks of {@code values}, tied values sharing their average rank. */
  static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start;
      while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double average = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = average;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double cross = 0;
    double squaresA = 0;
    double squaresB = 0;
    for (int i = 0; i < n; i++) {
      cross += (a[i] - meanA) * (b[i] - meanB);
      squaresA += (a[i] - meanA) * (a[i] - meanA);
      squaresB += (b[i] - meanB) * (b[i] - meanB);
    }
    if (squaresA == 0 || squaresB == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, cross / Math.sqrt(squaresA * squaresB)));
  }

  /**
   * Returns the share of the n! orderings of {@code ry} whose correlation with {@code rx} is at
   * least as far from 0 as {@code rho}. The ranks' means and spreads do not change under
   * reordering, so rho is a linear function of {@code sum(rx[i] * ry[i])}; the enumeration compares
   * that sum instead (Heap's algorithm, one swap per ordering).
   */
  private static double exactSpearmanPValue(double[] rx, double[] ry, double rho) {
    int n = rx.length;
    double mean = (n + 1) / 2.0;
    double squaresX = 0;
    double squaresY = 0;
    for (int i = 0; i < n; i++) {
      squaresX += (rx[i] - mean) * (rx[i] - mean);
      squaresY += (ry[i] - mean) * (ry[i] - mean);
    }
    double scale = Math.sqrt(squaresX * squaresY);
    double threshold = Math.abs(rho) * scale - 1e-9;
    double[] cx = new double[n];
    double[] permutation = new double[n];
    for (int i = 0; i < n; i++) {
      cx[i] = rx[i] - mean;
      permutation[i] = ry[i] - mean;
    }
    long extreme = 0;
    long total = 0;
    int[] counters = new int[n];
    extreme += Math.abs(dot(cx, permutation)) >= threshold ? 1 : 0;
    total++;
    int i = 1;
    while (i < n) {
      if (counters[i] < i) {
        int swapWith = (i % 2 == 0) ? 0 : counters[i];
        double held = permutation[swapWith];
        permutation[swapWith] = permutation[i];
        permutation[i] = held;
        extreme += Math.abs(dot(cx, permutation)) >= threshold ? 1 : 0;
        total++;
        counters[i]++;
        i = 1;
      } else {
        counters[i] = 0;
        i++;
      }
    }
    return (double) extreme / total;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double tPValue(double rho, int n) {
    if (Math.abs(rho) >= 1) {
      return 0;
    }
    double t = Math.abs(rho) * Math.sqrt((n - 2) / (1 - rho * rho));
    return Math.min(1, 2 * new TDistribution(n - 2).cumulativeProbability(-t));
  }

  private static double[] fisherInterval(double r, double standardError) {
    if (Double.isNaN(standardError)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (Math.abs(r) >= 1) {
      return new double[] {r, r};
    }
    double z = 0.5 * Math.log((1 + r) / (1 - r));
    return new double[] {Math.tanh(z - Z95 * standardError), Math.tanh(z + Z95 * standardError)};
  }

  /**
   * Returns, over the groups of tied values, {@code sum t(t-1)}, {@code sum t(t-1)(t-2)} and {@code
   * sum t(t-1)(2t+5)}.
   */
  private static long[] tieSums(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    long[] sums = new long[3];
    int start = 0;
    while (start < sorted.length) {
      int end = start;
      while (end + 1 < sorted.length && sorted[end + 1] == sorted[start]) {
        end++;
      }
      long t = end - start + 1;
      sums[0] += t * (t - 1);
      sums[1] += t * (t - 1) * (t - 2);
      sums[2] += t * (t - 1) * (2 * t + 5);
      start = end + 1;
    }
    return sums;
  }

  private static void check(double[] x, double[] y) {
    requireNonNull(x, "x");
    requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, but had " + x.length + " and " + y.length);
    }
    if (x.length < 3) {
      throw new IllegalArgumentException(
          "x and y must hold at least 3 pairs, but held " + x.length);
    }
    checkFinite(x, "x");
    checkFinite(y, "y");
  }

  private static void checkFinite(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + " must hold finite numbers, but " + name + "[" + i + "] was " + values[i]);
      }
    }
  }

  private static double[] toArray(List<Double> values, String name) {
    requireNonNull(values, name);
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = requireNonNull(values.get(i), name + "[" + i + "]");
    }
    return array;
  }
}
