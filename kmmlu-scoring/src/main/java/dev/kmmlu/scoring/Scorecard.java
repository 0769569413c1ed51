package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The graded results of an evaluation: counts, accuracies with their uncertainty, per group and per
 * exam subject. Immutable and thread-safe.
 *
 * <p>Methodology:
 *
 * <ul>
 *   <li>An unparsed reply counts as wrong in accuracy and is also reported on its own ({@link
 *       #unparsed()}, {@link #statusCounts()}).
 *   <li>A failed model call is left out of every denominator and makes the card incomplete ({@link
 *       #isComplete()}), unless {@link ScoringOptions#countFailedAsWrong()} counts it as wrong.
 *   <li>{@link Average#MICRO} is the share of scored items answered correctly; its standard error
 *       is the binomial {@code sqrt(p(1-p)/n)} and its interval the Wilson score interval (Wilson
 *       1927; Agresti and Coull 1998).
 *   <li>{@link Average#MACRO} is the mean of the groups' micro accuracies ({@code
 *       Question.group()}, groups with no scored item left out), the number the KMMLU paper
 *       reports. Its standard error is propagated from the groups, which are independent samples:
 *       {@code sqrt(sum_g p_g(1-p_g)/n_g) / G} (the variance of a mean of independent estimates;
 *       see Miller 2024, "Adding Error Bars to Evals", arXiv 2411.00640, on clustered and
 *       propagated standard errors). Its interval is the normal one, {@code value +- 1.96 SE},
 *       clipped to [0, 1].
 *   <li>With {@link ScoringOptions#weightByPoints()} every total is weighted by {@code
 *       Question.points()}: accuracy is {@code sum(w_i y_i) / sum(w_i)}, its standard error the
 *       linearised (ratio-estimator) {@code sqrt(sum(w_i^2 (y_i - p)^2)) / sum(w_i)}, which equals
 *       {@code sqrt(p(1-p)/n)} when all weights are equal, and its interval the normal one.
 * </ul>
 *
 * <pre>{@code
 * Scorecard card = Scorecard.of(outcomes);
 * Estimate macro = card.accuracy(Average.MACRO);
 * Estimate resampled = card.bootstrapInterval(Average.MACRO);
 * }</pre>
 */
public final class Scorecard {
  private final List<Outcome> outcomes;
  private final ScoringOptions options;
  private final Tally total;
  private final Map<String, Tally> groups;
  private final Map<String, Map<String, Tally>> subjects;

  private Scorecard(List<Outcome> outcomes, ScoringOptions options) {
    this.outcomes = outcomes;
    this.options = options;
    this.total = new Tally("all");
    Map<String, Tally> byGroup = new LinkedHashMap<>();
    Map<String, Map<String, Tally>> bySubject = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      String group = outcome.question().group();
      String subject = outcome.question().subject();
      total.add(outcome, options);
      byGroup.computeIfAbsent(group, Tally::new).add(outcome, options);
      bySubject
          .computeIfAbsent(group, name -> new LinkedHashMap<>())
          .computeIfAbsent(subject, Tally::new)
          .add(outcome, options);
    }
    this.groups = byGroup;
    this.subjects = bySubject;
  }

  /** Returns the scorecard of {@code outcomes} under the default {@link ScoringOptions}. */
  public static Scorecard of(List<Outcome> outcomes) {
    return of(outcomes, ScoringOptions.defaults());
  }

  /** Returns the scorecard of {@code outcomes} under {@code options}. */
  public static Scorecard of(List<Outcome> outcomes, ScoringOptions options) {
    requireNonNull(outcomes, "outcomes");
    requireNonNull(options, "options");
    return new Scorecard(List.copyOf(outcomes), options);
  }

  /** Returns the outcomes, in the order given. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** Returns the options the card was scored with. */
  public ScoringOptions options() {
    return options;
  }

  /** Returns the number of outcomes, failed ones included. */
  public int questions() {
    return outcomes.size();
  }

  /** Returns the number answered correctly. */
  public int correct() {
    return total.correct;
  }

  /** Returns the number answered with an option other than the gold one. */
  public int incorrect() {
    return total.incorrect;
  }

  /** Returns the number whose reply committed to no readable option. */
  public int unparsed() {
    return total.unparsed;
  }

  /** Returns the number whose model call failed. */
  public int failed() {
    return total.failed;
  }

  /**
   * Returns whether every question got a reply: false when any model call failed, even when the
   * options count failed calls as wrong.
   */
  public boolean isComplete() {
    return total.failed == 0;
  }

  /**
   * Returns the accuracy averaged as {@code average} asks, with its standard error and 95% interval
   * (see the class documentation for the formulas). Every number is {@code NaN} and the count 0
   * when no item was scored.
   */
  public Estimate accuracy(Average average) {
    requireNonNull(average, "average");
    switch (average) {
      case MICRO:
        return total.estimate(options);
      case MACRO:
        return macro(groups.values(), options);
      default:
        throw new AssertionError(average);
    }
  }

  /** Returns the score of each group, in the order the groups first appear in the outcomes. */
  public List<GroupScore> groups() {
    List<GroupScore> scores = new ArrayList<>(groups.size());
    for (Tally tally : groups.values()) {
      scores.add(tally.score(options));
    }
    return List.copyOf(scores);
  }

  /** Returns the score of the group named {@code name}, or empty when no outcome has that group. */
  public Optional<GroupScore> group(String name) {
    requireNonNull(name, "name");
    Tally tally = groups.get(name);
    return tally == null ? Optional.empty() : Optional.of(tally.score(options));
  }

  /**
   * Returns the score of each exam subject ({@code Question.subject()}) within {@code group}, in
   * the order the subjects first appear; empty when no outcome has that group.
   */
  public List<GroupScore> subjects(String group) {
    requireNonNull(group, "group");
    Map<String, Tally> tallies = subjects.getOrDefault(group, Map.of());
    List<GroupScore> scores = new ArrayList<>(tallies.size());
    for (Tally tally : tallies.values()) {
      scores.add(tally.score(options));
    }
    return List.copyOf(scores);
  }

  /**
   * Returns how many outcomes had each extraction status; every status is a key, failed outcomes
   * (which have no extraction) are not counted. Iterates in the enum's order.
   */
  public Map<ExtractionStatus, Integer> statusCounts() {
    Map<ExtractionStatus, Integer> counts = new EnumMap<>(ExtractionStatus.class);
    for (ExtractionStatus status : ExtractionStatus.values()) {
      counts.put(status, 0);
    }
    for (Outcome outcome : outcomes) {
      outcome.findExtraction().ifPresent(e -> counts.merge(e.status(), 1, Integer::sum));
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns a seeded bootstrap estimate of {@code statistic}: its value on the outcomes, the
   * standard deviation of its values on {@link ScoringOptions#bootstrapResamples()} resamples
   * (items drawn with replacement, as many as there are outcomes), and the 2.5th and 97.5th
   * percentiles of those values as the 95% percentile interval (Efron and Tibshirani 1993, "An
   * Introduction to the Bootstrap", ch. 6 and 13). Percentiles interpolate linearly between order
   * statistics (R's type 7). Resamples on which the statistic is {@code NaN} are dropped. The same
   * seed gives the same result.
   *
   * @throws IllegalStateException if the card has no outcomes
   * @throws IllegalArgumentException if the statistic is NaN on the card's outcomes
   */
  public Estimate bootstrap(Function<List<Outcome>, Double> statistic) {
    requireNonNull(statistic, "statistic");
    if (outcomes.isEmpty()) {
      throw new IllegalStateException("outcomes must not be empty to bootstrap, but were empty");
    }
    double value = requireNonNull(statistic.apply(outcomes), "statistic result");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "statistic must be defined on the outcomes, but was NaN");
    }
    RandomGenerator random = new MersenneTwister(options.seed());
    int size = outcomes.size();
    double[] replicates = new double[options.bootstrapResamples()];
    int kept = 0;
    List<Outcome> resample = new ArrayList<>(size);
    for (int r = 0; r < replicates.length; r++) {
      resample.clear();
      for (int i = 0; i < size; i++) {
        resample.add(outcomes.get(random.nextInt(size)));
      }
      Double replicate = statistic.apply(Collections.unmodifiableList(resample));
      if (replicate != null && !replicate.isNaN()) {
        replicates[kept++] = replicate;
      }
    }
    return summarize(value, size, replicates, kept);
  }

  /**
   * Returns a seeded bootstrap percentile estimate of {@link #accuracy(Average)}. For {@link
   * Average#MICRO} items are resampled with replacement from the whole card; for {@link
   * Average#MACRO} they are resampled within each group (a stratified bootstrap), so group sizes
   * stay fixed as in the closed form. The interval is the 2.5th to 97.5th percentile (Efron and
   * Tibshirani 1993); the standard error is the replicates' standard deviation. For a large card it
   * agrees with the closed-form standard error of {@link #accuracy(Average)}.
   *
   * @throws IllegalStateException if no item was scored
   */
  public Estimate bootstrapInterval(Average average) {
    requireNonNull(average, "average");
    Estimate closed = accuracy(average);
    if (closed.count() == 0) {
      throw new IllegalStateException("scored items must not be empty to bootstrap, but were 0");
    }
    RandomGenerator random = new MersenneTwister(options.seed());
    double[] replicates = new double[options.bootstrapResamples()];
    int kept = 0;
    List<Tally> strata =
        average == Average.MICRO ? List.of(total) : new ArrayList<>(groups.values());
    for (int r = 0; r < replicates.length; r++) {
      double sum = 0;
      int groupCount = 0;
      for (Tally stratum : strata) {
        double share = stratum.resampledAccuracy(random);
        if (!Double.isNaN(share)) {
          sum += share;
          groupCount++;
        }
      }
      if (groupCount > 0) {
        replicates[kept++] = sum / groupCount;
      }
    }
    return summarize(closed.value(), closed.count(), replicates, kept);
  }

  private static Estimate summarize(double value, int count, double[] replicates, int kept) {
    if (kept == 0) {
      return new Estimate(value, Double.NaN, 0, Double.NaN, Double.NaN);
    }
    double[] kept1 = java.util.Arrays.copyOf(replicates, kept);
    double mean = 0;
    for (double replicate : kept1) {
      mean += replicate;
    }
    mean /= kept;
    double squares = 0;
    for (double replicate : kept1) {
      squares += (replicate - mean) * (replicate - mean);
    }
    double standardError = kept > 1 ? Math.sqrt(squares / (kept - 1)) : 0;
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(kept1);
    return new Estimate(
        value, standardError, count, percentile.evaluate(2.5), percentile.evaluate(97.5));
  }

  private static Estimate macro(Iterable<Tally> tallies, ScoringOptions options) {
    double sum = 0;
    double variance = 0;
    int groupCount = 0;
    int count = 0;
    for (Tally tally : tallies) {
      Estimate estimate = tally.estimate(options);
      if (estimate.count() > 0) {
        sum += estimate.value();
        variance += estimate.standardError() * estimate.standardError();
        groupCount++;
        count += estimate.count();
      }
    }
    if (groupCount == 0) {
      return Estimate.empty();
    }
    double value = sum / groupCount;
    double standardError = Math.sqrt(variance) / groupCount;
    return normal(value, standardError, count);
  }

  static Estimate normal(double value, double standardError, int count) {
    return new Estimate(
        value,
        standardError,
        count,
        Math.max(0, value - Estimate.Z95 * standardError),
        Math.min(1, value + Estimate.Z95 * standardError));
  }

  @Override
  public String toString() {
    Estimate micro = accuracy(Average.MICRO);
    return "Scorecard{questions="
        + questions()
        + ", correct="
        + correct()
        + ", incorrect="
        + incorrect()
        + ", unparsed="
        + unparsed()
        + ", failed="
        + failed()
        + ", micro="
        + micro.value()
        + ", macro="
        + accuracy(Average.MACRO).value()
        + "}";
  }

  /** Running counts over a set of outcomes, with the weights and results of the scored items. */
  private static final class Tally {
    private final String name;
    private int correct;
    private int incorrect;
    private int unparsed;
    private int failed;
    private double weightSum;
    private double earned;
    private double points;
    private double pointsEarned;
    private double[] weights = new double[8];
    private boolean[] hits = new boolean[8];
    private int scored;

    Tally(String name) {
      this.name = name;
    }

    void add(Outcome outcome, ScoringOptions options) {
      if (outcome instanceof Outcome.Correct) {
        correct++;
      } else if (outcome instanceof Outcome.Incorrect) {
        incorrect++;
      } else if (outcome instanceof Outcome.Unparsed) {
        unparsed++;
      } else {
        failed++;
        if (!options.countFailedAsWrong()) {
          return;
        }
      }
      double weight = options.weightByPoints() ? outcome.question().points() : 1.0;
      if (scored == weights.length) {
        weights = java.util.Arrays.copyOf(weights, scored * 2);
        hits = java.util.Arrays.copyOf(hits, scored * 2);
      }
      weights[scored] = weight;
      hits[scored] = outcome.isCorrect();
      scored++;
      weightSum += weight;
      points += outcome.question().points();
      if (outcome.isCorrect()) {
        earned += weight;
        pointsEarned += outcome.question().points();
      }
    }

    Estimate estimate(ScoringOptions options) {
      if (scored == 0) {
        return Estimate.empty();
      }
      if (!options.weightByPoints()) {
        return Estimate.ofProportion(correct, scored);
      }
      double p = earned / weightSum;
      double squares = 0;
      for (int i = 0; i < scored; i++) {
        double residual = (hits[i] ? 1 : 0) - p;
        squares += weights[i] * weights[i] * residual * residual;
      }
      return normal(p, Math.sqrt(squares) / weightSum, scored);
    }

    double resampledAccuracy(RandomGenerator random) {
      if (scored == 0) {
        return Double.NaN;
      }
      double hit = 0;
      double all = 0;
      for (int i = 0; i < scored; i++) {
        int pick = random.nextInt(scored);
        all += weights[pick];
        if (hits[pick]) {
          hit += weights[pick];
        }
      }
      return hit / all;
    }

    GroupScore score(ScoringOptions options) {
      return new GroupScore(
          name,
          correct + incorrect + unparsed + failed,
          correct,
          incorrect,
          unparsed,
          failed,
          estimate(options),
          points,
          pointsEarned);
    }
  }
}
