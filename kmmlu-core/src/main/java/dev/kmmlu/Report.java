package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.datasets.Licence;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.Outcome;
import dev.kmmlu.scoring.Scorecard;
import dev.kmmlu.scoring.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one evaluation: the scorecard (micro and macro accuracy with uncertainty, per
 * group and per subject, unparsed and failed counts, extraction statuses), the licence verdicts
 * for KMMLU-Pro, every item's result, and the {@link RunInfo} that reproduces the run. Immutable
 * and thread-safe.
 *
 * <p>Accuracies are fractions in [0, 1]. Unparsed replies count as incorrect (and are counted
 * separately); failed model calls are left out of the denominator unless the run counted them as
 * wrong, and a report with failed items says it is incomplete.
 */
public final class Report {
  static final String JSON_FILE = "report.json";
  static final String MARKDOWN_FILE = "report.md";
  static final String HTML_FILE = "report.html";

  private final RunInfo run;
  private final int questions;
  private final int correct;
  private final int incorrect;
  private final int unparsed;
  private final int failed;
  private final boolean complete;
  private final Estimate micro;
  private final Estimate macro;
  private final List<GroupScore> groups;
  private final Map<String, List<GroupScore>> subjects;
  private final Map<ExtractionStatus, Integer> statusCounts;
  private final List<Verdict> verdicts;
  private final List<ItemResult> items;

  Report(
      RunInfo run,
      int questions,
      int correct,
      int incorrect,
      int unparsed,
      int failed,
      boolean complete,
      Estimate micro,
      Estimate macro,
      List<GroupScore> groups,
      Map<String, List<GroupScore>> subjects,
      Map<ExtractionStatus, Integer> statusCounts,
      List<Verdict> verdicts,
      List<ItemResult> items) {
    this.run = requireNonNull(run, "run");
    this.questions = questions;
    this.correct = correct;
    this.incorrect = incorrect;
    this.unparsed = unparsed;
    this.failed = failed;
    this.complete = complete;
    this.micro = requireNonNull(micro, "micro");
    this.macro = requireNonNull(macro, "macro");
    this.groups = List.copyOf(groups);
    Map<String, List<GroupScore>> copy = new LinkedHashMap<>();
    subjects.forEach((group, list) -> copy.put(group, List.copyOf(list)));
    this.subjects = java.util.Collections.unmodifiableMap(copy);
    EnumMap<ExtractionStatus, Integer> counts = new EnumMap<>(ExtractionStatus.class);
    for (ExtractionStatus status : ExtractionStatus.values()) {
      counts.put(status, statusCounts.getOrDefault(status, 0));
    }
    this.statusCounts = java.util.Collections.unmodifiableMap(counts);
    this.verdicts = List.copyOf(verdicts);
    this.items = List.copyOf(items);
  }

  /**
   * Returns the report of a scored run.
   *
   * @param run what reproduces the run
   * @param scorecard the graded outcomes
   * @param verdicts the licence verdicts (empty for benchmarks without pass rules)
   */
  public static Report of(RunInfo run, Scorecard scorecard, List<Verdict> verdicts) {
    requireNonNull(run, "run");
    requireNonNull(scorecard, "scorecard");
    requireNonNull(verdicts, "verdicts");
    Map<String, List<GroupScore>> subjects = new LinkedHashMap<>();
    for (GroupScore group : scorecard.groups()) {
      subjects.put(group.name(), scorecard.subjects(group.name()));
    }
    List<ItemResult> items = new ArrayList<>(scorecard.outcomes().size());
    for (Outcome outcome : scorecard.outcomes()) {
      items.add(item(outcome));
    }
    return new Report(
        run,
        scorecard.questions(),
        scorecard.correct(),
        scorecard.incorrect(),
        scorecard.unparsed(),
        scorecard.failed(),
        scorecard.isComplete(),
        scorecard.accuracy(Average.MICRO),
        scorecard.accuracy(Average.MACRO),
        scorecard.groups(),
        subjects,
        scorecard.statusCounts(),
        verdicts,
        items);
  }

  private static ItemResult item(Outcome outcome) {
    String choice =
        outcome.findExtraction().flatMap(e -> e.choice()).map(c -> c.letter()).orElse("");
    String status = outcome.findExtraction().map(e -> e.status().name()).orElse("");
    return new ItemResult(
        outcome.question().id(),
        outcome.question().group(),
        outcome.question().subject(),
        outcome.question().answer().letter(),
        choice,
        status,
        outcome.kind(),
        outcome.question().points());
  }

  /** Returns what reproduces the run. */
  public RunInfo run() {
    return run;
  }

  /** Returns the benchmark's slug, such as {@code kmmlu-pro}. */
  public String benchmark() {
    return run.benchmark();
  }

  /** Returns the model's id. */
  public String model() {
    return run.modelId();
  }

  /** Returns the number of questions in the run. */
  public int questions() {
    return questions;
  }

  /** Returns the number answered correctly. */
  public int correct() {
    return correct;
  }

  /** Returns the number answered with a wrong option. */
  public int incorrect() {
    return incorrect;
  }

  /** Returns the number whose reply gave no single option (scored as incorrect). */
  public int unparsed() {
    return unparsed;
  }

  /** Returns the number whose model call failed. */
  public int failed() {
    return failed;
  }

  /** Returns whether every question was answered (no failed model calls). */
  public boolean isComplete() {
    return complete;
  }

  /**
   * Returns the accuracy as a micro average (over items: binomial standard error, Wilson 95%
   * interval) or a macro average (the mean of group accuracies, as the KMMLU paper reports).
   */
  public Estimate accuracy(Average average) {
    requireNonNull(average, "average");
    return average == Average.MICRO ? micro : macro;
  }

  /** Returns the average the benchmark's paper reports: macro for KMMLU, micro otherwise. */
  public Average headlineAverage() {
    return run.headline().equals("macro") ? Average.MACRO : Average.MICRO;
  }

  /** Returns the scores per reporting group, in the dataset's order. */
  public List<GroupScore> groups() {
    return groups;
  }

  /** Returns one group's score, if the run had that group. */
  public Optional<GroupScore> group(String name) {
    requireNonNull(name, "name");
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** Returns the scores per subject within {@code group}; empty when there is no such group. */
  public List<GroupScore> subjects(String group) {
    requireNonNull(group, "group");
    return subjects.getOrDefault(group, List.of());
  }

  /** Returns how many replies had each extraction status (every status is a key). */
  public Map<ExtractionStatus, Integer> statusCounts() {
    return statusCounts;
  }

  /**
   * Returns the scores of KMMLU's four supercategories (STEM, Applied Science, HUMSS, Other) for a
   * KMMLU or KMMLU-HARD run, computed from the subject groups; empty for other benchmarks.
   */
  public List<SupercategoryScore> supercategories() {
    if (!run.benchmark().equals("kmmlu") && !run.benchmark().equals("kmmlu-hard")) {
      return List.of();
    }
    return SupercategoryScore.of(groups);
  }

  /** Returns the licence verdicts (KMMLU-Pro); empty for other benchmarks. */
  public List<Verdict> verdicts() {
    return verdicts;
  }

  /**
   * Returns the verdict for a licence named in Korean, by alias or in English (such as 약사,
   * 회계사 or "Pharmacist").
   */
  public Optional<Verdict> verdict(String licence) {
    requireNonNull(licence, "licence");
    String name = Licence.parse(licence).map(Licence::koreanName).orElse(licence.strip());
    return verdicts.stream().filter(v -> v.licence().equals(name)).findFirst();
  }

  /** Returns how many licences the model passed. */
  public int passedCount() {
    return (int) verdicts.stream().filter(Verdict::passed).count();
  }

  /** Returns every item's result, in question order. */
  public List<ItemResult> items() {
    return items;
  }

  /** Returns the report as JSON (the {@code report.json} schema; see the README). */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** Returns the report as Markdown tables. */
  public String toMarkdown() {
    return MarkdownReport.render(this);
  }

  /** Returns the report as one self-contained HTML page with inline SVG charts. */
  public String toHtml() {
    return HtmlReport.render(this);
  }

  /**
   * Writes {@code report.json}, {@code report.md} and {@code report.html} into {@code directory},
   * each atomically (a temporary file renamed into place).
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public void writeTo(Path directory) {
    requireNonNull(directory, "directory");
    writeAtomically(directory.resolve(JSON_FILE), toJson());
    writeAtomically(directory.resolve(MARKDOWN_FILE), toMarkdown());
    writeAtomically(directory.resolve(HTML_FILE), toHtml());
  }

  /**
   * Reads a report back from a {@code report.json} file, or from a directory that holds one.
   *
   * @throws DatasetException if the file is missing or not a report
   */
  public static Report read(Path path) {
    requireNonNull(path, "path");
    Path file = Files.isDirectory(path) ? path.resolve(JSON_FILE) : path;
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file.toString(), "no report.json here; run `evaluate --out DIR` first");
    }
    try {
      return ReportJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new DatasetException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses a report from its JSON text; {@code sourceName} names it in error messages. */
  public static Report fromJson(String json, String sourceName) {
    requireNonNull(json, "json");
    requireNonNull(sourceName, "sourceName");
    return ReportJson.read(json, sourceName);
  }

  static void writeAtomically(Path file, String content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // Not Files.createTempFile: its files are private (0600); reports get the usual permissions.
      Path temp =
          parent.resolve(
              "." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public String toString() {
    return "Report{benchmark="
        + run.benchmark()
        + ", model="
        + run.modelId()
        + ", questions="
        + questions
        + ", correct="
        + correct
        + ", micro="
        + micro.value()
        + ", macro="
        + macro.value()
        + "}";
  }
}
