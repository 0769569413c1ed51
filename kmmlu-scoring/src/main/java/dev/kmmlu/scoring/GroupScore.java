package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

/**
 * The results of one group of questions (a KMMLU subject, a KMMLU-Redux category, a KMMLU-Pro
 * licence) or of one exam subject within a group. Immutable.
 *
 * @param name the group or subject name, as the questions spell it
 * @param questions the number of outcomes in the group, failed ones included
 * @param correct the number answered correctly
 * @param incorrect the number answered with another option
 * @param unparsed the number whose reply committed to no readable option
 * @param failed the number whose model call failed
 * @param accuracy the micro accuracy over the group's scored items (see {@link Scorecard})
 * @param points the total points of the scored items (the items in the accuracy's denominator)
 * @param pointsEarned the total points of the correctly answered items
 */
public record GroupScore(
    String name,
    int questions,
    int correct,
    int incorrect,
    int unparsed,
    int failed,
    Estimate accuracy,
    double points,
    double pointsEarned) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a count is negative or the counts do not add up to
   *     questions
   */
  public GroupScore {
    requireNonNull(name, "name");
    requireNonNull(accuracy, "accuracy");
    if (correct < 0
        || incorrect < 0
        || unparsed < 0
        || failed < 0
        || correct + incorrect + unparsed + failed != questions) {
      throw new IllegalArgumentException(
          "counts must be non-negative and add up to questions "
              + questions
              + ", but were correct="
              + correct
              + ", incorrect="
              + incorrect
              + ", unparsed="
              + unparsed
              + ", failed="
              + failed);
    }
  }

  /** Returns the number of items in the accuracy's denominator. */
  public int scored() {
    return accuracy.count();
  }
}
