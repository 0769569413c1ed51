package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the scanner helpers of {@link OptionToken} that replace slower JDK calls. */
class OptionTokenTest {
  /** Every character the extractors compare ignoring case, plus letters with unusual folds. */
  private static final String WORD_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ \"():/,&、또는혹은아니면이나랑과와및없모름알수해당사항"
          + "ſıİKµ";

  @Test
  void should_agree_with_region_matches_when_any_character_is_compared_ignoring_case() {
    // GIVEN every UTF-16 unit in a Latin-1 string and in a UTF-16 string
    List<String> disagreements = new ArrayList<>();
    // WHEN
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String latin = String.valueOf((char) c);
      String utf16 = "가" + (char) c;
      for (int k = 0; k < WORD_CHARS.length(); k++) {
        String word = String.valueOf(WORD_CHARS.charAt(k));
        if (OptionToken.matchesIgnoreCase(latin, 0, word)
                != latin.regionMatches(true, 0, word, 0, 1)
            || OptionToken.matchesIgnoreCase(utf16, 1, word)
                != utf16.regionMatches(true, 1, word, 0, 1)) {
          disagreements.add(Integer.toHexString(c) + " vs " + word);
        }
      }
    }
    // THEN
    then(disagreements).isEmpty();
  }

  @Test
  void should_match_words_ignoring_case_when_the_text_mixes_scripts() {
    // GIVEN
    String text = "정답은 ANSWER is 또는 Final";
    // WHEN
    boolean answer = OptionToken.matchesIgnoreCase(text, 4, "answer");
    boolean is = OptionToken.matchesIgnoreCase(text, 10, " IS ");
    boolean or = OptionToken.matchesIgnoreCase(text, 14, "또는");
    boolean shifted = OptionToken.matchesIgnoreCase(text, 5, "answer");
    // THEN
    then(List.of(answer, is, or, shifted)).containsExactly(true, true, true, false);
  }

  @Test
  void should_not_match_when_the_word_runs_past_either_end() {
    // GIVEN
    String text = "final";
    // WHEN
    boolean before = OptionToken.matchesIgnoreCase(text, -1, "final");
    boolean after = OptionToken.matchesIgnoreCase(text, 1, "final");
    boolean whole = OptionToken.matchesIgnoreCase(text, 0, "FINAL");
    // THEN
    then(List.of(before, after, whole)).containsExactly(false, false, true);
  }
}
