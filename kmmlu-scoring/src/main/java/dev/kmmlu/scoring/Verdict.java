package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whether a model's results would pass one licensure exam, and why. Immutable.
 *
 * <p>Only {@link Status#PASSED} counts as passed: a licence without a rule or without data is never
 * counted as passed.
 *
 * @param licence the licence's Korean name, such as 약사 (or the data's string when unknown)
 * @param englishName the English name, such as "Pharmacist"; empty when the licence is unknown
 * @param status the outcome of the judgement
 * @param questions the number of the licence's outcomes, failed ones included
 * @param correct the number answered correctly
 * @param accuracy the licence's overall accuracy
 * @param subjects the score of each exam subject
 * @param reasons the reasons rule by rule, with the numbers they rest on
 * @param summary a one-line summary, such as {@code "약사 (Pharmacist): failed, 보건의약관계법규 35.0% < 40%
 *     floor"}
 */
public record Verdict(
    String licence,
    String englishName,
    Status status,
    int questions,
    int correct,
    Estimate accuracy,
    List<GroupScore> subjects,
    List<String> reasons,
    String summary) {

  /** Validates the components and copies the lists. */
  public Verdict {
    requireNonNull(licence, "licence");
    requireNonNull(englishName, "englishName");
    requireNonNull(status, "status");
    requireNonNull(accuracy, "accuracy");
    requireNonNull(summary, "summary");
    subjects = List.copyOf(subjects);
    reasons = List.copyOf(reasons);
  }

  /** Returns whether the exam is passed: true only for {@link Status#PASSED}. */
  public boolean passed() {
    return status == Status.PASSED;
  }

  /** Returns "Korean (English)", or just the Korean name when the English one is unknown. */
  public String displayName() {
    return englishName.isEmpty() ? licence : licence + " (" + englishName + ")";
  }

  /** How a licence was judged. */
  public enum Status {
    /** The licence's rule passed. */
    PASSED,
    /** The licence's rule failed. */
    FAILED,
    /** The rules hold no rule for the licence; not counted as passed. */
    NO_RULE,
    /** The data holds no scored item for the licence; not counted as passed. */
    NO_DATA;

    /** Returns the short label reports show: PASS, FAIL, NO RULE or NO DATA. */
    public String label() {
      switch (this) {
        case PASSED:
          return "PASS";
        case FAILED:
          return "FAIL";
        case NO_RULE:
          return "NO RULE";
        default:
          return "NO DATA";
      }
    }
  }
}
