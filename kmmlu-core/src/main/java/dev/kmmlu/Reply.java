package dev.kmmlu;

import static java.util.Objects.requireNonNull;

/**
 * A model's answer to one prompt. Immutable.
 *
 * @param text the reply's content (the final answer text); empty when the server returned none
 * @param reasoning the separate reasoning text some servers return ({@code reasoning_content});
 *     empty when none
 * @param finishReason why generation stopped, such as {@code stop} or {@code length}; empty when
 *     unknown
 * @param usage the tokens the request used
 * @param attempts how many requests it took to get the reply (1 for models that do not retry)
 */
public record Reply(String text, String reasoning, String finishReason, Usage usage, int attempts) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if attempts is less than 1
   */
  public Reply {
    requireNonNull(text, "text");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(finishReason, "finishReason");
    requireNonNull(usage, "usage");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive, but was " + attempts);
    }
  }

  /** Returns a reply of {@code text} alone: no reasoning, unknown finish reason and usage. */
  public static Reply of(String text) {
    return new Reply(text, "", "", Usage.unknown(), 1);
  }

  /** Returns a copy with the reasoning text {@code reasoning}. */
  public Reply withReasoning(String reasoning) {
    return new Reply(text, reasoning, finishReason, usage, attempts);
  }

  /** Returns a copy with the finish reason {@code finishReason}. */
  public Reply withFinishReason(String finishReason) {
    return new Reply(text, reasoning, finishReason, usage, attempts);
  }

  /** Returns a copy with the token usage {@code usage}. */
  public Reply withUsage(Usage usage) {
    return new Reply(text, reasoning, finishReason, usage, attempts);
  }

  /** Returns a copy that took {@code attempts} requests. */
  public Reply withAttempts(int attempts) {
    return new Reply(text, reasoning, finishReason, usage, attempts);
  }
}
