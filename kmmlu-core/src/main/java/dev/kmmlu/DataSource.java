package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Datasets;
import dev.kmmlu.datasets.HubClient;
import dev.kmmlu.datasets.HubSnapshot;
import java.nio.file.Path;

/**
 * Where an {@link Evaluation} gets its questions: the dataset hub, a local directory laid out like
 * the hub repository (or a single file), the bundled demo set, or a dataset already in memory.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface DataSource {
  /**
   * Returns the questions of {@code benchmark}'s {@code split}.
   *
   * @throws dev.kmmlu.datasets.DatasetException if the data cannot be read
   */
  Dataset load(Benchmark benchmark, String split);

  /** Returns a short description for reports, such as {@code hub}, {@code demo} or a path. */
  default String describe() {
    return "custom";
  }

  /**
   * Returns the dataset hub with the default cache ({@code ~/.cache/kmmlu}) and the hub's own
   * environment conventions, as the presets use: the token from {@code HF_TOKEN} or the hub token
   * file, {@code HF_ENDPOINT} and {@code HF_HUB_OFFLINE} (see {@link
   * HubClient.Builder#fromEnvironment(java.util.Map)}). The client is built on first use.
   */
  static DataSource hub() {
    return new DataSource() {
      @Override
      public Dataset load(Benchmark benchmark, String split) {
        return hub(HubClient.builder().fromEnvironment().build()).load(benchmark, split);
      }

      @Override
      public String describe() {
        return "hub";
      }
    };
  }

  /** Returns the dataset hub reached through {@code client}. */
  static DataSource hub(HubClient client) {
    requireNonNull(client, "client");
    return new DataSource() {
      @Override
      public Dataset load(Benchmark benchmark, String split) {
        HubSnapshot snapshot = client.download(benchmark);
        return Datasets.load(benchmark, snapshot.directory(), split)
            .withRevision(snapshot.revision())
            .withSource("hub:" + benchmark.hubId());
      }

      @Override
      public String describe() {
        return "hub";
      }
    };
  }

  /** Returns the bundled demo set (KMMLU-Pro shaped; written by the project, not the benchmark). */
  static DataSource demo() {
    return new DataSource() {
      @Override
      public Dataset load(Benchmark benchmark, String split) {
        if (benchmark != Benchmark.KMMLU_PRO) {
          throw new IllegalArgumentException(
              "the demo set has the KMMLU-Pro shape; benchmark must be KMMLU_PRO, but was "
                  + benchmark);
        }
        return Datasets.demo();
      }

      @Override
      public String describe() {
        return "demo";
      }
    };
  }

  /** Returns a local directory in the hub repository's layout, or a single data file. */
  static DataSource directory(Path path) {
    requireNonNull(path, "path");
    return new DataSource() {
      @Override
      public Dataset load(Benchmark benchmark, String split) {
        return Datasets.load(benchmark, path, split);
      }

      @Override
      public String describe() {
        return path.toString();
      }
    };
  }

  /** Returns a source that always yields {@code dataset}, whatever split is asked for. */
  static DataSource of(Dataset dataset) {
    requireNonNull(dataset, "dataset");
    return new DataSource() {
      @Override
      public Dataset load(Benchmark benchmark, String split) {
        return dataset;
      }

      @Override
      public String describe() {
        return dataset.source();
      }
    };
  }
}
