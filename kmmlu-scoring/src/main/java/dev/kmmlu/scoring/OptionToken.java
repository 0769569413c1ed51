package dev.kmmlu.scoring;

/**
 * A reference to an option found in a reply: a letter (A-E, a-e, full-width), a digit (1-9,
 * full-width) or a circled digit, with the span it occupies. The scanner methods are static and
 * stateless, so they are thread-safe.
 *
 * @param index the 0-based option position the token names (may exceed the option count)
 * @param start the token's first character
 * @param end the position just after the token, not counting a trailing "번"
 * @param next the position just after the token and a trailing "번"
 * @param delimited whether the token is a digit-with-번, a circled digit, or a letter (always
 *     unambiguous), as opposed to a bare digit
 */
record OptionToken(int index, int start, int end, int next, boolean delimited) {

  /** Hangul syllables that may follow a letter or digit token: particles and the copula. */
  private static final String PARTICLE_STARTS = "입이가는은를을로와과의라에도만임인였야요다나랑";

  private static final String PREFIX_WORDS_KO = "선택지|보기|번호|옵션|결국|바로|항목";
  private static final String[] PREFIX_WORDS = PREFIX_WORDS_KO.split("\\|");
  private static final String[] PREFIX_WORDS_EN = {
    "option", "choice", "letter", "therefore", "thus", "clearly", "likely", "probably",
    "definitely", "most", "the"
  };
  private static final String[] LATEX_PREFIXES = {
    "\\boxed{", "\\text{", "\\textbf{", "\\mathrm{", "\\mathbf{", "\\(", "\\[", "\\mathbf "
  };
  private static final String[] CONJUNCTIONS = {
    "또는", "혹은", "아니면", "이나", "이랑", "과", "와", "및", "랑", "or", "and", ",", "/", "&", "、"
  };

  /** Units of measure a bare digit may carry; longer ones first, since the first match wins. */
  private static final String[] UNITS = {
    "kcal", "kg", "mg", "km", "cm", "mmHg", "mm", "mL", "ml", "kJ", "kW", "kPa", "Pa", "mol", "Hz",
    "atm", "seconds", "minutes", "hours", "days", "years", "meters", "metres", "times", "percent",
    "degrees", "people", "g", "°C", "°", "℃", "%",
    "m", "L", "J", "W", "V", "N"
  };
  private static final String[] ORDINALS = {"첫", "두", "세", "네", "다섯"};
  private static final String[] ORDINAL_NOUNS = {"보기", "선택지", "항목", "문장", "옵션", "답"};
  private static final String[] ORDINALS_EN = {"first", "second", "third", "fourth", "fifth"};
  private static final String[] ORDINAL_NOUNS_EN = {
    "option", "choice", "one", "answer", "statement", "alternative"
  };
  private static final String[] NEGATIONS_KO = {"아니", "아닌", "아님", "아닙", "아냐"};

  /** Returns whether this token names one of the first {@code optionCount} options. */
  boolean isWithin(int optionCount) {
    return index < optionCount;
  }

  /**
   * Returns the option token that starts exactly at {@code i}, or null when the characters there
   * are not one (a letter inside a word, a digit inside a number, and so on).
   */
  static OptionToken at(String s, int i, int to) {
    if (i < 0 || i >= to) {
      return null;
    }
    char c = s.charAt(i);
    int index;
    int kind; // 0 letter, 1 lower-case letter, 2 digit, 3 circled
    if (c >= 'A' && c <= 'E') {
      index = c - 'A';
      kind = 0;
    } else if (c >= 'a' && c <= 'e') {
      index = c - 'a';
      kind = 1;
    } else if (c >= 'Ａ' && c <= 'Ｅ') {
      index = c - 'Ａ';
      kind = 0;
    } else if (c >= 'ａ' && c <= 'ｅ') {
      index = c - 'ａ';
      kind = 1;
    } else if (c >= '1' && c <= '9') {
      index = c - '1';
      kind = 2;
    } else if (c >= '１' && c <= '９') {
      index = c - '１';
      kind = 2;
    } else if (c >= '①' && c <= '⑨') {
      index = c - '①';
      kind = 3;
    } else if (c >= '❶' && c <= '❾') {
      index = c - '❶';
      kind = 3;
    } else {
      return null;
    }
    if (i > 0 && !precededByBoundary(s.charAt(i - 1), kind)) {
      return null;
    }
    int end = i + 1;
    int next = end;
    boolean delimited = kind != 2;
    if (end < to) {
      char n = s.charAt(end);
      if (isLatinLetterOrDigit(n)) {
        return null;
      }
      if (kind <= 1) {
        if ((n == '.' || n == '\'' || n == '’') && end + 1 < to && isLatinLetter(s.charAt(end + 1))) {
          return null; // "e.g.", "A's"
        }
        if (kind == 1 && n == ' ' && end + 1 < to && isLowerLatin(s.charAt(end + 1))) {
          return null; // the article "a"
        }
      } else if (kind == 2) {
        if ((n == '.' || n == ',' || n == '/' || n == '^' || n == '*' || n == ':')
            && end + 1 < to
            && isDigit(s.charAt(end + 1))) {
          return null; // "10.8", "1,000", "1/2", "2^3"
        }
        if (n == '%' || n == '°' || n == '²' || n == '³' || n == '^' || n == '′' || n == '√'
            || n == 'π' || n == '℃' || n == '℉' || n == 'Ω' || n == 'μ' || n == 'µ'
            || (n >= '\u3380' && n <= '\u33ff')) {
          return null; // "25%", "2√3", "2π", "4℃", "3㎏"
        }
        if (latexCommandAfter(s, end, to)) {
          return null; // "2\\sqrt{3}", "3 \\times 10^8"
        }
        if (n == '가' && end + 1 < to && s.charAt(end + 1) == '지') {
          return null; // "2가지", a count
        }
        if (n == '이' && end + 1 < to && "상하내".indexOf(s.charAt(end + 1)) >= 0) {
          return null; // "3이상", "5이하", "2이내": a bound
        }
        if (n == ' ' && followedByUnit(s, end + 1, to)) {
          return null; // "4 kg", "3 mL"
        }
      }
      if (isHangul(n)) {
        if (n == '번' && kind >= 2) {
          if (end + 1 < to && s.charAt(end + 1) == '째') {
            return null;
          }
          next = end + 1;
          delimited = true;
        } else if (PARTICLE_STARTS.indexOf(n) < 0
            && !(n == '예' && end + 1 < to && s.charAt(end + 1) == '요')
            && !(n == '일' && kind != 2)) {
          return null; // "A형", "3개", "10일"; but "③일 것이다", "B예요"
        }
      }
      if (kind <= 2 && next == end && followedByOperator(s, end, to)) {
        return null; // "a = 3", "2 + 3"
      }
    }
    return new OptionToken(index, i, end, next, delimited);
  }

  /** Returns whether a LaTeX command ("\\sqrt", "\\times", "\\pi") follows j after spaces. */
  private static boolean latexCommandAfter(String s, int j, int to) {
    int k = j;
    while (k < to && s.charAt(k) == ' ') {
      k++;
    }
    return k + 1 < to && s.charAt(k) == '\\' && isLatinLetter(s.charAt(k + 1));
  }

  /** Returns whether a unit of measure ("kg", "mL", "cm", "kcal") starts at j and ends a word. */
  private static boolean followedByUnit(String s, int j, int to) {
    int end = afterAny(s, j, to, UNITS, false);
    return end >= 0 && (end >= to || !isLatinLetter(s.charAt(end)));
  }

  private static boolean precededByBoundary(char p, int kind) {
    if (isLatinLetterOrDigit(p)) {
      return false;
    }
    if (kind == 2) {
      return p != '.' && p != ',' && p != '-' && p != '−' && p != '^' && p != '_' && p != '/';
    }
    if (kind <= 1) {
      return p != '_' && p != '\\' && p != '\'';
    }
    return true;
  }

  private static boolean followedByOperator(String s, int j, int to) {
    int k = j;
    while (k < to && s.charAt(k) == ' ') {
      k++;
    }
    if (k >= to) {
      return false;
    }
    char c = s.charAt(k);
    if (c == '<' && k + 1 < to && s.charAt(k + 1) == '/') {
      return false; // a closing tag, "3</answer>"
    }
    if (c == ':' || c == '∶') {
      int d = k + 1;
      while (d < to && s.charAt(d) == ' ') {
        d++;
      }
      return d < to && isDigit(s.charAt(d)); // a ratio, "3 : 2"
    }
    return c == '=' || c == '+' || c == '<' || c == '>' || c == '≤' || c == '≥' || c == '×'
        || c == '÷' || c == '^' || c == '→' || (c == '-' && k == j);
  }

  /**
   * Returns the position after the decorations that may stand between a marker and its answer:
   * spaces, up to two line breaks, markdown, brackets, LaTeX wrappers and words such as "option".
   */
  static int skipPrefix(String s, int i, int to) {
    int newlines = 0;
    int guard = 0;
    while (i < to && guard++ < 64) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (++newlines > 2) {
          return i;
        }
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\u3000' || c == '\u00a0') {
        i++;
      } else if ("*_([{$\"'`「『【<#~“‘".indexOf(c) >= 0) {
        i++;
      } else if (c == '\\') {
        int after = afterAny(s, i, to, LATEX_PREFIXES, false);
        if (after < 0) {
          return i;
        }
        i = after;
      } else if (isHangul(c)) {
        int after = afterAny(s, i, to, PREFIX_WORDS, false);
        if (after < 0) {
          return i;
        }
        i = after;
      } else if (isLatinLetter(c)) {
        int after = afterAny(s, i, to, PREFIX_WORDS_EN, true);
        if (after < 0 || (after < to && isLatinLetter(s.charAt(after)))) {
          return i;
        }
        i = after;
      } else {
        return i;
      }
    }
    return i;
  }

  /** Returns the position after closing decorations (markdown, brackets, quotes, a period). */
  static int skipClosers(String s, int i, int to) {
    while (i < to && "*_)]}$\"'`」』】>.”’:：".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Returns a second token that follows {@code first} after a conjunction ("A 또는 B", "A, C",
   * "3번과 5번") and names a different option, or null when there is none.
   */
  static OptionToken alternative(String s, OptionToken first, int to) {
    int i = skipClosers(s, first.next(), to);
    while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    int after = afterAny(s, i, to, CONJUNCTIONS, true);
    if (after < 0) {
      return null;
    }
    int j = skipPrefix(s, after, to);
    OptionToken second = at(s, j, to);
    return second != null && second.index() != first.index() ? second : null;
  }

  /**
   * Returns the ordinal word that starts exactly at {@code i} ("첫 번째", "두번째", "세 번째") as a
   * token, or null when there is none.
   */
  static OptionToken ordinalAt(String s, int i, int to) {
    if (i < to && isLatinLetter(s.charAt(i))) {
      return englishOrdinalAt(s, i, to);
    }
    for (int k = 0; k < ORDINALS.length; k++) {
      String word = ORDINALS[k];
      if (!s.startsWith(word, i) || (i > 0 && isHangul(s.charAt(i - 1)))) {
        continue;
      }
      int j = i + word.length();
      if (j < to && s.charAt(j) == ' ') {
        j++;
      }
      if (j + 2 <= to && s.charAt(j) == '번' && s.charAt(j + 1) == '째'
          && endsOrdinalAnswer(s, j + 2, to)) {
        return new OptionToken(k, i, j + 2, j + 2, true);
      }
    }
    return null;
  }

  /** Returns "the second option", "third choice", "first one" as a token, or null. */
  private static OptionToken englishOrdinalAt(String s, int i, int to) {
    if (i > 0 && isLatinLetter(s.charAt(i - 1))) {
      return null;
    }
    for (int k = 0; k < ORDINALS_EN.length; k++) {
      String word = ORDINALS_EN[k];
      if (!matchesIgnoreCase(s, i, word)) {
        continue;
      }
      int j = i + word.length();
      if (j < to && s.charAt(j) == ' ') {
        int noun = afterAny(s, j + 1, to, ORDINAL_NOUNS_EN, true);
        if (noun >= 0 && (noun >= to || !isLatinLetter(s.charAt(noun)))) {
          return new OptionToken(k, i, j, j, true);
        }
      }
      return null;
    }
    return null;
  }

  /** Returns whether an ordinal ending at j names an option: "두 번째입니다", "세 번째 보기". */
  private static boolean endsOrdinalAnswer(String s, int j, int to) {
    if (j >= to || ".,)*\n입이".indexOf(s.charAt(j)) >= 0) {
      return true;
    }
    int k = s.charAt(j) == ' ' ? j + 1 : j;
    return k >= to || afterAny(s, k, to, ORDINAL_NOUNS, false) >= 0;
  }

  /**
   * Returns the position after a denial that directly follows {@code token} ("B가 아니라", "3번이
   * 아닙니다", "(A) is not", "C isn't"), or -1 when the token is not denied.
   */
  static int negationAfter(String s, OptionToken token, int to) {
    int i = skipClosers(s, token.next(), to);
    boolean label = false; // "2. 아니오", "B: 아님": the option labels a text, it is not denied
    for (int k = token.next(); k < i; k++) {
      char c = s.charAt(k);
      label |= c == '.' || c == ':' || c == '：';
    }
    if (i < to && "이가은는도".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    while (i < to && s.charAt(i) == ' ') {
      i++;
    }
    int after = label ? -1 : afterAny(s, i, to, NEGATIONS_KO, false);
    if (after >= 0) {
      while (after < to && isHangul(s.charAt(after)) && after - i < 6) {
        after++;
      }
      return after;
    }
    if (matchesIgnoreCase(s, i, "is not ")) {
      return i + 7;
    }
    if (matchesIgnoreCase(s, i, "isn't ") || matchesIgnoreCase(s, i, "isn’t ")) {
      return i + 6;
    }
    return -1;
  }

  /** Returns whether {@code token} is directly preceded by "not" ("not (B)", "not **C**"). */
  static boolean negatedBefore(String s, OptionToken token, int from) {
    int k = token.start();
    while (k > from && "*_([{$\"'` ".indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    return k - 3 >= from
        && matchesIgnoreCase(s, k - 3, "not")
        && (k - 3 == from || !isLatinLetter(s.charAt(k - 4)));
  }

  /**
   * Returns the token that ends right before {@code end}, allowing a trailing "번" and closing
   * decorations ("3번", "(B)", "**C**", "③"), or null.
   */
  static OptionToken endingAt(String s, int from, int end, int to) {
    int k = end;
    int guard = 0;
    while (k > from && guard++ < 4 && "*_)]}'\"`”’".indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    if (k - 1 < from) {
      return null;
    }
    int start = s.charAt(k - 1) == '번' ? k - 2 : k - 1;
    if (start < from) {
      return null;
    }
    OptionToken token = at(s, start, to);
    return token != null && token.next() == k ? token : null;
  }

  /** Returns the option index named by a standalone string such as "B", "3", "③" or "3번". */
  static int parseStandalone(String text) {
    String t = text.strip();
    OptionToken token = at(t, 0, t.length());
    if (token == null) {
      return -1;
    }
    return skipClosers(t, token.next(), t.length()) == t.length() ? token.index() : -1;
  }

  static int afterAny(String s, int i, int to, String[] words, boolean ignoreCase) {
    for (String w : words) {
      if (i + w.length() <= to
          && (ignoreCase ? matchesIgnoreCase(s, i, w) : s.startsWith(w, i))) {
        return i + w.length();
      }
    }
    return -1;
  }

  /**
   * Returns {@code s.regionMatches(true, i, word, 0, word.length())}, but answers the common
   * cases (equal characters, ASCII against ASCII, Hangul against anything) without the JDK's
   * general case folding, which costs far more on a UTF-16 string.
   */
  static boolean matchesIgnoreCase(String s, int i, String word) {
    int length = word.length();
    if (i < 0 || i > s.length() - length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      char c = s.charAt(i + k);
      char w = word.charAt(k);
      if (c == w) {
        continue;
      }
      if (c < 0x80 && w < 0x80) {
        if ((c | 0x20) != (w | 0x20) || !isAsciiLetter(w)) {
          return false;
        }
      } else if (isHangul(c) || isHangul(w)) {
        return false; // Hangul syllables have no case, and no character folds to one
      } else if (!s.regionMatches(true, i + k, word, k, 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Returns the start of the word in {@code words} that ends right before {@code end}, or -1. */
  static int endsWithAny(String s, int from, int end, String[] words) {
    for (String w : words) {
      int start = end - w.length();
      if (start >= from && s.regionMatches(start, w, 0, w.length())) {
        return start;
      }
    }
    return -1;
  }

  static boolean isHangul(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }

  static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 'ａ' && c <= 'ｚ')
        || (c >= 'Ａ' && c <= 'Ｚ');
  }

  static boolean isLowerLatin(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }

  static boolean isLatinLetterOrDigit(char c) {
    return isLatinLetter(c) || isDigit(c);
  }
}
