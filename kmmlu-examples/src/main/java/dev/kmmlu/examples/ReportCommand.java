package dev.kmmlu.examples;

import dev.kmmlu.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kmmlu report DIR}: prints the report a run left in DIR as Markdown, JSON or HTML. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print DIR/report.json as Markdown (default), JSON or HTML.")
final class ReportCommand implements Callable<Integer>, KmmluCommand.Verbosity {
  /** The formats a report prints in. */
  enum Format {
    /** Markdown tables. */
    MD,
    /** The report.json schema. */
    JSON,
    /** One self-contained HTML page. */
    HTML
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A run's --out directory, or a report.json file.")
  Path directory;

  @Option(
      names = "--format",
      defaultValue = "MD",
      description = "md, json or html (default md).")
  Format format;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  @Override
  public boolean isVerbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    Report report = Report.read(directory);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON:
        out.print(report.toJson());
        break;
      case HTML:
        out.print(report.toHtml());
        break;
      default:
        out.print(report.toMarkdown());
    }
    out.flush();
    return 0;
  }
}
