package dev.kmmlu;

/**
 * Receives progress updates while an evaluation runs. Called from worker threads, one call at a
 * time; implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Receives the state after an item finished. */
  void onProgress(Progress progress);

  /** Returns a listener that ignores every update. */
  static ProgressListener none() {
    return progress -> {};
  }
}
