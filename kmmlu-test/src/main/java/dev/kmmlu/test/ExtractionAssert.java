package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Choice;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionStatus;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link Extraction}; get one from {@link KmmluAssertions#assertThat(Extraction)}.
 *
 * <pre>{@code
 * assertThat(extractor.extract(input)).hasChoice(Choice.B).hasStatus(ExtractionStatus.STRICT);
 * assertThat(extractor.extract(blank)).hasNoChoice().hasStatus(ExtractionStatus.EMPTY);
 * }</pre>
 */
public final class ExtractionAssert extends AbstractAssert<ExtractionAssert, Extraction> {

  ExtractionAssert(Extraction actual) {
    super(actual, ExtractionAssert.class);
  }

  /** Verifies that the extraction found {@code expected}. */
  public ExtractionAssert hasChoice(Choice expected) {
    requireNonNull(expected, "expected");
    isNotNull();
    if (actual.choice().isEmpty()) {
      failWithMessage(
          "%nExpecting extraction:%n  %s%nto have choice:%n  %s%nbut found no choice (status %s)",
          actual, expected, actual.status());
    }
    if (actual.choice().get() != expected) {
      failWithMessage(
          "%nExpecting extraction:%n  %s%nto have choice:%n  %s%nbut had choice:%n  %s",
          actual, expected, actual.choice().get());
    }
    return this;
  }

  /** Verifies that the extraction's status is {@code expected}. */
  public ExtractionAssert hasStatus(ExtractionStatus expected) {
    requireNonNull(expected, "expected");
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage(
          "%nExpecting extraction:%n  %s%nto have status:%n  %s%nbut was:%n  %s",
          actual, expected, actual.status());
    }
    return this;
  }

  /** Verifies that the extraction found no choice. */
  public ExtractionAssert hasNoChoice() {
    isNotNull();
    if (actual.choice().isPresent()) {
      failWithMessage(
          "%nExpecting extraction:%n  %s%nto have no choice%nbut had choice:%n  %s",
          actual, actual.choice().get());
    }
    return this;
  }
}
