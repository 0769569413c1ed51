package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.KmmluException;

/**
 * A model that could not answer: a server that returned an error or was unreachable, a reply that
 * could not be read, or a built-in model with nothing to say. The message says which model or
 * server failed, how, and after how many attempts; it never contains an API key.
 *
 * <p>The evaluation engine records a model exception as a failed item, not as a wrong answer.
 */
public class ModelException extends KmmluException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String serverMessage;
  private final boolean transientFailure;
  private final int attempts;

  /** Creates a permanent failure, after one attempt, with no HTTP status. */
  public ModelException(String message) {
    this(message, 0, "", false, 1, null);
  }

  /** Creates a permanent failure, after one attempt, with no HTTP status, and its cause. */
  public ModelException(String message, Throwable cause) {
    this(message, 0, "", false, 1, cause);
  }

  /**
   * Creates a failure with all its details.
   *
   * @param message what failed and how to fix it
   * @param statusCode the HTTP status, or 0 when there was none
   * @param serverMessage the error message the server gave, or empty
   * @param transientFailure whether trying again later might succeed
   * @param attempts how many attempts were made
   * @param cause the underlying exception, or null
   * @throws IllegalArgumentException if statusCode is negative or attempts is less than 1
   */
  public ModelException(
      String message,
      int statusCode,
      String serverMessage,
      boolean transientFailure,
      int attempts,
      Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    requireNonNull(serverMessage, "serverMessage");
    if (statusCode < 0) {
      throw new IllegalArgumentException("status code must not be negative, but was " + statusCode);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive, but was " + attempts);
    }
    this.statusCode = statusCode;
    this.serverMessage = serverMessage;
    this.transientFailure = transientFailure;
    this.attempts = attempts;
  }

  /** Returns the HTTP status of the last attempt, or 0 when there was none. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the error message the server gave, or an empty string. */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * Returns whether the failure was transient (rate limit, overload, network), so a later run may
   * succeed.
   */
  public boolean isTransient() {
    return transientFailure;
  }

  /** Returns how many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }
}
