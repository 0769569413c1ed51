package dev.kmmlu.scoring;

/**
 * The choices the KMMLU-Pro paper (arXiv 2507.08924, App. E.3) leaves open when it states its pass
 * rules, each set to the paper's reading by {@link #defaults()}. Whether items are weighted by
 * their points is the scorecard's choice ({@link ScoringOptions#weightByPoints()}), not this one's.
 *
 * @param meanOfSubjects whether the 60% "average" is the mean of the subjects' percentages (true,
 *     the default, as Korean exams score it) or the accuracy over all of a licence's items (false)
 * @param lawyerFloor whether the 40% floor on every subject also applies to the Lawyer exam (true,
 *     the default) besides its 900 of 1,660 points cut-off
 */
public record PaperReading(boolean meanOfSubjects, boolean lawyerFloor) {
  /** Returns the paper's reading: mean of subject percentages, and the floor kept for Lawyer. */
  public static PaperReading defaults() {
    return new PaperReading(true, true);
  }

  /** Returns a copy that reads "average" as the mean of subjects (true) or overall accuracy. */
  public PaperReading withMeanOfSubjects(boolean meanOfSubjects) {
    return new PaperReading(meanOfSubjects, lawyerFloor);
  }

  /** Returns a copy that keeps (true) or drops the 40% subject floor for Lawyer. */
  public PaperReading withLawyerFloor(boolean lawyerFloor) {
    return new PaperReading(meanOfSubjects, lawyerFloor);
  }
}
