package dev.kmmlu;

/**
 * The tokens a request used, as the server reported them. Immutable. A count of -1 means the server
 * did not report it.
 *
 * @param promptTokens tokens in the prompt, or -1 when unknown
 * @param completionTokens tokens in the reply (including reasoning), or -1 when unknown
 * @param totalTokens tokens in all, or -1 when unknown
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {
  private static final Usage UNKNOWN = new Usage(-1, -1, -1);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a count is below -1
   */
  public Usage {
    check("prompt tokens", promptTokens);
    check("completion tokens", completionTokens);
    check("total tokens", totalTokens);
  }

  private static void check(String name, int value) {
    if (value < -1) {
      throw new IllegalArgumentException(name + " must be -1 (unknown) or more, but was " + value);
    }
  }

  /** Returns a usage with every count unknown. */
  public static Usage unknown() {
    return UNKNOWN;
  }

  /** Returns a usage of {@code promptTokens} in and {@code completionTokens} out, summed. */
  public static Usage of(int promptTokens, int completionTokens) {
    return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
  }

  /** Returns whether the server reported at least one count. */
  public boolean isKnown() {
    return promptTokens >= 0 || completionTokens >= 0 || totalTokens >= 0;
  }
}
