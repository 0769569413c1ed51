package dev.kmmlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.ChatCompletionServer.Fault;
import dev.kmmlu.datasets.Datasets;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.scoring.Average;
import dev.kmmlu.scoring.ExtractionStatus;
import dev.kmmlu.scoring.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo set evaluated through HTTP: a real {@link OpenAiCompatibleModel} against a loopback
 * OpenAI-compatible server that answers from the gold letters, gets four questions wrong and fails
 * once on three others.
 */
class EndToEndTest {
  static final String KEY = "sk-e2e-5ecret-0123456789abcdef";
  static final String MODEL_NAME = "e2e-exaone";

  @TempDir Path dir;

  private final List<Question> demo = Datasets.demo().questions();
  private ChatCompletionServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new ChatCompletionServer(demo);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /**
   * The questions answered wrong: the only 침구의학 item (한의사 fails its 40% floor), two of the
   * three 경제학원론 items (감정평가사 fails its floor at 33.3%) and one 약리학 item (약사 still
   * passes).
   */
  private Set<String> wrongIds() {
    Set<String> wrong = new HashSet<>();
    wrong.addAll(ids("한의사", "침구의학", 1));
    wrong.addAll(ids("감정평가사", "경제학원론", 2));
    wrong.addAll(ids("약사", "약리학", 1));
    return wrong;
  }

  private List<String> ids(String licence, String subject, int count) {
    return demo.stream()
        .filter(q -> q.group().equals(licence) && q.subject().equals(subject))
        .limit(count)
        .map(Question::id)
        .toList();
  }

  private static OpenAiCompatibleModel model(String baseUrl) {
    return OpenAiCompatibleModel.builder()
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .modelName(MODEL_NAME)
        .retryPolicy(RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(50)).withJitter(0))
        .build();
  }

  private String q(int index) {
    return demo.get(index).id();
  }

  @Test
  void should_score_every_demo_item_when_the_server_fails_once_on_three_questions()
      throws IOException {
    // GIVEN
    server
        .wrongFor(wrongIds())
        .fault(q(0), Fault.RATE_LIMITED)
        .fault(q(1), Fault.SERVER_ERROR)
        .fault(q(2), Fault.DROPPED);
    Path out = dir.resolve("out");
    // WHEN
    Report report = Kmmlu.demo().withJournal(out).evaluate(model(server.baseUrl()));
    report.writeTo(out);
    // THEN the report
    assertThat(report.questions()).isEqualTo(64);
    assertThat(report.correct()).isEqualTo(60);
    assertThat(report.incorrect()).isEqualTo(4);
    assertThat(report.unparsed()).isZero();
    assertThat(report.failed()).isZero();
    assertThat(report.isComplete()).isTrue();
    assertThat(report.accuracy(Average.MICRO).value()).isCloseTo(60.0 / 64, within(1e-12));
    assertThat(report.statusCounts().get(ExtractionStatus.STRICT)).isEqualTo(64);
    assertThat(report.model()).isEqualTo("openai:" + MODEL_NAME);
    assertThat(report.run().endpointHost()).isEqualTo(server.host());
    assertThat(report.run().dataSource()).isEqualTo("demo");
    assertThat(report.run().promptTokens()).isEqualTo(64L * ChatCompletionServer.PROMPT_TOKENS);
    assertThat(report.run().completionTokens())
        .isEqualTo(64L * ChatCompletionServer.COMPLETION_TOKENS);
    assertThat(report.items()).extracting(ItemResult::questionId)
        .containsExactlyElementsOf(demo.stream().map(Question::id).toList());
    assertThat(report.items().stream().filter(i -> i.outcome().equals("incorrect")))
        .extracting(ItemResult::questionId)
        .containsExactlyInAnyOrderElementsOf(wrongIds());
    assertThat(statuses(report))
        .isEqualTo(
            Map.of(
                "약사", Verdict.Status.PASSED,
                "변호사", Verdict.Status.PASSED,
                "공인노무사", Verdict.Status.PASSED,
                "세무사", Verdict.Status.PASSED,
                "관세사", Verdict.Status.PASSED,
                "감정평가사", Verdict.Status.FAILED,
                "한의사", Verdict.Status.FAILED,
                "의사", Verdict.Status.PASSED));
    assertThat(report.passedCount()).isEqualTo(6);
    assertThat(report.verdict("한의사").orElseThrow().reasons())
        .anySatisfy(reason -> assertThat(reason).contains("침구의학 0.0% < 40%"));
    assertThat(report.verdict("감정평가사").orElseThrow().reasons())
        .anySatisfy(reason -> assertThat(reason).contains("경제학원론 33.3% < 40%"));
    // THEN report.json
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(json.get("benchmark").asText()).isEqualTo("kmmlu-pro");
    assertThat(json.get("model").asText()).isEqualTo("openai:" + MODEL_NAME);
    assertThat(json.get("questions").asInt()).isEqualTo(64);
    assertThat(json.get("correct").asInt()).isEqualTo(60);
    assertThat(json.get("incorrect").asInt()).isEqualTo(4);
    assertThat(json.get("failed").asInt()).isZero();
    assertThat(json.get("accuracy").get("micro").asDouble()).isCloseTo(0.9375, within(1e-12));
    assertThat(json.get("passedCount").asInt()).isEqualTo(6);
    assertThat(json.get("licences")).hasSize(14);
    assertThat(Report.read(out).toJson()).isEqualTo(report.toJson());
    // THEN the journal: one line per item, two attempts for the three faulty questions
    List<JournalEntry> entries = Journal.read(out.resolve(Run.JOURNAL_FILE)).entries();
    assertThat(Files.readAllLines(out.resolve(Run.JOURNAL_FILE))).hasSize(1 + 64);
    assertThat(entries).extracting(JournalEntry::questionId).doesNotHaveDuplicates().hasSize(64);
    Map<String, Integer> attempts =
        entries.stream()
            .filter(e -> e.attempts() != 1)
            .collect(Collectors.toMap(JournalEntry::questionId, JournalEntry::attempts));
    assertThat(attempts).containsOnly(Map.entry(q(0), 2), Map.entry(q(1), 2), Map.entry(q(2), 2));
    // THEN the requests: 64 answered, 3 faults, the retry after 429 waited for Retry-After
    List<ChatCompletionServer.Request> requests = server.requests();
    assertThat(requests).hasSize(67);
    assertThat(requests).extracting(ChatCompletionServer.Request::authorization)
        .containsOnly("Bearer " + KEY);
    assertThat(statusesOf(requests, q(0))).containsExactly(429, 200);
    assertThat(statusesOf(requests, q(1))).containsExactly(500, 200);
    assertThat(statusesOf(requests, q(2))).containsExactly(0, 200);
    long waited = gapMillis(requests, q(0));
    assertThat(waited).isGreaterThanOrEqualTo(1000);
    // THEN the key appears nowhere
    for (String file : List.of("report.json", "report.md", "report.html", Run.JOURNAL_FILE)) {
      assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain(KEY);
    }
  }

  @Test
  void should_give_the_same_results_when_the_pro_preset_reads_the_demo_source() {
    // GIVEN
    server.wrongFor(wrongIds());
    OpenAiCompatibleModel model = model(server.baseUrl());
    Report viaDemo = Kmmlu.demo().evaluate(model);
    // WHEN
    Report viaPro = Kmmlu.pro().withDataSource(DataSource.demo()).evaluate(model);
    // THEN
    assertThat(viaPro.questions()).isEqualTo(64);
    assertThat(viaPro.correct()).isEqualTo(60);
    assertThat(viaPro.items()).isEqualTo(viaDemo.items());
    assertThat(viaPro.verdicts()).isEqualTo(viaDemo.verdicts());
    assertThat(viaPro.accuracy(Average.MACRO)).isEqualTo(viaDemo.accuracy(Average.MACRO));
    assertThat(viaPro.run().datasetFingerprint()).isEqualTo(viaDemo.run().datasetFingerprint());
    assertThat(server.requests()).hasSize(128);
  }

  @Test
  void should_keep_the_key_out_of_every_file_when_the_server_echoes_it_in_errors()
      throws IOException {
    // GIVEN three questions whose request is refused with a message that echoes the key
    server.fault(q(5), Fault.UNAUTHORIZED).fault(q(6), Fault.UNAUTHORIZED);
    server.fault(q(7), Fault.UNAUTHORIZED);
    Path out = dir.resolve("out");
    // WHEN
    Report report =
        Kmmlu.demo()
            .withJournal(out)
            .withFailureThreshold(1.0, 0)
            .evaluate(model(server.baseUrl()));
    report.writeTo(out);
    // THEN
    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.correct()).isEqualTo(61);
    assertThat(report.isComplete()).isFalse();
    List<JournalEntry> failed =
        Journal.read(out.resolve(Run.JOURNAL_FILE)).entries().stream()
            .filter(e -> e.outcome() == JournalEntry.Kind.FAILED)
            .toList();
    assertThat(failed).extracting(JournalEntry::failureReason)
        .containsOnly(
            "openai:"
                + MODEL_NAME
                + " at "
                + server.host()
                + ": HTTP 401 after 1 attempt: Incorrect API key provided: Bearer [redacted]");
    for (String file : List.of("report.json", "report.md", "report.html", Run.JOURNAL_FILE)) {
      assertThat(Files.readString(out.resolve(file))).as(file).doesNotContain(KEY);
    }
  }

  @Test
  void should_keep_the_key_out_of_the_exception_when_every_call_is_refused() {
    // GIVEN
    for (Question question : demo) {
      server.fault(question.id(), Fault.UNAUTHORIZED);
    }
    Evaluation evaluation = Kmmlu.demo().withJournal(dir).withConcurrency(1);
    // WHEN
    Throwable thrown = catchThrowable(() -> evaluation.evaluate(model(server.baseUrl())));
    // THEN
    assertThat(thrown)
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("stopped after 20 of 64 items: 20 failed model calls (100.0%)")
        .hasMessageContaining("Incorrect API key provided: Bearer [redacted]");
    List<String> messages = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    assertThat(messages).noneMatch(message -> message.contains(KEY));
  }

  private static Map<String, Verdict.Status> statuses(Report report) {
    Map<String, Verdict.Status> statuses = new LinkedHashMap<>();
    for (Verdict verdict : report.verdicts()) {
      if (verdict.status() != Verdict.Status.NO_DATA) {
        statuses.put(verdict.licence(), verdict.status());
      }
    }
    return statuses;
  }

  private static List<Integer> statusesOf(List<ChatCompletionServer.Request> requests, String id) {
    return requests.stream()
        .filter(r -> r.questionId().equals(id))
        .sorted((a, b) -> Long.compare(a.nanos(), b.nanos()))
        .map(ChatCompletionServer.Request::status)
        .toList();
  }

  private static long gapMillis(List<ChatCompletionServer.Request> requests, String id) {
    List<Long> times =
        requests.stream()
            .filter(r -> r.questionId().equals(id))
            .map(ChatCompletionServer.Request::nanos)
            .sorted()
            .toList();
    return TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0));
  }
}
