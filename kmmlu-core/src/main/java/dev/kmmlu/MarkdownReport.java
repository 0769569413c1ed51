package dev.kmmlu;

import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.Verdict;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link Report} as Markdown: a run summary, the per-group scores, the licence verdicts
 * (KMMLU-Pro), the extraction statuses and what reproduces the run. Percentages have one decimal
 * and are formatted with {@link Locale#ROOT}. Also holds the formatting both renderers share.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(inline(report.benchmark()))
        .append(": ")
        .append(inline(report.model()))
        .append("\n\n");
    if (!report.isComplete()) {
      md.append("> **Warning:** ").append(incompleteWarning(report)).append("\n\n");
    }
    md.append("## Summary\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Questions", count(report.questions()));
    row(md, "Correct", count(report.correct()));
    row(md, "Incorrect", count(report.incorrect()));
    row(md, "Unparsed (scored as incorrect)", count(report.unparsed()));
    row(md, "Failed", count(report.failed()));
    row(md, "Micro accuracy", estimate(report.accuracy(Average.MICRO)));
    row(md, "Macro accuracy", estimate(report.accuracy(Average.MACRO)));
    row(md, "Headline", headline(report));
    md.append('\n');

    md.append("## Groups\n\n");
    md.append("| Group | Questions | Correct | Accuracy | 95% interval |\n");
    md.append("|---|---:|---:|---:|---|\n");
    for (GroupScore group : report.groups()) {
      md.append("| ")
          .append(cell(group.name()))
          .append(" | ")
          .append(count(group.questions()))
          .append(" | ")
          .append(count(group.correct()))
          .append(" | ")
          .append(percent(group.accuracy().value()))
          .append(" | ")
          .append(interval(group.accuracy()))
          .append(" |\n");
    }
    md.append('\n');

    if (!report.supercategories().isEmpty()) {
      md.append("## Supercategories\n\n");
      md.append("| Supercategory | Subjects | Questions | Correct | Micro | Macro |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      for (SupercategoryScore score : report.supercategories()) {
        md.append("| ")
            .append(cell(score.name()))
            .append(" | ")
            .append(count(score.subjects()))
            .append(" | ")
            .append(count(score.questions()))
            .append(" | ")
            .append(count(score.correct()))
            .append(" | ")
            .append(percent(score.micro()))
            .append(" | ")
            .append(percent(score.macro()))
            .append(" |\n");
      }
      md.append('\n');
    }

    if (!report.verdicts().isEmpty()) {
      md.append("## Licences\n\n");
      md.append("| Licence | Verdict | Accuracy | Reasons |\n");
      md.append("|---|---|---:|---|\n");
      for (Verdict verdict : report.verdicts()) {
        md.append("| ")
            .append(cell(verdict.displayName()))
            .append(" | ")
            .append(verdict.status().label())
            .append(" | ")
            .append(percent(verdict.accuracy().value()))
            .append(" | ")
            .append(cell(String.join("; ", verdict.reasons())))
            .append(" |\n");
      }
      md.append('\n').append(passedLine(report)).append("\n\n");
    }

    md.append("## Answer extraction\n\n");
    md.append("| Status | Replies | Share |\n|---|---:|---:|\n");
    int replies = replies(report);
    for (Map.Entry<ExtractionStatus, Integer> entry : report.statusCounts().entrySet()) {
      md.append("| ")
          .append(entry.getKey().name())
          .append(" | ")
          .append(count(entry.getValue()))
          .append(" | ")
          .append(percent(replies == 0 ? Double.NaN : (double) entry.getValue() / replies))
          .append(" |\n");
    }
    md.append('\n');

    md.append("## Reproduce\n\n");
    md.append("| | |\n|---|---|\n");
    for (Map.Entry<String, String> entry : reproduce(report.run()).entrySet()) {
      row(md, entry.getKey(), entry.getValue());
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, String value) {
    md.append("| ").append(cell(label)).append(" | ").append(cell(value)).append(" |\n");
  }

  /** Returns the run's provenance as label to value, in display order. */
  static Map<String, String> reproduce(RunInfo run) {
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    rows.put("Benchmark", run.benchmark() + " (split " + run.split() + ")");
    rows.put("Data source", run.dataSource());
    rows.put("Dataset fingerprint", run.datasetFingerprint());
    rows.put("Dataset revision", run.datasetRevision());
    rows.put("Prompt template", run.templateName() + " (" + run.templateHash() + ")");
    rows.put("Few-shot examples", Integer.toString(run.shots()));
    rows.put("Answer extractor", run.extractor());
    rows.put("Model", run.modelId());
    rows.put("Endpoint host", run.endpointHost().isEmpty() ? "(local)" : run.endpointHost());
    rows.put("Settings", settings(run.settings()));
    rows.put("Seed", Long.toString(run.seed()));
    rows.put("Library version", run.libraryVersion());
    rows.put("Started", run.started().toString());
    rows.put("Finished", run.finished().toString());
    rows.put("Wall time", seconds(run.wallTime().toMillis()));
    rows.put(
        "Tokens",
        count(run.promptTokens()) + " prompt, " + count(run.completionTokens()) + " completion");
    rows.put("Resumed from journal", count(run.resumed()));
    return rows;
  }

  /** Returns the warning an incomplete report shows. */
  static String incompleteWarning(Report report) {
    boolean leftOut = report.accuracy(Average.MICRO).count() < report.questions();
    return "this run is incomplete: "
        + count(report.failed())
        + " of "
        + count(report.questions())
        + " model calls failed and "
        + (leftOut
            ? "are left out of every accuracy's denominator"
            : "are counted as incorrect")
        + ". Resume the run to retry them.";
  }

  /** Returns which average is the headline and why. */
  static String headline(Report report) {
    Average average = report.headlineAverage();
    String value = percent(report.accuracy(average).value());
    return average == Average.MACRO
        ? "macro " + value + ": the KMMLU paper reports the mean of subject accuracies"
        : "micro " + value + ": the KMMLU-Redux and KMMLU-Pro paper reports accuracy over all items";
  }

  /** Returns "Passed N of M licences". */
  static String passedLine(Report report) {
    return "Passed " + report.passedCount() + " of " + report.verdicts().size() + " licences.";
  }

  /** Returns the number of replies that were graded (the failed calls have none). */
  static int replies(Report report) {
    return report.statusCounts().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Returns "61.5% ± 4.2 pp (95% interval 52.8–69.6%)", or "n/a" for nothing scored. */
  static String estimate(Estimate estimate) {
    if (estimate.count() == 0) {
      return "n/a";
    }
    return percent(estimate.value())
        + " ± "
        + String.format(Locale.ROOT, "%.1f", estimate.standardError() * 100)
        + " pp (95% interval "
        + interval(estimate)
        + ")";
  }

  /** Returns "52.8–69.6%", or "n/a". */
  static String interval(Estimate estimate) {
    if (estimate.count() == 0 || !Double.isFinite(estimate.lower())) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, "%.1f–%.1f%%", estimate.lower() * 100, estimate.upper() * 100);
  }

  /** Returns a fraction as a percentage with one decimal, or "n/a" when it is undefined. */
  static String percent(double fraction) {
    return Double.isFinite(fraction)
        ? String.format(Locale.ROOT, "%.1f%%", fraction * 100)
        : "n/a";
  }

  /** Returns a count with thousands separators. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Returns milliseconds as seconds with one decimal. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Returns the settings as "key=value" pairs in key order. */
  static String settings(Map<String, Object> settings) {
    if (settings.isEmpty()) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    new TreeMap<>(settings)
        .forEach(
            (key, value) ->
                text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value));
    return text.toString();
  }

  /** Returns text safe inside a table cell: pipes escaped, line breaks turned into spaces. */
  static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  private static String inline(String text) {
    return text.replaceAll("\\R", " ");
  }
}
