package dev.kmmlu.scoring;

import java.util.BitSet;

/**
 * Visits, from the end backwards, the positions of a text range that hold one of a few characters.
 * The last stretch is read character by character, since an answer is usually near the end; the
 * rest is indexed once with {@link String#indexOf(int, int)}, which the JVM vectorises, so a long
 * reply that holds no answer costs a few fast passes instead of one slow loop. Not thread-safe;
 * one instance serves one scan.
 */
final class BackwardScan {
  /** How many characters before the end are read one by one before the rest is indexed. */
  static final int TAIL = 256;

  private final String s;
  private final int from;
  private final int tailStart;
  private final char[] chars;
  private final long filter;
  private BitSet head;

  /** Creates a scan of {@code s} in [from, to) for the characters of {@code chars}. */
  BackwardScan(String s, int from, int to, String chars) {
    this.s = s;
    this.from = from;
    this.tailStart = Math.max(from, to - TAIL);
    this.chars = chars.toCharArray();
    long bits = 0;
    for (char c : this.chars) {
      bits |= 1L << c;
    }
    this.filter = bits;
  }

  /**
   * Returns the greatest position below {@code p} and at or after {@code from} that holds one of
   * the characters, or -1 when there is none. The filter tests a character by its low six bits
   * before the exact comparison.
   */
  int previous(int p) {
    while (--p >= tailStart) {
      char c = s.charAt(p);
      if ((filter & (1L << c)) != 0 && isOneOf(c)) {
        return p;
      }
    }
    if (p < from) {
      return -1;
    }
    if (head == null) {
      head = index();
    }
    return head.previousSetBit(p);
  }

  private boolean isOneOf(char c) {
    for (char candidate : chars) {
      if (c == candidate) {
        return true;
      }
    }
    return false;
  }

  private BitSet index() {
    BitSet bits = new BitSet(tailStart);
    for (char c : chars) {
      for (int q = s.indexOf(c, from); q >= 0 && q < tailStart; q = s.indexOf(c, q + 1)) {
        bits.set(q);
      }
    }
    return bits;
  }
}
