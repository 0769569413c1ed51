package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One answer position of a multiple-choice question, A to E.
 *
 * <p>KMMLU and KMMLU-Redux items have four options (A-D); KMMLU-Pro items have four or five
 * (A-E). The datasets store gold answers as 1-based numbers; {@link #ofNumber(int)} converts them.
 */
public enum Choice {
  /** The first option. */
  A,
  /** The second option. */
  B,
  /** The third option. */
  C,
  /** The fourth option. */
  D,
  /** The fifth option, only on five-option items. */
  E;

  private static final String CIRCLED = "①②③④⑤";
  private static final Choice[] VALUES = values();

  /** Returns the 0-based position of this choice (A is 0). */
  public int index() {
    return ordinal();
  }

  /** Returns the 1-based number the datasets use for this choice (A is 1). */
  public int number() {
    return ordinal() + 1;
  }

  /** Returns the upper-case letter of this choice, such as {@code "B"}. */
  public String letter() {
    return name();
  }

  /** Returns the circled digit Korean exams print for this choice, such as {@code "②"}. */
  public String circledDigit() {
    return String.valueOf(CIRCLED.charAt(ordinal()));
  }

  /**
   * Returns the choice at a 0-based position.
   *
   * @throws IllegalArgumentException if index is not between 0 and 4
   */
  public static Choice ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException("index must be between 0 and 4, but was " + index);
    }
    return VALUES[index];
  }

  /**
   * Returns the choice for a 1-based number, as the datasets store gold answers.
   *
   * @throws IllegalArgumentException if number is not between 1 and 5
   */
  public static Choice ofNumber(int number) {
    if (number < 1 || number > VALUES.length) {
      throw new IllegalArgumentException("number must be between 1 and 5, but was " + number);
    }
    return VALUES[number - 1];
  }

  /**
   * Returns the choice named by a letter (A-E, either case, or full-width Ａ-Ｅ) or a circled digit
   * (①-⑤), or empty when the text is none of these.
   */
  public static Optional<Choice> parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.length() != 1) {
      return Optional.empty();
    }
    char c = trimmed.charAt(0);
    if (c >= 'A' && c <= 'E') {
      return Optional.of(VALUES[c - 'A']);
    }
    if (c >= 'a' && c <= 'e') {
      return Optional.of(VALUES[c - 'a']);
    }
    if (c >= 'Ａ' && c <= 'Ｅ') {
      return Optional.of(VALUES[c - 'Ａ']);
    }
    int circled = CIRCLED.indexOf(c);
    return circled >= 0 ? Optional.of(VALUES[circled]) : Optional.empty();
  }

  /**
   * Returns the first {@code count} choices, the letter set of an item with that many options.
   *
   * @throws IllegalArgumentException if count is not between 1 and 5
   */
  public static java.util.List<Choice> first(int count) {
    if (count < 1 || count > VALUES.length) {
      throw new IllegalArgumentException("count must be between 1 and 5, but was " + count);
    }
    return java.util.List.of(VALUES).subList(0, count);
  }

  /** Returns the letters of the first {@code count} choices run together, such as {@code "ABCD"}. */
  public static String letters(int count) {
    StringBuilder letters = new StringBuilder();
    for (Choice choice : first(count)) {
      letters.append(choice.letter());
    }
    return letters.toString();
  }
}
