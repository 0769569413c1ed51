package dev.kmmlu.test;

import dev.kmmlu.Report;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.Verdict;

/**
 * The entry point of AssertJ assertions on this library's values. Import it statically beside
 * AssertJ's own {@code Assertions.assertThat}; Java resolves the overloads of both.
 *
 * <pre>{@code
 * import static dev.kmmlu.test.KmmluAssertions.assertThat;
 *
 * assertThat(extraction).hasChoice(Choice.B);
 * }</pre>
 */
public final class KmmluAssertions {
  private KmmluAssertions() {}

  /** Returns assertions on {@code actual}. */
  public static ExtractionAssert assertThat(Extraction actual) {
    return new ExtractionAssert(actual);
  }

  /** Returns assertions on {@code actual}. */
  public static ReportAssert assertThat(Report actual) {
    return new ReportAssert(actual);
  }

  /** Returns assertions on {@code actual}. */
  public static VerdictAssert assertThat(Verdict actual) {
    return new VerdictAssert(actual);
  }
}
