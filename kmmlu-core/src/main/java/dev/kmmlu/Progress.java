package dev.kmmlu;

import java.time.Duration;

/**
 * A snapshot of a running evaluation, as a {@link ProgressListener} receives it.
 *
 * @param done items finished so far, including those resumed from the journal
 * @param total items in the run
 * @param correct items answered correctly so far
 * @param failed items whose model call failed so far
 * @param promptTokens prompt tokens used so far (as the server reported them)
 * @param completionTokens completion tokens used so far
 * @param elapsed time since the run started
 * @param remaining estimated time left, from the rate of items finished in this run
 */
public record Progress(
    int done,
    int total,
    int correct,
    int failed,
    long promptTokens,
    long completionTokens,
    Duration elapsed,
    Duration remaining) {

  /** Returns the share of items finished, in [0, 1]. */
  public double fraction() {
    return total == 0 ? 1.0 : (double) done / total;
  }
}
