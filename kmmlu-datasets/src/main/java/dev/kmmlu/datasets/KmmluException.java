package dev.kmmlu.datasets;

/**
 * The root of the library's unchecked exceptions for failures of the environment: malformed data
 * files, unreachable servers, models that fail. Caller bugs throw the JDK's own exceptions instead.
 */
public class KmmluException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed and how to fix it. */
  public KmmluException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public KmmluException(String message, Throwable cause) {
    super(message, cause);
  }
}
