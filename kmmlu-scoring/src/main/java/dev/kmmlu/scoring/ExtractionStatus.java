package dev.kmmlu.scoring;

/** How an answer was found in a reply, or why none was. */
public enum ExtractionStatus {
  /** Found after an explicit final-answer marker such as "정답:" or "Answer:". */
  STRICT,
  /** Found by a fallback pattern, without an explicit final-answer marker. */
  LENIENT,
  /** The reply has text but commits to no single option. */
  UNPARSED,
  /** The reply is empty or blank. */
  EMPTY,
  /** The reply was cut off by the token limit before it gave an answer. */
  TRUNCATED;

  /** Returns whether an extraction with this status carries a choice. */
  public boolean hasChoice() {
    return this == STRICT || this == LENIENT;
  }
}
