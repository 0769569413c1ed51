package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the benchmarks from local files laid out like their hub repositories, or from single files.
 * All methods are static and thread-safe.
 *
 * <p>Layouts ({@code dir} may be the repository root or its {@code data} folder):
 *
 * <ul>
 *   <li>KMMLU and KMMLU-HARD: {@code data/<Stem>-<split>.csv}, one file per subject, RFC 4180 CSV
 *       with the header {@code question,answer,A,B,C,D,Category,Human Accuracy} in any column order.
 *       Subjects load in {@link KmmluSubject} order, then files of unknown subjects by name.
 *   <li>KMMLU-Redux: {@code data/kmmlu_redux.jsonl}; KMMLU-Pro: {@code data/kmmlu_pro.jsonl}. When
 *       that name is missing, every {@code *.jsonl} and {@code *.json} file in {@code data} is read,
 *       in name order. JSON Lines files hold one object per line (blank lines are not rows and are
 *       skipped); a file may also be one JSON array of objects.
 * </ul>
 *
 * <p>Files are strict UTF-8 (a byte order mark is dropped); lines end in LF or CRLF. Nothing else is
 * skipped or repaired: a malformed row fails the load with a {@link DatasetException} naming the
 * file, the 1-based line, the field, what was expected and what was found. A category or licence
 * the taxonomy does not know is not an error; see {@link Dataset#unknownGroups()}.
 *
 * <pre>{@code
 * Dataset test = Datasets.load(Benchmark.KMMLU, Path.of("KMMLU"), "test");
 * Dataset pro = Datasets.loadFile(Benchmark.KMMLU_PRO, Path.of("kmmlu_pro.jsonl"));
 * }</pre>
 */
public final class Datasets {
  /** The class-path resource {@link #demo()} reads. */
  public static final String DEMO_RESOURCE = "/dev/kmmlu/datasets/demo/kmmlu-pro-demo.jsonl";

  private Datasets() {}

  /**
   * Returns one split of a benchmark read from a directory in the hub layout or from one file. For
   * KMMLU and KMMLU-HARD read from a directory, the dev split (when its files are there) is attached
   * as the few-shot source of any other split.
   *
   * @throws IllegalArgumentException if the benchmark does not publish the split
   * @throws DatasetException if a file is missing, unreadable or malformed
   */
  public static Dataset load(Benchmark benchmark, Path dirOrFile, String split) {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(dirOrFile, "dirOrFile");
    requireNonNull(split, "split");
    checkSplit(benchmark, split);
    if (!Files.exists(dirOrFile)) {
      throw new DatasetException(
          dirOrFile.toString(),
          "expected a directory in the hub layout or a data file, but nothing exists there");
    }
    if (!Files.isDirectory(dirOrFile)) {
      return fromFile(benchmark, dirOrFile, split);
    }
    switch (benchmark) {
      case KMMLU:
      case KMMLU_HARD:
        Dataset dataset = csvDirectory(benchmark, dirOrFile, split);
        if (!split.equals("dev") && !csvFiles(dataDir(dirOrFile), "dev").isEmpty()) {
          dataset = dataset.withFewShot(csvDirectory(benchmark, dirOrFile, "dev"));
        }
        return dataset;
      case KMMLU_REDUX:
        return jsonDirectory(benchmark, dirOrFile, split, "kmmlu_redux.jsonl");
      default:
        return jsonDirectory(benchmark, dirOrFile, split, "kmmlu_pro.jsonl");
    }
  }

  /**
   * Returns the questions of one file. The split is taken from a KMMLU file name ({@code
   * Law-dev.csv} is {@code dev}) and is otherwise {@code test}.
   *
   * @throws DatasetException if the file is missing, unreadable or malformed
   */
  public static Dataset loadFile(Benchmark benchmark, Path file) {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(file, "file");
    String split = "test";
    if (isCsvBenchmark(benchmark)) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      for (String candidate : benchmark.splits()) {
        if (name.toLowerCase(Locale.ROOT).endsWith("-" + candidate + ".csv")) {
          split = candidate;
        }
      }
    }
    return fromFile(benchmark, file, split);
  }

  /** Returns a KMMLU split read from a directory in the hub layout; see {@link #load}. */
  public static Dataset kmmlu(Path dir, String split) {
    return load(Benchmark.KMMLU, dir, split);
  }

  /** Returns a KMMLU-HARD split read from a directory in the hub layout; see {@link #load}. */
  public static Dataset kmmluHard(Path dir, String split) {
    return load(Benchmark.KMMLU_HARD, dir, split);
  }

  /** Returns KMMLU-Redux (split {@code test}) read from a directory or file; see {@link #load}. */
  public static Dataset redux(Path dirOrFile) {
    return load(Benchmark.KMMLU_REDUX, dirOrFile, "test");
  }

  /** Returns KMMLU-Pro (split {@code test}) read from a directory or file; see {@link #load}. */
  public static Dataset pro(Path dirOrFile) {
    return load(Benchmark.KMMLU_PRO, dirOrFile, "test");
  }

  /**
   * Returns the small KMMLU-Pro-shaped demo set bundled with the library (the class-path resource
   * {@value #DEMO_RESOURCE}), as split {@code test} with source {@code "demo"}.
   *
   * @throws DatasetException if the resource is missing or malformed
   */
  public static Dataset demo() {
    return resource(Benchmark.KMMLU_PRO, DEMO_RESOURCE, "demo");
  }

  static Dataset resource(Benchmark benchmark, String resource, String source) {
    InputStream in = Datasets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new DatasetException(
          source,
          "expected the bundled resource " + resource + " on the class path, but it is missing");
    }
    String text = TextFiles.read(source, in);
    return Dataset.of(
        benchmark, "test", JsonRowsReader.read(benchmark, source, text, "test", 0), source);
  }

  private static Dataset fromFile(Benchmark benchmark, Path file, String split) {
    String source = file.toString();
    String text = TextFiles.read(file);
    List<Question> questions =
        isCsvBenchmark(benchmark)
            ? KmmluCsvReader.read(benchmark, source, text, split, csvStem(file, split))
            : JsonRowsReader.read(benchmark, source, text, split, 0);
    return Dataset.of(benchmark, split, questions, source);
  }

  private static Dataset csvDirectory(Benchmark benchmark, Path dir, String split) {
    Path data = dataDir(dir);
    List<Path> files = csvFiles(data, split);
    if (files.isEmpty()) {
      throw new DatasetException(
          data.toString(),
          "expected files named <Subject>-" + split + ".csv, but found none");
    }
    List<Question> questions = new ArrayList<>();
    for (Path file : files) {
      questions.addAll(
          KmmluCsvReader.read(
              benchmark, file.toString(), TextFiles.read(file), split, csvStem(file, split)));
    }
    return Dataset.of(benchmark, split, questions, dir.toString());
  }

  private static Dataset jsonDirectory(
      Benchmark benchmark, Path dir, String split, String fileName) {
    Path data = dataDir(dir);
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(data.resolve(fileName))) {
      files.add(data.resolve(fileName));
    } else {
      files.addAll(list(data, "*.{jsonl,json}"));
    }
    if (files.isEmpty()) {
      throw new DatasetException(
          data.toString(), "expected " + fileName + " or other *.jsonl files, but found none");
    }
    List<Question> questions = new ArrayList<>();
    for (Path file : files) {
      questions.addAll(
          JsonRowsReader.read(
              benchmark, file.toString(), TextFiles.read(file), split, questions.size()));
    }
    return Dataset.of(benchmark, split, questions, dir.toString());
  }

  /** Returns the directory's {@code data} folder if it has one, else the directory itself. */
  private static Path dataDir(Path dir) {
    Path data = dir.resolve("data");
    return Files.isDirectory(data) ? data : dir;
  }

  /** Returns the split's CSV files: known subjects in enum order, then the rest by name. */
  private static List<Path> csvFiles(Path data, String split) {
    List<Path> files = new ArrayList<>(list(data, "*-" + split + ".csv"));
    files.sort(
        Comparator.comparingInt(
                (Path file) ->
                    KmmluSubject.parse(csvStem(file, split))
                        .map(Enum::ordinal)
                        .orElse(Integer.MAX_VALUE))
            .thenComparing(file -> file.getFileName().toString()));
    return files;
  }

  /** Returns a CSV file's subject part: the name less {@code -<split>.csv} and a "hard" marker. */
  static String csvStem(Path file, String split) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String suffix = "-" + split + ".csv";
    String stem = lower.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
    if (KmmluSubject.parse(stem).isPresent()) {
      return stem;
    }
    Optional<String> unmarked = Optional.empty();
    String stemLower = stem.toLowerCase(Locale.ROOT);
    if (stemLower.startsWith("hard-") || stemLower.startsWith("hard_")) {
      unmarked = Optional.of(stem.substring(5));
    } else if (stemLower.endsWith("-hard") || stemLower.endsWith("_hard")) {
      unmarked = Optional.of(stem.substring(0, stem.length() - 5));
    }
    return unmarked.filter(s -> KmmluSubject.parse(s).isPresent()).orElse(stem);
  }

  private static List<Path> list(Path dir, String glob) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new DatasetException(
          dir.toString(), "expected a readable directory, but listing it failed: " + e, e);
    }
    files.sort(Comparator.comparing(file -> file.getFileName().toString()));
    return files;
  }

  private static boolean isCsvBenchmark(Benchmark benchmark) {
    return benchmark == Benchmark.KMMLU || benchmark == Benchmark.KMMLU_HARD;
  }

  private static void checkSplit(Benchmark benchmark, String split) {
    if (!benchmark.splits().contains(split)) {
      throw new IllegalArgumentException(
          "split must be one of "
              + String.join(", ", benchmark.splits())
              + " for "
              + benchmark.slug()
              + ", but was "
              + TextFiles.quote(split));
    }
  }
}
