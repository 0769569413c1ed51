package dev.kmmlu.benchmarks;

import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures a warm load of the KMMLU test split from a directory in the hub layout (all 45 {@code
 * data/*-test.csv} files, about 11 MB, and the dev files attached for few-shot). Point {@code dir}
 * at a copy of the dataset: {@code -p dir=/path/to/KMMLU}. The data is not in the repository.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DatasetLoadBenchmark {
  /** The KMMLU directory (hub layout). */
  @Param({""})
  public String dir;

  private Path path;

  /** Checks that the directory exists. */
  @Setup
  public void check() {
    path = Path.of(dir);
    if (dir.isEmpty() || !Files.isDirectory(path.resolve("data"))) {
      throw new IllegalStateException(
          "dir must name a KMMLU directory with data/*-test.csv, but was \"" + dir + "\"");
    }
  }

  /** Loads every test file (and attaches the dev split). */
  @Benchmark
  public Dataset loadTestSplit() {
    return Datasets.kmmlu(path, "test");
  }
}
