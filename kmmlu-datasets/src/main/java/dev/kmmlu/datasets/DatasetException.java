package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A data file or download that could not be read. The message names the file, the 1-based line
 * (or row), the field, what was expected and what was found, for example {@code
 * kmmlu-pro.jsonl:37: field "solution": expected a number from 1 to 4, but found "E"}.
 */
public class DatasetException extends KmmluException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String field;

  /** Creates an exception about a whole source (a file, a URL) rather than one line of it. */
  public DatasetException(String source, String message) {
    this(source, 0, null, message, null);
  }

  /** Creates an exception about a whole source, with its cause. */
  public DatasetException(String source, String message, Throwable cause) {
    this(source, 0, null, message, cause);
  }

  /**
   * Creates an exception about one line and field of a source.
   *
   * @param source the file name or URL
   * @param line the 1-based line or row, or 0 when it is about the whole source
   * @param field the column or JSON field, or null when it is about the whole line
   * @param message what was expected and what was found
   * @param cause the underlying exception, or null
   */
  public DatasetException(String source, int line, String field, String message, Throwable cause) {
    super(format(requireNonNull(source, "source"), line, field, requireNonNull(message, "message")), cause);
    this.source = source;
    this.line = line;
    this.field = field;
  }

  private static String format(String source, int line, String field, String message) {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (field != null) {
      text.append("field \"").append(field).append("\": ");
    }
    return text.append(message).toString();
  }

  /** Returns the file name or URL that failed. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line or row that failed, or 0 when the whole source failed. */
  public int line() {
    return line;
  }

  /** Returns the column or JSON field that failed, if one did. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
