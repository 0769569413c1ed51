package dev.kmmlu.examples;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Datasets;
import dev.kmmlu.datasets.KmmluException;
import java.nio.file.Path;

/** Resolves a {@code --data} value ({@code demo}, {@code hub} or a path) to a dataset. */
final class DataSources {
  static final String DEMO = "demo";
  static final String HUB = "hub";

  private DataSources() {}

  /** Returns the split of the benchmark that {@code data} names. */
  static Dataset load(Benchmark benchmark, String data, String split) {
    switch (data) {
      case DEMO:
        return Datasets.demo();
      case HUB:
        return loadFromHub(benchmark, split);
      default:
        return Datasets.load(benchmark, Path.of(data), split);
    }
  }

  /** Returns the split downloaded from the dataset hub; the place to wire in the hub client. */
  static Dataset loadFromHub(Benchmark benchmark, String split) {
    throw new KmmluException("hub download is not available in this build");
  }
}
