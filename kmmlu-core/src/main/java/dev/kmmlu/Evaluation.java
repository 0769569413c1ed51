package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.scoring.AnswerExtractor;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionInput;
import dev.kmmlu.scoring.LicensureRules;
import dev.kmmlu.scoring.Outcome;
import dev.kmmlu.scoring.Scorecard;
import dev.kmmlu.scoring.ScoringOptions;
import dev.kmmlu.scoring.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A configured evaluation: which data, which prompt, how answers are extracted and scored, and
 * how the model is driven (concurrency, retries, rate limit, journal). Instances are immutable and
 * thread-safe; each {@code withX} method returns a copy. Start from a preset in {@link Kmmlu}.
 *
 * <pre>{@code
 * Report report = Kmmlu.pro()
 *     .withConcurrency(16)
 *     .withJournal(Path.of("runs/exaone"))
 *     .evaluate(model);
 * }</pre>
 *
 * <p>Results do not depend on concurrency: the report lists items in dataset order, whatever order
 * they finished in. Every random choice (the sample, the bootstrap) draws from {@link #seed()}.
 */
public final class Evaluation {
  /** The default number of model calls in flight. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** The default share of failed items past which a run stops. */
  public static final double DEFAULT_FAILURE_THRESHOLD = 0.05;

  /** The default number of finished items before the failure threshold applies. */
  public static final int DEFAULT_FAILURE_MIN_ITEMS = 20;

  private final Settings s;

  Evaluation(Settings settings) {
    this.s = settings;
  }

  /**
   * Returns an evaluation of {@code benchmark} with plain defaults: the hub as data source, the
   * Korean chain-of-thought prompt, the robust extractor, greedy decoding and micro averaging. The
   * presets in {@link Kmmlu} set each benchmark's paper settings.
   */
  public static Evaluation of(Benchmark benchmark) {
    requireNonNull(benchmark, "benchmark");
    Settings settings = new Settings();
    settings.benchmark = benchmark;
    settings.split = benchmark.splits().get(0);
    settings.dataSource = DataSource.hub();
    settings.template = PromptTemplate.koreanCot();
    settings.shots = 0;
    settings.extractor = AnswerExtractor.robust();
    settings.extractorName = "robust";
    settings.generation = GenerationSettings.paperGreedy();
    settings.headline = Average.MICRO;
    settings.rules = benchmark == Benchmark.KMMLU_PRO ? LicensureRules.paper() : LicensureRules.empty();
    return new Evaluation(settings);
  }

  // ---- accessors

  /** Returns the benchmark evaluated. */
  public Benchmark benchmark() {
    return s.benchmark;
  }

  /** Returns the split evaluated. */
  public String split() {
    return s.split;
  }

  /** Returns where the questions come from. */
  public DataSource dataSource() {
    return s.dataSource;
  }

  /** Returns the prompt template. */
  public PromptTemplate template() {
    return s.template;
  }

  /** Returns the number of solved examples put before each question. */
  public int shots() {
    return s.shots;
  }

  /** Returns the answer extractor. */
  public AnswerExtractor extractor() {
    return s.extractor;
  }

  /** Returns the generation settings sent with every prompt. */
  public GenerationSettings settings() {
    return s.generation;
  }

  /** Returns the seed for sampling and the bootstrap. */
  public long seed() {
    return s.seed;
  }

  /** Returns the most model calls in flight at once. */
  public int concurrency() {
    return s.concurrency;
  }

  /** Returns the journal directory, if the run keeps a journal. */
  public Optional<Path> journalDirectory() {
    return Optional.ofNullable(s.journalDirectory);
  }

  /** Returns the average the report leads with. */
  public Average headline() {
    return s.headline;
  }

  /** Returns the licensure pass rules applied to the results (empty outside KMMLU-Pro). */
  public LicensureRules rules() {
    return s.rules;
  }

  // ---- withers

  /** Returns a copy that reads questions from {@code dataSource}. */
  public Evaluation withDataSource(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    return copy(c -> c.dataSource = dataSource);
  }

  /** Returns a copy that evaluates {@code dataset} as it is (its benchmark must match). */
  public Evaluation withDataset(Dataset dataset) {
    requireNonNull(dataset, "dataset");
    if (dataset.benchmark() != s.benchmark) {
      throw new IllegalArgumentException(
          "dataset must be of benchmark " + s.benchmark + ", but was " + dataset.benchmark());
    }
    return copy(c -> {
      c.dataSource = DataSource.of(dataset);
      c.split = dataset.split();
    });
  }

  /**
   * Returns a copy that evaluates {@code split}.
   *
   * @throws IllegalArgumentException if the benchmark has no such split
   */
  public Evaluation withSplit(String split) {
    requireNonNull(split, "split");
    if (!s.benchmark.splits().contains(split)) {
      throw new IllegalArgumentException(
          "split must be one of " + s.benchmark.splits() + ", but was " + split);
    }
    return copy(c -> c.split = split);
  }

  /** Returns a copy that keeps only questions of these groups (subjects, categories, licences). */
  public Evaluation withGroups(Collection<String> groups) {
    requireNonNull(groups, "groups");
    Set<String> copy = new LinkedHashSet<>(groups);
    return copy(c -> c.groups = Set.copyOf(copy));
  }

  /**
   * Returns a copy that keeps at most the first {@code limit} questions (0 keeps all).
   *
   * @throws IllegalArgumentException if limit is negative
   */
  public Evaluation withLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, but was " + limit);
    }
    return copy(c -> c.limit = limit);
  }

  /**
   * Returns a copy that evaluates a seeded random sample of {@code count} questions, kept in dataset
   * order (0 evaluates all).
   *
   * @throws IllegalArgumentException if count is negative
   */
  public Evaluation withSample(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("sample must not be negative, but was " + count);
    }
    return copy(c -> c.sample = count);
  }

  /** Returns a copy that draws every random choice from {@code seed}. */
  public Evaluation withSeed(long seed) {
    return copy(c -> c.seed = seed);
  }

  /** Returns a copy that renders prompts with {@code template} (and its number of shots). */
  public Evaluation withTemplate(PromptTemplate template) {
    requireNonNull(template, "template");
    return copy(c -> {
      c.template = template;
      c.shots = template.shots();
    });
  }

  /**
   * Returns a copy that puts {@code shots} solved examples of the same group, from the dev split,
   * before each question. For the KMMLU direct template this also changes the template.
   *
   * @throws IllegalArgumentException if shots is not between 0 and 5
   */
  public Evaluation withShots(int shots) {
    if (shots < 0 || shots > DirectPromptTemplate.MAX_SHOTS) {
      throw new IllegalArgumentException(
          "shots must be between 0 and " + DirectPromptTemplate.MAX_SHOTS + ", but was " + shots);
    }
    return copy(c -> {
      if (c.template instanceof DirectPromptTemplate) {
        DirectPromptTemplate direct = (DirectPromptTemplate) c.template;
        c.template = PromptTemplate.kmmluDirect(shots).withShotsAsText(direct.shotsAsText());
      }
      c.shots = shots;
    });
  }

  /** Returns a copy that finds answers with {@code extractor} (recorded as "custom"). */
  public Evaluation withExtractor(AnswerExtractor extractor) {
    requireNonNull(extractor, "extractor");
    return copy(c -> {
      c.extractor = extractor;
      c.extractorName = "custom";
    });
  }

  /**
   * Returns a copy that finds answers with a named policy: {@code robust}, {@code paper}, {@code
   * lm-eval} or {@code strict}.
   *
   * @throws IllegalArgumentException if the name is none of these
   */
  public Evaluation withExtractor(String policy) {
    requireNonNull(policy, "policy");
    AnswerExtractor extractor = AnswerExtractor.byName(policy);
    String name = policy.strip().toLowerCase(Locale.ROOT);
    return copy(c -> {
      c.extractor = extractor;
      c.extractorName = name;
    });
  }

  /** Returns a copy that sends {@code settings} with every prompt. */
  public Evaluation withSettings(GenerationSettings settings) {
    requireNonNull(settings, "settings");
    return copy(c -> c.generation = settings);
  }

  /**
   * Returns a copy with at most {@code concurrency} model calls in flight.
   *
   * @throws IllegalArgumentException if concurrency is not between 1 and 1024
   */
  public Evaluation withConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException(
          "concurrency must be between 1 and 1024, but was " + concurrency);
    }
    return copy(c -> c.concurrency = concurrency);
  }

  /**
   * Returns a copy that runs model calls on {@code executor} (for example virtual threads on Java
   * 21) instead of a pool the run creates; at most {@link #concurrency()} are in flight either way.
   */
  public Evaluation withExecutor(Executor executor) {
    requireNonNull(executor, "executor");
    return copy(c -> c.executor = executor);
  }

  /**
   * Returns a copy that retries a model call whose {@link ModelException} is transient, following
   * {@code retryPolicy}. The default is {@link RetryPolicy#none()}, because {@link
   * OpenAiCompatibleModel} already retries on its own; use this for wrappers that do not.
   */
  public Evaluation withRetryPolicy(RetryPolicy retryPolicy) {
    requireNonNull(retryPolicy, "retryPolicy");
    return copy(c -> c.retryPolicy = retryPolicy);
  }

  /**
   * Returns a copy that starts at most {@code perSecond} model calls per second (0 for no limit).
   *
   * @throws IllegalArgumentException if perSecond is negative or not finite
   */
  public Evaluation withRequestsPerSecond(double perSecond) {
    if (!(perSecond >= 0.0 && Double.isFinite(perSecond))) {
      throw new IllegalArgumentException(
          "requests per second must not be negative, but was " + perSecond);
    }
    return copy(c -> c.requestsPerSecond = perSecond);
  }

  /**
   * Returns a copy that keeps a crash-safe journal, {@code directory/responses.jsonl}. Running again
   * with the same directory resumes: finished items are not sent again.
   */
  public Evaluation withJournal(Path directory) {
    requireNonNull(directory, "directory");
    return copy(c -> c.journalDirectory = directory);
  }

  /** Returns a copy that keeps no journal. */
  public Evaluation withoutJournal() {
    return copy(c -> c.journalDirectory = null);
  }

  /**
   * Returns a copy that, when {@code restart} is true, sets an existing journal aside (renamed to
   * a backup) and starts over instead of resuming.
   */
  public Evaluation withRestart(boolean restart) {
    return copy(c -> c.restart = restart);
  }

  /**
   * Returns a copy that stops the run when failed items exceed {@code fraction} of the finished
   * ones, once at least {@code minItems} have finished.
   *
   * @throws IllegalArgumentException if fraction is not within [0, 1] or minItems is negative
   */
  public Evaluation withFailureThreshold(double fraction, int minItems) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException(
          "failure threshold must be between 0 and 1, but was " + fraction);
    }
    if (minItems < 0) {
      throw new IllegalArgumentException("min items must not be negative, but was " + minItems);
    }
    return copy(c -> {
      c.failureThreshold = fraction;
      c.failureMinItems = minItems;
    });
  }

  /** Returns a copy that reports progress to {@code listener}. */
  public Evaluation withProgressListener(ProgressListener listener) {
    requireNonNull(listener, "listener");
    return copy(c -> c.listener = listener);
  }

  /** Returns a copy that reads the time from {@code clock} (for the report's timestamps). */
  public Evaluation withClock(Clock clock) {
    requireNonNull(clock, "clock");
    return copy(c -> c.clock = clock);
  }

  /** Returns a copy that judges licences with {@code rules}. */
  public Evaluation withRules(LicensureRules rules) {
    requireNonNull(rules, "rules");
    return copy(c -> c.rules = rules);
  }

  /** Returns a copy that scores with {@code options} (its seed is replaced by this run's seed). */
  public Evaluation withScoringOptions(ScoringOptions options) {
    requireNonNull(options, "options");
    return copy(c -> c.scoring = options);
  }

  /** Returns a copy whose report leads with {@code average}. */
  public Evaluation withHeadline(Average average) {
    requireNonNull(average, "average");
    return copy(c -> c.headline = average);
  }

  /**
   * Returns the configuration as plain values, for {@code run.json}: benchmark, split, data source,
   * filters, template, shots, extractor, settings, concurrency, seed and the rest. Holds no
   * secrets.
   */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("benchmark", s.benchmark.slug());
    d.put("split", s.split);
    d.put("dataSource", s.dataSource.describe());
    d.put("groups", List.copyOf(new java.util.TreeSet<>(s.groups)));
    d.put("limit", s.limit);
    d.put("sample", s.sample);
    d.put("seed", s.seed);
    d.put("template", s.template.name());
    d.put("templateHash", s.template.hash());
    d.put("shots", s.shots);
    d.put("extractor", s.extractorName);
    d.put("settings", settingsMap(s.generation));
    d.put("concurrency", s.concurrency);
    d.put("requestsPerSecond", s.requestsPerSecond);
    d.put("retryMaxAttempts", s.retryPolicy.maxAttempts());
    d.put("failureThreshold", s.failureThreshold);
    d.put("failureMinItems", s.failureMinItems);
    d.put("headline", s.headline.name().toLowerCase(Locale.ROOT));
    d.put("countFailedAsWrong", s.scoring.countFailedAsWrong());
    d.put("weightByPoints", s.scoring.weightByPoints());
    d.put("licensureRules", s.rules.licences().size());
    d.put("libraryVersion", Kmmlu.version());
    return d;
  }

  /**
   * Loads the questions this evaluation would ask: the split from the data source, then the group
   * filter, the seeded sample and the limit, in that order.
   *
   * @throws dev.kmmlu.datasets.DatasetException if the data cannot be read
   */
  public Dataset dataset() {
    Dataset dataset = s.dataSource.load(s.benchmark, s.split);
    if (!s.groups.isEmpty()) {
      dataset = dataset.withGroups(s.groups);
    }
    if (s.sample > 0 && s.sample < dataset.size()) {
      dataset = dataset.sample(s.sample, s.seed);
    }
    if (s.limit > 0 && s.limit < dataset.size()) {
      dataset = dataset.limit(s.limit);
    }
    return dataset;
  }

  /**
   * Runs the evaluation: asks {@code model} every question (at most {@link #concurrency()} at once),
   * extracts and grades each answer, keeps the journal, and returns the report. A model call that
   * fails after retries becomes a failed item; the run stops with an {@link EvaluationException}
   * only when failures pass the threshold, or when the calling thread is interrupted. In both cases
   * the journal holds every item that finished.
   *
   * @throws EvaluationException if the run stopped before it finished
   * @throws dev.kmmlu.datasets.DatasetException if the data cannot be read
   * @throws IllegalStateException if {@link #shots()} is positive and the dataset has no few-shot
   *     source (KMMLU-Redux and KMMLU-Pro have no dev split)
   * @throws IllegalArgumentException if a group has fewer few-shot examples than {@link #shots()}
   * @throws dev.kmmlu.datasets.KmmluException if an existing journal was written for another
   *     model, template or settings, or holds replies to prompts this run would not send (such as
   *     after a change of {@link #shots()}); see {@link #withRestart}
   */
  public Report evaluate(Model model) {
    requireNonNull(model, "model");
    return new Run(this, model).execute();
  }

  Settings settingsForRun() {
    return s;
  }

  static Map<String, Object> settingsMap(GenerationSettings settings) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("maxTokens", settings.maxTokens());
    map.put("temperature", settings.temperature());
    map.put("topP", settings.topP());
    map.put("stop", settings.stop());
    if (settings.seed().isPresent()) {
      map.put("seed", settings.seed().getAsLong());
    }
    return map;
  }

  private Evaluation copy(java.util.function.Consumer<Settings> change) {
    Settings copy = s.copy();
    change.accept(copy);
    return new Evaluation(copy);
  }

  @Override
  public String toString() {
    return "Evaluation" + describe();
  }

  /** The mutable bag behind an immutable {@link Evaluation}; only ever changed on a fresh copy. */
  static final class Settings implements Cloneable {
    Benchmark benchmark;
    String split;
    DataSource dataSource;
    Set<String> groups = Set.of();
    int limit;
    int sample;
    long seed;
    PromptTemplate template;
    int shots;
    AnswerExtractor extractor;
    String extractorName;
    GenerationSettings generation;
    int concurrency = DEFAULT_CONCURRENCY;
    Executor executor;
    RetryPolicy retryPolicy = RetryPolicy.none();
    double requestsPerSecond;
    Path journalDirectory;
    boolean restart;
    double failureThreshold = DEFAULT_FAILURE_THRESHOLD;
    int failureMinItems = DEFAULT_FAILURE_MIN_ITEMS;
    ProgressListener listener = ProgressListener.none();
    Clock clock = Clock.systemUTC();
    LicensureRules rules;
    ScoringOptions scoring = ScoringOptions.defaults();
    Average headline;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Grades one reply; shared by the run and by resumed journal entries. */
  static Outcome grade(AnswerExtractor extractor, Question question, Reply reply) {
    ExtractionInput input =
        new ExtractionInput(
                reply.text(),
                reply.reasoning(),
                reply.finishReason(),
                question.optionCount(),
                question.text(),
                question.options());
    Extraction extraction = extractor.extract(input);
    return Outcome.grade(question, extraction);
  }

  /** Builds the report of a finished run. */
  static Report report(
      Settings s,
      Dataset dataset,
      Model model,
      List<Outcome> outcomes,
      Instant started,
      Instant finished,
      long promptTokens,
      long completionTokens,
      int resumed) {
    Scorecard card = Scorecard.of(outcomes, s.scoring.withSeed(s.seed));
    List<Verdict> verdicts =
        s.rules.licences().isEmpty() ? List.of() : s.rules.judge(card);
    Map<String, Object> settings = new HashMap<>(settingsMap(s.generation));
    RunInfo run =
        new RunInfo(
            s.benchmark.slug(),
            s.split,
            s.dataSource.describe(),
            dataset.fingerprint(),
            dataset.revision(),
            s.template.name(),
            s.template.hash(),
            s.shots,
            s.extractorName,
            model.id(),
            model instanceof OpenAiCompatibleModel
                ? ((OpenAiCompatibleModel) model).endpointHost()
                : "",
            settings,
            s.seed,
            s.headline.name().toLowerCase(Locale.ROOT),
            Kmmlu.version(),
            started,
            finished,
            Duration.between(started, finished),
            promptTokens,
            completionTokens,
            resumed);
    return Report.of(run, card, verdicts);
  }

  static List<Question> shotsFor(Settings s, Dataset dataset, Question question) {
    if (s.shots == 0) {
      return List.of();
    }
    return dataset.fewShotExamples(question.group(), s.shots);
  }

  static <T> List<T> listOf(int size, T fill) {
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(fill);
    }
    return list;
  }
}
