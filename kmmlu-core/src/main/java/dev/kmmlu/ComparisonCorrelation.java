package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.scoring.Correlation;
import java.util.List;

/**
 * One rank correlation a {@link Comparison} computed: what was compared, the paired keys, and
 * Spearman's rho and Kendall's tau-b over them. Immutable.
 *
 * @param description what was compared, such as {@code "models' kmmlu-redux vs kmmlu-pro scores"}
 * @param first the first side's label (a benchmark slug or a model id)
 * @param second the second side's label
 * @param keys what each pair is (model ids, or group names), in pair order
 * @param spearman Spearman's rho over the pairs
 * @param kendall Kendall's tau-b over the pairs
 */
public record ComparisonCorrelation(
    String description,
    String first,
    String second,
    List<String> keys,
    Correlation spearman,
    Correlation kendall) {

  /** Validates the components and copies the keys. */
  public ComparisonCorrelation {
    requireNonNull(description, "description");
    requireNonNull(first, "first");
    requireNonNull(second, "second");
    keys = List.copyOf(keys);
    requireNonNull(spearman, "spearman");
    requireNonNull(kendall, "kendall");
  }

  /** Returns the number of pairs. */
  public int pairs() {
    return keys.size();
  }
}
