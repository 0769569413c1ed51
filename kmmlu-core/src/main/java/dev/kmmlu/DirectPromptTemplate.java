package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * lm-evaluation-harness's KMMLU direct-answer template, the format of the KMMLU paper's 5-shot
 * results. Immutable and thread-safe.
 *
 * <p>Each question is written as the harness's {@code doc_to_text}, {@code
 * "{{question.strip()}}\nA. {{A}}\nB. {{B}}\nC. {{C}}\nD. {{D}}\n정답："} (the colon is the full-width
 * U+FF1A), with an {@code E.} line for five-option items. The harness's {@code doc_to_target} is
 * the gold letter; it joins a context and its target with the target delimiter {@code " "} and
 * consecutive examples with the few-shot delimiter {@code "\n\n"}. Accordingly:
 *
 * <ul>
 *   <li>by default ({@code shotsAsText} false) each example is a user turn holding its text,
 *       followed by an assistant turn holding its gold letter (such as {@code "B"}), and the
 *       question is the last user turn; {@link Prompt#text()} of such a prompt equals the harness's
 *       few-shot context exactly;
 *   <li>with {@code shotsAsText} true the prompt is one user message: each example's text, a space,
 *       its gold letter, then {@code "\n\n"}, and finally the question's text.
 * </ul>
 *
 * Examples should be dev items of the question's subject (the harness's {@code fewshot_split:
 * dev}); the template uses the first {@link #shots()} of those it is given.
 */
public final class DirectPromptTemplate implements PromptTemplate {
  /** The most examples a KMMLU subject's dev split holds. */
  public static final int MAX_SHOTS = 5;

  private final int shots;
  private final boolean shotsAsText;

  private DirectPromptTemplate(int shots, boolean shotsAsText) {
    this.shots = shots;
    this.shotsAsText = shotsAsText;
  }

  static DirectPromptTemplate of(int shots) {
    if (shots < 0 || shots > MAX_SHOTS) {
      throw new IllegalArgumentException(
          "shots must be between 0 and " + MAX_SHOTS + ", but was " + shots);
    }
    return new DirectPromptTemplate(shots, false);
  }

  /**
   * Returns a copy that writes the examples and the question as one text when {@code shotsAsText}.
   */
  public DirectPromptTemplate withShotsAsText(boolean shotsAsText) {
    return shotsAsText == this.shotsAsText ? this : new DirectPromptTemplate(shots, shotsAsText);
  }

  /** Returns whether the examples and the question are written as one text. */
  public boolean shotsAsText() {
    return shotsAsText;
  }

  /** Returns the number of examples the template uses. */
  @Override
  public int shots() {
    return shots;
  }

  /**
   * Returns {@code "kmmlu-direct-Nshot"}, with {@code "-text"} appended when the examples are
   * written as one text.
   */
  @Override
  public String name() {
    return "kmmlu-direct-" + shots + "shot" + (shotsAsText ? "-text" : "");
  }

  /** Returns the harness's {@code doc_to_text} of {@code question}. */
  static String text(Question question) {
    StringBuilder text = new StringBuilder(question.text().strip());
    for (Choice choice : question.choices()) {
      text.append('\n').append(choice.letter()).append(". ").append(question.option(choice));
    }
    return text.append("\n정답\uff1a").toString();
  }

  @Override
  public Prompt render(Question question, List<Question> shots, GenerationSettings settings) {
    requireNonNull(question, "question");
    requireNonNull(shots, "shots");
    requireNonNull(settings, "settings");
    List<Question> used = shots.subList(0, Math.min(this.shots, shots.size()));
    List<Message> messages = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Question shot : used) {
      if (shotsAsText) {
        text.append(text(shot)).append(' ').append(shot.answer().letter()).append("\n\n");
      } else {
        messages.add(Message.user(text(shot)));
        messages.add(Message.assistant(shot.answer().letter()));
      }
    }
    messages.add(Message.user(text.append(text(question)).toString()));
    return Prompt.of(messages).withSettings(settings).withQuestion(question);
  }

  @Override
  public String toString() {
    return "PromptTemplate{" + name() + "}";
  }
}
