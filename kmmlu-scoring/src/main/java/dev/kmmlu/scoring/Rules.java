package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared arithmetic and formatting of the pass rules. */
final class Rules {
  private Rules() {}

  /** Returns each rule's check of {@code group} on {@code card}, in order. */
  static List<PassRule.Check> checkEach(List<PassRule> rules, Scorecard card, String group) {
    requireNonNull(card, "card");
    requireNonNull(group, "group");
    List<PassRule.Check> checks = new ArrayList<>(rules.size());
    for (PassRule rule : rules) {
      checks.add(rule.check(card, group));
    }
    return checks;
  }

  static boolean atLeast(double score, double threshold) {
    return score >= threshold - PassRule.EPSILON;
  }

  static void checkFraction(String name, double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, but was " + fraction);
    }
  }

  static List<Double> checkCohort(List<Double> cohort) {
    List<Double> copy = List.copyOf(cohort);
    for (Double score : copy) {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException(
            "cohort scores must be between 0 and 1, but one was " + score);
      }
    }
    return copy;
  }

  static int rank(double score, List<Double> cohort) {
    int above = 0;
    for (double other : cohort) {
      if (other > score + PassRule.EPSILON) {
        above++;
      }
    }
    return above + 1;
  }

  static Estimate overall(Scorecard card, String group) {
    return card.group(group).map(GroupScore::accuracy).orElse(Estimate.empty());
  }

  static PassRule.Check combine(List<PassRule.Check> parts, boolean all) {
    boolean passed = all;
    for (PassRule.Check part : parts) {
      passed = all ? passed && part.passed() : passed || part.passed();
    }
    List<String> reasons = new ArrayList<>();
    for (PassRule.Check part : parts) {
      reasons.add(part.reason());
    }
    return new PassRule.Check(passed, String.join(all ? ", " : " or ", reasons), parts);
  }

  /** Returns a score as a percentage with one decimal, such as {@code 35.0%}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /**
   * Returns a threshold as a percentage without trailing zeros, such as {@code 40%} or {@code
   * 54.22%}.
   */
  static String threshold(double fraction) {
    return number(fraction * 100) + "%";
  }

  static String number(double value) {
    BigDecimal decimal =
        BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }
}
