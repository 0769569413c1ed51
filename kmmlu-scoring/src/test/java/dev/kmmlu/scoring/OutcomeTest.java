package dev.kmmlu.scoring;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Question;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  private final Question question = Fixtures.question("약사", "약리학");

  @Test
  void should_grade_correct_when_extraction_found_the_gold_option() {
    // GIVEN
    Extraction extraction = Extraction.found(Choice.B, ExtractionStatus.STRICT, 3, 4);
    // WHEN
    Outcome outcome = Outcome.grade(question, extraction);
    // THEN
    then(outcome).isEqualTo(new Outcome.Correct(question, extraction));
    then(outcome.isCorrect()).isTrue();
    then(outcome.kind()).isEqualTo("correct");
    then(outcome.findExtraction()).contains(extraction);
  }

  @Test
  void should_grade_incorrect_when_extraction_found_another_option() {
    // GIVEN
    Extraction extraction = Extraction.found(Choice.D, ExtractionStatus.LENIENT, 0, 1);
    // WHEN
    Outcome outcome = Outcome.grade(question, extraction);
    // THEN
    then(outcome).isEqualTo(new Outcome.Incorrect(question, extraction));
    then(outcome.isCorrect()).isFalse();
    then(outcome.kind()).isEqualTo("incorrect");
  }

  @Test
  void should_grade_unparsed_when_extraction_found_no_option() {
    // GIVEN
    Extraction extraction = Extraction.none(ExtractionStatus.TRUNCATED);
    // WHEN
    Outcome outcome = Outcome.grade(question, extraction);
    // THEN
    then(outcome).isEqualTo(new Outcome.Unparsed(question, extraction));
    then(outcome.isCorrect()).isFalse();
    then(outcome.kind()).isEqualTo("unparsed");
  }

  @Test
  void should_hold_reason_and_no_extraction_when_failed() {
    // WHEN
    Outcome outcome = Outcome.failed(question, "timeout");
    // THEN
    then(outcome).isEqualTo(new Outcome.Failed(question, "timeout"));
    then(outcome.findExtraction()).isEmpty();
    then(outcome.isCorrect()).isFalse();
    then(outcome.kind()).isEqualTo("failed");
  }

  @Test
  void should_reject_correct_when_extraction_chose_another_option() {
    // GIVEN
    Extraction extraction = Extraction.found(Choice.A, ExtractionStatus.STRICT, 0, 1);
    // WHEN
    Throwable thrown = catchThrowable(() -> new Outcome.Correct(question, extraction));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extraction must choose the answer B, but was Extraction{A, STRICT, [0, 1)}");
  }

  @Test
  void should_reject_incorrect_when_extraction_chose_the_answer() {
    // GIVEN
    Extraction extraction = Extraction.found(Choice.B, ExtractionStatus.STRICT, 0, 1);
    // WHEN
    Throwable thrown = catchThrowable(() -> new Outcome.Incorrect(question, extraction));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "extraction must choose an option other than B, but was Extraction{B, STRICT, [0, 1)}");
  }

  @Test
  void should_reject_unparsed_when_extraction_found_an_option() {
    // GIVEN
    Extraction extraction = Extraction.found(Choice.B, ExtractionStatus.STRICT, 0, 1);
    // WHEN
    Throwable thrown = catchThrowable(() -> new Outcome.Unparsed(question, extraction));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "extraction must have status UNPARSED, EMPTY or TRUNCATED, but was "
                + "Extraction{B, STRICT, [0, 1)}");
  }

  @Test
  void should_reject_failed_when_reason_is_blank() {
    // WHEN
    Throwable thrown = catchThrowable(() -> Outcome.failed(question, " "));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason must not be blank, but was \" \"");
  }

  @Test
  void should_reject_null_question() {
    // WHEN
    Throwable thrown =
        catchThrowable(() -> Outcome.grade(null, Extraction.none(ExtractionStatus.EMPTY)));
    // THEN
    then(thrown).isInstanceOf(NullPointerException.class).hasMessage("question");
  }
}
