package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.scoring.Correlation;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.RankCorrelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Several reports side by side: per-group accuracies in one table and rank correlations between
 * them. Immutable and thread-safe.
 *
 * <p>Two kinds of correlation are computed. Across benchmarks, each pair of benchmarks is compared
 * over the models that have a report for both, using each report's headline average (macro for
 * KMMLU, micro for KMMLU-Redux and KMMLU-Pro); this is how the KMMLU-Redux paper relates KMMLU and
 * KMMLU-Redux (Spearman's rho 0.995). When every report is for the same benchmark, every two
 * models are compared over the groups both have. A correlation needs at least 3 pairs; one with
 * fewer is left out and {@link #notes()} says so.
 *
 * <pre>{@code
 * Comparison comparison = Comparison.of(List.of(Report.read(a), Report.read(b), Report.read(c)));
 * String markdown = comparison.toMarkdown();   // or toJson()
 * }</pre>
 */
public final class Comparison {
  /** The fewest pairs a rank correlation is computed from. */
  public static final int MIN_PAIRS = 3;

  private final List<Report> reports;
  private final List<Row> rows;
  private final List<ComparisonCorrelation> correlations;
  private final List<String> notes;

  private Comparison(List<Report> reports) {
    this.reports = reports;
    this.rows = buildRows(reports);
    List<String> found = new ArrayList<>();
    this.correlations = buildCorrelations(reports, found);
    this.notes = List.copyOf(found);
  }

  /**
   * Returns the comparison of {@code reports}, in the order given.
   *
   * @throws IllegalArgumentException if reports is empty
   */
  public static Comparison of(List<Report> reports) {
    requireNonNull(reports, "reports");
    List<Report> copy = List.copyOf(reports);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("reports must not be empty, but was empty");
    }
    return new Comparison(copy);
  }

  /** Returns the reports compared, in the order given. */
  public List<Report> reports() {
    return reports;
  }

  /**
   * Returns one row per benchmark and group (the union of the groups of that benchmark's reports,
   * in first-seen order), with one accuracy per report in report order; a cell is {@link
   * Estimate#empty()} when the report is for another benchmark or lacks the group.
   */
  public List<Row> sideBySide() {
    return rows;
  }

  /** Returns the rank correlations with at least {@link #MIN_PAIRS} pairs. */
  public List<ComparisonCorrelation> correlations() {
    return correlations;
  }

  /** Returns why correlations were left out, or other caveats; empty when there are none. */
  public List<String> notes() {
    return notes;
  }

  private static List<Row> buildRows(List<Report> reports) {
    Map<String, Set<String>> groupsByBenchmark = new LinkedHashMap<>();
    for (Report report : reports) {
      Set<String> groups =
          groupsByBenchmark.computeIfAbsent(report.benchmark(), b -> new LinkedHashSet<>());
      report.groups().forEach(group -> groups.add(group.name()));
    }
    List<Row> rows = new ArrayList<>();
    groupsByBenchmark.forEach(
        (benchmark, groups) -> {
          for (String group : groups) {
            List<Estimate> cells = new ArrayList<>(reports.size());
            for (Report report : reports) {
              cells.add(
                  report.benchmark().equals(benchmark)
                      ? report.group(group).map(GroupScore::accuracy).orElse(Estimate.empty())
                      : Estimate.empty());
            }
            rows.add(new Row(benchmark, group, cells));
          }
        });
    return List.copyOf(rows);
  }

  private static List<ComparisonCorrelation> buildCorrelations(
      List<Report> reports, List<String> notes) {
    Map<String, Map<String, Report>> byBenchmark = new LinkedHashMap<>();
    for (Report report : reports) {
      Map<String, Report> models =
          byBenchmark.computeIfAbsent(report.benchmark(), b -> new LinkedHashMap<>());
      if (models.putIfAbsent(report.model(), report) != null) {
        notes.add(
            "model "
                + report.model()
                + " has more than one "
                + report.benchmark()
                + " report; the first is used");
      }
    }
    List<ComparisonCorrelation> correlations = new ArrayList<>();
    List<String> benchmarks = new ArrayList<>(byBenchmark.keySet());
    for (int i = 0; i < benchmarks.size(); i++) {
      for (int j = i + 1; j < benchmarks.size(); j++) {
        Map<String, Report> first = byBenchmark.get(benchmarks.get(i));
        Map<String, Report> second = byBenchmark.get(benchmarks.get(j));
        List<String> keys = new ArrayList<>();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Map.Entry<String, Report> entry : first.entrySet()) {
          Report other = second.get(entry.getKey());
          if (other != null) {
            double a = headline(entry.getValue());
            double b = headline(other);
            if (Double.isFinite(a) && Double.isFinite(b)) {
              keys.add(entry.getKey());
              x.add(a);
              y.add(b);
            }
          }
        }
        String description =
            "models' " + benchmarks.get(i) + " vs " + benchmarks.get(j) + " scores";
        correlate(description, benchmarks.get(i), benchmarks.get(j), keys, x, y, "models", notes)
            .ifPresent(correlations::add);
      }
    }
    if (byBenchmark.size() == 1) {
      String benchmark = benchmarks.get(0);
      List<Report> models = new ArrayList<>(byBenchmark.get(benchmark).values());
      for (int i = 0; i < models.size(); i++) {
        for (int j = i + 1; j < models.size(); j++) {
          Report a = models.get(i);
          Report b = models.get(j);
          List<String> keys = new ArrayList<>();
          List<Double> x = new ArrayList<>();
          List<Double> y = new ArrayList<>();
          for (GroupScore group : a.groups()) {
            Optional<GroupScore> other = b.group(group.name());
            if (other.isPresent()
                && group.accuracy().count() > 0
                && other.get().accuracy().count() > 0) {
              keys.add(group.name());
              x.add(group.accuracy().value());
              y.add(other.get().accuracy().value());
            }
          }
          String description =
              "per-group " + benchmark + " accuracy: " + a.model() + " vs " + b.model();
          correlate(description, a.model(), b.model(), keys, x, y, "groups", notes)
              .ifPresent(correlations::add);
        }
      }
    }
    if (reports.size() == 1) {
      notes.add("only one report; there is nothing to correlate");
    }
    return List.copyOf(correlations);
  }

  private static Optional<ComparisonCorrelation> correlate(
      String description,
      String first,
      String second,
      List<String> keys,
      List<Double> x,
      List<Double> y,
      String what,
      List<String> notes) {
    if (keys.size() < MIN_PAIRS) {
      notes.add(
          description
              + ": left out, "
              + keys.size()
              + " "
              + what
              + " in common but a rank correlation needs at least "
              + MIN_PAIRS);
      return Optional.empty();
    }
    return Optional.of(
        new ComparisonCorrelation(
            description,
            first,
            second,
            keys,
            RankCorrelation.spearman(x, y),
            RankCorrelation.kendall(x, y)));
  }

  private static double headline(Report report) {
    return report.accuracy(report.headlineAverage()).value();
  }

  /** Returns the correlations, notes and side-by-side tables as Markdown. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Comparison\n\n");
    md.append("| Report | Benchmark | Model | Headline | Accuracy |\n|---:|---|---|---|---:|\n");
    for (int i = 0; i < reports.size(); i++) {
      Report report = reports.get(i);
      md.append("| ")
          .append(i + 1)
          .append(" | ")
          .append(MarkdownReport.cell(report.benchmark()))
          .append(" | ")
          .append(MarkdownReport.cell(report.model()))
          .append(" | ")
          .append(report.headlineAverage().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(MarkdownReport.percent(headline(report)))
          .append(" |\n");
    }
    md.append("\n## Rank correlations\n\n");
    if (correlations.isEmpty()) {
      md.append("None computed.\n");
    } else {
      md.append("| Compared | Pairs | Spearman ρ (95% CI; p) | Kendall τ-b (95% CI; p) |\n");
      md.append("|---|---:|---|---|\n");
      for (ComparisonCorrelation correlation : correlations) {
        md.append("| ")
            .append(MarkdownReport.cell(correlation.description()))
            .append(" | ")
            .append(correlation.pairs())
            .append(" | ")
            .append(correlation(correlation.spearman()))
            .append(" | ")
            .append(correlation(correlation.kendall()))
            .append(" |\n");
      }
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(note -> md.append("- ").append(note.replaceAll("\\R", " ")).append('\n'));
    }
    Set<String> benchmarks = new LinkedHashSet<>();
    reports.forEach(report -> benchmarks.add(report.benchmark()));
    for (String benchmark : benchmarks) {
      md.append("\n## ").append(benchmark).append(" accuracy per group\n\n| Group |");
      List<Integer> columns = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        if (reports.get(i).benchmark().equals(benchmark)) {
          columns.add(i);
          md.append(' ').append(MarkdownReport.cell(reports.get(i).model())).append(" |");
        }
      }
      md.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
      for (Row row : rows) {
        if (!row.benchmark().equals(benchmark)) {
          continue;
        }
        md.append("| ").append(MarkdownReport.cell(row.group())).append(" |");
        for (int column : columns) {
          Estimate cell = row.accuracies().get(column);
          md.append(' ')
              .append(cell.count() == 0 ? "" : MarkdownReport.percent(cell.value()))
              .append(" |");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  private static String correlation(Correlation correlation) {
    if (!Double.isFinite(correlation.coefficient())) {
      return "n/a (no variation)";
    }
    String text = String.format(Locale.ROOT, "%.3f", correlation.coefficient());
    if (Double.isFinite(correlation.lower95())) {
      text +=
          String.format(
              Locale.ROOT, " (%.3f to %.3f", correlation.lower95(), correlation.upper95());
    } else {
      text += " (n/a";
    }
    return text
        + "; p "
        + (Double.isFinite(correlation.pValue())
            ? String.format(Locale.ROOT, "%.3g", correlation.pValue())
            : "n/a")
        + ")";
  }

  /**
   * Returns the comparison as JSON: {@code reports} (benchmark, model, headline average and its
   * value), {@code correlations}, {@code notes} and {@code sideBySide} rows whose {@code
   * accuracies} hold one fraction or null per report.
   */
  public String toJson() {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("reports");
    for (Report report : reports) {
      ObjectNode node = list.addObject();
      node.put("benchmark", report.benchmark());
      node.put("model", report.model());
      node.put("headline", report.headlineAverage().name().toLowerCase(Locale.ROOT));
      number(node, "accuracy", headline(report));
    }
    ArrayNode array = root.putArray("correlations");
    for (ComparisonCorrelation correlation : correlations) {
      ObjectNode node = array.addObject();
      node.put("description", correlation.description());
      node.put("first", correlation.first());
      node.put("second", correlation.second());
      node.put("pairs", correlation.pairs());
      ArrayNode keys = node.putArray("keys");
      correlation.keys().forEach(keys::add);
      correlationNode(node.putObject("spearman"), correlation.spearman());
      correlationNode(node.putObject("kendall"), correlation.kendall());
    }
    ArrayNode noteArray = root.putArray("notes");
    notes.forEach(noteArray::add);
    ArrayNode side = root.putArray("sideBySide");
    for (Row row : rows) {
      ObjectNode node = side.addObject();
      node.put("benchmark", row.benchmark());
      node.put("group", row.group());
      ArrayNode cells = node.putArray("accuracies");
      for (Estimate cell : row.accuracies()) {
        if (cell.count() == 0) {
          cells.addNull();
        } else {
          cells.add(cell.value());
        }
      }
    }
    try {
      return Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the comparison could not be written as JSON", e);
    }
  }

  private static void correlationNode(ObjectNode node, Correlation correlation) {
    number(node, "coefficient", correlation.coefficient());
    number(node, "pValue", correlation.pValue());
    number(node, "lower95", correlation.lower95());
    number(node, "upper95", correlation.upper95());
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  @Override
  public String toString() {
    return "Comparison{reports="
        + reports.size()
        + ", rows="
        + rows.size()
        + ", correlations="
        + correlations.size()
        + "}";
  }

  /**
   * One group's accuracy in each compared report.
   *
   * @param benchmark the benchmark's slug
   * @param group the group's name
   * @param accuracies one accuracy per report, in report order; empty where the report has none
   */
  public record Row(String benchmark, String group, List<Estimate> accuracies) {
    /** Validates the components and copies the accuracies. */
    public Row {
      requireNonNull(benchmark, "benchmark");
      requireNonNull(group, "group");
      accuracies = List.copyOf(accuracies);
    }
  }
}
