package dev.kmmlu.examples;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Datasets;
import dev.kmmlu.datasets.HubSnapshot;
import java.nio.file.Path;

/** Resolves a {@code --data} value ({@code demo}, {@code hub} or a path) to a dataset. */
final class DataSources {
  static final String DEMO = "demo";
  static final String HUB = "hub";

  private DataSources() {}

  /** Returns the split of the benchmark that {@code data} names. */
  static Dataset load(Benchmark benchmark, String data, String split, HubOptions hub) {
    switch (data) {
      case DEMO:
        return Datasets.demo();
      case HUB:
        return loadFromHub(benchmark, split, hub);
      default:
        return Datasets.load(benchmark, Path.of(data), split);
    }
  }

  /** Returns the split downloaded from the dataset hub (or taken from its cache). */
  static Dataset loadFromHub(Benchmark benchmark, String split, HubOptions hub) {
    HubSnapshot snapshot = hub.client().download(benchmark);
    return Datasets.load(benchmark, snapshot.directory(), split)
        .withRevision(snapshot.revision())
        .withSource("hub:" + benchmark.hubId());
  }
}
