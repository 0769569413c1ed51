package dev.kmmlu;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  @Test
  void should_use_the_documented_defaults() {
    // WHEN
    RetryPolicy policy = RetryPolicy.defaults();
    // THEN
    then(policy.maxAttempts()).isEqualTo(6);
    then(policy.initialDelay()).isEqualTo(Duration.ofSeconds(1));
    then(policy.maxDelay()).isEqualTo(Duration.ofSeconds(60));
    then(policy.multiplier()).isEqualTo(2.0);
    then(policy.jitter()).isEqualTo(0.2);
    then(policy.jitterSeed()).isEmpty();
    then(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 0.0, 1000",
    "2, 0.0, 2000",
    "3, 0.0, 4000",
    "7, 0.0, 60000",
    "2, 0.5, 1800",
    "1, 0.999, 800.2"
  })
  void should_back_off_exponentially_with_jitter_when_retrying(
      int retry, double random, double millis) {
    // GIVEN
    RetryPolicy policy = RetryPolicy.defaults();
    // WHEN
    Duration delay = policy.delay(retry, random);
    // THEN
    then(delay).isEqualTo(Duration.ofNanos(Math.round(millis * 1_000_000)));
  }

  @Test
  void should_cap_a_server_delay_at_the_max_delay() {
    // GIVEN
    RetryPolicy policy = RetryPolicy.defaults().withMaxDelay(Duration.ofSeconds(30));
    // THEN
    then(policy.serverDelay(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(30));
    then(policy.serverDelay(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    then(policy.serverDelay(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
  }

  @Test
  void should_reject_jitter_above_one() {
    // WHEN
    Throwable thrown = catchThrowable(() -> RetryPolicy.defaults().withJitter(1.5));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be between 0 and 1, but was 1.5");
  }

  @Test
  void should_reject_zero_attempts() {
    // WHEN
    Throwable thrown = catchThrowable(() -> RetryPolicy.defaults().withMaxAttempts(0));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max attempts must be positive, but was 0");
  }
}
