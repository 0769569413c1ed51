package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.Report;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Verdict;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;

/**
 * Assertions on an evaluation {@link Report}; get one from {@link
 * KmmluAssertions#assertThat(Report)}. Failure messages show the numbers and the verdicts' reasons.
 *
 * <pre>{@code
 * assertThat(report)
 *     .hasMicroAccuracy(0.75, within(0.01))
 *     .passes("약사")
 *     .fails("변호사")
 *     .hasNoFailedItems();
 * }</pre>
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {

  ReportAssert(Report actual) {
    super(actual, ReportAssert.class);
  }

  /** Verifies that the micro accuracy (share of all items) is {@code expected} within {@code offset}. */
  public ReportAssert hasMicroAccuracy(double expected, Offset<Double> offset) {
    return hasAccuracy(Average.MICRO, expected, offset);
  }

  /** Verifies that the macro accuracy (mean over groups) is {@code expected} within {@code offset}. */
  public ReportAssert hasMacroAccuracy(double expected, Offset<Double> offset) {
    return hasAccuracy(Average.MACRO, expected, offset);
  }

  /** Verifies that the accuracy by {@code average} is {@code expected} within {@code offset}. */
  public ReportAssert hasAccuracy(Average average, double expected, Offset<Double> offset) {
    requireNonNull(average, "average");
    requireNonNull(offset, "offset");
    isNotNull();
    double value = actual.accuracy(average).value();
    if (!(Math.abs(value - expected) <= offset.value)) {
      failWithMessage(
          "%nExpecting %s accuracy of report for %s:%n  %s%nto be close to:%n  %s%nwithin %s but"
              + " difference was %s%n(%s correct of %s questions, %s unparsed, %s failed)",
          average,
          actual.model(),
          value,
          expected,
          offset.value,
          Math.abs(value - expected),
          actual.correct(),
          actual.questions(),
          actual.unparsed(),
          actual.failed());
    }
    return this;
  }

  /** Verifies that the report's verdict for {@code licence} (Korean, alias or English) is passed. */
  public ReportAssert passes(String licence) {
    Verdict verdict = verdictFor(licence);
    if (!verdict.passed()) {
      failWithMessage(
          "%nExpecting report for %s to pass %s%nbut it was %s:%n  %s%nreasons:%n  %s",
          actual.model(),
          verdict.displayName(),
          verdict.status(),
          verdict.summary(),
          verdict.reasons());
    }
    return this;
  }

  /** Verifies that the report's verdict for {@code licence} is failed. */
  public ReportAssert fails(String licence) {
    Verdict verdict = verdictFor(licence);
    if (verdict.status() != Verdict.Status.FAILED) {
      failWithMessage(
          "%nExpecting report for %s to fail %s%nbut it was %s:%n  %s%nreasons:%n  %s",
          actual.model(),
          verdict.displayName(),
          verdict.status(),
          verdict.summary(),
          verdict.reasons());
    }
    return this;
  }

  /** Verifies that the model passed exactly {@code expected} licences. */
  public ReportAssert hasPassedCount(int expected) {
    isNotNull();
    if (actual.passedCount() != expected) {
      failWithMessage(
          "%nExpecting report for %s to pass %s licences%nbut it passed %s:%n  %s",
          actual.model(), expected, actual.passedCount(), summaries());
    }
    return this;
  }

  /** Verifies that no model call failed. */
  public ReportAssert hasNoFailedItems() {
    isNotNull();
    if (actual.failed() != 0) {
      failWithMessage(
          "%nExpecting report for %s to have no failed items%nbut %s of %s questions failed",
          actual.model(), actual.failed(), actual.questions());
    }
    return this;
  }

  /** Verifies that the report counts {@code expected} questions. */
  public ReportAssert hasQuestions(int expected) {
    return hasCount("questions", actual == null ? 0 : actual.questions(), expected);
  }

  /** Verifies that {@code expected} questions were answered correctly. */
  public ReportAssert hasCorrect(int expected) {
    return hasCount("correct answers", actual == null ? 0 : actual.correct(), expected);
  }

  /** Verifies that {@code expected} replies could not be parsed. */
  public ReportAssert hasUnparsed(int expected) {
    return hasCount("unparsed replies", actual == null ? 0 : actual.unparsed(), expected);
  }

  private ReportAssert hasCount(String what, int value, int expected) {
    isNotNull();
    if (value != expected) {
      failWithMessage(
          "%nExpecting report for %s to have %s %s%nbut had %s", actual.model(), expected, what,
          value);
    }
    return this;
  }

  private Verdict verdictFor(String licence) {
    requireNonNull(licence, "licence");
    isNotNull();
    Optional<Verdict> verdict = actual.verdict(licence);
    if (verdict.isEmpty()) {
      failWithMessage(
          "%nExpecting report for %s to have a verdict for %s%nbut its verdicts were:%n  %s",
          actual.model(), licence, summaries());
    }
    return verdict.get();
  }

  private String summaries() {
    return actual.verdicts().stream().map(Verdict::summary).collect(Collectors.toList()).toString();
  }
}
