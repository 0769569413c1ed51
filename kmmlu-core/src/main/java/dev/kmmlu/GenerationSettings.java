package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The decoding parameters sent with a prompt: token budget, temperature, top-p, stop sequences and
 * an optional seed. Immutable and thread-safe; each wither returns a copy (or this when unchanged).
 *
 * <p>The defaults are greedy decoding ({@code temperature} 0, {@code topP} 1) with a budget of
 * {@value #DEFAULT_MAX_TOKENS} tokens, no stop sequences and no seed. 4,096 tokens is enough for
 * the chain-of-thought replies of ordinary instruction-tuned models; reasoning models need more,
 * see {@link #paperReasoning()}.
 */
public final class GenerationSettings {
  /** The default token budget of a reply. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  /** The token budget of {@link #paperReasoning()}. */
  public static final int REASONING_MAX_TOKENS = 32768;

  private static final GenerationSettings DEFAULTS =
      new GenerationSettings(DEFAULT_MAX_TOKENS, 0.0, 1.0, List.of(), null);

  private final int maxTokens;
  private final double temperature;
  private final double topP;
  private final List<String> stop;
  private final Long seed;

  private GenerationSettings(
      int maxTokens, double temperature, double topP, List<String> stop, Long seed) {
    this.maxTokens = maxTokens;
    this.temperature = temperature;
    this.topP = topP;
    this.stop = stop;
    this.seed = seed;
  }

  /** Returns the default settings: greedy, 4,096 tokens, no stop sequences, no seed. */
  public static GenerationSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the settings the KMMLU-Redux/Pro paper used for ordinary models: greedy decoding
   * (temperature 0, top-p 1) with the default budget of 4,096 tokens.
   */
  public static GenerationSettings paperGreedy() {
    return DEFAULTS;
  }

  /**
   * Returns the settings the KMMLU-Redux/Pro paper used for reasoning models: temperature 0.6 and
   * top-p 0.95. The paper does not state a token budget; this preset allows {@value
   * #REASONING_MAX_TOKENS} tokens so that long reasoning is rarely cut off.
   */
  public static GenerationSettings paperReasoning() {
    return new GenerationSettings(REASONING_MAX_TOKENS, 0.6, 0.95, List.of(), null);
  }

  /** Returns the maximum number of tokens the reply may have. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Returns the sampling temperature; 0 means greedy decoding. */
  public double temperature() {
    return temperature;
  }

  /** Returns the nucleus-sampling probability mass. */
  public double topP() {
    return topP;
  }

  /** Returns the sequences that end generation; empty means none. */
  public List<String> stop() {
    return stop;
  }

  /** Returns the sampling seed, if one is set. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /**
   * Returns a copy with the token budget {@code maxTokens}.
   *
   * @throws IllegalArgumentException if maxTokens is not positive
   */
  public GenerationSettings withMaxTokens(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("max tokens must be positive, but was " + maxTokens);
    }
    return maxTokens == this.maxTokens
        ? this
        : new GenerationSettings(maxTokens, temperature, topP, stop, seed);
  }

  /**
   * Returns a copy with the sampling temperature {@code temperature}.
   *
   * @throws IllegalArgumentException if temperature is not between 0 and 2
   */
  public GenerationSettings withTemperature(double temperature) {
    if (!(temperature >= 0.0 && temperature <= 2.0)) {
      throw new IllegalArgumentException(
          "temperature must be between 0 and 2, but was " + temperature);
    }
    return temperature == this.temperature
        ? this
        : new GenerationSettings(maxTokens, temperature, topP, stop, seed);
  }

  /**
   * Returns a copy with the nucleus-sampling mass {@code topP}.
   *
   * @throws IllegalArgumentException if topP is not greater than 0 and at most 1
   */
  public GenerationSettings withTopP(double topP) {
    if (!(topP > 0.0 && topP <= 1.0)) {
      throw new IllegalArgumentException("top p must be in (0, 1], but was " + topP);
    }
    return topP == this.topP
        ? this
        : new GenerationSettings(maxTokens, temperature, topP, stop, seed);
  }

  /** Returns a copy with the stop sequences {@code stop}. */
  public GenerationSettings withStop(List<String> stop) {
    List<String> copy = List.copyOf(requireNonNull(stop, "stop"));
    return copy.equals(this.stop)
        ? this
        : new GenerationSettings(maxTokens, temperature, topP, copy, seed);
  }

  /** Returns a copy that asks the server to sample with {@code seed}. */
  public GenerationSettings withSeed(long seed) {
    return this.seed != null && this.seed == seed
        ? this
        : new GenerationSettings(maxTokens, temperature, topP, stop, seed);
  }

  /** Returns a copy without a seed. */
  public GenerationSettings withoutSeed() {
    return seed == null ? this : new GenerationSettings(maxTokens, temperature, topP, stop, null);
  }

  /**
   * Returns the SHA-256 (lower-case hex) of this object's canonical JSON, {@code
   * {"max_tokens":4096,"temperature":0.0,"top_p":1.0,"stop":[],"seed":null}}: fields in that order,
   * numbers as Java writes doubles. Equal settings have equal hashes across runs and machines.
   */
  public String hash() {
    return Sha256.hex(Json.write(toJson()));
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("max_tokens", maxTokens);
    node.put("temperature", temperature);
    node.put("top_p", topP);
    ArrayNode stops = node.putArray("stop");
    stop.forEach(stops::add);
    if (seed == null) {
      node.putNull("seed");
    } else {
      node.put("seed", seed.longValue());
    }
    return node;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof GenerationSettings)) {
      return false;
    }
    GenerationSettings that = (GenerationSettings) other;
    return maxTokens == that.maxTokens
        && Double.compare(temperature, that.temperature) == 0
        && Double.compare(topP, that.topP) == 0
        && stop.equals(that.stop)
        && Objects.equals(seed, that.seed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxTokens, temperature, topP, stop, seed);
  }

  @Override
  public String toString() {
    return "GenerationSettings{maxTokens="
        + maxTokens
        + ", temperature="
        + temperature
        + ", topP="
        + topP
        + ", stop="
        + stop
        + (seed == null ? "" : ", seed=" + seed)
        + "}";
  }
}
