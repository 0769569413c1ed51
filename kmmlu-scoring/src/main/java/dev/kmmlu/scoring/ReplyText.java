package dev.kmmlu.scoring;

/**
 * A reply's text with the encoding noise that hides its answer removed, and a map back to the
 * original positions. The noise is: Windows and old Mac line ends ({@code \r\n}, {@code \r}),
 * Unicode line and paragraph separators, HTML line breaks ({@code <br>}, {@code <p>}), an escaped
 * newline written out as the two characters {@code \n} (but not before a lower-case letter, which
 * makes a LaTeX command such as {@code \neq}), non-breaking and other wide spaces, invisible format characters (zero-width spaces and
 * joiners, the byte-order mark, soft hyphens, variation selectors, the keycap mark of "3️⃣"),
 * HTML bold and italic tags, emoji and pictographs (read as a space), and decomposed Hangul (NFD
 * jamo, composed back into syllables). Immutable and thread-safe.
 *
 * @param text the cleaned text
 * @param starts for each character of text, where its source starts in the original
 * @param ends for each character of text, where its source ends in the original
 */
record ReplyText(String text, int[] starts, int[] ends) {

  private static final String[] DELETED_TAGS = {
    "<b>", "</b>", "<strong>", "</strong>", "<i>", "</i>", "<em>", "</em>"
  };
  private static final String[] BREAK_TAGS = {"<br>", "<br/>", "<br />", "<p>", "</p>"};

  private static final int L_BASE = 0x1100;
  private static final int V_BASE = 0x1161;
  private static final int T_BASE = 0x11A7;
  private static final int V_COUNT = 21;
  private static final int T_COUNT = 28;

  /** Returns the cleaned text of {@code s}, or null when it holds no noise (the common case). */
  static ReplyText of(String s) {
    int first = firstNoise(s);
    return first < 0 ? null : clean(s, first);
  }

  /** Returns where the span [start, end) of the cleaned text lies in the original text. */
  int originalStart(int start) {
    return start < starts.length ? starts[start] : ends[ends.length - 1];
  }

  /** Returns where the span ending at {@code end} (exclusive) of the cleaned text ends. */
  int originalEnd(int end) {
    return end == 0 ? 0 : ends[end - 1];
  }

  /** Returns the position of the first noise character, or -1; one pass, no allocation. */
  private static int firstNoise(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0xA0) {
        if ((c == '\r' || c == '\\' || c == '<') && noiseAt(s, i) > 0) {
          return i;
        }
      } else if ((c < 0xAC00 || c > 0xD7A3) && noiseAt(s, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns how many characters of noise start at i (0 when none), for the characters other than
   * Hangul jamo; jamo return 1.
   */
  private static int noiseAt(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case '\r':
        return 1;
      case '\\':
        return i + 1 < s.length() && s.charAt(i + 1) == 'n'
                && (i + 2 >= s.length() || !OptionToken.isLowerLatin(s.charAt(i + 2)))
                && (i == 0 || s.charAt(i - 1) != '\\')
            ? 2
            : 0;
      case '<':
        int tag = OptionToken.afterAny(s, i, s.length(), BREAK_TAGS, true);
        if (tag < 0) {
          tag = OptionToken.afterAny(s, i, s.length(), DELETED_TAGS, true);
        }
        return tag < 0 ? 0 : tag - i;
      default:
        return isNoise(c) ? 1 : 0;
    }
  }

  private static boolean isNoise(char c) {
    return c == '\u00a0' || c == '\u00ad' || (c >= L_BASE && c <= 0x11FF)
        || (c >= '\u2000' && c <= '\u200f') || c == '\u2028' || c == '\u2029' || c == '\u202f'
        || (c >= '\u2060' && c <= '\u2064') || c == '\u20e3' || isPictograph(c)
        || (c >= '\ud800' && c <= '\udfff') || (c >= '\ufe00' && c <= '\ufe0f') || c == '\ufeff';
  }

  /** Miscellaneous symbols and dingbats, except the circled digits ❶-❿ and ➀-➓. */
  private static boolean isPictograph(char c) {
    return (c >= '\u2600' && c <= '\u2775') || (c >= '\u2794' && c <= '\u27bf')
        || (c >= '\u2b50' && c <= '\u2b55');
  }

  private static ReplyText clean(String s, int first) {
    int length = s.length();
    StringBuilder out = new StringBuilder(length);
    int[] starts = new int[length];
    int[] ends = new int[length];
    for (int k = 0; k < first; k++) {
      out.append(s.charAt(k));
      starts[k] = k;
      ends[k] = k + 1;
    }
    int i = first;
    while (i < length) {
      char c = s.charAt(i);
      int noise = c < 0xA0 && c != '\r' && c != '\\' && c != '<' ? 0 : noiseAt(s, i);
      if (noise == 0) {
        emit(out, starts, ends, c, i, i + 1);
        i++;
        continue;
      }
      int end = i + noise;
      if (c >= L_BASE && c <= 0x11FF) {
        end = composeJamo(s, i, out, starts, ends);
      } else if (c == '\r') {
        if (end < length && s.charAt(end) == '\n') {
          end++;
        }
        emit(out, starts, ends, '\n', i, end);
      } else if (c == '\\' || c == '\u2028' || c == '\u2029'
          || (c == '<' && OptionToken.afterAny(s, i, length, BREAK_TAGS, true) >= 0)) {
        emit(out, starts, ends, '\n', i, end);
      } else if (c == '\u00a0' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a')
          || isPictograph(c)) {
        emit(out, starts, ends, ' ', i, end);
      } else if (Character.isHighSurrogate(c) && end < length
          && Character.isLowSurrogate(s.charAt(end))) {
        emit(out, starts, ends, ' ', i, end + 1); // an emoji outside the BMP
        end++;
      }
      // anything else (zero-width characters, BOM, tags like <b>) is dropped
      i = end;
    }
    int n = out.length();
    return new ReplyText(
        out.toString(), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
  }

  private static void emit(StringBuilder out, int[] starts, int[] ends, char c, int from, int to) {
    int k = out.length();
    out.append(c);
    starts[k] = from;
    ends[k] = to;
  }

  /** Composes the conjoining jamo at i into a syllable when they form one; returns the end. */
  private static int composeJamo(String s, int i, StringBuilder out, int[] starts, int[] ends) {
    char l = s.charAt(i);
    int length = s.length();
    if (l <= 0x1112 && i + 1 < length) {
      char v = s.charAt(i + 1);
      if (v >= V_BASE && v < V_BASE + V_COUNT) {
        int syllable = 0xAC00 + ((l - L_BASE) * V_COUNT + (v - V_BASE)) * T_COUNT;
        int end = i + 2;
        if (end < length) {
          char t = s.charAt(end);
          if (t > T_BASE && t < T_BASE + T_COUNT) {
            syllable += t - T_BASE;
            end++;
          }
        }
        emit(out, starts, ends, (char) syllable, i, end);
        return end;
      }
    }
    emit(out, starts, ends, l, i, i + 1);
    return i + 1;
  }
}
