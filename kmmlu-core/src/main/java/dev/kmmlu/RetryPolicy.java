package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a model adapter retries transient failures: at most {@link #maxAttempts()} requests, waiting
 * between them with exponential backoff and jitter. Immutable and thread-safe; each wither returns
 * a copy (or this when unchanged).
 *
 * <p>The wait before retry {@code n} (n = 1 after the first failed attempt) is {@code b * (1 - j *
 * u)}, where {@code b = min(maxDelay, initialDelay * multiplier^(n-1))}, {@code j} is {@link
 * #jitter()} and {@code u} is drawn uniformly from [0, 1). When the server sends {@code
 * Retry-After}, the adapter waits what it asks instead, capped at {@link #maxDelay()}.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2, null);

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final Long jitterSeed;

  private RetryPolicy(
      int maxAttempts,
      Duration initialDelay,
      Duration maxDelay,
      double multiplier,
      double jitter,
      Long jitterSeed) {
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.jitterSeed = jitterSeed;
  }

  /**
   * Returns the default policy: 6 attempts, an initial delay of 1 s doubling up to 60 s, jitter 0.2
   * (each wait shortened by up to 20%), unseeded.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy that never retries: one attempt. */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxAttempts(1);
  }

  /** Returns the most requests made for one prompt, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the wait before the first retry, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Returns the longest wait between attempts, including waits a server asks for. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the factor by which each wait grows. */
  public double multiplier() {
    return multiplier;
  }

  /** Returns the largest fraction by which jitter shortens a wait, in [0, 1]. */
  public double jitter() {
    return jitter;
  }

  /** Returns the seed of the jitter's random draws, if one is set; otherwise they are unseeded. */
  public OptionalLong jitterSeed() {
    return jitterSeed == null ? OptionalLong.empty() : OptionalLong.of(jitterSeed);
  }

  /**
   * Returns a copy that makes at most {@code maxAttempts} requests.
   *
   * @throws IllegalArgumentException if maxAttempts is less than 1
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be positive, but was " + maxAttempts);
    }
    return maxAttempts == this.maxAttempts
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  /**
   * Returns a copy whose first retry waits {@code initialDelay}.
   *
   * @throws IllegalArgumentException if initialDelay is negative
   */
  public RetryPolicy withInitialDelay(Duration initialDelay) {
    requireNonNull(initialDelay, "initialDelay");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "initial delay must not be negative, but was " + initialDelay);
    }
    return initialDelay.equals(this.initialDelay)
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  /**
   * Returns a copy that never waits longer than {@code maxDelay}.
   *
   * @throws IllegalArgumentException if maxDelay is negative
   */
  public RetryPolicy withMaxDelay(Duration maxDelay) {
    requireNonNull(maxDelay, "maxDelay");
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("max delay must not be negative, but was " + maxDelay);
    }
    return maxDelay.equals(this.maxDelay)
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  /**
   * Returns a copy whose waits grow by {@code multiplier}.
   *
   * @throws IllegalArgumentException if multiplier is less than 1 or not finite
   */
  public RetryPolicy withMultiplier(double multiplier) {
    if (!(multiplier >= 1.0 && Double.isFinite(multiplier))) {
      throw new IllegalArgumentException("multiplier must be at least 1, but was " + multiplier);
    }
    return multiplier == this.multiplier
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  /**
   * Returns a copy whose jitter shortens each wait by up to the fraction {@code jitter}.
   *
   * @throws IllegalArgumentException if jitter is not between 0 and 1
   */
  public RetryPolicy withJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, but was " + jitter);
    }
    return jitter == this.jitter
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  /** Returns a copy whose jitter draws from a generator seeded with {@code seed}. */
  public RetryPolicy withJitterSeed(long seed) {
    return jitterSeed != null && jitterSeed == seed
        ? this
        : new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, seed);
  }

  /**
   * Returns the wait before retry {@code retry} (1 after the first failed attempt), given a uniform
   * draw {@code random} in [0, 1).
   *
   * @throws IllegalArgumentException if retry is less than 1 or random is outside [0, 1)
   */
  public Duration delay(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be positive, but was " + retry);
    }
    if (!(random >= 0.0 && random < 1.0)) {
      throw new IllegalArgumentException("random must be in [0, 1), but was " + random);
    }
    double base = initialDelay.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, maxDelay.toNanos());
    return Duration.ofNanos(Math.round(capped * (1.0 - jitter * random)));
  }

  /** Returns the wait a server asked for ({@code Retry-After}), capped at {@link #maxDelay()}. */
  public Duration serverDelay(Duration requested) {
    requireNonNull(requested, "requested");
    if (requested.isNegative()) {
      return Duration.ZERO;
    }
    return requested.compareTo(maxDelay) > 0 ? maxDelay : requested;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) other;
    return maxAttempts == that.maxAttempts
        && initialDelay.equals(that.initialDelay)
        && maxDelay.equals(that.maxDelay)
        && Double.compare(multiplier, that.multiplier) == 0
        && Double.compare(jitter, that.jitter) == 0
        && Objects.equals(jitterSeed, that.jitterSeed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, maxDelay, multiplier, jitter, jitterSeed);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialDelay="
        + initialDelay
        + ", maxDelay="
        + maxDelay
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + (jitterSeed == null ? "" : ", jitterSeed=" + jitterSeed)
        + "}";
  }
}
