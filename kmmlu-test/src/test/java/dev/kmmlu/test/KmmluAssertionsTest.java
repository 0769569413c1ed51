package dev.kmmlu.test;

import static dev.kmmlu.test.KmmluAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmmluAssertionsTest {
  private static final Extraction FOUND_B = Extraction.found(Choice.B, ExtractionStatus.STRICT, 4, 5);
  private static final Extraction EMPTY = Extraction.none(ExtractionStatus.EMPTY);

  @Test
  void should_pass_when_the_extraction_matches() {
    // WHEN / THEN
    assertThat(FOUND_B).hasChoice(Choice.B).hasStatus(ExtractionStatus.STRICT);
    assertThat(EMPTY).hasNoChoice().hasStatus(ExtractionStatus.EMPTY);
  }

  @Test
  void should_show_both_choices_when_the_choice_differs() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(FOUND_B).hasChoice(Choice.C));
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "%nExpecting extraction:%n  Extraction{B, STRICT, [4, 5)}%nto have choice:%n  C%nbut had"
                + " choice:%n  B",
            new Object[0]);
  }

  @Test
  void should_show_the_status_when_a_choice_is_expected_but_none_was_found() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(EMPTY).hasChoice(Choice.A));
    // THEN
    then(thrown)
        .hasMessage(
            "%nExpecting extraction:%n  Extraction{EMPTY}%nto have choice:%n  A%nbut found no"
                + " choice (status EMPTY)",
            new Object[0]);
  }

  @Test
  void should_fail_when_a_choice_was_found_but_none_expected() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(FOUND_B).hasNoChoice());
    // THEN
    then(thrown)
        .hasMessage(
            "%nExpecting extraction:%n  Extraction{B, STRICT, [4, 5)}%nto have no choice%nbut had"
                + " choice:%n  B",
            new Object[0]);
  }

  @Test
  void should_fail_when_the_status_differs() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(FOUND_B).hasStatus(ExtractionStatus.LENIENT));
    // THEN
    then(thrown)
        .hasMessage(
            "%nExpecting extraction:%n  Extraction{B, STRICT, [4, 5)}%nto have status:%n  LENIENT%n"
                + "but was:%n  STRICT",
            new Object[0]);
  }

  private static final Verdict FAILED =
      new Verdict(
          "약사",
          "Pharmacist",
          Verdict.Status.FAILED,
          20,
          9,
          Estimate.ofProportion(9, 20),
          List.of(),
          List.of("약리학 35.0% < 40% floor"),
          "약사 (Pharmacist): failed, 약리학 35.0% < 40% floor");

  @Test
  void should_pass_when_the_verdict_matches() {
    // WHEN / THEN
    assertThat(FAILED).failed().hasReasonContaining("약리학 35.0%");
  }

  @Test
  void should_show_summary_and_reasons_when_a_failed_verdict_is_expected_to_pass() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(FAILED).passed());
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "%nExpecting verdict for 약사 (Pharmacist) to be passed%nbut was:%n  FAILED%nsummary:%n"
                + "  약사 (Pharmacist): failed, 약리학 35.0%% < 40%% floor%nreasons:%n"
                + "  [약리학 35.0%% < 40%% floor]",
            new Object[0]);
  }

  @Test
  void should_list_the_reasons_when_none_contains_the_text() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(FAILED).hasReasonContaining("평균"));
    // THEN
    then(thrown)
        .hasMessage(
            "%nExpecting verdict for 약사 (Pharmacist) to have a reason containing:%n  평균%nbut its"
                + " reasons were:%n  [약리학 35.0%% < 40%% floor]",
            new Object[0]);
  }
}
