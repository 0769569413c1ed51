package dev.kmmlu.scoring;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Finds the option a model's free-form reply commits to. Implementations are immutable and
 * thread-safe.
 *
 * <p>Four policies ship with the library: {@link #robust()} (the default), {@link #strict()}, and
 * two reproductions of peers, {@link #paper()} and {@link #lmEvalKmmluCot()}, so results can be
 * compared with published numbers. Users add their own patterns with {@link #withPattern}:
 *
 * <pre>{@code
 * AnswerExtractor extractor =
 *     AnswerExtractor.robust().withPattern(Pattern.compile("Risposta:\\s*([A-E])"), ExtractionStatus.STRICT);
 * Extraction extraction = extractor.extract("Risposta: C", 4);   // C, STRICT
 * }</pre>
 */
@FunctionalInterface
public interface AnswerExtractor {
  /** Returns the answer found in {@code input}, or an extraction that says why there is none. */
  Extraction extract(ExtractionInput input);

  /** Returns the answer found in a reply to a question with {@code optionCount} options. */
  default Extraction extract(String text, int optionCount) {
    return extract(ExtractionInput.of(text, optionCount));
  }

  /**
   * Returns an extractor that first looks for {@code pattern} in the reply (after any reasoning
   * block) and otherwise defers to this one. The last match whose group 1 names an option of the
   * item (a letter A-E in either case or full width, a digit 1-5, a circled digit, or "3번") wins
   * and is reported with {@code status}.
   *
   * @throws IllegalArgumentException if pattern has no capturing group, or status is not STRICT
   *     or LENIENT
   */
  default AnswerExtractor withPattern(Pattern pattern, ExtractionStatus status) {
    return new PatternExtractor(pattern, status, this);
  }

  /**
   * Returns the library's default policy, which reads replies as a careful human grader would.
   *
   * <ul>
   *   <li>Encoding noise is removed before reading, and reported spans still point into the
   *       original text: Windows and old Mac line ends, HTML line breaks ({@code <br>}), a newline
   *       escaped as the two characters {@code \n} (not before a lower-case letter, as in {@code
   *       \neq}), HTML bold tags, non-breaking and zero-width spaces, the byte-order mark, emoji,
   *       and decomposed (NFD) Hangul.
   *   <li>A reply whose short first line is followed by an invented next item or turn (a line
   *       that starts with "Question:", "질문:", "Q:", "Human:" or "User:") is read up to that
   *       line when that part holds an answer: "B\n\n질문: ...\n정답: C" answers B.
   *   <li>Reasoning is not the answer: only the text after the last {@code </think>} is read, the
   *       separate reasoning text never is, and a {@code <think>} left open means no answer
   *       came.
   *   <li>STRICT: a reply that is nothing but one option ({@code B}, {@code (B)}, {@code **B**},
   *       {@code 3번}, {@code ③}); the {@code "answer"} field of a JSON reply; otherwise the
   *       <em>last</em> final-answer marker that names an option: 정답, 답, 답변, 답안, 최종 답,
   *       최종 정답 (with 은/는 or an ASCII or full-width colon), [정답], 정답 번호:, Answer, Final
   *       answer, "the answer is", FINAL:, 선택:, 최종 선택은, Choice:, "My choice:", a line that
   *       is only 답 and an option ("답 4"), {@code <answer>3</answer>}, {@code \boxed{}}, and the
   *       forms that put the option first or after a subject particle: "③번이 정답이다", "정답이
   *       B입니다", "3이 답입니다", "B가 올바른 답입니다", "4번째 보기가 정답입니다". A marker may be followed by a colon, an
   *       arrow ("정답 ⇒ 2"), "=", a dash and a space ("정답 - 3번", "Answer — C") or a table bar
   *       ("| 정답 | ③ |"), or be bracketed ("[정답]", "&lt;정답&gt;"); the JSON key may be "answer" or
   *       "정답"; "정답은 다음과 같습니다." reads the option that leads the next line. After a
   *       marker, markdown bold, brackets, {@code $..$}, {@code \boxed{\text{..}}} and words
   *       such as "선택지" or "option" are skipped; an ordinal ("두 번째", "the second option")
   *       names an option. A marker's option followed by a doubt ("2번인지 3번인지", "3번이라고
   *       하기 어렵다", "2번일 수도") gives UNPARSED. A denied option is replaced by the one that follows ("2번이 아니라
   *       3번", "not A but C", "not A. It is C"), or gives UNPARSED when none does.
   *   <li>Options are letters A-E (either case, full width), digits 1-5, circled digits ①-⑤ and
   *       "3번"; a letter inside a word ("Let's", "A형", "B12") or a digit inside a number ("10.8",
   *       "1/2") is not an option, nor is a value ("2√3", "2π", "4℃", "2 atm", "3 seconds",
   *       "3 : 2", "$3 \times 10^8$", "2가지", "x = 3이 답").
   *   <li>UNPARSED: a final statement that names two different options ("A 또는 B", "A, C")
   *       unless it affirms one of them ("2번과 3번 중 2번이 더 적절하다" answers B), an
   *       option outside the item ("E" on four options), or says there is none ("정답: 없음").
   *   <li>TRUNCATED: the finish reason says the token limit was hit and no marker was found.
   *   <li>LENIENT fallbacks, when no marker names an option: the reply is one option's text; a
   *       line that starts with an option ("B. 사만다", "4번 - ...", "③ 민법 제750조") where the
   *       lines agree; a first or last line that is only an option and a copula ("3번입니다."); a
   *       conclusion such as "옳지 않은 것은 2번입니다", "option B is correct", "the correct
   *       option is 2", "4번을 선택합니다", "③이 가장 적절합니다", "두 번째 문장이 더
   *       자연스럽습니다", "C와 D 중에서는 D가 더 정확합니다" or "I'll go with C", unless its
   *       sentence doubts it; a last line that is
   *       a connective and one option ("Therefore, B.", "따라서 3."); a single bold or bracketed
   *       option on the last line, unless that line only judges it ("보기 2번의 설명은 틀렸다")
   *       without a connective ("따라서", "so") that makes the judgement the conclusion.
   *   <li>No letter from a fallback: a list or table that analyses the options one by one
   *       without a conclusion, a last line that is one item of such a list, an option the
   *       reply denies ("③이 아니다", "not (B)"), doubts ("수도 있다", "확실하지 않다", "might"),
   *       supposes ("만약 3번이 정답이라면") or reports in a past clause ("2번이었지만"), and a clause rather than a statement ("1번을
   *       선택한 학생은", "2번을 고르면"). A bare number with a unit ("4 kg") is not an option.
   * </ul>
   */
  static AnswerExtractor robust() {
    return RobustExtractor.ROBUST;
  }

  /**
   * Returns {@link #robust()} without its fallbacks: an answer is found only when robust would
   * report it STRICT, so every choice comes from a marker, a JSON answer field or a reply that is
   * nothing but one option.
   */
  static AnswerExtractor strict() {
    return RobustExtractor.STRICT;
  }

  /**
   * Returns the extraction of the KMMLU-Redux/Pro paper (arXiv 2507.08924), reproduced exactly.
   * The strict patterns {@code 정답[^A-E]*:[^A-E]*([A-E])} and {@code
   * (?i)Answer[^A-E]*:[^A-E]*([A-E])} are tried in that order, then the flexible {@code
   * 정답[^A-E]*([A-E])|([A-E])\)}. Each is searched once from the start, as Python's {@code
   * re.search} does, so the <em>first</em> match wins. A strict hit is STRICT, a flexible hit
   * LENIENT, a blank reply EMPTY, anything else UNPARSED. Think blocks are not removed, cut-off
   * replies are not told apart, and the letter may lie outside the item's options (it then
   * scores as wrong, as in the paper).
   */
  static AnswerExtractor paper() {
    return RegexExtractor.PAPER;
  }

  /**
   * Returns lm-evaluation-harness's KMMLU chain-of-thought extraction, reproduced exactly: the
   * first match of {@code (?<=정답은)\s*[(]?(A|B|C|D)[)]?.*(?=입니다.)}, reported STRICT; a blank
   * reply is EMPTY and anything else UNPARSED.
   */
  static AnswerExtractor lmEvalKmmluCot() {
    return RegexExtractor.LM_EVAL_KMMLU_COT;
  }

  /**
   * Returns the policy with the given name: {@code robust}, {@code strict}, {@code paper} or
   * {@code lm-eval}, ignoring case.
   *
   * @throws IllegalArgumentException if name is none of these
   */
  static AnswerExtractor byName(String name) {
    requireNonNull(name, "name");
    switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "robust":
        return robust();
      case "strict":
        return strict();
      case "paper":
        return paper();
      case "lm-eval":
        return lmEvalKmmluCot();
      default:
        throw new IllegalArgumentException(
            "name must be one of robust, strict, paper, lm-eval, but was " + name);
    }
  }
}
