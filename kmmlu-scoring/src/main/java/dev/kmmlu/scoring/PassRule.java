package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A rule that decides whether the results for one licence ({@code Question.group()} of a {@link
 * Scorecard}) would pass its exam. Rules are immutable values and compose with {@link
 * #allOf(PassRule...)} and {@link #anyOf(PassRule...)}.
 *
 * <pre>{@code
 * PassRule pharmacist = PassRule.allOf(
 *     PassRule.everySubjectAtLeast(0.40), PassRule.meanOfSubjectsAtLeast(0.60));
 * }</pre>
 *
 * <p>Scores: a subject's or licence's score is its micro accuracy in the scorecard, so items are
 * counted unless the scorecard's {@link ScoringOptions#weightByPoints()} weights them by points; an
 * unparsed reply scores as wrong. Thresholds are fractions in [0, 1] (0.4 is 40%), except {@link
 * #topPercent(double, List)}, which takes a percentage.
 *
 * <p>Boundaries: a score equal to its threshold passes. Because a threshold such as 0.4 or 900/1660
 * is not exact in binary floating point, a score passes when {@code score >= threshold - 1e-9}; the
 * slack is far below the smallest step an exam can take (1/n for n items), so 2 of 5 items passes a
 * 40% floor and 899 of 1,660 still fails 900/1660.
 *
 * <p>A rule never passes on missing data: a subject, year or licence with no scored item fails.
 */
public sealed interface PassRule
    permits PassRule.EverySubjectAtLeast,
        PassRule.MeanOfSubjectsAtLeast,
        PassRule.OverallAtLeast,
        PassRule.PointsAtLeast,
        PassRule.CutOff,
        PassRule.TopK,
        PassRule.TopPercent,
        PassRule.AllOf,
        PassRule.AnyOf {

  /** The slack allowed when comparing a score with its threshold. */
  double EPSILON = 1e-9;

  /** Returns whether the results of {@code group} in {@code card} meet this rule, and why. */
  Check check(Scorecard card, String group);

  /**
   * Returns a rule that every exam subject of the licence scores at least {@code fraction}: the
   * "40% floor" of Korean licensure exams.
   *
   * @throws IllegalArgumentException if fraction is not within [0, 1]
   */
  static PassRule everySubjectAtLeast(double fraction) {
    return new EverySubjectAtLeast(fraction);
  }

  /**
   * Returns a rule that the mean of the subjects' scores (each subject weighing the same, as Korean
   * exams average subject percentages) is at least {@code fraction}.
   *
   * @throws IllegalArgumentException if fraction is not within [0, 1]
   */
  static PassRule meanOfSubjectsAtLeast(double fraction) {
    return new MeanOfSubjectsAtLeast(fraction);
  }

  /**
   * Returns a rule that the licence's overall score (accuracy over its items) is at least {@code
   * fraction}; the alternative reading of "average".
   *
   * @throws IllegalArgumentException if fraction is not within [0, 1]
   */
  static PassRule overallAtLeast(double fraction) {
    return new OverallAtLeast(fraction);
  }

  /**
   * Returns a rule that the overall score, scaled to an exam of {@code totalPoints}, reaches {@code
   * points}: {@code score * totalPoints >= points}. The paper's Lawyer cut-off is {@code
   * pointsAtLeast(900, 1660)}, 54.22%.
   *
   * @throws IllegalArgumentException if totalPoints is not positive or points is not within [0,
   *     totalPoints]
   */
  static PassRule pointsAtLeast(double points, double totalPoints) {
    return new PointsAtLeast(points, totalPoints);
  }

  /**
   * Returns a rule for relative exams whose cut-off differs by year: the items of each exam year
   * ({@code QuestionMetadata.year()}) must score at least that year's cut-off. A year in the data
   * without a cut-off, or items without a year, fail the rule.
   *
   * @throws IllegalArgumentException if byYear is empty or a cut-off is not within [0, 1]
   */
  static PassRule cutOff(Map<Integer, Double> byYear) {
    return new CutOff(byYear);
  }

  /**
   * Returns a rule that the licence's overall score ranks among the best {@code k} when joined to
   * the {@code cohort}'s scores (fractions in [0, 1]); ties rank in the model's favour.
   *
   * @throws IllegalArgumentException if k is less than 1 or a cohort score is not within [0, 1]
   */
  static PassRule topK(int k, List<Double> cohort) {
    return new TopK(k, cohort);
  }

  /**
   * Returns a rule that the licence's overall score ranks within the best {@code percent} percent
   * when joined to the {@code cohort}'s scores: rank {@code <= percent / 100 * (cohort size + 1)},
   * ties in the model's favour.
   *
   * @throws IllegalArgumentException if percent is not within (0, 100] or a cohort score is not
   *     within [0, 1]
   */
  static PassRule topPercent(double percent, List<Double> cohort) {
    return new TopPercent(percent, cohort);
  }

  /**
   * Returns a rule that passes when every one of {@code rules} passes.
   *
   * @throws IllegalArgumentException if rules is empty
   */
  static PassRule allOf(PassRule... rules) {
    return new AllOf(List.of(rules));
  }

  /**
   * Returns a rule that passes when any one of {@code rules} passes.
   *
   * @throws IllegalArgumentException if rules is empty
   */
  static PassRule anyOf(PassRule... rules) {
    return new AnyOf(List.of(rules));
  }

  /**
   * The result of checking one rule: whether it passed, a one-line reason with the numbers, and the
   * checks of its parts when the rule is composite.
   *
   * @param passed whether the rule passed
   * @param reason the reason, such as {@code "약리학 35.0% < 40% floor"}
   * @param parts the checks of a composite rule's parts; empty for a simple rule
   */
  record Check(boolean passed, String reason, List<Check> parts) {
    /** Validates the components and copies the parts. */
    public Check {
      requireNonNull(reason, "reason");
      parts = List.copyOf(parts);
    }

    static Check of(boolean passed, String reason) {
      return new Check(passed, reason, List.of());
    }

    /** Returns the reasons of the simple rules within this check, in order. */
    public List<String> leafReasons() {
      List<String> reasons = new ArrayList<>();
      collect(this, reasons, false);
      return List.copyOf(reasons);
    }

    /**
     * Returns the reasons that decided the result: when passed, the simple rules that passed; when
     * failed, the simple rules that failed.
     */
    public List<String> decisiveReasons() {
      List<String> reasons = new ArrayList<>();
      collect(this, reasons, true);
      return List.copyOf(reasons);
    }

    private static void collect(Check check, List<String> reasons, boolean decisiveOnly) {
      if (check.parts.isEmpty()) {
        reasons.add(check.reason);
        return;
      }
      for (Check part : check.parts) {
        if (!decisiveOnly || part.passed == check.passed) {
          collect(part, reasons, decisiveOnly);
        }
      }
    }
  }

  /**
   * Every exam subject scores at least {@code fraction}.
   *
   * @param fraction the floor, in [0, 1]
   */
  record EverySubjectAtLeast(double fraction) implements PassRule {
    /** Validates the fraction. */
    public EverySubjectAtLeast {
      Rules.checkFraction("fraction", fraction);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      List<GroupScore> subjects = card.subjects(group);
      if (subjects.isEmpty()) {
        return Check.of(false, "no subject scored");
      }
      List<String> failures = new ArrayList<>();
      GroupScore lowest = null;
      for (GroupScore subject : subjects) {
        if (subject.scored() == 0) {
          failures.add(subject.name() + " has no scored item");
          continue;
        }
        double score = subject.accuracy().value();
        if (!Rules.atLeast(score, fraction)) {
          failures.add(
              subject.name()
                  + " "
                  + Rules.percent(score)
                  + " < "
                  + Rules.threshold(fraction)
                  + " floor");
        }
        if (lowest == null || score < lowest.accuracy().value()) {
          lowest = subject;
        }
      }
      if (!failures.isEmpty()) {
        return Check.of(false, String.join(", ", failures));
      }
      return Check.of(
          true,
          "every subject >= "
              + Rules.threshold(fraction)
              + " (lowest "
              + lowest.name()
              + " "
              + Rules.percent(lowest.accuracy().value())
              + ")");
    }
  }

  /**
   * The mean of the subjects' scores is at least {@code fraction}.
   *
   * @param fraction the threshold, in [0, 1]
   */
  record MeanOfSubjectsAtLeast(double fraction) implements PassRule {
    /** Validates the fraction. */
    public MeanOfSubjectsAtLeast {
      Rules.checkFraction("fraction", fraction);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      double sum = 0;
      int count = 0;
      for (GroupScore subject : card.subjects(group)) {
        if (subject.scored() == 0) {
          return Check.of(
              false, "mean of subjects undefined: " + subject.name() + " has no scored item");
        }
        sum += subject.accuracy().value();
        count++;
      }
      if (count == 0) {
        return Check.of(false, "mean of subjects undefined: no subject scored");
      }
      double mean = sum / count;
      boolean passed = Rules.atLeast(mean, fraction);
      return Check.of(
          passed,
          "mean of subjects "
              + Rules.percent(mean)
              + (passed ? " >= " : " < ")
              + Rules.threshold(fraction));
    }
  }

  /**
   * The licence's overall score is at least {@code fraction}.
   *
   * @param fraction the threshold, in [0, 1]
   */
  record OverallAtLeast(double fraction) implements PassRule {
    /** Validates the fraction. */
    public OverallAtLeast {
      Rules.checkFraction("fraction", fraction);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      Estimate accuracy = Rules.overall(card, group);
      if (accuracy.count() == 0) {
        return Check.of(false, "overall score undefined: no scored item");
      }
      boolean passed = Rules.atLeast(accuracy.value(), fraction);
      return Check.of(
          passed,
          "overall "
              + Rules.percent(accuracy.value())
              + (passed ? " >= " : " < ")
              + Rules.threshold(fraction));
    }
  }

  /**
   * The overall score scaled to {@code totalPoints} reaches {@code points}.
   *
   * @param points the points needed
   * @param totalPoints the points the exam awards in all
   */
  record PointsAtLeast(double points, double totalPoints) implements PassRule {
    /** Validates the components. */
    public PointsAtLeast {
      if (!(totalPoints > 0 && Double.isFinite(totalPoints))) {
        throw new IllegalArgumentException("total points must be positive, but was " + totalPoints);
      }
      if (!(points >= 0 && points <= totalPoints)) {
        throw new IllegalArgumentException(
            "points must be between 0 and " + totalPoints + ", but was " + points);
      }
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      Estimate accuracy = Rules.overall(card, group);
      String need =
          Rules.number(points)
              + " of "
              + Rules.number(totalPoints)
              + " points ("
              + Rules.percent(points / totalPoints)
              + ")";
      if (accuracy.count() == 0) {
        return Check.of(false, "overall score undefined: no scored item, needed " + need);
      }
      double scaled = accuracy.value() * totalPoints;
      boolean passed = Rules.atLeast(accuracy.value(), points / totalPoints);
      return Check.of(
          passed,
          "overall "
              + Rules.percent(accuracy.value())
              + " = "
              + String.format(java.util.Locale.ROOT, "%.1f", scaled)
              + (passed ? " >= " : " < ")
              + need);
    }
  }

  /**
   * Each exam year's items score at least that year's cut-off.
   *
   * @param byYear the cut-off of each year, fractions in [0, 1]
   */
  record CutOff(Map<Integer, Double> byYear) implements PassRule {
    /** Validates and copies the cut-offs. */
    public CutOff {
      requireNonNull(byYear, "byYear");
      if (byYear.isEmpty()) {
        throw new IllegalArgumentException("by year must not be empty, but was {}");
      }
      Map<Integer, Double> copy = new TreeMap<>();
      for (Map.Entry<Integer, Double> entry : byYear.entrySet()) {
        Integer year = requireNonNull(entry.getKey(), "year");
        Double cutOff = requireNonNull(entry.getValue(), "cut-off of " + year);
        Rules.checkFraction("cut-off of " + year, cutOff);
        copy.put(year, cutOff);
      }
      byYear = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      Map<Integer, List<Outcome>> byExamYear = new TreeMap<>();
      int withoutYear = 0;
      for (Outcome outcome : card.outcomes()) {
        Question question = outcome.question();
        if (!question.group().equals(group)) {
          continue;
        }
        OptionalInt year = question.metadata().year();
        if (year.isEmpty()) {
          withoutYear++;
        } else {
          byExamYear.computeIfAbsent(year.getAsInt(), y -> new ArrayList<>()).add(outcome);
        }
      }
      List<Check> parts = new ArrayList<>();
      if (withoutYear > 0) {
        parts.add(Check.of(false, withoutYear + " items without a year"));
      }
      for (Map.Entry<Integer, List<Outcome>> entry : byExamYear.entrySet()) {
        int year = entry.getKey();
        Estimate accuracy = Scorecard.of(entry.getValue(), card.options()).accuracy(Average.MICRO);
        Double cutOff = byYear.get(year);
        if (cutOff == null) {
          parts.add(Check.of(false, year + " has no cut-off"));
        } else if (accuracy.count() == 0) {
          parts.add(Check.of(false, year + " has no scored item"));
        } else {
          boolean passed = Rules.atLeast(accuracy.value(), cutOff);
          parts.add(
              Check.of(
                  passed,
                  year
                      + " "
                      + Rules.percent(accuracy.value())
                      + (passed ? " >= " : " < ")
                      + Rules.threshold(cutOff)
                      + " cut-off"));
        }
      }
      if (parts.isEmpty()) {
        return Check.of(false, "no scored item");
      }
      return Rules.combine(parts, true);
    }
  }

  /**
   * The overall score ranks among the best {@code k} of the cohort joined by the model.
   *
   * @param k how many pass
   * @param cohort the other examinees' scores, fractions in [0, 1]
   */
  record TopK(int k, List<Double> cohort) implements PassRule {
    /** Validates the components and copies the cohort. */
    public TopK {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, but was " + k);
      }
      cohort = Rules.checkCohort(cohort);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      Estimate accuracy = Rules.overall(card, group);
      if (accuracy.count() == 0) {
        return Check.of(false, "overall score undefined: no scored item");
      }
      int rank = Rules.rank(accuracy.value(), cohort);
      boolean passed = rank <= k;
      return Check.of(
          passed,
          "overall "
              + Rules.percent(accuracy.value())
              + " ranks "
              + rank
              + " of "
              + (cohort.size() + 1)
              + (passed ? ", within" : ", outside")
              + " the top "
              + k);
    }
  }

  /**
   * The overall score ranks within the best {@code percent} percent of the cohort joined by the
   * model.
   *
   * @param percent the share that passes, in (0, 100]
   * @param cohort the other examinees' scores, fractions in [0, 1]
   */
  record TopPercent(double percent, List<Double> cohort) implements PassRule {
    /** Validates the components and copies the cohort. */
    public TopPercent {
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException(
            "percent must be greater than 0 and at most 100, but was " + percent);
      }
      cohort = Rules.checkCohort(cohort);
    }

    @Override
    public Check check(Scorecard card, String group) {
      requireNonNull(card, "card");
      requireNonNull(group, "group");
      Estimate accuracy = Rules.overall(card, group);
      if (accuracy.count() == 0) {
        return Check.of(false, "overall score undefined: no scored item");
      }
      int rank = Rules.rank(accuracy.value(), cohort);
      boolean passed = rank <= percent / 100 * (cohort.size() + 1) + EPSILON;
      return Check.of(
          passed,
          "overall "
              + Rules.percent(accuracy.value())
              + " ranks "
              + rank
              + " of "
              + (cohort.size() + 1)
              + (passed ? ", within" : ", outside")
              + " the top "
              + Rules.number(percent)
              + "%");
    }
  }

  /**
   * Every one of {@code rules} passes.
   *
   * @param rules the rules, at least one
   */
  record AllOf(List<PassRule> rules) implements PassRule {
    /** Validates and copies the rules. */
    public AllOf {
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("rules must not be empty, but was []");
      }
    }

    @Override
    public Check check(Scorecard card, String group) {
      return Rules.combine(Rules.checkEach(rules, card, group), true);
    }
  }

  /**
   * At least one of {@code rules} passes.
   *
   * @param rules the rules, at least one
   */
  record AnyOf(List<PassRule> rules) implements PassRule {
    /** Validates and copies the rules. */
    public AnyOf {
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("rules must not be empty, but was []");
      }
    }

    @Override
    public Check check(Scorecard card, String group) {
      return Rules.combine(Rules.checkEach(rules, card, group), false);
    }
  }
}
