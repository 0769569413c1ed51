package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {
  @ParameterizedTest
  @CsvSource({"PASSED, PASS", "FAILED, FAIL", "NO_RULE, NO RULE", "NO_DATA, NO DATA"})
  void should_give_the_label_reports_show_when_asked_for_a_status_label(
      Verdict.Status status, String label) {
    // WHEN
    String shown = status.label();
    // THEN
    then(shown).isEqualTo(label);
  }
}
