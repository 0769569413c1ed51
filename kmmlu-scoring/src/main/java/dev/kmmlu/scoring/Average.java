package dev.kmmlu.scoring;

/** How per-item results are averaged into one accuracy. */
public enum Average {
  /** The share of all items answered correctly: every item weighs the same. */
  MICRO,
  /**
   * The unweighted mean of the groups' accuracies ({@code Question.group()}): every group weighs
   * the same, whatever its size. This is the number the KMMLU paper reports.
   */
  MACRO
}
