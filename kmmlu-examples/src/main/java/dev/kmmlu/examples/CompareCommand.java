package dev.kmmlu.examples;

import dev.kmmlu.Comparison;
import dev.kmmlu.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kmmlu compare DIR DIR...}: rank correlations and per-group accuracies of several runs. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the report.json of several runs: rank correlations (Spearman, Kendall) between"
          + " benchmarks across models, or between models across groups, and the per-group"
          + " accuracies side by side."
    })
final class CompareCommand implements Callable<Integer>, KmmluCommand.Verbosity {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "2..*",
      paramLabel = "DIR",
      description = "Two or more --out directories (or report.json files).")
  List<Path> directories;

  @Option(names = "--json", description = "Print one JSON object instead of Markdown.")
  boolean json;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  @Override
  public boolean isVerbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    List<Report> reports = new ArrayList<>();
    for (Path directory : directories) {
      reports.add(Report.read(directory));
    }
    Comparison comparison = Comparison.of(reports);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? comparison.toJson() : comparison.toMarkdown());
    out.flush();
    return 0;
  }
}
