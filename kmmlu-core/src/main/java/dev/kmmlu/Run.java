package dev.kmmlu;

import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.KmmluException;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution of an {@link Evaluation}: loads the questions, replays the journal, runs the rest
 * with bounded concurrency, and builds the report. Not reusable.
 */
final class Run {
  static final String JOURNAL_FILE = "responses.jsonl";
  private static final String INTERRUPTED =
      "the run was interrupted; the journal holds every item that finished, run again to resume";

  private final Evaluation.Settings s;
  private final Model model;
  private final Object lock = new Object();

  private Dataset dataset;
  private List<Question> questions;
  private Outcome[] outcomes;
  private Journal journal;
  private RateLimiter rateLimiter;

  // progress, guarded by lock
  private int done;
  private int correct;
  private int failed;
  private int doneThisRun;
  private long promptTokens;
  private long completionTokens;
  private long startNanos;

  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicReference<String> lastFailure = new AtomicReference<>("");
  private final AtomicReference<Throwable> unexpected = new AtomicReference<>();

  Run(Evaluation evaluation, Model model) {
    this.s = evaluation.settingsForRun();
    this.model = model;
  }

  Report execute() {
    Instant started = s.clock.instant();
    startNanos = System.nanoTime();
    dataset = new Evaluation(s).dataset();
    questions = dataset.questions();
    checkShots();
    outcomes = new Outcome[questions.size()];
    rateLimiter = s.requestsPerSecond > 0 ? new RateLimiter(s.requestsPerSecond) : null;
    int resumed = 0;
    Path journalFile = null;
    if (s.journalDirectory != null) {
      journalFile = s.journalDirectory.resolve(JOURNAL_FILE);
      JournalHeader header =
          JournalHeader.of(
              model, s.template, s.generation, s.benchmark.slug(), dataset.fingerprint(), started);
      journal = Journal.open(journalFile, header, s.restart);
      try {
        resumed = replayJournal(journalFile);
      } catch (RuntimeException e) {
        journal.close();
        throw e;
      }
    }
    try {
      runPending();
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
    String reason = stopReason.get();
    if (reason != null) {
      int finished;
      synchronized (lock) {
        finished = done;
      }
      throw new EvaluationException(
          reason, finished, questions.size(), journalFile, unexpected.get());
    }
    List<Outcome> list = new ArrayList<>(outcomes.length);
    for (Outcome outcome : outcomes) {
      list.add(outcome);
    }
    long in;
    long out;
    synchronized (lock) {
      in = promptTokens;
      out = completionTokens;
    }
    return Evaluation.report(
        s, dataset, model, list, started, s.clock.instant(), in, out, resumed);
  }

  /**
   * Fails before any model call (and before the journal is touched) when the prompts ask for more
   * solved examples than the dataset can give; otherwise every worker would fail on its own.
   */
  private void checkShots() {
    if (s.shots == 0) {
      return;
    }
    if (dataset.fewShot().isEmpty()) {
      String slug = s.benchmark.slug();
      throw new IllegalStateException(
          "shots must be 0 when the dataset has no few-shot examples, but was "
              + s.shots
              + "; "
              + (s.benchmark.splits().contains("dev")
                  ? "load " + slug + " from the hub or a directory that holds its dev split,"
                      + " attach examples with Dataset.withFewShot or use withShots(0)"
                  : slug
                      + " has no dev split: attach examples with Dataset.withFewShot or use"
                      + " withShots(0)"));
    }
    for (String group : dataset.groups()) {
      dataset.fewShotExamples(group, s.shots);
    }
  }

  /**
   * Takes finished items from the journal. Failed items are asked again: a failure is not an
   * answer. The reply is graded again with this run's extractor, so a resumed run and a fresh one
   * grade alike. An entry that answers another prompt than this run would send is refused: the
   * header cannot see every change (a chain-of-thought template hashes alike with and without
   * examples, and the few-shot source is not in the dataset fingerprint).
   */
  private int replayJournal(Path journalFile) {
    Map<String, JournalEntry> byId = new HashMap<>();
    for (JournalEntry entry : journal.entries()) {
      byId.put(entry.questionId(), entry);
    }
    int resumed = 0;
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      JournalEntry entry = byId.get(question.id());
      if (entry == null || entry.outcome() == JournalEntry.Kind.FAILED) {
        continue;
      }
      if (!entry.promptHash().isEmpty()) {
        String wanted =
            s.template
                .render(question, Evaluation.shotsFor(s, dataset, question), s.generation)
                .hash();
        if (!wanted.equals(entry.promptHash())) {
          throw new KmmluException(
              journalFile
                  + ": journal entry for question "
                  + question.id()
                  + " answers another prompt (hash "
                  + shortHash(entry.promptHash())
                  + "), this run asks "
                  + shortHash(wanted)
                  + "; the examples, the template or the data changed; pass --restart (or"
                  + " restart=true) to start over");
        }
      }
      Outcome outcome = Evaluation.grade(s.extractor, question, entry.toReply());
      outcomes[i] = outcome;
      resumed++;
      synchronized (lock) {
        done++;
        if (outcome.isCorrect()) {
          correct++;
        }
        promptTokens += Math.max(0, entry.promptTokens());
        completionTokens += Math.max(0, entry.completionTokens());
      }
    }
    return resumed;
  }

  private static String shortHash(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  private void runPending() {
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        pending.add(i);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    ExecutorService owned = null;
    java.util.concurrent.Executor executor = s.executor;
    if (executor == null) {
      owned = Executors.newFixedThreadPool(Math.min(s.concurrency, pending.size()), daemonThreads());
      executor = owned;
    }
    Semaphore permits = new Semaphore(s.concurrency);
    AtomicInteger running = new AtomicInteger();
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    try {
      for (int index : pending) {
        if (stopReason.get() != null) {
          break;
        }
        permits.acquire();
        if (stopReason.get() != null) {
          permits.release();
          break;
        }
        executor.execute(
            () -> {
              Thread worker = Thread.currentThread();
              running.incrementAndGet();
              workers.add(worker);
              try {
                runItem(index);
                if (outcomes[index] == null) {
                  // Not finished and not stopped by this run: the thread was interrupted from
                  // outside. Stop as for an interrupt rather than report a run with a hole in it.
                  stopReason.compareAndSet(null, INTERRUPTED);
                }
              } catch (RuntimeException | Error e) {
                // A bug outside the model call (a template, the journal, a listener): stop the run
                // with its cause instead of leaving the item without an outcome.
                if (unexpected.compareAndSet(null, e)) {
                  stopReason.compareAndSet(
                      null,
                      "the run stopped on an unexpected error at question "
                          + questions.get(index).id()
                          + ": "
                          + e.getClass().getSimpleName()
                          + ": "
                          + e.getMessage()
                          + "; the journal holds every item that finished, run again to resume");
                }
              } finally {
                workers.remove(worker);
                if (isInterruptStop()) {
                  // The interrupt came from this run; do not leak it into a caller's pool thread.
                  Thread.interrupted();
                }
                running.decrementAndGet();
                permits.release();
              }
            });
      }
      permits.acquire(s.concurrency);
      permits.release(s.concurrency);
    } catch (InterruptedException e) {
      stopReason.compareAndSet(null, INTERRUPTED);
      if (owned != null) {
        owned.shutdownNow();
      }
      for (Thread worker : workers) {
        worker.interrupt();
      }
      awaitRunning(running);
      Thread.currentThread().interrupt();
    } finally {
      if (owned != null) {
        owned.shutdownNow();
      }
    }
  }

  /**
   * Waits (bounded) for items already running to record themselves; items that never started are
   * not waited for.
   */
  private static void awaitRunning(AtomicInteger running) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (running.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void runItem(int index) {
    Question question = questions.get(index);
    if (stopReason.get() != null) {
      return;
    }
    Prompt prompt =
        s.template
            .render(question, Evaluation.shotsFor(s, dataset, question), s.generation)
            .withQuestionId(question.id())
            .withQuestion(question);
    long begin = System.nanoTime();
    Reply reply = null;
    String failure = null;
    int attempts = 0;
    try {
      if (rateLimiter != null) {
        rateLimiter.acquire();
      }
      CallResult result = callWithRetries(prompt);
      attempts = result.attempts;
      reply = result.reply;
      failure = result.failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (reply == null && failure == null) {
      return; // interrupted: not finished, not journaled
    }
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    Outcome outcome;
    JournalEntry entry;
    if (reply != null) {
      outcome = Evaluation.grade(s.extractor, question, reply);
      Extraction extraction = outcome.findExtraction().orElseThrow();
      entry =
          new JournalEntry(
              question.id(),
              prompt.hash(),
              model.id(),
              reply.text(),
              reply.reasoning(),
              reply.finishReason(),
              reply.usage().promptTokens(),
              reply.usage().completionTokens(),
              latency,
              Math.max(attempts, reply.attempts()),
              extraction.choice().map(c -> c.letter()).orElse(""),
              extraction.status().name(),
              kind(outcome),
              "");
    } else {
      outcome = Outcome.failed(question, failure);
      entry =
          new JournalEntry(
              question.id(),
              prompt.hash(),
              model.id(),
              "",
              "",
              "",
              -1,
              -1,
              latency,
              attempts,
              "",
              "",
              JournalEntry.Kind.FAILED,
              failure);
    }
    if (journal != null) {
      journal.append(entry);
    }
    outcomes[index] = outcome;
    record(outcome, reply);
  }

  private static JournalEntry.Kind kind(Outcome outcome) {
    switch (outcome.kind()) {
      case "correct":
        return JournalEntry.Kind.CORRECT;
      case "incorrect":
        return JournalEntry.Kind.INCORRECT;
      case "unparsed":
        return JournalEntry.Kind.UNPARSED;
      default:
        return JournalEntry.Kind.FAILED;
    }
  }

  private static final class CallResult {
    final Reply reply;
    final String failure;
    final int attempts;

    CallResult(Reply reply, String failure, int attempts) {
      this.reply = reply;
      this.failure = failure;
      this.attempts = attempts;
    }
  }

  private CallResult callWithRetries(Prompt prompt) throws InterruptedException {
    SplittableRandom jitter = new SplittableRandom(s.seed ^ prompt.questionId().hashCode());
    int attempt = 0;
    while (true) {
      attempt++;
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      try {
        Reply reply = model.respond(prompt);
        if (reply == null) {
          return new CallResult(
              null, "the model returned null instead of a Reply (" + model.id() + ")", attempt);
        }
        return new CallResult(reply, null, attempt);
      } catch (ModelException e) {
        if (Thread.currentThread().isInterrupted() || stopReason.get() != null && isInterruptStop()) {
          throw new InterruptedException();
        }
        if (e.isTransient() && attempt < s.retryPolicy.maxAttempts()) {
          Duration delay = s.retryPolicy.delay(attempt, jitter.nextDouble());
          Thread.sleep(delay.toMillis());
          continue;
        }
        return new CallResult(null, describe(e), Math.max(attempt, e.attempts()));
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        return new CallResult(null, describe(e), attempt);
      }
    }
  }

  private boolean isInterruptStop() {
    return INTERRUPTED.equals(stopReason.get());
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    String type = e instanceof ModelException ? "" : e.getClass().getSimpleName() + ": ";
    return type + (message == null ? "(no message)" : message);
  }

  private void record(Outcome outcome, Reply reply) {
    Progress progress;
    synchronized (lock) {
      done++;
      doneThisRun++;
      if (outcome.isCorrect()) {
        correct++;
      }
      if (outcome instanceof Outcome.Failed) {
        failed++;
        lastFailure.set(((Outcome.Failed) outcome).reason());
      }
      if (reply != null && reply.usage().isKnown()) {
        promptTokens += Math.max(0, reply.usage().promptTokens());
        completionTokens += Math.max(0, reply.usage().completionTokens());
      }
      if (done >= s.failureMinItems
          && failed > s.failureThreshold * done
          && stopReason.get() == null) {
        stopReason.set(
            String.format(
                java.util.Locale.ROOT,
                "stopped after %d of %d items: %d failed model calls (%.1f%%) exceed the failure"
                    + " threshold of %.1f%%; last failure: %s. Finished items are in the journal;"
                    + " fix the model or endpoint and run again to resume",
                done,
                questions.size(),
                failed,
                100.0 * failed / done,
                100.0 * s.failureThreshold,
                lastFailure.get()));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      int left = questions.size() - done;
      Duration remaining =
          doneThisRun == 0 ? Duration.ZERO : elapsed.multipliedBy(left).dividedBy(doneThisRun);
      progress =
          new Progress(
              done,
              questions.size(),
              correct,
              failed,
              promptTokens,
              completionTokens,
              elapsed,
              remaining);
      s.listener.onProgress(progress);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "kmmlu-eval-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Spaces the starts of model calls at least 1/rate seconds apart. */
  static final class RateLimiter {
    private final long intervalNanos;
    private long next;

    RateLimiter(double perSecond) {
      this.intervalNanos = (long) (1_000_000_000L / perSecond);
      this.next = System.nanoTime();
    }

    void acquire() throws InterruptedException {
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        long slot = Math.max(now, next);
        next = slot + intervalNanos;
        wait = slot - now;
      }
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }
}
