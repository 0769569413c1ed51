package dev.kmmlu.scoring;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void should_compute_binomial_error_and_wilson_interval_when_7_of_10() {
    // GIVEN p = 0.7, n = 10, z = 1.959964, z^2 = 3.841459
    // SE = sqrt(0.7 * 0.3 / 10) = sqrt(0.021) = 0.144914
    // Wilson: centre = (0.7 + z^2/20) / (1 + z^2/10) = 0.892073 / 1.384146 = 0.644493
    //         half = z / 1.384146 * sqrt(0.021 + z^2/400) = 1.416011 * 0.174939 = 0.247716
    //         [0.396777, 0.892209] (published tables: 0.3968 to 0.8922)
    // WHEN
    Estimate estimate = Estimate.ofProportion(7, 10);
    // THEN
    then(estimate.value()).isEqualTo(0.7);
    then(estimate.count()).isEqualTo(10);
    then(estimate.standardError()).isCloseTo(0.144914, within(1e-6));
    then(estimate.lower()).isCloseTo(0.3968, within(1e-4));
    then(estimate.upper()).isCloseTo(0.8922, within(1e-4));
  }

  @Test
  void should_keep_wilson_interval_inside_unit_range_when_all_correct() {
    // GIVEN 10 of 10: Wilson lower = 10 / (10 + z^2) = 10 / 13.841459 = 0.722467, upper = 1
    // WHEN
    Estimate estimate = Estimate.ofProportion(10, 10);
    // THEN
    then(estimate.standardError()).isEqualTo(0.0);
    then(estimate.lower()).isCloseTo(0.722467, within(1e-6));
    then(estimate.upper()).isEqualTo(1.0);
  }

  @Test
  void should_keep_wilson_interval_non_degenerate_when_all_wrong() {
    // GIVEN 0 of 10: Wilson upper = z^2 / (10 + z^2) = 3.841459 / 13.841459 = 0.2775328 (python3),
    // lower exactly 0, SE 0
    // WHEN
    Estimate estimate = Estimate.ofProportion(0, 10);
    // THEN
    then(estimate.standardError()).isEqualTo(0.0);
    then(estimate.lower()).isEqualTo(0.0);
    then(estimate.upper()).isCloseTo(0.2775328, within(1e-7));
  }

  @Test
  void should_give_wald_interval_when_confidence_interval_is_asked() {
    // GIVEN 0.7 +- 1.959964 * 0.144914 = 0.7 +- 0.284026
    Estimate estimate = Estimate.ofProportion(7, 10);
    // WHEN
    Estimate.Interval interval = estimate.confidenceInterval(0.95);
    // THEN
    then(interval.lower()).isCloseTo(0.415974, within(1e-6));
    then(interval.upper()).isCloseTo(0.984026, within(1e-6));
    then(interval.level()).isEqualTo(0.95);
  }

  @Test
  void should_widen_interval_when_level_rises() {
    // GIVEN z(0.99) = 2.575829: 0.7 +- 2.575829 * 0.144914 = 0.7 +- 0.373274
    Estimate estimate = Estimate.ofProportion(7, 10);
    // WHEN
    Estimate.Interval interval = estimate.confidenceInterval(0.99);
    Estimate.Interval wilson = estimate.wilsonInterval(0.95);
    // THEN
    then(interval.lower()).isCloseTo(0.326726, within(1e-6));
    then(wilson.lower()).isEqualTo(estimate.lower());
    then(wilson.upper()).isEqualTo(estimate.upper());
  }

  @Test
  void should_be_nan_when_count_is_zero() {
    // WHEN
    Estimate estimate = Estimate.ofProportion(0, 0);
    // THEN
    then(estimate).isEqualTo(Estimate.empty());
    then(estimate.value()).isNaN();
    then(estimate.count()).isZero();
  }

  @Test
  void should_reject_level_outside_unit_range() {
    // WHEN
    Throwable thrown = catchThrowable(() -> Estimate.ofProportion(1, 2).confidenceInterval(95));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be between 0 and 1, but was 95.0");
  }

  @Test
  void should_reject_successes_above_count() {
    // WHEN
    Throwable thrown = catchThrowable(() -> Estimate.ofProportion(11, 10));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("successes must be between 0 and 10, but was 11");
  }

  @Test
  void should_reject_negative_standard_error() {
    // WHEN
    Throwable thrown = catchThrowable(() -> new Estimate(0.5, -0.1, 4, 0.2, 0.8));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("standard error must not be negative, but was -0.1");
  }
}
