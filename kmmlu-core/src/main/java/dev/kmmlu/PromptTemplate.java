package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Question;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a question (and optionally solved example questions) into a {@link Prompt}. Implementations
 * are immutable and thread-safe.
 *
 * <p>The built-in templates strip leading and trailing white space from the question text, as
 * lm-evaluation-harness does ({@code question.strip()}), and write option texts as the dataset has
 * them. The letter set follows the item: {@code ABCD} for four options, {@code ABCDE} for five.
 *
 * <pre>{@code
 * Prompt prompt = PromptTemplate.koreanCot().render(question, List.of(), GenerationSettings.paperGreedy());
 * }</pre>
 */
@FunctionalInterface
public interface PromptTemplate {
  /**
   * Returns the prompt that asks {@code question}, after the solved examples {@code shots}, with
   * the decoding settings {@code settings}. The prompt carries the question ({@link
   * Prompt#question()}).
   */
  Prompt render(Question question, List<Question> shots, GenerationSettings settings);

  /** Returns the prompt that asks {@code question} with no examples and default settings. */
  default Prompt render(Question question) {
    return render(question, List.of(), GenerationSettings.defaults());
  }

  /**
   * Returns a short name for reports and the journal, such as {@code "korean-cot"}. The default is
   * {@code "custom"}; implementations should override it.
   */
  default String name() {
    return "custom";
  }

  /**
   * Returns how many solved examples (shots) the template wants before each question; the engine
   * passes up to this many. The default is 0.
   */
  default int shots() {
    return 0;
  }

  /**
   * Returns a SHA-256 (lower-case hex) that changes when the template's rendering changes, so a
   * resumed run can refuse a journal written with another template. The default renders two fixed
   * probe questions (a four-option one after five four-option examples, and a five-option one with
   * none) with default settings, and hashes the template's {@link #name()} with the two {@linkplain
   * Prompt#hash() prompt hashes}. A template whose output does not depend on its input only through
   * the question should override it.
   */
  default String hash() {
    return TemplateProbe.hash(this);
  }

  /**
   * Returns the KMMLU-Redux/Pro paper's Korean zero-shot chain-of-thought template, named {@code
   * "korean-cot"}: one user message
   *
   * <pre>
   * 다음 문제에 대해 정답을 고르세요. 당신의 최종 정답은 ABCD 중 하나이고, "정답:" 뒤에 와야 합니다. 정답을 고르기 전에 차근차근 생각하고 추론하세요.
   *
   * {question}
   *
   * A) {A}
   * B) {B}
   * C) {C}
   * D) {D}
   * </pre>
   *
   * with {@code ABCDE} and an {@code E)} line for five-option items. Examples, when given, come
   * first as user turns in the same form, each answered by an assistant turn {@code "정답: X"}.
   */
  static PromptTemplate koreanCot() {
    return InstructionTemplate.KOREAN_COT;
  }

  /**
   * Returns OpenAI simple-evals' English chain-of-thought template, named {@code "english-cot"}:
   * one user message
   *
   * <pre>
   * Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.
   *
   * {question}
   *
   * A) {A}
   * ...
   * </pre>
   *
   * with {@code ABCDE} for five-option items. Examples, when given, come first as user turns, each
   * answered by an assistant turn {@code "Answer: X"}.
   */
  static PromptTemplate englishCot() {
    return InstructionTemplate.ENGLISH_COT;
  }

  /**
   * Returns lm-evaluation-harness's KMMLU direct-answer template with {@code shots} solved
   * examples; see {@link DirectPromptTemplate}.
   *
   * @throws IllegalArgumentException if shots is not between 0 and 5
   */
  static DirectPromptTemplate kmmluDirect(int shots) {
    return DirectPromptTemplate.of(shots);
  }

  /**
   * Returns a template named {@code name} that fills the placeholders {@code {question}} (the
   * stripped question text), {@code {options}} (lines {@code "A) ..."} joined by {@code "\n"}) and
   * {@code {letters}} ({@code ABCD} or {@code ABCDE}) in {@code template}, in one pass (text
   * substituted for a placeholder is not searched again), into one user message. Other braces are
   * left as they are. Examples come first as user turns, each answered by an assistant turn with
   * the bare gold letter.
   *
   * @throws IllegalArgumentException if name is blank
   */
  static PromptTemplate of(String name, String template) {
    requireNonNull(template, "template");
    return new InstructionTemplate(
        checkName(name), question -> InstructionTemplate.fill(template, question), "");
  }

  /**
   * Returns a template named {@code name} whose single user message is what {@code render} returns.
   * Examples come first as user turns, each answered by an assistant turn with the bare gold
   * letter.
   *
   * @throws IllegalArgumentException if name is blank
   */
  static PromptTemplate of(String name, Function<Question, String> render) {
    requireNonNull(render, "render");
    return new InstructionTemplate(checkName(name), render, "");
  }

  private static String checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was \"" + name + "\"");
    }
    return name;
  }
}
