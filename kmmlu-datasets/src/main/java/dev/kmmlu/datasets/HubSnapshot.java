package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A benchmark's data files as downloaded from the dataset hub into the local cache. Immutable.
 *
 * <p>The directory follows the cache layout {@code <cache>/<owner>--<name>/<commit>/}, and the
 * files keep their repository paths below it, such as {@code data/kmmlu_redux.jsonl}. When the
 * repository had no raw data file and the rows came from the datasets server, each split is a JSON
 * Lines file {@code data/<config>-<split>.jsonl} holding one row object per line.
 *
 * @param benchmark the benchmark the files belong to
 * @param revision the commit the files were taken from, or the requested branch, tag or commit when
 *     the hub did not report a commit
 * @param directory the snapshot directory that holds the files
 * @param files the absolute paths of the data files, sorted, all inside {@code directory}
 */
public record HubSnapshot(Benchmark benchmark, String revision, Path directory, List<Path> files) {

  /** Validates the components and copies the file list. */
  public HubSnapshot {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(revision, "revision");
    requireNonNull(directory, "directory");
    files = List.copyOf(files);
    for (Path file : files) {
      if (!file.startsWith(directory)) {
        throw new IllegalArgumentException(
            "files must lie inside " + directory + ", but one was " + file);
      }
    }
  }

  /** Returns the files' paths relative to {@link #directory()}, such as {@code data/x.jsonl}. */
  public List<String> relativePaths() {
    return files.stream()
        .map(file -> directory.relativize(file).toString().replace('\\', '/'))
        .collect(Collectors.toUnmodifiableList());
  }
}
