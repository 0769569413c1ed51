package dev.kmmlu.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four benchmarks this library evaluates, with where they live on the dataset hub. */
public enum Benchmark {
  /** KMMLU (HAE-RAE, arXiv 2402.11548): 45 subjects, 35,030 test items, 4 options. */
  KMMLU("kmmlu", "HAERAE-HUB/KMMLU", "CC-BY-ND-4.0", List.of("test", "dev", "train"), false),
  /** KMMLU-HARD: the KMMLU items that most models got wrong; same 45 subjects. */
  KMMLU_HARD("kmmlu-hard", "HAERAE-HUB/KMMLU-HARD", "CC-BY-ND-4.0", List.of("test", "dev"), false),
  /** KMMLU-Redux (LG AI Research, arXiv 2507.08924): 2,587 items in 14 industrial categories. */
  KMMLU_REDUX(
      "kmmlu-redux", "LGAI-EXAONE/KMMLU-Redux", "CC-BY-NC-ND-4.0", List.of("test"), false),
  /** KMMLU-Pro (LG AI Research, arXiv 2507.08924): 2,822 items from 14 licensure exams. */
  KMMLU_PRO("kmmlu-pro", "LGAI-EXAONE/KMMLU-Pro", "CC-BY-NC-ND-4.0", List.of("test"), true);

  private final String slug;
  private final String hubId;
  private final String licence;
  private final List<String> splits;
  private final boolean gated;

  Benchmark(String slug, String hubId, String licence, List<String> splits, boolean gated) {
    this.slug = slug;
    this.hubId = hubId;
    this.licence = licence;
    this.splits = splits;
    this.gated = gated;
  }

  /** Returns the short name used in question ids and file names, such as {@code "kmmlu-pro"}. */
  public String slug() {
    return slug;
  }

  /** Returns the dataset's repository id on the hub, such as {@code "LGAI-EXAONE/KMMLU-Pro"}. */
  public String hubId() {
    return hubId;
  }

  /** Returns the dataset's licence as an SPDX-style identifier. */
  public String licence() {
    return licence;
  }

  /** Returns the splits the dataset publishes, the evaluation split first. */
  public List<String> splits() {
    return splits;
  }

  /** Returns whether the hub requires an access token and accepted terms to download it. */
  public boolean isGated() {
    return gated;
  }

  /**
   * Returns the benchmark named by a slug or a command-line alias ({@code kmmlu}, {@code
   * kmmlu-hard}, {@code redux}, {@code pro}, or the enum name), ignoring case.
   */
  public static Optional<Benchmark> parse(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Benchmark benchmark : values()) {
      if (benchmark.slug.equals(key) || benchmark.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
        return Optional.of(benchmark);
      }
    }
    switch (key) {
      case "hard":
        return Optional.of(KMMLU_HARD);
      case "redux":
        return Optional.of(KMMLU_REDUX);
      case "pro":
        return Optional.of(KMMLU_PRO);
      default:
        return Optional.empty();
    }
  }
}
