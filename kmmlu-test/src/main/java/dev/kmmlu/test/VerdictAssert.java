package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.scoring.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a licensure {@link Verdict}; get one from {@link
 * KmmluAssertions#assertThat(Verdict)}. Failure messages show the verdict's summary and reasons.
 *
 * <pre>{@code
 * assertThat(verdict).failed().hasReasonContaining("약리학");
 * }</pre>
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

  VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  /** Verifies that the exam is passed ({@link Verdict.Status#PASSED}). */
  public VerdictAssert passed() {
    isNotNull();
    if (!actual.passed()) {
      failWithMessage(
          "%nExpecting verdict for %s to be passed%nbut was:%n  %s%nsummary:%n  %s%nreasons:%n  %s",
          actual.displayName(), actual.status(), actual.summary(), actual.reasons());
    }
    return this;
  }

  /** Verifies that the exam is failed ({@link Verdict.Status#FAILED}). */
  public VerdictAssert failed() {
    return hasStatus(Verdict.Status.FAILED);
  }

  /** Verifies that the verdict's status is {@code expected}. */
  public VerdictAssert hasStatus(Verdict.Status expected) {
    requireNonNull(expected, "expected");
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage(
          "%nExpecting verdict for %s to have status:%n  %s%nbut was:%n  %s%nsummary:%n  %s"
              + "%nreasons:%n  %s",
          actual.displayName(), expected, actual.status(), actual.summary(), actual.reasons());
    }
    return this;
  }

  /** Verifies that at least one of the verdict's reasons contains {@code text}. */
  public VerdictAssert hasReasonContaining(String text) {
    requireNonNull(text, "text");
    isNotNull();
    if (actual.reasons().stream().noneMatch(reason -> reason.contains(text))) {
      failWithMessage(
          "%nExpecting verdict for %s to have a reason containing:%n  %s%nbut its reasons were:%n"
              + "  %s",
          actual.displayName(), text, actual.reasons());
    }
    return this;
  }
}
