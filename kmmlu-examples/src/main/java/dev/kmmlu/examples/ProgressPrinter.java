package dev.kmmlu.examples;

import dev.kmmlu.Progress;
import dev.kmmlu.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows an evaluation's progress: on a terminal one line rewritten in place with {@code \r}; in a
 * log one plain line every 10% or every 100 items, whichever comes first.
 */
final class ProgressPrinter implements ProgressListener {
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final boolean terminal;
  private int lastPrinted = -1;
  private int lastDecile = -1;
  private boolean updated;

  ProgressPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void onProgress(Progress progress) {
    if (terminal) {
      out.print("\r" + bar(progress) + " " + line(progress) + "   ");
      out.flush();
      updated = true;
      return;
    }
    int decile = (int) Math.floor(progress.fraction() * 10);
    if (decile > lastDecile
        || progress.done() - lastPrinted >= 100
        || progress.done() == progress.total()) {
      if (progress.done() == lastPrinted) {
        return;
      }
      lastDecile = decile;
      lastPrinted = progress.done();
      out.println(line(progress));
      out.flush();
    }
  }

  /** Ends the terminal line so later output starts on a fresh one. */
  synchronized void finish() {
    if (terminal && updated) {
      out.println();
      out.flush();
    }
  }

  static String line(Progress progress) {
    int scored = progress.done() - progress.failed();
    String accuracy =
        scored == 0
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f%%", 100.0 * progress.correct() / scored);
    return String.format(
        Locale.ROOT,
        "%,d/%,d (%.0f%%) accuracy %s, failed %,d, tokens %,d, elapsed %s, ETA %s",
        progress.done(),
        progress.total(),
        progress.fraction() * 100,
        accuracy,
        progress.failed(),
        progress.promptTokens() + progress.completionTokens(),
        clock(progress.elapsed()),
        progress.done() == progress.total() ? "0:00" : clock(progress.remaining()));
  }

  private static String bar(Progress progress) {
    int filled = (int) Math.round(progress.fraction() * BAR_WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  static String clock(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
