package dev.kmmlu.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmmlu.DataSource;
import dev.kmmlu.Evaluation;
import dev.kmmlu.EvaluationException;
import dev.kmmlu.GenerationSettings;
import dev.kmmlu.Kmmlu;
import dev.kmmlu.Model;
import dev.kmmlu.OpenAiCompatibleModel;
import dev.kmmlu.PromptTemplate;
import dev.kmmlu.Report;
import dev.kmmlu.SupercategoryScore;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.KmmluException;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Estimate;
import dev.kmmlu.scoring.GroupScore;
import dev.kmmlu.scoring.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kmmlu evaluate}: runs a model on a benchmark and leaves {@code run.json}, {@code
 * responses.jsonl}, {@code report.json}, {@code report.md} and {@code report.html} in {@code
 * --out}.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a model on a benchmark. Writes run.json, responses.jsonl (the journal), report.json,"
          + " report.md and report.html into --out, and prints the summary.",
      "The API key is read from the environment variable named by --api-key-env (default"
          + " OPENAI_API_KEY) and is never written anywhere."
    })
final class EvaluateCommand implements Callable<Integer>, KmmluCommand.Verbosity {
  static final String RUN_FILE = "run.json";
  static final String JOURNAL_FILE = "responses.jsonl";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(
      names = "--benchmark",
      required = true,
      converter = DatasetsCommand.BenchmarkConverter.class,
      description = "kmmlu, kmmlu-hard, redux or pro.")
  Benchmark benchmark;

  @Option(
      names = "--data",
      defaultValue = "hub",
      paramLabel = "PATH|demo|hub",
      description = "A directory in the hub layout or one file; demo (bundled); hub (default).")
  String data;

  @Mixin HubOptions hub;

  @Option(
      names = "--split",
      description = "The split to evaluate (default test).")
  String split;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description =
          "builtin:constant:A..E, builtin:random[:SEED], builtin:human[:SEED], or openai"
              + " (any OpenAI-compatible server; needs --base-url and --model-name).")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The server's base URL, such as http://localhost:8000/v1.")
  String baseUrl;

  @Option(names = "--model-name", paramLabel = "NAME", description = "The served model's name.")
  String modelName;

  @Option(
      names = "--api-key-env",
      defaultValue = "OPENAI_API_KEY",
      paramLabel = "VAR",
      description = "The environment variable holding the API key (default ${DEFAULT-VALUE}).")
  String apiKeyEnv;

  @Option(
      names = "--prompt",
      paramLabel = "ko-cot|en-cot|direct",
      description =
          "The prompt template (default: the benchmark's paper setting; direct for KMMLU).")
  String prompt;

  @Option(names = "--shots", description = "Solved dev examples before each question (0-5).")
  Integer shots;

  @Option(
      names = "--extractor",
      paramLabel = "robust|paper|lm-eval|strict",
      description = "The answer extraction policy (default robust).")
  String extractor;

  @Option(names = "--concurrency", description = "Model calls in flight (default 8).")
  Integer concurrency;

  @Option(names = "--limit", description = "Evaluate only the first N questions.")
  Integer limit;

  @Option(names = "--seed", description = "The run's seed (sampling, bootstrap, random models).")
  Long seed;

  @Option(names = "--max-tokens", description = "The completion token limit.")
  Integer maxTokens;

  @Option(names = "--temperature", description = "The sampling temperature.")
  Double temperature;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
  Path out;

  @Option(names = "--resume", description = "Continue the run whose journal is in --out.")
  boolean resume;

  @Option(
      names = "--restart",
      description = "Set the journal in --out aside (as a backup) and start over.")
  boolean restart;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  /** Reads environment variables; tests replace it. */
  Function<String, String> environment = System::getenv;

  /** Whether progress goes to a terminal (a single updated line) or to a log (plain lines). */
  boolean terminal = System.console() != null;

  @Override
  public boolean isVerbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    checkUsage();
    Evaluation evaluation = configure();
    ModelChoice chosen = model();
    Map<String, Object> configuration = evaluation.describe();
    Dataset dataset = evaluation.dataset();
    evaluation = evaluation.withDataset(dataset);
    writeRunFile(configuration, chosen, dataset);
    PrintWriter err = spec.commandLine().getErr();
    ProgressPrinter progress = new ProgressPrinter(err, terminal);
    Report report;
    try {
      report =
          evaluation
              .withJournal(out)
              .withRestart(restart)
              .withProgressListener(progress)
              .evaluate(chosen.model());
    } catch (EvaluationException e) {
      progress.finish();
      throw new KmmluException(
          e.getMessage()
              + "; "
              + e.finished()
              + " of "
              + e.total()
              + " items are in "
              + out.resolve(JOURNAL_FILE)
              + ", run again with --resume to continue",
          e);
    }
    progress.finish();
    report.writeTo(out);
    printSummary(report, spec.commandLine().getOut());
    return 0;
  }

  private void checkUsage() {
    if (resume && restart) {
      throw usage("--resume and --restart cannot be used together; pass one");
    }
    if (Files.exists(out.resolve(JOURNAL_FILE)) && !resume && !restart) {
      throw usage(
          out.resolve(JOURNAL_FILE)
              + " already exists; pass --resume to continue that run or --restart to start over");
    }
    if (data.equals(DataSources.DEMO) && benchmark != Benchmark.KMMLU_PRO) {
      throw usage("--data demo is a KMMLU-Pro set; use it with --benchmark pro");
    }
    if (model.startsWith("builtin:human")
        && benchmark != Benchmark.KMMLU
        && benchmark != Benchmark.KMMLU_HARD) {
      throw usage(
          "builtin:human answers with KMMLU's human accuracies; use it with --benchmark kmmlu or"
              + " kmmlu-hard");
    }
    if (prompt != null && !prompt.matches("ko-cot|en-cot|direct")) {
      throw usage("--prompt must be ko-cot, en-cot or direct, but was " + prompt);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private Evaluation configure() {
    Evaluation evaluation = Kmmlu.of(benchmark).withDataSource(dataSource());
    try {
      if (split != null) {
        evaluation = evaluation.withSplit(split);
      }
      if (seed != null) {
        evaluation = evaluation.withSeed(seed);
      }
      if (prompt != null) {
        evaluation = evaluation.withTemplate(template(prompt, shots == null ? 0 : shots));
      }
      if (shots != null) {
        evaluation = evaluation.withShots(shots);
      }
      if (extractor != null) {
        evaluation = evaluation.withExtractor(extractor);
      }
      if (concurrency != null) {
        evaluation = evaluation.withConcurrency(concurrency);
      }
      if (limit != null) {
        evaluation = evaluation.withLimit(limit);
      }
      GenerationSettings settings = evaluation.settings();
      if (maxTokens != null) {
        settings = settings.withMaxTokens(maxTokens);
      }
      if (temperature != null) {
        settings = settings.withTemperature(temperature);
      }
      return evaluation.withSettings(settings);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private static PromptTemplate template(String name, int shots) {
    switch (name) {
      case "en-cot":
        return PromptTemplate.englishCot();
      case "direct":
        return PromptTemplate.kmmluDirect(shots);
      default:
        return PromptTemplate.koreanCot();
    }
  }

  private DataSource dataSource() {
    switch (data) {
      case DataSources.DEMO:
        return DataSource.demo();
      case DataSources.HUB:
        return DataSource.hub(hub.client());
      default:
        return DataSource.directory(Path.of(data));
    }
  }

  /** A model and what run.json says about it. */
  private static final class ModelChoice {
    private final Model model;
    private final String endpointHost;

    ModelChoice(Model model, String endpointHost) {
      this.model = model;
      this.endpointHost = endpointHost;
    }

    Model model() {
      return model;
    }
  }

  private ModelChoice model() {
    long runSeed = seed == null ? 0 : seed;
    String[] parts = model.split(":", -1);
    if (parts[0].equals("openai") && parts.length == 1) {
      if (baseUrl == null || modelName == null) {
        throw usage("--model openai needs --base-url and --model-name");
      }
      OpenAiCompatibleModel.Builder builder;
      try {
        builder = OpenAiCompatibleModel.builder().baseUrl(baseUrl).modelName(modelName);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      String key = environment.apply(apiKeyEnv);
      if (key != null && !key.isBlank()) {
        builder.apiKey(key);
      }
      OpenAiCompatibleModel built = builder.build();
      return new ModelChoice(built, built.endpointHost());
    }
    if (parts[0].equals("builtin") && parts.length >= 2) {
      switch (parts[1]) {
        case "constant":
          if (parts.length == 3) {
            Optional<Choice> choice = Choice.parse(parts[2]);
            if (choice.isPresent() && parts[2].matches("[A-E]")) {
              return new ModelChoice(Model.constant(choice.get()), "");
            }
          }
          break;
        case "random":
          if (parts.length == 2) {
            return new ModelChoice(Model.random(runSeed), "");
          }
          if (parts.length == 3 && parts[2].matches("-?\\d{1,18}")) {
            return new ModelChoice(Model.random(Long.parseLong(parts[2])), "");
          }
          break;
        case "human":
          if (parts.length == 2) {
            return new ModelChoice(Model.human(runSeed), "");
          }
          if (parts.length == 3 && parts[2].matches("-?\\d{1,18}")) {
            return new ModelChoice(Model.human(Long.parseLong(parts[2])), "");
          }
          break;
        default:
          break;
      }
    }
    throw usage(
        "--model must be builtin:constant:A..E, builtin:random[:SEED], builtin:human[:SEED] or"
            + " openai, but was "
            + model);
  }

  private void writeRunFile(
      Map<String, Object> configuration, ModelChoice chosen, Dataset dataset) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("benchmark", benchmark.slug());
    options.put("data", data);
    options.put("model", model);
    options.put("modelName", modelName);
    options.put("apiKeyEnv", apiKeyEnv);
    options.put("prompt", prompt);
    options.put("shots", shots);
    options.put("extractor", extractor);
    options.put("concurrency", concurrency);
    options.put("limit", limit);
    options.put("seed", seed);
    options.put("maxTokens", maxTokens);
    options.put("temperature", temperature);
    options.put("split", split);
    options.put("revision", hub.revision);
    options.put("offline", hub.offline);
    options.put("resume", resume);
    options.put("restart", restart);
    options.values().removeIf(java.util.Objects::isNull);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "evaluate");
    run.put("options", options);
    run.put("modelId", chosen.model.id());
    run.put("endpointHost", chosen.endpointHost);
    run.put("datasetSource", dataset.source());
    run.put("datasetRevision", dataset.revision());
    run.put("datasetFingerprint", dataset.fingerprint());
    run.put("questions", dataset.size());
    run.put("seed", configuration.get("seed"));
    run.put("libraryVersion", Kmmlu.version());
    run.put("configuration", configuration);
    try {
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(RUN_FILE), JSON.writeValueAsString(run) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out.resolve(RUN_FILE), e);
    }
  }

  /** Prints the summary: accuracies with intervals, per group, and the licence verdicts. */
  static void printSummary(Report report, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %s, %,d questions (%,d correct, %,d incorrect, %,d unparsed, %,d failed)%n",
        report.benchmark(),
        report.model(),
        report.questions(),
        report.correct(),
        report.incorrect(),
        report.unparsed(),
        report.failed());
    if (!report.isComplete()) {
      out.println(
          "warning: incomplete run; failed items are left out of the denominators (use --resume"
              + " to retry them)");
    }
    Table summary = new Table("average", "accuracy", "± SE", "95% interval");
    for (Average average : Average.values()) {
      Estimate estimate = report.accuracy(average);
      String label = average.name().toLowerCase(Locale.ROOT);
      summary.row(
          report.headlineAverage() == average ? label + " (headline)" : label,
          percent(estimate.value()),
          estimate.count() == 0 ? "n/a" : points(estimate.standardError()),
          interval(estimate));
    }
    summary.print(out);
    out.println();
    Table groups = new Table("group", "questions", "correct", "accuracy", "95% interval");
    for (GroupScore group : report.groups()) {
      groups.row(
          group.name(),
          String.format(Locale.ROOT, "%,d", group.questions()),
          String.format(Locale.ROOT, "%,d", group.correct()),
          percent(group.accuracy().value()),
          interval(group.accuracy()));
    }
    groups.print(out);
    if (!report.supercategories().isEmpty()) {
      out.println();
      Table supers = new Table("supercategory", "subjects", "questions", "micro", "macro");
      for (SupercategoryScore score : report.supercategories()) {
        supers.row(
            score.name(),
            String.valueOf(score.subjects()),
            String.format(Locale.ROOT, "%,d", score.questions()),
            percent(score.micro()),
            percent(score.macro()));
      }
      supers.print(out);
    }
    if (!report.verdicts().isEmpty()) {
      out.println();
      Table licences = new Table("licence", "verdict", "accuracy");
      for (Verdict verdict : report.verdicts()) {
        licences.row(
            verdict.displayName(),
            verdict.status().label(),
            percent(verdict.accuracy().value()));
      }
      licences.print(out);
      out.printf(
          Locale.ROOT,
          "passed %d of %d licences%n",
          report.passedCount(),
          report.verdicts().size());
    }
    out.flush();
  }

  static String percent(double fraction) {
    return Double.isFinite(fraction)
        ? String.format(Locale.ROOT, "%.1f%%", fraction * 100)
        : "n/a";
  }

  private static String points(double fraction) {
    return String.format(Locale.ROOT, "%.1f pp", fraction * 100);
  }

  private static String interval(Estimate estimate) {
    return estimate.count() == 0 || !Double.isFinite(estimate.lower())
        ? "n/a"
        : String.format(
            Locale.ROOT, "%.1f–%.1f%%", estimate.lower() * 100, estimate.upper() * 100);
  }
}
