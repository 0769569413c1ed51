package dev.kmmlu.scoring;

import dev.kmmlu.datasets.Choice;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The library's own extraction policy; see {@link AnswerExtractor#robust()} for the rules. With
 * {@code fallbacks} off it is {@link AnswerExtractor#strict()}. Immutable and thread-safe.
 */
final class RobustExtractor implements AnswerExtractor {
  static final RobustExtractor ROBUST = new RobustExtractor(true);
  static final RobustExtractor STRICT = new RobustExtractor(false);

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
  /** "the correct option is 2", "the best choice is (D)", "the right one is C". */
  private static final String[] SUBJECTS_IS = {"option is ", "choice is ", "one is "};
  private static final String[] VERDICT_ADJECTIVES = {
    "correct", "best", "right", "appropriate", "suitable", "incorrect", "accurate"
  };
  private static final String[] ANSWER_VERBS = {"is", "would be", "should be", "will be"};
  /** The characters a conclusion is anchored on: a topic or subject particle, or o/c. */
  private static final String CONCLUSION_STARTS = "은는이가을를oOcCI";
  /** The characters a marker starts with: 답, answer, final, \\boxed, 선택, choice. */
  private static final String MARKER_STARTS = "답aAfF\\선cC";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern OUTER_QUOTES = Pattern.compile("^[*\"'“‘`]+|[*\"'”’`]+$");

  private static final String[] LINE_CONJUNCTIONS = {"또는", "혹은", "or ", "and "};
  private static final String[] REPLACEMENT_LINKS = {"but ", "it is ", "it's ", "it’s "};
  private static final String[] CONJUNCTIONS_BEFORE = {
    "또는", "혹은", "이나", "과", "와", "및", ",", "/", "or", "and"
  };
  /** Words that make a line a doubt rather than an answer, for the fallbacks. */
  private static final String[] HEDGES = {
    "수도 있", "확실하지", "확신", "모르겠", "단정", "어렵", "불확실", "애매", "?", "정답이 아", "답이 아",
    "정답은 아", "만약", "라면", "다면", "not the answer", "not correct", "not sure", "unsure",
    "uncertain", "might", "cannot", "can't", "either", "if ", "suppose"
  };
  /** The first characters of {@link #HEDGES}, to skip the others quickly. */
  private static final String HEDGE_STARTS = "수확모단어불애?정답만라다nmuceis";
  private static final int DOUBT_WINDOW = 40;
  /** Words that judge one option right or wrong without choosing it: "2번의 설명은 틀렸다". */
  private static final String[] JUDGEMENTS = {
    "틀렸", "틀리", "틀린", "잘못", "옳지 않", "맞지 않", "wrong", "incorrect", "false"
  };
  /** The first characters of {@link #JUDGEMENTS}. */
  private static final String VERDICT_STARTS = "틀잘옳맞wif";
  /** Doubts that undo a conclusion when they follow its option in the same sentence. */
  private static final String[] CONCLUSION_HEDGES = {
    "수도 있", "확실하지", "모르겠", "불확실", "애매", "같지만", "?", "not sure", "unsure",
    "uncertain", "might"
  };
  /**
   * Endings that turn a marker's option into a doubt or a question: "정답은 2번인지 3번인지",
   * "3번이라고 하기 어렵다", "②일 수도 있다".
   */
  private static final String[] DOUBTS_AFTER = {
    "인지", "일지", "일 수도", "일수도", "이라고 하기", "라고 하기", "이라고 보기", "라고 보기", "이라고 단정",
    "라고 단정", "이라 단정", "라 단정"
  };
  /** Endings that report an option in a past clause: "학생이 선택한 보기는 2번이었지만". */
  private static final String[] PAST_CONTRASTS = {"이었지만", "였지만", "이었으나", "였으나"};
  private static final String[] CHOOSE_VERBS_KO = {
    "선택", "고르", "고릅", "골라", "골랐", "고른", "택하", "택합", "택한", "택했"
  };
  /** Words that may stand between an option and 답 or 정답: "B가 올바른 답입니다". */
  private static final String[] ANSWER_ADJECTIVES = {
    "올바른", "옳은", "맞는", "알맞은", "적절한", "정확한", "최종"
  };
  private static final String[] JSON_KEYS = {"\"answer\"", "\"정답\"", "\"답\""};
  private static final String[] COPULAS = {"입니다", "이다", "이에요", "예요", "임"};
  private static final String[] CONNECTIVES = {
    "therefore", "thus", "hence", "so", "따라서", "그러므로", "결론적으로", "결론", "즉", "∴",
    "\\therefore"
  };
  private static final String[] AS_FOLLOWS = {"다음과 같", "아래와 같", "as follows"};
  private static final String[] AS_ANSWER = {"최종 정답으로 ", "정답으로 ", "답으로 "};
  private static final String[] BEST_KO = {
    "가장 적절", "가장 옳", "가장 알맞", "가장 타당", "가장 적합", "가장 부적절", "가장 거리가 먼",
    "가장 자연스럽", "가장 정확", "더 적절", "더 자연스럽", "더 옳", "더 알맞", "더 타당", "더 정확"
  };
  private static final String[] ORDINAL_SUBJECTS = {"문장", "보기", "선택지", "항목", "옵션"};
  private static final String[] CONDITIONS = {"if", "when", "whether", "unless", "suppose"};
  private static final String[] I_FORMS = {"I'll ", "I’ll ", "I will ", "I would ", "I'd ", "I "};
  private static final String[] CHOOSE_VERBS_EN = {
    "choose ", "select ", "pick ", "go with ", "opt for ", "answer "
  };

  /** Words that open a new turn or a new item when they start a line. */
  private static final String[] TURN_WORDS = {
    "Human:", "User:", "Question:", "질문:", "Q:", "### Instruction"
  };
  private static final int FIRST_LINE_MAX = 30;
  private static final String[] AMONG = {"중에서 ", "중에 ", "중 "};
  /** What may follow an option picked among two: "2번이 더 적절하다", "3번입니다". */
  private static final String[] AFFIRMATIONS = {
    "이 더 ", "가 더 ", "이 가장 ", "가 가장 ", "이 정답", "가 정답", "이 맞", "가 맞", "입니다", "이다",
    "을 선택", "를 선택", "을 고르", "를 고르"
  };

  private final boolean fallbacks;

  private RobustExtractor(boolean fallbacks) {
    this.fallbacks = fallbacks;
  }

  @Override
  public Extraction extract(ExtractionInput input) {
    java.util.Objects.requireNonNull(input, "input");
    ReplyText clean = ReplyText.of(input.text());
    if (clean == null) {
      return extract(input.text(), input, input.text().length());
    }
    Extraction extraction = extract(clean.text(), input, clean.text().length());
    return extraction.choice().isEmpty()
        ? extraction
        : Extraction.found(extraction.choice().get(), extraction.status(),
            clean.originalStart(extraction.start()), clean.originalEnd(extraction.end()));
  }

  /** Reads s up to end, the reply's text without encoding noise. */
  private Extraction extract(String s, ExtractionInput input, int end) {
    boolean cutOff = input.isCutOff();
    if (s.isBlank()) {
      return Extraction.none(cutOff ? ExtractionStatus.TRUNCATED : ExtractionStatus.EMPTY);
    }
    int from = answerRegionStart(s);
    if (from < 0) {
      return Extraction.none(cutOff ? ExtractionStatus.TRUNCATED : ExtractionStatus.UNPARSED);
    }
    int to = end;
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
    if (end == s.length()) {
      int turn = newTurn(s, from, to);
      if (turn >= 0) {
        Extraction head = extract(s, input, turn);
        if (head.choice().isPresent()) {
          return head; // "B\n\nQuestion: ...\nAnswer: C": the model went on to invent an item
        }
      }
    }

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
   * Returns the start of the first line that opens a new turn or item ("Human:", "Question:",
   * "질문:"), when the reply's first line is short enough to be an answer; -1 otherwise.
   */
  static int newTurn(String s, int from, int to) {
    int nl = s.indexOf('\n', from);
    if (nl < 0 || nl >= to || nl - from > FIRST_LINE_MAX) {
      return -1;
    }
    for (int line = nl + 1; line < to && line > 0; line = s.indexOf('\n', line) + 1) {
      int i = line;
      while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '#' || s.charAt(i) == '*')) {
        i++;
      }
      if (OptionToken.afterAny(s, i, to, TURN_WORDS, true) >= 0) {
        return line;
      }
    }
    return -1;
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

  /** A structured reply such as {"answer": 3} or {"정답": "③"}: its answer field is authoritative. */
  private static Extraction jsonAnswer(String s, int from, int to, int n) {
    if (s.indexOf('"', from) < 0) {
      return null;
    }
    int q = to;
    while ((q = s.lastIndexOf('"', q - 1)) >= from) {
      int key = OptionToken.afterAny(s, q, to, JSON_KEYS, true);
      if (key >= 0) {
        int i = key;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i < to && s.charAt(i) == ':') {
          i++;
          while (i < to && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '"')) {
            i++;
          }
          OptionToken token = OptionToken.at(s, i, to);
          if (token != null && token.isWithin(n) && OptionToken.alternative(s, token, to) == null) {
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
    BackwardScan scan = new BackwardScan(s, from, to, MARKER_STARTS);
    boolean first = true;
    for (int p = scan.previous(to); p >= 0; p = scan.previous(p)) {
      char c = s.charAt(p);
      int answerAt;
      boolean sentence = false;
      if (c == '답') {
        Extraction before = answerBefore(s, p, from, to, n);
        if (before != null) {
          return before;
        }
        answerAt = koreanMarker(s, p, from, to);
        sentence = answerAt < -1;
        if (sentence) {
          answerAt = -answerAt - 2;
        }
      } else if (c == 'a' || c == 'A') {
        answerAt = englishMarker(s, p, from, to);
      } else if (c == 'f' || c == 'F') {
        answerAt = finalMarker(s, p, from, to);
      } else if (c == '\\' && s.startsWith("\\boxed{", p)) {
        answerAt = p + 7;
      } else if (c == '선') {
        answerAt = choiceMarker(s, p, from, to);
        sentence = answerAt < -1;
        if (sentence) {
          answerAt = -answerAt - 2;
        }
      } else if (c == 'c' || c == 'C') {
        answerAt = englishChoiceMarker(s, p, from, to);
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
   * Reads the marker that follows its answer, "③번이 정답이다", "B가 정답입니다", "②는 정답.", where
   * p is the 답 of 정답; returns null when p is not such a marker.
   */
  private static Extraction answerBefore(String s, int p, int from, int to, int n) {
    boolean jeong = p - 1 >= from && s.charAt(p - 1) == '정';
    if (!jeong && (p - 1 < from || s.charAt(p - 1) != ' ')) {
      return null; // 오답, 해답; a lone 답 must follow a space ("3이 답입니다")
    }
    int q = p + 1;
    if (jeong && q + 1 < to && s.charAt(q) == '이' && s.charAt(q + 1) == ' ') {
      return subjectAnswer(s, q + 2, to, n);
    }
    int wordStart = jeong ? p - 1 : p;
    if (wordStart == from) {
      return null;
    }
    boolean ends;
    if (q >= to) {
      ends = true;
    } else {
      char c = s.charAt(q);
      ends = (c == '입' && !s.startsWith("입니까", q)) || c == '임' || c == '.' || c == '!'
          || c == '\n' || c == '*' || (c == '이' && q + 1 < to && s.charAt(q + 1) == '다');
    }
    if (!ends) {
      return null;
    }
    int k = skipBackSpaceAndStars(s, from, wordStart);
    if (jeong) {
      Extraction labelled = labelledAnswer(s, from, k, to, n);
      if (labelled != null) {
        return labelled;
      }
    }
    int adjective = OptionToken.endsWithAny(s, from, k, ANSWER_ADJECTIVES);
    if (adjective >= 0) {
      k = skipBackSpaceAndStars(s, from, adjective); // "B가 올바른 답입니다"
    }
    if (k - 1 <= from || "이가은는".indexOf(s.charAt(k - 1)) < 0) {
      return null;
    }
    OptionToken token = OptionToken.endingAt(s, from, k - 1, to);
    if (token == null) {
      token = ordinalSubject(s, from, k - 1, to); // "세 번째 선택지가 정답", "4번째 보기가 정답입니다"
      if (token != null && OptionToken.endsWithAny(s, from,
          skipBackSpaceAndStars(s, from, token.start()), CONJUNCTIONS_BEFORE) >= 0) {
        return null;
      }
    }
    if (token == null || alternativeBefore(s, from, token, to) || valueBefore(s, from, token)) {
      return null;
    }
    return token.isWithin(n)
        ? found(token, ExtractionStatus.STRICT)
        : Extraction.none(ExtractionStatus.UNPARSED);
  }

  /**
   * Reads a per-option verdict line, "3번: 정답", "B) 정답" or "② - 정답", where k is where the
   * spaces before the line-ending 정답 start: the option that labels the line is the answer.
   * Returns null otherwise.
   */
  private static Extraction labelledAnswer(String s, int from, int k, int to, int n) {
    if (k - 1 < from) {
      return null;
    }
    int j = k;
    if (":-–→=".indexOf(s.charAt(k - 1)) >= 0) {
      j = k - 1;
      while (j > from && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '*')) {
        j--;
      }
    }
    OptionToken label = OptionToken.endingAt(s, from, j, to);
    if (label == null) {
      return null;
    }
    int lineStart = label.start();
    while (lineStart > from && (s.charAt(lineStart - 1) == ' ' || s.charAt(lineStart - 1) == '*'
        || s.charAt(lineStart - 1) == '-' || s.charAt(lineStart - 1) == '(')) {
      lineStart--;
    }
    if (lineStart > from && s.charAt(lineStart - 1) != '\n') {
      return null;
    }
    return label.isWithin(n)
        ? found(label, ExtractionStatus.STRICT)
        : Extraction.none(ExtractionStatus.UNPARSED);
  }

  /**
   * Reads "정답이 B입니다" from i, just after "정답이 ": the option must end the statement
   * (입니다, 이다, a period, the line's end). Returns null otherwise.
   */
  private static Extraction subjectAnswer(String s, int i, int to, int n) {
    OptionToken token = OptionToken.at(s, skipSpaceAndStars(s, i, to), to);
    if (token == null) {
      return null;
    }
    int k = OptionToken.skipClosers(s, token.next(), to);
    boolean ends = k >= to || s.charAt(k) == '\n' || s.charAt(k) == '입' || s.charAt(k) == '임'
        || (s.charAt(k) == '이' && k + 1 < to && s.charAt(k + 1) == '다')
        || s.charAt(k - 1) == '.';
    if (!ends || OptionToken.negationAfter(s, token, to) >= 0
        || OptionToken.alternative(s, token, to) != null) {
      return null;
    }
    return token.isWithin(n)
        ? found(token, ExtractionStatus.STRICT)
        : Extraction.none(ExtractionStatus.UNPARSED);
  }

  private static int skipBackSpaceAndStars(String s, int from, int k) {
    while (k > from && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '*')) {
      k--;
    }
    return k;
  }

  /** Returns whether a bare digit is the right side of an equation ("x = 3이 답이다"). */
  private static boolean valueBefore(String s, int from, OptionToken token) {
    if (token.delimited()) {
      return false;
    }
    int k = skipBackSpaceAndStars(s, from, token.start());
    return k > from && "=+-×÷<>≈≤≥".indexOf(s.charAt(k - 1)) >= 0;
  }

  /** Returns whether another option and a conjunction come right before token ("2번과 4번이"). */
  private static boolean alternativeBefore(String s, int from, OptionToken token, int to) {
    int k = token.start();
    while (k > from && " *_([".indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    int end = OptionToken.endsWithAny(s, from, k, CONJUNCTIONS_BEFORE);
    if (end < 0) {
      return false;
    }
    while (end > from && s.charAt(end - 1) == ' ') {
      end--;
    }
    OptionToken other = OptionToken.endingAt(s, from, end, to);
    return other != null && other.index() != token.index();
  }

  /**
   * Returns where the answer after a Korean marker (정답, 답, 답변, 답안, 최종 답, with 은/는 or a
   * colon) starts, -1 when p is not a marker, or {@code -(position) - 2} when the marker ends in a
   * topic particle, so the answer may come later in the same sentence ("정답은 ... ③입니다").
   */
  private static int koreanMarker(String s, int p, int from, int to) {
    boolean jeong = p > from && s.charAt(p - 1) == '정';
    int wordStart = jeong ? p - 1 : p;
    boolean finalHeading = wordStart - 3 >= from && s.charAt(wordStart - 1) == ' '
        && s.startsWith("최종", wordStart - 3);
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
    if (jeong && s.startsWith("번호", q)) {
      q = skipSpaceAndStars(s, q + 2, to); // 정답 번호:
    }
    if (q < to && "]】>)".indexOf(s.charAt(q)) >= 0) {
      return q + 1; // [정답] 4, <정답> 4, (정답) 4
    }
    if (q + 8 <= to && OptionToken.matchesIgnoreCase(s, q, "(answer)")) {
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
    int separator = separatorEnd(s, q, to);
    boolean colon = separator >= 0;
    if (colon) {
      q = separator;
    }
    if (!jeong && !particle && !colon && !finalHeading) {
      return bareAnswerLine(s, p, from, q, to) ? q : -1;
    }
    return particle && !colon ? -q - 2 : q;
  }

  /**
   * Returns whether the lone 답 at p starts its line and is followed, at q, by an option that ends
   * the line: "답 4", "답 ③".
   */
  private static boolean bareAnswerLine(String s, int p, int from, int q, int to) {
    if (p > from && s.charAt(p - 1) != '\n' || q == p + 1) {
      return false;
    }
    OptionToken token = OptionToken.at(s, q, to);
    if (token == null) {
      return false;
    }
    int k = OptionToken.skipClosers(s, token.next(), to);
    while (k < to && (s.charAt(k) == '.' || s.charAt(k) == ' ')) {
      k++;
    }
    return k >= to || s.charAt(k) == '\n';
  }

  /**
   * Returns where the answer after "선택:" or "최종 선택은" starts, -1 when p is not such a marker,
   * or {@code -(position) - 2} for "최종 선택은", whose answer may come later in the sentence. A
   * bare 선택 needs a separator; 선택지, 선택한 and 선택합니다 are not markers.
   */
  private static int choiceMarker(String s, int p, int from, int to) {
    if (!s.startsWith("선택", p)) {
      return -1;
    }
    boolean finalWord = false;
    if (p > from && OptionToken.isHangul(s.charAt(p - 1))) {
      if (p - 2 < from || !s.startsWith("최종", p - 2)) {
        return -1;
      }
      finalWord = true;
    } else if (p - 3 >= from && s.charAt(p - 1) == ' ' && s.startsWith("최종", p - 3)) {
      finalWord = true;
    }
    int q = p + 2;
    boolean particle = false;
    if (finalWord && q < to && (s.charAt(q) == '은' || s.charAt(q) == '는')) {
      particle = true;
      q++;
    }
    if (q < to && OptionToken.isHangul(s.charAt(q))) {
      return -1;
    }
    q = skipSpaceAndStars(s, q, to);
    int separator = separatorEnd(s, q, to);
    if (separator >= 0) {
      return separator;
    }
    return particle ? -q - 2 : -1;
  }

  /**
   * Returns where the answer after "Choice:", "My choice:" or "Final choice:" starts, or -1. The
   * word must start its line or follow "my" or "final", so "Looking at each choice:" followed by
   * a list of options is not a marker.
   */
  private static int englishChoiceMarker(String s, int p, int from, int to) {
    if (p + 6 > to || !OptionToken.matchesIgnoreCase(s, p, "choice")
        || p > from && OptionToken.isLatinLetter(s.charAt(p - 1))
        || p + 6 < to && OptionToken.isLatinLetter(s.charAt(p + 6))) {
      return -1;
    }
    int k = p;
    while (k > from && " *_#-\t".indexOf(s.charAt(k - 1)) >= 0) {
      k--;
    }
    if (k > from && s.charAt(k - 1) != '\n') {
      int wordStart = k;
      while (wordStart > from && OptionToken.isLatinLetter(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      String word = s.substring(wordStart, k);
      if (!word.equalsIgnoreCase("my") && !word.equalsIgnoreCase("final")) {
        return -1;
      }
    }
    return separatorEnd(s, skipSpaceAndStars(s, p + 6, to), to);
  }

  private static int englishMarker(String s, int p, int from, int to) {
    if (p + 6 > to || !OptionToken.matchesIgnoreCase(s, p, "answer")) {
      return -1;
    }
    if (p > from && OptionToken.isLatinLetter(s.charAt(p - 1))) {
      return -1;
    }
    int q = p + 6;
    if (q < to && OptionToken.isLatinLetter(s.charAt(q))) {
      return -1;
    }
    if (p > from && s.charAt(p - 1) == '<' && q < to && s.charAt(q) == '>') {
      return q + 1; // <answer>3</answer>
    }
    if (p > from && s.charAt(p - 1) == '"' && q < to && s.charAt(q) == '"') {
      return -1; // a JSON key, handled before
    }
    q = skipSpaceAndStars(s, q, to);
    for (String verb : ANSWER_VERBS) {
      int end = q + verb.length();
      if (end <= to
          && OptionToken.matchesIgnoreCase(s, q, verb)
          && (end == to || !OptionToken.isLatinLetter(s.charAt(end)))) {
        q = skipSpaceAndStars(s, end, to);
        break;
      }
    }
    int separator = separatorEnd(s, q, to);
    return separator >= 0 ? separator : q;
  }

  /**
   * Returns the position after a separator between a marker and its answer: a colon, an arrow
   * ("→", "⇒", "->"), "=", a table bar, or a dash followed by a space ("정답 - 3번", "Answer — C");
   * -1 when there is none at q.
   */
  private static int separatorEnd(String s, int q, int to) {
    if (q >= to) {
      return -1;
    }
    char c = s.charAt(q);
    if (c == ':' || c == '：' || c == '|' || c == '→' || c == '⇒' || c == '＝') {
      return q + 1;
    }
    if ((c == '-' || c == '=') && q + 1 < to && s.charAt(q + 1) == '>') {
      return q + 2;
    }
    if (c == '=') {
      return q + 1;
    }
    if ((c == '-' || c == '–' || c == '—') && q + 1 < to && s.charAt(q + 1) == ' ') {
      return q + 1;
    }
    return -1;
  }

  private static int finalMarker(String s, int p, int from, int to) {
    if (p + 5 > to || !OptionToken.matchesIgnoreCase(s, p, "final")) {
      return -1;
    }
    if (p > from && OptionToken.isLatinLetter(s.charAt(p - 1))) {
      return -1;
    }
    return separatorEnd(s, skipSpaceAndStars(s, p + 5, to), to); // FINAL: 3, FINAL — 4
  }

  private static int skipSpaceAndStars(String s, int q, int to) {
    while (q < to && (s.charAt(q) == ' ' || s.charAt(q) == '*' || s.charAt(q) == '_'
        || s.charAt(q) == '\t' || s.charAt(q) == '#')) {
      q++;
    }
    return q;
  }

  /**
   * Returns the option picked from two alternatives in "2번과 3번 중 2번이 더 적절하다": one of
   * them, right after 중 (or 중에서), affirmed by what follows it; null otherwise.
   */
  private static OptionToken pickedAmong(
      String s, OptionToken first, OptionToken second, int to) {
    int i = OptionToken.skipClosers(s, second.next(), to);
    while (i < to && s.charAt(i) == ' ') {
      i++;
    }
    int among = OptionToken.afterAny(s, i, to, AMONG, false);
    if (among < 0) {
      return null;
    }
    OptionToken picked = OptionToken.at(s, skipSpaceAndStars(s, among, to), to);
    if (picked == null || (picked.index() != first.index() && picked.index() != second.index())) {
      return null;
    }
    int k = OptionToken.skipClosers(s, picked.next(), to);
    boolean affirmed = k >= to || s.charAt(k) == '\n'
        || OptionToken.afterAny(s, k, to, AFFIRMATIONS, false) >= 0;
    return affirmed ? picked : null;
  }

  /** Returns the extraction a marker's answer gives, or null when it names no option. */
  private static Extraction answerAfter(
      String s, int q, int to, int n, boolean sentence, boolean lastMarker) {
    int i = OptionToken.skipPrefix(s, q, to);
    if (OptionToken.matchesIgnoreCase(s, i, "not ")) {
      OptionToken denied = OptionToken.at(s, OptionToken.skipPrefix(s, i + 4, to), to);
      return denied == null ? null : replacement(s, denied.next(), to, n);
    }
    OptionToken token = OptionToken.at(s, i, to);
    if (token == null) {
      token = OptionToken.ordinalAt(s, i, to);
      if (token != null && OptionToken.ordinalAt(s, token.next(), to) == null
          && secondOrdinal(s, token.next(), to)) {
        return Extraction.none(ExtractionStatus.UNPARSED);
      }
    }
    if (token == null && sentence) {
      token = delimitedInSentence(s, i, to);
    }
    if (token == null) {
      token = onFollowingLine(s, i, to);
    }
    if (token == null) {
      if (lastMarker && startsWithNoneWord(s, i, to)) {
        return Extraction.none(ExtractionStatus.UNPARSED);
      }
      return null;
    }
    int negation = OptionToken.negationAfter(s, token, to);
    if (negation >= 0) {
      return replacement(s, negation, to, n);
    }
    OptionToken second = OptionToken.alternative(s, token, to);
    if (second != null) {
      OptionToken picked = pickedAmong(s, token, second, to);
      if (picked == null) {
        return Extraction.none(ExtractionStatus.UNPARSED);
      }
      token = picked;
    }
    if (!token.isWithin(n) || OptionToken.alternative(s, token, to) != null
        || OptionToken.afterAny(s, OptionToken.skipClosers(s, token.next(), to), to,
            DOUBTS_AFTER, false) >= 0) {
      return Extraction.none(ExtractionStatus.UNPARSED);
    }
    return found(token, ExtractionStatus.STRICT);
  }

  /**
   * Reads "정답은 다음과 같습니다.\n\n③ 민법 제750조" from i, just after the marker: the option that
   * leads the next non-blank line, when the line after that does not also start with an option.
   */
  private static OptionToken onFollowingLine(String s, int i, int to) {
    int after = OptionToken.afterAny(s, i, to, AS_FOLLOWS, true);
    if (after < 0) {
      return null;
    }
    int lineEnd = s.indexOf('\n', after);
    if (lineEnd < 0 || lineEnd >= to || lineEnd - after > 8) {
      return null;
    }
    int start = lineEnd;
    while (start < to && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    int end = s.indexOf('\n', start);
    end = end < 0 || end > to ? to : end;
    OptionToken token = leadingToken(s, start, end);
    if (token == null) {
      return null;
    }
    int next = end;
    while (next < to && Character.isWhitespace(s.charAt(next))) {
      next++;
    }
    int nextEnd = s.indexOf('\n', next);
    return next < to && leadingToken(s, next, nextEnd < 0 || nextEnd > to ? to : nextEnd) != null
        ? null
        : token;
  }

  /** Returns whether another ordinal follows on the same line ("첫 번째와 세 번째"). */
  private static boolean secondOrdinal(String s, int i, int to) {
    int end = Math.min(to, i + 20);
    for (int k = i; k < end && s.charAt(k) != '\n'; k++) {
      if (OptionToken.ordinalAt(s, k, to) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the option that replaces a denied one ("2번이 아니라 3번", "not A but C", "not A. It
   * is C"), read from i, just after the denial; UNPARSED when there is none.
   */
  private static Extraction replacement(String s, int i, int to, int n) {
    int k = OptionToken.skipClosers(s, i, to);
    while (k < to && (s.charAt(k) == ' ' || s.charAt(k) == ',' || s.charAt(k) == ';')) {
      k++;
    }
    for (String link : REPLACEMENT_LINKS) {
      if (OptionToken.matchesIgnoreCase(s, k, link)) {
        k += link.length();
        break;
      }
    }
    OptionToken token = OptionToken.at(s, OptionToken.skipPrefix(s, k, to), to);
    if (token == null
        || !token.isWithin(n)
        || OptionToken.alternative(s, token, to) != null
        || OptionToken.negationAfter(s, token, to) >= 0) {
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
    Extraction connective = lastLineConnective(s, from, to, n);
    if (connective != null) {
      return connective;
    }
    Extraction lines = lineLeading(s, from, to, n);
    if (lines != null) {
      return lines;
    }
    int i = Math.max(from, s.lastIndexOf('\n', to - 1) + 1);
    while (i < to && " \t*#([>-•·|".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (OptionToken.at(s, i, to) != null) {
      return null; // the last line is one item of a list or an analysis, not a conclusion
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
    String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
    String t = WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    boolean changed = true;
    while (changed && !t.isEmpty()) {
      changed = false;
      String before = t;
      t = OUTER_QUOTES.matcher(t).replaceAll("");
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
    OptionToken lastStated = copulaLine(s, lastLineStart, to);
    OptionToken firstStated = copulaLine(s, from, firstLineEnd);
    if (lastStated != null || firstStated != null) {
      if (lastStated != null && firstStated != null && lastStated.index() != firstStated.index()) {
        return Extraction.none(ExtractionStatus.UNPARSED);
      }
      return inRange(lastStated != null ? lastStated : firstStated, n);
    }
    OptionToken chosen = null;
    int chosenEnd = to;
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
        if (labelsAnotherOption(s, token, lineEnd)) {
          return null; // "A. 틀림 B. 틀림 C. 맞음": a list of options on one line, not an answer
        }
        if (chosen != null) {
          return null; // a list of options or repeated items, not an answer
        }
        chosen = token;
        chosenEnd = lineEnd;
      }
      lineStart = lineEnd + 1;
    }
    if (chosen == null) {
      return null;
    }
    return doubted(s, chosen, chosen.start(), chosenEnd, to)
        ? Extraction.none(ExtractionStatus.UNPARSED)
        : inRange(chosen, n);
  }

  /**
   * Returns whether, after token on its line, another option stands as a label: after a space or
   * a comma and followed by ".", ")", ":" or "]" ("A. 틀림 B. 틀림").
   */
  private static boolean labelsAnotherOption(String s, OptionToken token, int lineEnd) {
    for (int j = token.next() + 1; j < lineEnd; j++) {
      char before = s.charAt(j - 1);
      if (before != ' ' && before != ',' && before != '\t') {
        continue;
      }
      OptionToken other = OptionToken.at(s, j, lineEnd);
      if (other == null || other.index() == token.index() || other.next() >= lineEnd) {
        continue;
      }
      char after = s.charAt(other.next());
      if (after == '.' || after == ')' || after == ':' || after == ']' || after == '：') {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the line [lineStart, lineEnd) that holds token doubts or denies it: a hedge
   * word ("수도 있", "확실하지", "might") or a question mark within {@value #DOUBT_WINDOW}
   * characters of it, a denial of the token itself, or a past contrast ("2번이었지만").
   */
  private static boolean doubted(String s, OptionToken token, int lineStart, int lineEnd, int to) {
    if (OptionToken.negationAfter(s, token, to) >= 0
        || OptionToken.negatedBefore(s, token, lineStart)
        || OptionToken.afterAny(s, OptionToken.skipClosers(s, token.next(), to), to,
            PAST_CONTRASTS, false) >= 0) {
      return true;
    }
    int end = Math.min(lineEnd, token.next() + DOUBT_WINDOW);
    for (int k = Math.max(lineStart, token.start() - DOUBT_WINDOW); k < end; k++) {
      if (HEDGE_STARTS.indexOf(Character.toLowerCase(s.charAt(k))) >= 0
          && OptionToken.afterAny(s, k, end, HEDGES, true) >= 0) {
        return true;
      }
    }
    return false;
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
    while (i < lineEnd && " \t*#([>-•·|".indexOf(s.charAt(i)) >= 0) {
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
    if (OptionToken.isHangul(s.charAt(j))) {
      return null; // "3번을 선택한 ...", "A가 정답인지 ...": a sentence about the option
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
      if (k >= lineEnd || "(-–—:|".indexOf(s.charAt(k)) >= 0) {
        return token;
      }
      if (OptionToken.afterAny(s, k, lineEnd, LINE_CONJUNCTIONS, true)
          >= 0) {
        return token;
      }
      if (isCircled(s.charAt(token.start())) && k < lineEnd
          && OptionToken.isHangul(s.charAt(k)) && !loneParticle(s, k, lineEnd)
          && !circledIn(s, k, lineEnd)) {
        return token; // "③ 민법 제750조": a circled option and its text, not "① 옳음 ② 틀림"
      }
    }
    return null;
  }

  /** Returns the option of a line that is only the option and a copula ("3번입니다."), or null. */
  private static OptionToken copulaLine(String s, int lineStart, int lineEnd) {
    int i = lineStart;
    while (i < lineEnd && " \t*#>".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    OptionToken token = OptionToken.at(s, i, lineEnd);
    if (token == null) {
      return null;
    }
    int after = OptionToken.afterAny(
        s, OptionToken.skipClosers(s, token.next(), lineEnd), lineEnd, COPULAS, false);
    if (after < 0) {
      return null;
    }
    int k = OptionToken.skipClosers(s, after, lineEnd);
    while (k < lineEnd && (s.charAt(k) == '!' || Character.isWhitespace(s.charAt(k)))) {
      k++;
    }
    return k == lineEnd ? token : null;
  }

  /** "Therefore, B." or "따라서 3." as the last line: a connective and a lone option. */
  private static Extraction lastLineConnective(String s, int from, int to, int n) {
    int i = Math.max(from, s.lastIndexOf('\n', to - 1) + 1);
    while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '*')) {
      i++;
    }
    int after = OptionToken.afterAny(s, i, to, CONNECTIVES, true);
    if (after < 0 || after < to && OptionToken.isLatinLetter(s.charAt(after))) {
      return null;
    }
    while (after < to && " ,:*_(".indexOf(s.charAt(after)) >= 0) {
      after++;
    }
    OptionToken token = OptionToken.at(s, after, to);
    if (token == null) {
      return null;
    }
    int k = OptionToken.skipClosers(s, token.next(), to);
    while (k < to && (s.charAt(k) == '!' || s.charAt(k) == ' ')) {
      k++;
    }
    return k == to ? inRange(token, n) : null;
  }

  private static boolean circledIn(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (isCircled(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCircled(char c) {
    return c >= '①' && c <= '⑨' || c >= '❶' && c <= '❾';
  }

  /** Returns whether a detached particle or 번 starts at k ("③ 은 틀렸다", "① 번은"). */
  private static boolean loneParticle(String s, int k, int lineEnd) {
    char c = s.charAt(k);
    if (c == '번') {
      return true;
    }
    return "은는이가을를도의와과만".indexOf(c) >= 0
        && (k + 1 >= lineEnd || !OptionToken.isHangul(s.charAt(k + 1)));
  }

  /**
   * Conclusions without a marker word, scanned from the end: "옳지 않은 것은 2번입니다", "보기는
   * 3번", "설명은 선택지 D", "option B is correct", "corresponds to **D**".
   */
  private static Extraction conclusion(String s, int from, int to, int n) {
    BackwardScan scan = new BackwardScan(s, from, to, CONCLUSION_STARTS);
    for (int p = scan.previous(to); p >= 0; p = scan.previous(p)) {
      char c = s.charAt(p);
      int q;
      boolean named = false; // "option 4 is correct": the word makes a bare digit an option
      if (c == '이' || c == '가' || c == '을' || c == '를') {
        Extraction chosen = chosenBefore(s, from, p, to, n);
        if (chosen != null) {
          return chosen;
        }
      }
      if (c == 'I') {
        q = chooseEnglish(s, from, p, to);
        if (q < 0) {
          continue;
        }
      } else if (c == '은' || c == '는' || c == '이') {
        if (p == from || !isConclusionNoun(s, from, p)) {
          continue;
        }
        q = skipSpaceAndStars(s, p + 1, to);
        int after = OptionToken.afterAny(s, q, to, CHOICE_WORDS, false);
        q = after < 0 ? q : skipSpaceAndStars(s, after, to);
      } else if ((c == 'o' || c == 'O' || c == 'c' || c == 'C')
          && (p == from || !OptionToken.isLatinLetter(s.charAt(p - 1)))) {
        q = englishConclusion(s, from, p, to);
        if (q < 0) {
          continue;
        }
        named = !OptionToken.matchesIgnoreCase(s, p, "corresponds to ");
      } else {
        continue;
      }
      OptionToken token = OptionToken.at(s, q, to);
      if (token == null || OptionToken.alternative(s, token, to) != null
          || OptionToken.negationAfter(s, token, to) >= 0) {
        continue;
      }
      if (!named && !token.delimited() && OptionToken.isDigit(s.charAt(token.start()))) {
        int after = token.end();
        if (after >= to || "입이.)".indexOf(s.charAt(after)) < 0) {
          continue;
        }
      }
      if (hedgedAfter(s, token, to)) {
        return null; // "옳지 않은 것은 2번일 수도 있다": a doubt, not a conclusion
      }
      return inRange(token, n);
    }
    return null;
  }

  /**
   * Returns whether the sentence that token's conclusion ends in doubts it: "2번일 수도 있다",
   * "③인 것 같지만 확실하지 않다", "B, but I am not sure".
   */
  private static boolean hedgedAfter(String s, OptionToken token, int to) {
    int i = OptionToken.skipClosers(s, token.next(), to);
    if (OptionToken.afterAny(s, i, to, DOUBTS_AFTER, false) >= 0
        || OptionToken.afterAny(s, i, to, PAST_CONTRASTS, false) >= 0) {
      return true;
    }
    int end = Math.min(to, i + DOUBT_WINDOW);
    for (int k = i; k < end; k++) {
      char c = s.charAt(k);
      if (c == '\n' || (c == '.' && (k + 1 >= to || s.charAt(k + 1) == ' '))) {
        return false;
      }
      if (OptionToken.afterAny(s, k, end, CONCLUSION_HEDGES, true) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a choice stated after its option, where p is the particle: "4번을 선택합니다", "2번을
   * 고르겠습니다", "4번이 가장 적절합니다". Returns null when p is not such a statement, or when
   * the sentence doubts, denies or conditions it.
   */
  private static Extraction chosenBefore(String s, int from, int p, int to, int n) {
    OptionToken token = OptionToken.endingAt(s, from, p, to);
    if (token == null) {
      token = ordinalSubject(s, from, p, to);
      if (token == null
          || OptionToken.endsWithAny(s, from, skipBackSpaceAndStars(s, from, token.start()),
              CONJUNCTIONS_BEFORE) >= 0) {
        return null; // not "두 번째 문장이", or "첫 번째와 두 번째 문장이"
      }
    } else if (token.next() != p && !isDelimited(s, token, to)) {
      return null;
    }
    int q = skipSpaceAndStars(s, p + 1, to);
    char c = s.charAt(p);
    boolean object = c == '을' || c == '를';
    if (object) {
      int as = OptionToken.afterAny(s, q, to, AS_ANSWER, false);
      q = as < 0 ? q : as;
    }
    int after = OptionToken.afterAny(s, q, to, object ? CHOOSE_VERBS_KO : BEST_KO, false);
    if (after < 0 || !endsSentence(s, after, to) || alternativeBefore(s, from, token, to)) {
      return null;
    }
    int lineEnd = s.indexOf('\n', after);
    if (doubted(s, token, token.start(), lineEnd < 0 || lineEnd > to ? to : lineEnd, to)) {
      return null;
    }
    return inRange(token, n);
  }

  /** Returns the ordinal of "두 번째 문장", "세 번째 보기" ending at p, or null. */
  private static OptionToken ordinalSubject(String s, int from, int p, int to) {
    if (p - 1 < from || "장기지목션".indexOf(s.charAt(p - 1)) < 0) {
      return null; // the last syllables of ORDINAL_SUBJECTS, checked first for speed
    }
    int noun = OptionToken.endsWithAny(s, from, p, ORDINAL_SUBJECTS);
    if (noun < 0) {
      return null;
    }
    int k = noun > from && s.charAt(noun - 1) == ' ' ? noun - 1 : noun;
    if (k - 2 < from || !s.startsWith("번째", k - 2)) {
      return null;
    }
    for (int c = Math.max(from, k - 6); c < k - 2; c++) {
      OptionToken token = OptionToken.ordinalAt(s, c, to);
      if (token != null && token.end() == k) {
        return token;
      }
    }
    int d = k - 3; // "4번째 보기"
    if (d >= from && s.charAt(d) >= '1' && s.charAt(d) <= '9'
        && (d == from || !OptionToken.isLatinLetterOrDigit(s.charAt(d - 1)))) {
      return new OptionToken(s.charAt(d) - '1', d, k, k, true);
    }
    return null;
  }

  /**
   * Returns whether the verb whose stem ends at i closes its sentence within a few characters
   * and without a space ("선택합니다.", "고르겠습니다", "적절하다"), so it is a statement, not a
   * clause ("선택한 학생은", "고르면", "적절한 이유를") or a denial ("선택하지 않는다").
   */
  private static boolean endsSentence(String s, int i, int to) {
    int end = Math.min(to, i + 10);
    for (int k = i; k < end; k++) {
      char d = s.charAt(k);
      if (d == '.' || d == '!' || d == '\n' || d == ',') {
        return k > i && "다요함음".indexOf(s.charAt(k - 1)) >= 0;
      }
      if (d == ' ' || d == '않' || d == '면' || d == '려' || d == '지' || d == '수') {
        return false;
      }
    }
    return end == to && end > i && "다요함음".indexOf(s.charAt(end - 1)) >= 0;
  }

  /** Returns where the option of "I choose B", "I'll go with C", "I would select (D)" starts. */
  private static int chooseEnglish(String s, int from, int p, int to) {
    if (p > from && OptionToken.isLatinLetter(s.charAt(p - 1))) {
      return -1;
    }
    int q = OptionToken.afterAny(s, p, to, I_FORMS, false);
    if (q < 0 || conditional(s, from, p)) {
      return -1;
    }
    int verb = OptionToken.afterAny(s, q, to, CHOOSE_VERBS_EN, true);
    return verb < 0 ? -1 : OptionToken.skipPrefix(s, verb, to);
  }

  /** Returns whether the word before p is "if", "when", "whether" or "unless". */
  private static boolean conditional(String s, int from, int p) {
    int k = p;
    while (k > from && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == ',')) {
      k--;
    }
    for (String word : CONDITIONS) {
      int start = k - word.length();
      if (start >= from && OptionToken.matchesIgnoreCase(s, start, word)
          && (start == from || !OptionToken.isLatinLetter(s.charAt(start - 1)))) {
        return true;
      }
    }
    return false;
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

  private static int englishConclusion(String s, int from, int p, int to) {
    if (OptionToken.matchesIgnoreCase(s, p, "corresponds to ")) {
      return OptionToken.skipPrefix(s, p + 15, to);
    }
    int is = OptionToken.afterAny(s, p, to, SUBJECTS_IS, true);
    if (is >= 0) {
      int start = verdictBefore(s, from, p);
      if (start >= 0 && start - 4 >= from && OptionToken.matchesIgnoreCase(s, start - 4, "the ")) {
        start -= 4;
      }
      return start < 0 || conditional(s, from, start) ? -1 : OptionToken.skipPrefix(s, is, to);
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
    return k + 4 <= to && OptionToken.matchesIgnoreCase(s, k, " is ")
            && OptionToken.afterAny(s, k + 4, to, VERDICTS, true) >= 0
        ? word
        : -1;
  }

  /** Returns where "correct ", "best " or a similar verdict right before p starts, or -1. */
  private static int verdictBefore(String s, int from, int p) {
    if (p - 1 <= from || s.charAt(p - 1) != ' ') {
      return -1;
    }
    for (String word : VERDICT_ADJECTIVES) {
      int start = p - 1 - word.length();
      if (start >= from && OptionToken.matchesIgnoreCase(s, start, word)
          && (start == from || !OptionToken.isLatinLetter(s.charAt(start - 1)))) {
        return start;
      }
    }
    return -1;
  }

  /**
   * Returns whether the line [lineStart, lineEnd) only judges its option, which ends at after
   * ("보기 2번의 설명은 틀렸다", "option 3 is wrong"), without a connective that makes the
   * judgement the reply's conclusion ("따라서", "so"). A judgement before the option restates the
   * question ("옳지 않은 것 → ④").
   */
  private static boolean judgedWithoutConclusion(
      String s, int lineStart, int after, int lineEnd) {
    boolean judged = false;
    for (int k = after; k < lineEnd && !judged; k++) {
      judged = VERDICT_STARTS.indexOf(Character.toLowerCase(s.charAt(k))) >= 0
          && OptionToken.afterAny(s, k, lineEnd, JUDGEMENTS, true) >= 0;
    }
    if (!judged) {
      return false;
    }
    int i = lineStart;
    while (i < lineEnd && " \t*#>-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return OptionToken.afterAny(s, i, lineEnd, CONNECTIVES, true) < 0;
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
    if (chosen == null || doubted(s, chosen, lineStart, to, to)
        || judgedWithoutConclusion(s, lineStart, chosen.next(), to)) {
      return null;
    }
    return inRange(chosen, n);
  }
}
