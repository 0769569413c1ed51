package dev.kmmlu.benchmarks.baseline;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.scoring.AnswerExtractor;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionInput;
import dev.kmmlu.scoring.ExtractionStatus;
import java.text.Normalizer;
import java.util.List;

/**
 * A frozen copy of {@link AnswerExtractor#robust()} and {@link AnswerExtractor#strict()} as of
 * commit b5dec1c, before the speed work, kept only so one benchmark run can compare the two and a
 * check can prove they extract the same. Not part of the library. Immutable and thread-safe.
 */
public final class RobustExtractor implements AnswerExtractor {
  public static final RobustExtractor ROBUST = new RobustExtractor(true);
  public static final RobustExtractor STRICT = new RobustExtractor(false);

  private static final String THINK_OPEN = "<think>";
  private static final String THINK_CLOSE = "</think>";
  private static final String[] NONE_WORDS = {
    "없", "none", "n/a", "모름", "알 수 없", "해당 없", "해당사항 없", "no answer", "unknown"
  };

  private static final String[] CONCLUSION_NOUNS = {"것", "보기", "선택지", "설명", "항목", "문장", "답안"};
  private static final String[] CHOICE_WORDS = {"보기", "선택지"};
  private static final String[] OPTION_WORDS = {"option ", "choice "};
  private static final String[] VERDICTS = {
    "correct", "right", "best", "the correct", "the right", "the best"
  };
  private static final String[] ANSWER_VERBS = {"is", "would be", "should be", "will be"};
  private static final String[] LINE_CONJUNCTIONS = {"또는", "혹은", "or ", "and "};

  private final boolean fallbacks;

  private RobustExtractor(boolean fallbacks) {
    this.fallbacks = fallbacks;
  }

  @Override
  public Extraction extract(ExtractionInput input) {
    java.util.Objects.requireNonNull(input, "input");
    String s = input.text();
    boolean cutOff = input.isCutOff();
    if (s.isBlank()) {
      return Extraction.none(cutOff ? ExtractionStatus.TRUNCATED : ExtractionStatus.EMPTY);
    }
    int from = answerRegionStart(s);
    if (from < 0) {
      return Extraction.none(cutOff ? ExtractionStatus.TRUNCATED : ExtractionStatus.UNPARSED);
    }
    int to = s.length();
    while (from < to && Character.isWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    if (from >= to) {
      return Extraction.none(cutOff ? ExtractionStatus.TRUNCATED : ExtractionStatus.UNPARSED);
    }
    int n = input.optionCount();

    Extraction whole = wholeReplyToken(s, from, to, n);
    if (whole != null) {
      return whole;
    }
    Extraction json = jsonAnswer(s, from, to, n);
    if (json != null) {
      return json;
    }
    Extraction marked = lastMarker(s, from, to, n);
    if (marked != null) {
      return marked;
    }
    if (cutOff) {
      return Extraction.none(ExtractionStatus.TRUNCATED);
    }
    if (!fallbacks) {
      return Extraction.none(ExtractionStatus.UNPARSED);
    }
    Extraction fallback = fallback(s, from, to, input);
    return fallback != null ? fallback : Extraction.none(ExtractionStatus.UNPARSED);
  }

  /**
   * Returns where the answer may start: after the last {@code </think>}, or 0 when there is none;
   * -1 when a {@code <think>} block is left open, so the answer never came.
   */
  static int answerRegionStart(String s) {
    if (s.indexOf('<') < 0) {
      return 0; // the common case, checked with one intrinsic scan
    }
    int close = s.indexOf(THINK_CLOSE) < 0 ? -1 : s.lastIndexOf(THINK_CLOSE);
    int from = close < 0 ? 0 : close + THINK_CLOSE.length();
    return s.indexOf(THINK_OPEN, from) >= 0 ? -1 : from;
  }

  private static Extraction found(OptionToken token, ExtractionStatus status) {
    return Extraction.found(Choice.ofIndex(token.index()), status, token.start(), token.end());
  }

  /** A reply that is nothing but one option: "B", "(B)", "**B**", "3번", "③", "2.". */
  private static Extraction wholeReplyToken(String s, int from, int to, int n) {
    if (to - from > 24) {
      return null;
    }
    int i = OptionToken.skipPrefix(s, from, to);
    OptionToken token = OptionToken.at(s, i, to);
    if (token == null || OptionToken.skipClosers(s, token.next(), to) != to) {
      return null;
    }
    return token.isWithin(n)
        ? found(token, ExtractionStatus.STRICT)
        : Extraction.none(ExtractionStatus.UNPARSED);
  }

  /** A structured reply such as {"answer": 3}: its answer field is authoritative. */
  private static Extraction jsonAnswer(String s, int from, int to, int n) {
    if (s.indexOf('"', from) < 0) {
      return null;
    }
    int q = to;
    while ((q = s.lastIndexOf('"', q - 1)) >= from) {
      if (q + 8 <= to && s.regionMatches(true, q, "\"answer\"", 0, 8)) {
        int i = q + 8;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i < to && s.charAt(i) == ':') {
          i++;
          while (i < to && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '"')) {
            i++;
          }
          OptionToken token = OptionToken.at(s, i, to);
          if (token != null && token.isWithin(n)) {
            int after = token.next();
            if (after >= to || "\",} \n\r\t".indexOf(s.charAt(after)) >= 0) {
              return found(token, ExtractionStatus.STRICT);
            }
          }
          return Extraction.none(ExtractionStatus.UNPARSED);
        }
      }
      if (q == 0) {
        break;
      }
    }
    return null;
  }

  /**
   * Scans backwards for final-answer markers; the last one that names an option wins. A marker
   * followed by two different options, by an option outside the item, or by an explicit "none"
   * ends the search with UNPARSED; a marker followed by anything else is skipped.
   */
  private static Extraction lastMarker(String s, int from, int to, int n) {
    // Intrinsic single-character searches skip the marker kinds that cannot occur.
    boolean korean = s.indexOf('답', from) >= 0;
    boolean english = s.indexOf('w', from) >= 0 || s.indexOf('W', from) >= 0;
    boolean fin = s.indexOf('f', from) >= 0 || s.indexOf('F', from) >= 0;
    boolean boxed = s.indexOf('\\', from) >= 0;
    if (!korean && !english && !fin && !boxed) {
      return null;
    }
    boolean first = true;
    for (int p = to - 1; p >= from; p--) {
      char c = s.charAt(p);
      int answerAt;
      boolean sentence = false;
      if (c == '답' && korean) {
        answerAt = koreanMarker(s, p, from, to);
        sentence = answerAt < -1;
        if (sentence) {
          answerAt = -answerAt - 2;
        }
      } else if ((c == 'a' || c == 'A') && english) {
        answerAt = englishMarker(s, p, from, to);
      } else if ((c == 'f' || c == 'F') && fin) {
        answerAt = finalMarker(s, p, from, to);
      } else if (c == '\\' && boxed && s.startsWith("\\boxed{", p)) {
        answerAt = p + 7;
      } else {
        continue;
      }
      if (answerAt < 0) {
        continue;
      }
      Extraction result = answerAfter(s, answerAt, to, n, sentence, first);
      first = false;
      if (result != null) {
        return result;
      }
    }
    return null;
  }

  /**
   * Returns where the answer after a Korean marker (정답, 답, 답변, 답안, 최종 답, with 은/는 or a
   * colon) starts, -1 when p is not a marker, or {@code -(position) - 2} when the marker ends in a
   * topic particle, so the answer may come later in the same sentence ("정답은 ... ③입니다").
   */
  private static int koreanMarker(String s, int p, int from, int to) {
    boolean jeong = p > from && s.charAt(p - 1) == '정';
    int wordStart = jeong ? p - 1 : p;
    if (wordStart > from && OptionToken.isHangul(s.charAt(wordStart - 1))) {
      boolean finalWord =
          s.charAt(wordStart - 1) == '종' && wordStart - 2 >= from && s.charAt(wordStart - 2) == '최';
      if (!finalWord) {
        return -1; // 오답, 대답, 해답, 응답
      }
    }
    int q = p + 1;
    if (q < to && (s.charAt(q) == '변' || s.charAt(q) == '안')) {
      q++;
    }
    q = skipSpaceAndStars(s, q, to);
    if (q + 8 <= to && s.regionMatches(true, q, "(answer)", 0, 8)) {
      q = skipSpaceAndStars(s, q + 8, to);
    }
    boolean particle = false;
    if (q < to && (s.charAt(q) == '은' || s.charAt(q) == '는')) {
      particle = true;
      q++;
    } else if (q + 1 < to && s.charAt(q) == '으' && s.charAt(q + 1) == '로') {
      particle = true;
      q += 2;
    }
    if (q < to && OptionToken.isHangul(s.charAt(q))) {
      return -1; // 정답을, 정답이, 답하다
    }
    q = skipSpaceAndStars(s, q, to);
    boolean colon = false;
    if (q < to && (s.charAt(q) == ':' || s.charAt(q) == '：')) {
      colon = true;
      q++;
    }
    if (!jeong && !particle && !colon) {
      return -1;
    }
    return particle && !colon ? -q - 2 : q;
  }

  private static int englishMarker(String s, int p, int from, int to) {
    if (p + 6 > to || !s.regionMatches(true, p, "answer", 0, 6)) {
      return -1;
    }
    if (p > from && OptionToken.isLatinLetter(s.charAt(p - 1))) {
      return -1;
    }
    int q = p + 6;
    if (q < to && OptionToken.isLatinLetter(s.charAt(q))) {
      return -1;
    }
    if (p > from && s.charAt(p - 1) == '"' && q < to && s.charAt(q) == '"') {
      return -1; // a JSON key, handled before
    }
    q = skipSpaceAndStars(s, q, to);
    for (String verb : ANSWER_VERBS) {
      int end = q + verb.length();
      if (end <= to
          && s.regionMatches(true, q, verb, 0, verb.length())
          && (end == to || !OptionToken.isLatinLetter(s.charAt(end)))) {
        q = skipSpaceAndStars(s, end, to);
        break;
      }
    }
    if (q < to && (s.charAt(q) == ':' || s.charAt(q) == '：')) {
      q++;
    }
    return q;
  }

  private static int finalMarker(String s, int p, int from, int to) {
    if (p + 5 > to || !s.regionMatches(true, p, "final", 0, 5)) {
      return -1;
    }
    if (p > from && OptionToken.isLatinLetter(s.charAt(p - 1))) {
      return -1;
    }
    int q = skipSpaceAndStars(s, p + 5, to);
    return q < to && (s.charAt(q) == ':' || s.charAt(q) == '：') ? q + 1 : -1;
  }

  private static int skipSpaceAndStars(String s, int q, int to) {
    while (q < to && (s.charAt(q) == ' ' || s.charAt(q) == '*' || s.charAt(q) == '_'
        || s.charAt(q) == '\t' || s.charAt(q) == '#')) {
      q++;
    }
    return q;
  }

  /** Returns the extraction a marker's answer gives, or null when it names no option. */
  private static Extraction answerAfter(
      String s, int q, int to, int n, boolean sentence, boolean lastMarker) {
    int i = OptionToken.skipPrefix(s, q, to);
    OptionToken token = OptionToken.at(s, i, to);
    if (token == null && sentence) {
      token = delimitedInSentence(s, i, to);
    }
    if (token == null) {
      if (lastMarker && startsWithNoneWord(s, i, to)) {
        return Extraction.none(ExtractionStatus.UNPARSED);
      }
      return null;
    }
    if (!token.isWithin(n) || OptionToken.alternative(s, token, to) != null) {
      return Extraction.none(ExtractionStatus.UNPARSED);
    }
    return found(token, ExtractionStatus.STRICT);
  }

  /** Returns the one unambiguous option token before the sentence ends, or null. */
  private static OptionToken delimitedInSentence(String s, int i, int to) {
    int limit = Math.min(to, i + 60);
    OptionToken found = null;
    for (int k = i; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '\n' || c == '?' || c == '!' || (c == '.' && k + 1 < to && s.charAt(k + 1) == ' ')) {
        break;
      }
      OptionToken token = OptionToken.at(s, k, to);
      if (token == null || !isDelimited(s, token, to)) {
        continue;
      }
      if (found != null && found.index() != token.index()) {
        return null;
      }
      found = token;
      k = token.next() - 1;
    }
    return found;
  }

  private static boolean isDelimited(String s, OptionToken token, int to) {
    if (token.delimited() && token.next() > token.end()) {
      return true; // 3번
    }
    char c = s.charAt(token.start());
    if (c >= '①' && c <= '⑨' || c >= '❶' && c <= '❾') {
      return true;
    }
    int before = token.start() - 1;
    char open = before >= 0 ? s.charAt(before) : ' ';
    if (before > 0 && (open == '(' || open == '[')
        && OptionToken.isLatinLetterOrDigit(s.charAt(before - 1))) {
      return false; // f(1), a[2]
    }
    char close = token.end() < to ? s.charAt(token.end()) : ' ';
    return (open == '(' && close == ')')
        || (open == '[' && close == ']')
        || (open == '*' && close == '*')
        || (open == '$' && close == '$');
  }

  private static boolean startsWithNoneWord(String s, int i, int to) {
    return OptionToken.afterAny(s, i, to, NONE_WORDS, true) >= 0;
  }

  private static Extraction fallback(String s, int from, int to, ExtractionInput input) {
    int n = input.optionCount();
    Extraction text = optionText(s, from, to, input.options());
    if (text != null) {
      return text;
    }
    Extraction conclusion = conclusion(s, from, to, n);
    if (conclusion != null) {
      return conclusion;
    }
    Extraction lines = lineLeading(s, from, to, n);
    if (lines != null) {
      return lines;
    }
    return lastLineDelimited(s, from, to, n);
  }

  /** A reply that is only one option's text, compared after NFC and whitespace normalisation. */
  private static Extraction optionText(String s, int from, int to, List<String> options) {
    if (options.isEmpty() || to - from > 600) {
      return null;
    }
    String reply = normalize(s.substring(from, to));
    int match = -1;
    for (int k = 0; k < options.size(); k++) {
      String option = normalize(options.get(k));
      if (!option.isEmpty() && option.equals(reply)) {
        if (match >= 0) {
          return null;
        }
        match = k;
      }
    }
    return match < 0
        ? null
        : Extraction.found(Choice.ofIndex(match), ExtractionStatus.LENIENT, from, to);
  }

  static String normalize(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    boolean changed = true;
    while (changed && !t.isEmpty()) {
      changed = false;
      String before = t;
      t = t.replaceAll("^[*\"'“‘`]+|[*\"'”’`]+$", "");
      if (t.endsWith("입니다.") || t.endsWith("입니다")) {
        t = t.substring(0, t.lastIndexOf("입니다")).strip();
      }
      if (t.endsWith(".") || t.endsWith("。")) {
        t = t.substring(0, t.length() - 1).strip();
      }
      changed = !t.equals(before);
    }
    return t;
  }

  /**
   * Lines that begin with an option ("B. 사만다", "4번 - ...", "2.포크로", "A (as ...)"): the last
   * line if it is only an option, else the only line that starts with an option.
   */
  private static Extraction lineLeading(String s, int from, int to, int n) {
    int lastLineStart = s.lastIndexOf('\n', to - 1) + 1;
    lastLineStart = Math.max(lastLineStart, from);
    OptionToken last = leadingToken(s, lastLineStart, to);
    if (last != null) {
      int afterLast = OptionToken.skipClosers(s, last.next(), to);
      if (isBlank(s, afterLast, to)) {
        return inRange(last, n);
      }
    }
    int firstLineEnd = s.indexOf('\n', from);
    firstLineEnd = firstLineEnd < 0 || firstLineEnd > to ? to : firstLineEnd;
    OptionToken first = leadingToken(s, from, firstLineEnd);
    if (first != null
        && isBlank(s, OptionToken.skipClosers(s, first.next(), firstLineEnd), firstLineEnd)) {
      return inRange(first, n);
    }
    OptionToken chosen = null;
    int lineStart = from;
    while (lineStart < to) {
      int lineEnd = s.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > to) {
        lineEnd = to;
      }
      OptionToken token = leadingToken(s, lineStart, lineEnd);
      if (token != null) {
        if (OptionToken.alternative(s, token, lineEnd) != null) {
          return Extraction.none(ExtractionStatus.UNPARSED);
        }
        if (chosen != null) {
          return null; // a list of options or repeated items, not an answer
        }
        chosen = token;
      }
      lineStart = lineEnd + 1;
    }
    return chosen == null ? null : inRange(chosen, n);
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!Character.isWhitespace(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static Extraction inRange(OptionToken token, int n) {
    return token.isWithin(n)
        ? found(token, ExtractionStatus.LENIENT)
        : Extraction.none(ExtractionStatus.UNPARSED);
  }

  private static OptionToken leadingToken(String s, int lineStart, int lineEnd) {
    int i = lineStart;
    while (i < lineEnd && " \t*#([>".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    OptionToken token = OptionToken.at(s, i, lineEnd);
    if (token == null) {
      return null;
    }
    int j = token.next();
    if (j >= lineEnd) {
      return token;
    }
    if (j > token.end()) {
      return token; // 3번 ...
    }
    char c = s.charAt(j);
    if (".:：)]*".indexOf(c) >= 0 || OptionToken.isHangul(c)) {
      return token;
    }
    if (c == ' ' || c == '\t') {
      int k = j;
      while (k < lineEnd && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
        k++;
      }
      if (k >= lineEnd || "(-–—:".indexOf(s.charAt(k)) >= 0) {
        return token;
      }
      if (OptionToken.afterAny(s, k, lineEnd, LINE_CONJUNCTIONS, true)
          >= 0) {
        return token;
      }
    }
    return null;
  }

  /**
   * Conclusions without a marker word, scanned from the end: "옳지 않은 것은 2번입니다", "보기는
   * 3번", "설명은 선택지 D", "option B is correct", "corresponds to **D**".
   */
  private static Extraction conclusion(String s, int from, int to, int n) {
    char[] chars = s.toCharArray(); // one copy is cheaper than charAt on a long UTF-16 string
    for (int p = to - 1; p >= from; p--) {
      char c = chars[p];
      int q;
      if (c == '은' || c == '는' || c == '이') {
        if (p == from || !isConclusionNoun(s, from, p)) {
          continue;
        }
        q = skipSpaceAndStars(s, p + 1, to);
        int after = OptionToken.afterAny(s, q, to, CHOICE_WORDS, false);
        q = after < 0 ? q : skipSpaceAndStars(s, after, to);
      } else if ((c == 'o' || c == 'O' || c == 'c' || c == 'C')
          && (p == from || !OptionToken.isLatinLetter(s.charAt(p - 1)))) {
        q = englishConclusion(s, p, to);
        if (q < 0) {
          continue;
        }
      } else {
        continue;
      }
      OptionToken token = OptionToken.at(s, q, to);
      if (token == null || OptionToken.alternative(s, token, to) != null) {
        continue;
      }
      if (!token.delimited() && OptionToken.isDigit(s.charAt(token.start()))) {
        int after = token.end();
        if (after >= to || "입이.)".indexOf(s.charAt(after)) < 0) {
          continue;
        }
      }
      return inRange(token, n);
    }
    return null;
  }

  private static boolean isConclusionNoun(String s, int from, int p) {
    switch (s.charAt(p - 1)) {
      case '것':
        return true;
      case '기':
      case '지':
      case '명':
      case '목':
      case '장':
      case '안':
        return OptionToken.endsWithAny(s, from, p, CONCLUSION_NOUNS) >= 0;
      default:
        return false;
    }
  }

  private static int englishConclusion(String s, int p, int to) {
    if (s.regionMatches(true, p, "corresponds to ", 0, 15)) {
      return OptionToken.skipPrefix(s, p + 15, to);
    }
    int word = OptionToken.afterAny(s, p, to, OPTION_WORDS, true);
    if (word < 0) {
      return -1;
    }
    OptionToken token = OptionToken.at(s, word, to);
    if (token == null) {
      return -1;
    }
    int k = token.end();
    return k + 4 <= to && s.regionMatches(true, k, " is ", 0, 4)
            && OptionToken.afterAny(s, k + 4, to, VERDICTS, true) >= 0
        ? word
        : -1;
  }

  /** The single bold, bracketed or dollar-wrapped option on the last line: "… to **D**". */
  private static Extraction lastLineDelimited(String s, int from, int to, int n) {
    int lineStart = Math.max(from, s.lastIndexOf('\n', to - 1) + 1);
    OptionToken chosen = null;
    for (int k = lineStart; k < to; k++) {
      OptionToken token = OptionToken.at(s, k, to);
      if (token == null || !isDelimited(s, token, to)) {
        continue;
      }
      if (chosen != null && chosen.index() != token.index()) {
        return null;
      }
      chosen = token;
      k = token.next() - 1;
    }
    return chosen == null ? null : inRange(chosen, n);
  }
}
