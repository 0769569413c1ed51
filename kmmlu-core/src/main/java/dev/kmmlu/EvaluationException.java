package dev.kmmlu;

import dev.kmmlu.datasets.KmmluException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An evaluation that stopped before it finished: too many model failures, or an interrupt. The
 * journal, if one was kept, holds every item that finished, so running again resumes.
 */
public class EvaluationException extends KmmluException {
  private static final long serialVersionUID = 1L;

  private final int finished;
  private final int total;
  private final transient Path journal;

  /** Creates an exception for a run that stopped after {@code finished} of {@code total} items. */
  public EvaluationException(String message, int finished, int total, Path journal, Throwable cause) {
    super(message, cause);
    this.finished = finished;
    this.total = total;
    this.journal = journal;
  }

  /** Returns how many items finished (and are in the journal, if one was kept). */
  public int finished() {
    return finished;
  }

  /** Returns how many items the run had. */
  public int total() {
    return total;
  }

  /** Returns the journal that holds the finished items, if the run kept one. */
  public Optional<Path> journal() {
    return Optional.ofNullable(journal);
  }
}
