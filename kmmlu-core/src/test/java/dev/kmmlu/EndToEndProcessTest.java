package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmmlu.datasets.Datasets;
import dev.kmmlu.datasets.Question;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs in a child JVM ({@link ChildRun}): {@code Kmmlu.pro().evaluate(model)} exactly as a
 * user writes it, with the hub and the model served on loopback; and a run killed with SIGKILL part
 * way, then resumed from its journal.
 */
class EndToEndProcessTest {
  private static final long DEADLINE_SECONDS = 120;

  @TempDir Path dir;

  private final List<Question> demo = Datasets.demo().questions();
  private ChatCompletionServer server;
  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new ChatCompletionServer(demo);
  }

  @AfterEach
  void stop() {
    for (Process child : children) {
      child.destroyForcibly();
    }
    server.close();
  }

  private ProcessBuilder child(String mode, Path directory) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-Duser.home=" + dir.resolve("home"),
            "-Dfile.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            ChildRun.class.getName(),
            mode,
            server.baseUrl(),
            directory.toString());
    Map<String, String> environment = builder.environment();
    for (String name : List.of("HF_ENDPOINT", "HF_TOKEN", "HF_HOME", "HF_HUB_OFFLINE")) {
      environment.remove(name);
    }
    environment.remove("XDG_CACHE_HOME");
    environment.put("HOME", dir.resolve("home").toString());
    builder.redirectError(dir.resolve(mode + "-stderr.txt").toFile());
    return builder;
  }

  private Process start(ProcessBuilder builder) throws IOException {
    Process process = builder.start();
    children.add(process);
    return process;
  }

  @Test
  void should_download_kmmlu_pro_from_the_hub_and_evaluate_it_when_run_as_written()
      throws Exception {
    // GIVEN a hub serving the demo file as KMMLU-Pro, and a token for the gated repository
    byte[] data = readDemoResource();
    try (FakeHub hub = new FakeHub("test-token", data)) {
      server.wrongFor(Set.of(demo.get(3).id(), demo.get(40).id()));
      Path out = dir.resolve("out");
      ProcessBuilder builder = child("pro", out);
      builder.environment().put("HF_ENDPOINT", hub.endpoint());
      builder.environment().put("HF_TOKEN", "test-token");
      // WHEN
      Process process = start(builder);
      String stdout;
      try (InputStream in = process.getInputStream()) {
        stdout = new String(in.readAllBytes(), UTF_8);
      }
      assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
      // THEN
      assertThat(process.exitValue()).as(stderr("pro")).isZero();
      Map<String, String> printed = keyValues(stdout);
      assertThat(printed)
          .containsExactly(
              Map.entry("report", out.resolve("report.json").toString()),
              Map.entry("questions", "64"),
              Map.entry("correct", "62"),
              Map.entry("revision", FakeHub.SHA),
              Map.entry("dataSource", "hub"));
      Report report = Report.read(out);
      assertThat(report.questions()).isEqualTo(64);
      assertThat(report.correct()).isEqualTo(62);
      assertThat(report.isComplete()).isTrue();
      assertThat(report.model()).isEqualTo("openai:" + ChildRun.MODEL_NAME);
      assertThat(report.run().datasetRevision()).isEqualTo(FakeHub.SHA);
      assertThat(hub.requests())
          .containsExactly(
              new FakeHub.Request(
                  "/api/datasets/LGAI-EXAONE/KMMLU-Pro/revision/main", "Bearer test-token"),
              new FakeHub.Request(
                  "/api/datasets/LGAI-EXAONE/KMMLU-Pro/tree/"
                      + FakeHub.SHA
                      + "/data?recursive=true",
                  "Bearer test-token"),
              new FakeHub.Request(
                  "/datasets/LGAI-EXAONE/KMMLU-Pro/resolve/"
                      + FakeHub.SHA
                      + "/data/kmmlu_pro.jsonl",
                  "Bearer test-token"));
      Path cached =
          dir.resolve("home/.cache/kmmlu/LGAI-EXAONE--KMMLU-Pro")
              .resolve(FakeHub.SHA)
              .resolve("data/kmmlu_pro.jsonl");
      assertThat(Files.readAllBytes(cached)).isEqualTo(data);
      assertThat(server.requests()).hasSize(64);
      assertThat(server.requests())
          .extracting(ChatCompletionServer.Request::authorization)
          .containsOnly("Bearer " + ChildRun.KEY);
      assertThat(stdout).doesNotContain(ChildRun.KEY).doesNotContain("test-token");
    }
  }

  @Test
  @Timeout(value = DEADLINE_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void should_not_ask_journaled_items_again_when_resuming_after_the_process_was_killed()
      throws Exception {
    // GIVEN a child run whose server holds every request after the 30th, so the run cannot
    // finish before it is killed; the child prints done=N after each journaled item
    server.holdAfter(30).wrongFor(Set.of(demo.get(50).id(), demo.get(60).id()));
    Path journalDir = dir.resolve("journal");
    Path journalFile = journalDir.resolve(Run.JOURNAL_FILE);
    Process process = start(child("journal", journalDir));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    int done = 0;
    while (done < 20) {
      String line = stdout.readLine();
      assertThat(line).as("progress from the child; %s", stderr("journal")).isNotNull();
      if (line.startsWith("done=")) {
        done = Integer.parseInt(line.substring(5).strip());
      }
    }
    process.destroyForcibly();
    assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    Set<String> finished =
        Journal.read(journalFile).entries().stream()
            .filter(e -> e.outcome() != JournalEntry.Kind.FAILED)
            .map(JournalEntry::questionId)
            .collect(Collectors.toSet());
    assertThat(finished.size()).isBetween(19, 30);
    assertThat(requestedIds("run-1")).containsAll(finished);
    // WHEN the same evaluation resumes in this JVM
    server.startRun("run-2");
    Report report =
        Kmmlu.demo()
            .withJournal(journalDir)
            .withConcurrency(4)
            .evaluate(ChildRun.model(server.baseUrl()));
    // THEN
    List<String> askedAgain = requestedIds("run-2");
    assertThat(askedAgain).doesNotHaveDuplicates().doesNotContainAnyElementsOf(finished);
    Set<String> all = new HashSet<>(finished);
    all.addAll(askedAgain);
    assertThat(all).hasSize(64);
    assertThat(report.questions()).isEqualTo(64);
    assertThat(report.correct()).isEqualTo(62);
    assertThat(report.isComplete()).isTrue();
    assertThat(report.run().resumed()).isEqualTo(finished.size());
    assertThat(report.items())
        .extracting(ItemResult::questionId)
        .containsExactlyElementsOf(demo.stream().map(Question::id).toList());
    List<JournalEntry> entries = Journal.read(journalFile).entries();
    assertThat(entries).extracting(JournalEntry::questionId).doesNotHaveDuplicates().hasSize(64);
  }

  private List<String> requestedIds(String run) {
    return server.requests(run).stream().map(ChatCompletionServer.Request::questionId).toList();
  }

  private String stderr(String mode) {
    try {
      Path file = dir.resolve(mode + "-stderr.txt");
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Map<String, String> keyValues(String stdout) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : stdout.split("\n")) {
      int at = line.indexOf('=');
      if (at > 0) {
        values.put(line.substring(0, at), line.substring(at + 1).strip());
      }
    }
    return values;
  }

  private static byte[] readDemoResource() throws IOException {
    try (InputStream in = Datasets.class.getResourceAsStream(Datasets.DEMO_RESOURCE)) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }
}
