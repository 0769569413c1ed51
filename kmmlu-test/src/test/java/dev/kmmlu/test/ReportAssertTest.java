package dev.kmmlu.test;

import static dev.kmmlu.test.KmmluAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.Kmmlu;
import dev.kmmlu.Report;
import dev.kmmlu.datasets.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportAssertTest {
  private static Report report;

  @BeforeAll
  static void evaluate() {
    // 약사: all 8 right; 변호사: 2 of 8 right (gold cycles A-D, the model answers A).
    Dataset dataset =
        TestDatasets.pro()
            .licence("약사").subject("약리학", 4).subject("보건의약관계법규", 4)
            .licence("변호사").subject("민법", 8)
            .goldCycling()
            .buildDataset();
    ScriptedModel model =
        ScriptedModel.builder()
            .id("test:half")
            .otherwise(
                prompt -> {
                  String group = prompt.question().orElseThrow().group();
                  return dev.kmmlu.Reply.of(
                      group.equals("약사")
                          ? "정답: " + prompt.question().orElseThrow().answer().letter()
                          : "정답: A");
                })
            .build();
    report = Kmmlu.pro().withDataset(dataset).withoutJournal().evaluate(model);
  }

  @Test
  void should_pass_when_the_report_matches() {
    // WHEN / THEN
    assertThat(report)
        .hasQuestions(16)
        .hasCorrect(10)
        .hasUnparsed(0)
        .hasMicroAccuracy(0.625, within(1e-9))
        .passes("약사")
        .fails("변호사")
        .hasPassedCount(1)
        .hasNoFailedItems();
  }

  @Test
  void should_show_the_counts_when_the_accuracy_is_off() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(report).hasMicroAccuracy(0.75, within(0.01)));
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "%nExpecting MICRO accuracy of report for test:half:%n  0.625%nto be close to:%n  0.75%n"
                + "within 0.01 but difference was 0.125%n(10 correct of 16 questions, 0 unparsed, 0"
                + " failed)",
            new Object[0]);
  }

  @Test
  void should_show_the_reasons_when_a_failed_licence_is_expected_to_pass() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(report).passes("Lawyer"));
    // THEN
    then(thrown)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            String.format("%nExpecting report for test:half to pass 변호사 (Lawyer)%nbut it was FAILED:%n  "))
        .hasMessageContaining(report.verdict("변호사").orElseThrow().reasons().get(0));
  }

  @Test
  void should_show_the_status_when_a_licence_without_data_is_expected_to_pass() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(report).passes("의사"));
    // THEN
    then(thrown)
        .hasMessage(
            "%nExpecting report for test:half to pass 의사 (Physician)%nbut it was NO_DATA:%n"
                + "  의사 (Physician): no data, not counted as passed%nreasons:%n"
                + "  [questions 0, scored 0, correct 0, accuracy n/a, no scored question for this"
                + " licence; not counted as passed]",
            new Object[0]);
  }

  @Test
  void should_list_the_verdicts_when_the_licence_has_none() {
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(report).fails("수의사"));
    // THEN
    then(thrown)
        .hasMessageStartingWith(
            String.format(
                "%nExpecting report for test:half to have a verdict for 수의사%nbut its verdicts"
                    + " were:%n  [법무사 (Certified Judicial Scrivener): no data"))
        .hasMessageContaining("변호사 (Lawyer): failed, 민법 25.0% < 40% floor");
  }
}
