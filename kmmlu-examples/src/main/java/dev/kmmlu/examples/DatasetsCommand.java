package dev.kmmlu.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.KmmluSubject;
import dev.kmmlu.datasets.Licence;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.ReduxCategory;
import dev.kmmlu.datasets.Supercategory;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kmmlu datasets}: loads a benchmark split and prints its question counts per group. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Load a benchmark split and print question counts per group.")
final class DatasetsCommand implements Callable<Integer>, KmmluCommand.Verbosity {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--benchmark",
      required = true,
      converter = BenchmarkConverter.class,
      description = "kmmlu, kmmlu-hard, redux or pro.")
  Benchmark benchmark;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH|demo|hub",
      description = "A directory in the hub layout or one file; demo (bundled); hub (download).")
  String data;

  @Mixin HubOptions hub;

  @Option(names = "--split", description = "test (default) or dev.")
  String split;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  @Override
  public boolean isVerbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    String chosenSplit = split == null ? benchmark.splits().get(0) : split;
    if (!benchmark.splits().contains(chosenSplit)) {
      throw new ParameterException(
          spec.commandLine(),
          "--split must be one of "
              + String.join(", ", benchmark.splits())
              + " for "
              + benchmark.slug()
              + ", but was "
              + chosenSplit);
    }
    if (data.equals(DataSources.DEMO) && benchmark != Benchmark.KMMLU_PRO) {
      throw new ParameterException(
          spec.commandLine(), "--data demo is a KMMLU-Pro set; use it with --benchmark pro");
    }
    Dataset dataset = DataSources.load(benchmark, data, chosenSplit, hub);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(dataset));
    } else {
      printTable(dataset, out);
    }
    out.flush();
    return 0;
  }

  /** Returns the summary as one JSON object. */
  static String toJson(Dataset dataset) {
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", dataset.benchmark().slug());
    root.put("split", dataset.split());
    root.put("source", dataset.source());
    root.put("revision", dataset.revision());
    root.put("questions", dataset.size());
    root.put("fingerprint", dataset.fingerprint());
    ArrayNode groups = root.putArray("groups");
    for (Map.Entry<String, List<Question>> entry : dataset.byGroup().entrySet()) {
      ObjectNode group = groups.addObject();
      group.put("name", entry.getKey());
      group.put("questions", entry.getValue().size());
      Optional<String> english = englishName(dataset.benchmark(), entry.getKey());
      group.put("known", english.isPresent());
      english.ifPresent(name -> group.put("englishName", name));
      if (dataset.benchmark() == Benchmark.KMMLU_PRO) {
        ArrayNode subjects = group.putArray("subjects");
        dataset
            .bySubject(entry.getKey())
            .forEach(
                (name, questions) ->
                    subjects.addObject().put("name", name).put("questions", questions.size()));
      }
    }
    if (isKmmlu(dataset.benchmark())) {
      ObjectNode supercategories = root.putObject("supercategories");
      supercategoryCounts(dataset).forEach(supercategories::put);
    }
    ArrayNode unknown = root.putArray("unknownGroups");
    dataset.unknownGroups().forEach(unknown::add);
    return root.toString();
  }

  private static void printTable(Dataset dataset, PrintWriter out) {
    out.printf(
        "%s %s: %,d questions in %d groups%n",
        dataset.benchmark().slug(), dataset.split(), dataset.size(), dataset.groups().size());
    out.printf("source: %s (revision %s)%n", dataset.source(), dataset.revision());
    out.printf("fingerprint: %s%n%n", dataset.fingerprint());
    Table table = new Table("group", "questions");
    for (Map.Entry<String, List<Question>> entry : dataset.byGroup().entrySet()) {
      String name = entry.getKey();
      Optional<String> english = englishName(dataset.benchmark(), name);
      String label =
          english.map(e -> e.equals(name) ? name : name + " (" + e + ")").orElse(name + " (unknown)");
      table.row(label, String.format("%,d", entry.getValue().size()));
      if (dataset.benchmark() == Benchmark.KMMLU_PRO) {
        dataset
            .bySubject(name)
            .forEach((subject, qs) -> table.row("  " + subject, String.format("%,d", qs.size())));
      }
    }
    table.row("total", String.format("%,d", dataset.size()));
    table.print(out);
    if (isKmmlu(dataset.benchmark())) {
      out.println();
      Table supers = new Table("supercategory", "questions");
      supercategoryCounts(dataset).forEach((name, count) -> supers.row(name, String.format("%,d", count)));
      supers.print(out);
    }
  }

  private static Map<String, Integer> supercategoryCounts(Dataset dataset) {
    Map<Supercategory, Integer> counts = new EnumMap<>(Supercategory.class);
    int unknown = 0;
    for (Map.Entry<String, List<Question>> entry : dataset.byGroup().entrySet()) {
      Optional<KmmluSubject> subject = KmmluSubject.parse(entry.getKey());
      if (subject.isPresent()) {
        counts.merge(subject.get().supercategory(), entry.getValue().size(), Integer::sum);
      } else {
        unknown += entry.getValue().size();
      }
    }
    Map<String, Integer> named = new java.util.LinkedHashMap<>();
    counts.forEach((supercategory, count) -> named.put(supercategory.displayName(), count));
    if (unknown > 0) {
      named.put("Unknown", unknown);
    }
    return named;
  }

  private static Optional<String> englishName(Benchmark benchmark, String group) {
    switch (benchmark) {
      case KMMLU:
      case KMMLU_HARD:
        return KmmluSubject.parse(group).map(KmmluSubject::englishName);
      case KMMLU_REDUX:
        return ReduxCategory.parse(group).map(ReduxCategory::englishName);
      default:
        return Licence.parse(group).map(Licence::englishName);
    }
  }

  private static boolean isKmmlu(Benchmark benchmark) {
    return benchmark == Benchmark.KMMLU || benchmark == Benchmark.KMMLU_HARD;
  }

  /** Converts {@code --benchmark} values with {@link Benchmark#parse(String)}. */
  static final class BenchmarkConverter implements CommandLine.ITypeConverter<Benchmark> {
    @Override
    public Benchmark convert(String value) {
      return Benchmark.parse(value)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "expected kmmlu, kmmlu-hard, redux or pro, but found '" + value + "'"));
    }
  }
}
