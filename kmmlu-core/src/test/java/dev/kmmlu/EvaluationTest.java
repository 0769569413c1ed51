package dev.kmmlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.KmmluException;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  @TempDir Path dir;

  /** Two licences, two subjects each, ten questions per subject, gold answers cycling A-D. */
  static Dataset proDataset() {
    List<Question> questions = new ArrayList<>();
    String[][] licences = {{"약사", "약리학", "약제학"}, {"변호사", "민사법", "공법"}};
    int n = 0;
    for (String[] licence : licences) {
      for (int s = 1; s <= 2; s++) {
        for (int i = 0; i < 10; i++) {
          questions.add(
              new Question(
                  String.format("kmmlu-pro/test/%04d", n),
                  Benchmark.KMMLU_PRO,
                  "test",
                  licence[0],
                  licence[s],
                  "문제 " + n + ": 다음 중 옳은 것은?",
                  List.of("가 " + n, "나 " + n, "다 " + n, "라 " + n),
                  Choice.ofIndex(n % 4),
                  QuestionMetadata.builder().qualification(licence[0]).build()));
          n++;
        }
      }
    }
    return Dataset.of(Benchmark.KMMLU_PRO, "test", questions);
  }

  /** Answers the gold letter for every question, or a fixed letter for the ids in {@code wrong}. */
  static Model oracle(Set<String> wrong) {
    return Model.of(
        "test:oracle",
        prompt -> {
          Question question = prompt.question().orElseThrow();
          Choice choice = wrong.contains(question.id()) ? wrongChoice(question) : question.answer();
          return Reply.of("차근차근 생각해 보면...\n정답: " + choice.letter());
        });
  }

  static Choice wrongChoice(Question question) {
    return Choice.ofIndex((question.answer().index() + 1) % question.optionCount());
  }

  @Test
  void should_score_every_item_and_pass_both_licences_when_model_knows_every_answer() {
    // GIVEN
    Evaluation evaluation = Kmmlu.pro().withDataset(proDataset());
    // WHEN
    Report report = evaluation.evaluate(oracle(Set.of()));
    // THEN
    assertThat(report.questions()).isEqualTo(40);
    assertThat(report.correct()).isEqualTo(40);
    assertThat(report.accuracy(Average.MICRO).value()).isEqualTo(1.0);
    assertThat(report.isComplete()).isTrue();
    assertThat(report.verdict("약사").map(Verdict::passed)).contains(true);
    assertThat(report.verdict("변호사").map(Verdict::passed)).contains(true);
    assertThat(report.passedCount()).isEqualTo(2);
    assertThat(report.verdict("의사").map(Verdict::status)).contains(Verdict.Status.NO_DATA);
    assertThat(report.statusCounts().get(ExtractionStatus.STRICT)).isEqualTo(40);
    assertThat(report.run().modelId()).isEqualTo("test:oracle");
    assertThat(report.run().templateName()).isEqualTo(PromptTemplate.koreanCot().name());
  }

  @Test
  void should_fail_a_licence_on_its_subject_floor_when_one_subject_is_below_forty_percent() {
    // GIVEN 약제학 (questions 10-19): 7 of 10 wrong -> 30%
    Set<String> wrong = new java.util.HashSet<>();
    for (int i = 10; i < 17; i++) {
      wrong.add(String.format("kmmlu-pro/test/%04d", i));
    }
    // WHEN
    Report report = Kmmlu.pro().withDataset(proDataset()).evaluate(oracle(wrong));
    // THEN
    Verdict pharmacist = report.verdict("Pharmacist").orElseThrow();
    assertThat(pharmacist.passed()).isFalse();
    assertThat(pharmacist.summary()).contains("약제학 30.0% < 40%");
    assertThat(report.group("약사").orElseThrow().correct()).isEqualTo(13);
    assertThat(report.subjects("약사")).extracting(g -> g.name()).containsExactly("약리학", "약제학");
    assertThat(report.accuracy(Average.MICRO).value()).isCloseTo(33.0 / 40, within(1e-12));
    // macro: mean of group accuracies 13/20 and 20/20
    assertThat(report.accuracy(Average.MACRO).value()).isCloseTo((0.65 + 1.0) / 2, within(1e-12));
  }

  @Test
  void should_give_identical_results_when_concurrency_changes() {
    // GIVEN
    Model model = Model.random(11);
    // WHEN
    Report one = Kmmlu.demo().withConcurrency(1).evaluate(model);
    Report many = Kmmlu.demo().withConcurrency(32).evaluate(model);
    // THEN
    assertThat(many.items()).isEqualTo(one.items());
    assertThat(many.accuracy(Average.MICRO)).isEqualTo(one.accuracy(Average.MICRO));
    assertThat(many.verdicts()).isEqualTo(one.verdicts());
    assertThat(one.questions()).isEqualTo(Kmmlu.demo().dataset().size());
  }

  @Test
  void should_keep_at_most_concurrency_calls_in_flight() {
    // GIVEN
    // GIVEN a model whose first three calls wait until all three are in flight together
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch threeInFlight = new CountDownLatch(3);
    Model model =
        prompt -> {
          int now = inFlight.incrementAndGet();
          peak.accumulateAndGet(now, Math::max);
          threeInFlight.countDown();
          try {
            assertThat(threeInFlight.await(10, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return Reply.of("정답: A");
        };
    // WHEN
    Report report = Kmmlu.pro().withDataset(proDataset()).withConcurrency(3).evaluate(model);
    // THEN three calls were in flight at once, and never more
    assertThat(report.questions()).isEqualTo(40);
    assertThat(report.failed()).isZero();
    assertThat(peak.get()).isEqualTo(3);
  }

  @Test
  void should_run_on_a_caller_supplied_executor() {
    // GIVEN
    Set<String> threads = ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newFixedThreadPool(
            2, r -> new Thread(r, "caller-pool-thread"));
    try {
      Model model =
          prompt -> {
            threads.add(Thread.currentThread().getName());
            return Reply.of("정답: A");
          };
      // WHEN
      Report report =
          Kmmlu.pro().withDataset(proDataset()).withExecutor(executor).evaluate(model);
      // THEN
      assertThat(report.questions()).isEqualTo(40);
      assertThat(threads).containsExactly("caller-pool-thread");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void should_not_ask_finished_items_again_when_resuming_from_the_journal() {
    // GIVEN a first run that stops on failures after some items finished
    AtomicInteger calls = new AtomicInteger();
    Model flaky =
        Model.of(
            "test:model",
            prompt -> {
              if (calls.incrementAndGet() > 25) {
                throw new ModelException("server unavailable", 503, "unavailable", false, 1, null);
              }
              Question question = prompt.question().orElseThrow();
              return Reply.of("정답: " + question.answer().letter());
            });
    Evaluation evaluation =
        Kmmlu.pro().withDataset(proDataset()).withConcurrency(1).withJournal(dir);
    Throwable thrown = catchThrowable(() -> evaluation.evaluate(flaky));
    assertThat(thrown).isInstanceOf(EvaluationException.class);
    EvaluationException stopped = (EvaluationException) thrown;
    assertThat(stopped.getMessage()).startsWith("stopped after ").contains("exceed the failure threshold of 5.0%");
    assertThat(stopped.journal()).contains(dir.resolve("responses.jsonl"));
    List<JournalEntry> firstRun = Journal.read(dir.resolve("responses.jsonl")).entries();
    Set<String> answered = new java.util.HashSet<>();
    for (JournalEntry entry : firstRun) {
      if (entry.outcome() != JournalEntry.Kind.FAILED) {
        answered.add(entry.questionId());
      }
    }
    assertThat(answered).hasSize(25);
    // WHEN the second run resumes with a healthy model
    Set<String> asked = ConcurrentHashMap.newKeySet();
    Model healthy =
        Model.of(
            "test:model",
            prompt -> {
              asked.add(prompt.questionId());
              return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
            });
    Report report = evaluation.evaluate(healthy);
    // THEN
    assertThat(asked).doesNotContainAnyElementsOf(answered);
    assertThat(asked).hasSize(15);
    assertThat(report.questions()).isEqualTo(40);
    assertThat(report.correct()).isEqualTo(40);
    assertThat(report.run().resumed()).isEqualTo(25);
    assertThat(report.isComplete()).isTrue();
  }

  @Test
  void should_refuse_to_resume_when_the_model_changed() {
    // GIVEN
    Evaluation evaluation = Kmmlu.pro().withDataset(proDataset()).withJournal(dir);
    evaluation.evaluate(Model.of("model-one", prompt -> Reply.of("정답: A")));
    // WHEN
    Throwable thrown =
        catchThrowable(() -> evaluation.evaluate(Model.of("model-two", p -> Reply.of("정답: B"))));
    // THEN
    assertThat(thrown)
        .isInstanceOf(KmmluException.class)
        .hasMessageContaining("model-one")
        .hasMessageContaining("model-two");
  }

  @Test
  void should_refuse_to_resume_when_the_journal_holds_replies_to_other_prompts() {
    // GIVEN a zero-shot chain-of-thought journal; the template (and its hash) is the same with shots
    List<Question> dev = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      dev.add(kmmluQuestion("kmmlu/dev/Law/000" + i, "dev", "Law", i));
    }
    Dataset dataset =
        Dataset.of(
                Benchmark.KMMLU,
                "test",
                List.of(
                    kmmluQuestion("kmmlu/test/Law/0000", "test", "Law", 7),
                    kmmluQuestion("kmmlu/test/Law/0001", "test", "Law", 8)))
            .withFewShot(Dataset.of(Benchmark.KMMLU, "dev", dev));
    Evaluation zeroShot =
        Kmmlu.kmmlu().withTemplate(PromptTemplate.koreanCot()).withDataset(dataset).withJournal(dir);
    zeroShot.evaluate(Model.constant(Choice.A));
    Question first = dataset.questions().get(0);
    String journaled =
        PromptTemplate.koreanCot().render(first, List.of(), GenerationSettings.paperGreedy()).hash();
    String wanted =
        PromptTemplate.koreanCot()
            .render(first, dataset.fewShotExamples("Law", 2), GenerationSettings.paperGreedy())
            .hash();
    AtomicInteger calls = new AtomicInteger();
    // WHEN
    Throwable thrown =
        catchThrowable(
            () ->
                zeroShot
                    .withShots(2)
                    .evaluate(
                        Model.of(
                            "builtin:constant:A",
                            prompt -> {
                              calls.incrementAndGet();
                              return Reply.of("정답: A");
                            })));
    // THEN
    assertThat(thrown)
        .isInstanceOf(KmmluException.class)
        .hasMessage(
            dir.resolve(Run.JOURNAL_FILE)
                + ": journal entry for question kmmlu/test/Law/0000 answers another prompt (hash "
                + journaled.substring(0, 12)
                + "), this run asks "
                + wanted.substring(0, 12)
                + "; the examples, the template or the data changed; pass --restart (or"
                + " restart=true) to start over");
    assertThat(calls).hasValue(0);
  }

  @Test
  void should_start_over_when_restart_is_set() {
    // GIVEN
    Evaluation evaluation = Kmmlu.pro().withDataset(proDataset()).withJournal(dir);
    evaluation.evaluate(Model.of("model-one", prompt -> Reply.of("정답: A")));
    AtomicInteger calls = new AtomicInteger();
    // WHEN
    Report report =
        evaluation
            .withRestart(true)
            .evaluate(
                Model.of(
                    "model-two",
                    prompt -> {
                      calls.incrementAndGet();
                      return Reply.of("정답: B");
                    }));
    // THEN
    assertThat(calls.get()).isEqualTo(40);
    assertThat(report.run().resumed()).isZero();
    assertThat(report.model()).isEqualTo("model-two");
  }

  @Test
  void should_leave_failed_items_out_and_mark_the_run_incomplete_when_below_threshold() {
    // GIVEN question 0003 always fails
    Model model =
        prompt -> {
          if (prompt.questionId().equals("kmmlu-pro/test/0003")) {
            throw new IllegalStateException("boom");
          }
          return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
        };
    // WHEN
    Report report = Kmmlu.pro().withDataset(proDataset()).evaluate(model);
    // THEN
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.isComplete()).isFalse();
    assertThat(report.accuracy(Average.MICRO).value()).isEqualTo(1.0);
    assertThat(report.accuracy(Average.MICRO).count()).isEqualTo(39);
    assertThat(report.items().get(3).outcome()).isEqualTo("failed");
  }

  @Test
  void should_count_failed_items_as_wrong_when_asked() {
    // GIVEN
    Model model =
        prompt -> {
          if (prompt.questionId().equals("kmmlu-pro/test/0003")) {
            throw new IllegalStateException("boom");
          }
          return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
        };
    // WHEN
    Report report =
        Kmmlu.pro()
            .withDataset(proDataset())
            .withScoringOptions(dev.kmmlu.scoring.ScoringOptions.defaults().withCountFailedAsWrong(true))
            .evaluate(model);
    // THEN
    assertThat(report.accuracy(Average.MICRO).value()).isCloseTo(39.0 / 40, within(1e-12));
  }

  @Test
  void should_retry_transient_model_failures_with_the_retry_policy() {
    // GIVEN a model that fails twice per question with a transient error
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    Model model =
        prompt -> {
          int attempt =
              attempts.computeIfAbsent(prompt.questionId(), k -> new AtomicInteger()).incrementAndGet();
          if (attempt <= 2) {
            throw new ModelException("rate limited", 429, "slow down", true, 1, null);
          }
          return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
        };
    RetryPolicy retries =
        RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(1)).withMaxDelay(Duration.ofMillis(2));
    // WHEN
    Report report =
        Kmmlu.pro().withDataset(proDataset()).withRetryPolicy(retries).withJournal(dir).evaluate(model);
    // THEN
    assertThat(report.correct()).isEqualTo(40);
    assertThat(Journal.read(dir.resolve("responses.jsonl")).entries())
        .allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(3));
  }

  @Test
  void should_stop_cleanly_with_a_consistent_journal_when_interrupted() throws Exception {
    // GIVEN a model that answers five questions, then blocks until interrupted
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch blocked = new CountDownLatch(1);
    Model model =
        Model.of(
            "test:blocking",
            prompt -> {
              if (calls.incrementAndGet() > 5) {
                blocked.countDown();
                try {
                  new CountDownLatch(1).await(); // blocks until the run interrupts this call
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new ModelException("interrupted", 0, "", false, 1, null);
                }
              }
              return Reply.of("정답: A");
            });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () ->
                thrown.set(
                    catchThrowable(
                        () ->
                            Kmmlu.pro()
                                .withDataset(proDataset())
                                .withConcurrency(2)
                                .withJournal(dir)
                                .evaluate(model))));
    runner.start();
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    // WHEN
    runner.interrupt();
    runner.join(10_000);
    // THEN
    assertThat(runner.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("the run was interrupted");
    List<JournalEntry> entries = Journal.read(dir.resolve("responses.jsonl")).entries();
    assertThat(entries).hasSize(5).noneMatch(e -> e.outcome() == JournalEntry.Kind.FAILED);
  }

  @Test
  void should_stop_with_the_cause_and_keep_the_journal_when_a_template_throws_for_one_question() {
    // GIVEN a custom template with a bug that shows on one question
    IllegalStateException bug = new IllegalStateException("template bug");
    PromptTemplate broken =
        (question, shots, settings) -> {
          if (question.id().equals("kmmlu-pro/test/0003")) {
            throw bug;
          }
          return PromptTemplate.koreanCot().render(question, shots, settings);
        };
    Evaluation evaluation =
        Kmmlu.pro()
            .withDataset(proDataset())
            .withTemplate(broken)
            .withConcurrency(1)
            .withJournal(dir);
    // WHEN
    Throwable thrown = catchThrowable(() -> evaluation.evaluate(oracle(Set.of())));
    // THEN
    assertThat(thrown)
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "the run stopped on an unexpected error at question kmmlu-pro/test/0003:"
                + " IllegalStateException: template bug; the journal holds every item that"
                + " finished, run again to resume")
        .hasCause(bug);
    assertThat(((EvaluationException) thrown).finished()).isEqualTo(3);
    assertThat(Journal.read(dir.resolve("responses.jsonl")).entries())
        .extracting(JournalEntry::questionId)
        .containsExactly("kmmlu-pro/test/0000", "kmmlu-pro/test/0001", "kmmlu-pro/test/0002");
  }

  @Test
  void should_stop_as_interrupted_when_a_worker_thread_is_interrupted_from_outside() {
    // GIVEN a model whose thread is interrupted while it answers question 0002
    Model model =
        Model.of(
            "test:interrupted",
            prompt -> {
              if (prompt.questionId().equals("kmmlu-pro/test/0002")) {
                Thread.currentThread().interrupt();
                throw new ModelException("interrupted", 0, "", false, 1, null);
              }
              return Reply.of("정답: A");
            });
    Evaluation evaluation = Kmmlu.pro().withDataset(proDataset()).withConcurrency(1);
    // WHEN
    Throwable thrown = catchThrowable(() -> evaluation.evaluate(model));
    // THEN
    assertThat(thrown)
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "the run was interrupted; the journal holds every item that finished, run again to"
                + " resume");
    assertThat(((EvaluationException) thrown).finished()).isEqualTo(2);
  }

  @Test
  void should_report_progress_up_to_the_total() {
    // GIVEN
    List<Progress> updates = Collections.synchronizedList(new ArrayList<>());
    // WHEN
    Kmmlu.pro().withDataset(proDataset()).withProgressListener(updates::add).evaluate(oracle(Set.of()));
    // THEN
    assertThat(updates).hasSize(40);
    Progress last = updates.get(updates.size() - 1);
    assertThat(last.done()).isEqualTo(40);
    assertThat(last.total()).isEqualTo(40);
    assertThat(last.correct()).isEqualTo(40);
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.remaining()).isEqualTo(Duration.ZERO);
  }

  @Test
  void should_put_five_dev_examples_of_the_same_subject_before_each_kmmlu_question() {
    // GIVEN
    List<Question> test = new ArrayList<>();
    List<Question> dev = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      dev.add(kmmluQuestion("kmmlu/dev/Law/000" + i, "dev", "Law", i));
      dev.add(kmmluQuestion("kmmlu/dev/Math/000" + i, "dev", "Math", i));
    }
    test.add(kmmluQuestion("kmmlu/test/Law/0000", "test", "Law", 7));
    test.add(kmmluQuestion("kmmlu/test/Math/0000", "test", "Math", 8));
    Dataset dataset =
        Dataset.of(Benchmark.KMMLU, "test", test)
            .withFewShot(Dataset.of(Benchmark.KMMLU, "dev", dev));
    List<Prompt> prompts = Collections.synchronizedList(new ArrayList<>());
    Model recorder =
        prompt -> {
          prompts.add(prompt);
          return Reply.of("A");
        };
    // WHEN
    Report report = Kmmlu.kmmlu().withDataset(dataset).evaluate(recorder);
    // THEN
    assertThat(report.questions()).isEqualTo(2);
    assertThat(report.headlineAverage()).isEqualTo(Average.MACRO);
    assertThat(prompts).hasSize(2);
    for (Prompt prompt : prompts) {
      String group = prompt.question().orElseThrow().group();
      assertThat(prompt.messages()).hasSize(11);
      String text = prompt.text();
      for (int i = 0; i < 5; i++) {
        assertThat(text).contains(group + " 문제 " + i);
      }
      assertThat(text).doesNotContain(group + " 문제 5").endsWith("정답\uff1a");
    }
  }

  @Test
  void should_refuse_to_start_without_calling_the_model_when_shots_are_asked_of_a_benchmark_without_examples() {
    // GIVEN KMMLU-Pro has no dev split, so no few-shot source is attached
    AtomicInteger calls = new AtomicInteger();
    Model model =
        prompt -> {
          calls.incrementAndGet();
          return Reply.of("정답: A");
        };
    Evaluation evaluation = Kmmlu.pro().withDataset(proDataset()).withShots(5).withJournal(dir);
    // WHEN
    Throwable thrown = catchThrowable(() -> evaluation.evaluate(model));
    // THEN
    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "shots must be 0 when the dataset has no few-shot examples, but was 5; kmmlu-pro has"
                + " no dev split: attach examples with Dataset.withFewShot or use withShots(0)");
    assertThat(calls).hasValue(0);
    assertThat(dir.resolve(Run.JOURNAL_FILE)).doesNotExist();
  }

  @Test
  void should_refuse_to_start_when_a_group_has_fewer_examples_than_shots() {
    // GIVEN Law has five dev examples, Math only two
    List<Question> dev = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      dev.add(kmmluQuestion("kmmlu/dev/Law/000" + i, "dev", "Law", i));
    }
    for (int i = 0; i < 2; i++) {
      dev.add(kmmluQuestion("kmmlu/dev/Math/000" + i, "dev", "Math", i));
    }
    Dataset dataset =
        Dataset.of(
                Benchmark.KMMLU,
                "test",
                List.of(
                    kmmluQuestion("kmmlu/test/Law/0000", "test", "Law", 7),
                    kmmluQuestion("kmmlu/test/Math/0000", "test", "Math", 8)))
            .withFewShot(Dataset.of(Benchmark.KMMLU, "dev", dev));
    // WHEN
    Throwable thrown =
        catchThrowable(
            () -> Kmmlu.kmmlu().withDataset(dataset).evaluate(Model.constant(Choice.A)));
    // THEN
    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be between 0 and 2 for group \"Math\", but was 5");
  }

  private static Question kmmluQuestion(String id, String split, String subject, int n) {
    return new Question(
        id,
        Benchmark.KMMLU,
        split,
        subject,
        subject,
        subject + " 문제 " + n,
        List.of("일", "이", "삼", "사"),
        Choice.ofIndex(n % 4),
        QuestionMetadata.empty());
  }

  @Test
  void should_write_the_report_files_with_the_documented_json_fields() throws Exception {
    // GIVEN
    Report report = Kmmlu.pro().withDataset(proDataset()).evaluate(oracle(Set.of()));
    // WHEN
    report.writeTo(dir);
    // THEN
    assertThat(dir.resolve("report.md")).exists();
    assertThat(dir.resolve("report.html")).exists();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    for (String field :
        List.of("benchmark", "model", "questions", "correct", "incorrect", "unparsed", "failed")) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("benchmark").asText()).isEqualTo("kmmlu-pro");
    assertThat(json.get("questions").asInt()).isEqualTo(40);
    JsonNode accuracy = json.get("accuracy");
    assertThat(accuracy.get("micro").asDouble()).isEqualTo(1.0);
    assertThat(accuracy.get("macro").asDouble()).isEqualTo(1.0);
    assertThat(accuracy.get("standardError").asDouble()).isEqualTo(0.0);
    assertThat(accuracy.get("interval95")).hasSize(2);
    assertThat(json.get("groups").get(0).get("name").asText()).isEqualTo("약사");
    assertThat(json.get("groups").get(0).get("questions").asInt()).isEqualTo(20);
    assertThat(json.get("licences")).hasSize(14);
    assertThat(json.get("licences").get(1).get("name").asText()).isEqualTo("변호사");
    assertThat(json.get("licences").get(1).get("nameEnglish").asText()).isEqualTo("Lawyer");
    assertThat(json.get("licences").get(1).get("passed").asBoolean()).isTrue();
    assertThat(json.get("licences").get(0).get("status").asText()).isEqualTo("NO_DATA");
    assertThat(json.get("passedCount").asInt()).isEqualTo(2);
    for (JsonNode licence : json.get("licences")) {
      for (String field :
          List.of("name", "nameEnglish", "passed", "questions", "correct", "accuracy", "subjects", "reasons")) {
        assertThat(licence.has(field)).as(field).isTrue();
      }
    }
    assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain("apiKey");
    Report read = Report.read(dir);
    assertThat(read.toJson()).isEqualTo(report.toJson());
  }

  @Test
  void should_break_kmmlu_results_down_by_supercategory() {
    // GIVEN Law (HUMSS, 4 items, 3 right), Accounting (HUMSS, 2 items, 2 right), Math (STEM, 2, 0)
    List<Question> test = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      test.add(kmmluQuestion("kmmlu/test/Law/000" + i, "test", "Law", i));
    }
    for (int i = 0; i < 2; i++) {
      test.add(kmmluQuestion("kmmlu/test/Accounting/000" + i, "test", "Accounting", i));
      test.add(kmmluQuestion("kmmlu/test/Math/000" + i, "test", "Math", i));
    }
    Set<String> wrong = Set.of("kmmlu/test/Law/0003", "kmmlu/test/Math/0000", "kmmlu/test/Math/0001");
    Dataset dataset = Dataset.of(Benchmark.KMMLU, "test", test);
    // WHEN
    Report report =
        Kmmlu.kmmlu().withTemplate(PromptTemplate.koreanCot()).withDataset(dataset).evaluate(oracle(wrong));
    // THEN
    assertThat(report.supercategories())
        .containsExactly(
            new SupercategoryScore("STEM", 1, 2, 0, 0.0, 0.0),
            new SupercategoryScore("HUMSS", 2, 6, 5, 5.0 / 6, (0.75 + 1.0) / 2));
    assertThat(report.toJson()).contains("\"supercategories\"");
    assertThat(report.toMarkdown()).contains("| HUMSS | 2 | 6 | 5 | 83.3% | 87.5% |");
    assertThat(Kmmlu.pro().withDataset(proDataset()).evaluate(oracle(Set.of())).supercategories())
        .isEmpty();
  }
}
