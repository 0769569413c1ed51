package dev.kmmlu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.datasets.KmmluException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  @Test
  void should_write_the_header_then_one_line_per_entry() throws IOException {
    // GIVEN
    Path file = dir.resolve("out/responses.jsonl");
    // WHEN
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q1"));
    }
    // THEN
    then(Files.readAllLines(file, UTF_8))
        .containsExactly(
            "{\"type\":\"header\",\"model_id\":\"openai:m\",\"template_name\":\"korean-cot\","
                + "\"template_hash\":\""
                + "t".repeat(64)
                + "\",\"settings_hash\":\""
                + "s".repeat(64)
                + "\",\"benchmark\":\"kmmlu-pro\",\"dataset_fingerprint\":\"fp1\","
                + "\"created\":\"2026-01-02T03:04:05Z\"}",
            "{\"type\":\"entry\",\"question_id\":\"q1\",\"prompt_hash\":\""
                + "p".repeat(64)
                + "\",\"model_id\":\"openai:m\",\"reply\":\"정답: B\",\"reasoning\":\"생각\","
                + "\"finish_reason\":\"stop\",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30},"
                + "\"latency_ms\":1500,\"attempts\":2,\"choice\":\"B\",\"status\":\"strict\","
                + "\"outcome\":\"correct\",\"failure_reason\":\"\"}");
  }

  @Test
  void should_return_the_finished_entries_when_reopened() {
    // GIVEN
    Path file = dir.resolve("r.jsonl");
    JournalEntry failed =
        new JournalEntry(
            "q2",
            "h",
            "openai:m",
            "",
            "",
            "",
            -1,
            -1,
            10,
            6,
            "",
            "",
            JournalEntry.Kind.FAILED,
            "HTTP 503 after 6 attempts");
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q1"));
      journal.append(failed);
    }
    // WHEN
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q3"));
      // THEN
      then(journal.entries()).containsExactly(Fixtures.entry("q1"), failed, Fixtures.entry("q3"));
      then(journal.questionIds()).containsExactly("q1", "q2", "q3");
    }
    then(Journal.read(file).entries()).hasSize(3);
  }

  @Test
  void should_drop_and_truncate_a_torn_last_line_when_reopened() throws IOException {
    // GIVEN
    Path file = dir.resolve("torn.jsonl");
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q1"));
    }
    long intact = Files.size(file);
    String line = Journal.entryLine(Fixtures.entry("q2"));
    Files.write(
        file, line.substring(0, line.length() / 2).getBytes(UTF_8), StandardOpenOption.APPEND);
    // WHEN
    List<JournalEntry> entries;
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      entries = journal.entries();
      then(Files.size(file)).isEqualTo(intact);
      journal.append(Fixtures.entry("q3"));
    }
    // THEN
    then(entries).containsExactly(Fixtures.entry("q1"));
    then(Journal.read(file).entries()).containsExactly(Fixtures.entry("q1"), Fixtures.entry("q3"));
  }

  @Test
  void should_drop_an_invalid_last_line_even_with_its_newline() throws IOException {
    // GIVEN
    Path file = dir.resolve("bad-last.jsonl");
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      journal.append(Fixtures.entry("q1"));
    }
    Files.write(file, "{\"type\":\"entry\",\"quest\n".getBytes(UTF_8), StandardOpenOption.APPEND);
    // WHEN
    try (Journal journal = Journal.open(file, Fixtures.header("openai:m"), false)) {
      // THEN
      then(journal.entries()).containsExactly(Fixtures.entry("q1"));
    }
    then(Files.readAllLines(file, UTF_8)).hasSize(2);
  }

  @Test
  void should_name_file_and_line_when_a_middle_line_is_invalid() throws IOException {
    // GIVEN
    Path file = dir.resolve("bad.jsonl");
    Files.write(
        file,
        (Journal.headerLine(Fixtures.header("openai:m"))
                + "\nnot json\n"
                + Journal.entryLine(Fixtures.entry("q1"))
                + "\n")
            .getBytes(UTF_8));
    // WHEN
    Throwable thrown = catchThrowable(() -> Journal.open(file, Fixtures.header("openai:m"), false));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(file + ":2: not a JSON object: \"not json\"");
  }

  @Test
  void should_refuse_to_resume_when_the_model_changed() {
    // GIVEN
    Path file = dir.resolve("m.jsonl");
    Journal.open(file, Fixtures.header("openai:old"), false).close();
    // WHEN
    Throwable thrown =
        catchThrowable(() -> Journal.open(file, Fixtures.header("openai:new"), false));
    // THEN
    then(thrown)
        .isExactlyInstanceOf(KmmluException.class)
        .hasMessage(
            file
                + ": journal was written for model openai:old, this run uses openai:new;"
                + " pass --restart (or restart=true) to start over");
  }

  @Test
  void should_name_template_and_settings_when_both_changed() {
    // GIVEN
    Path file = dir.resolve("t.jsonl");
    Journal.open(file, Fixtures.header("m"), false).close();
    JournalHeader old = Fixtures.header("m");
    JournalHeader changed =
        new JournalHeader(
            "m",
            "english-cot",
            "a".repeat(64),
            "b".repeat(64),
            old.benchmark(),
            old.datasetFingerprint(),
            old.created());
    // WHEN
    Throwable thrown = catchThrowable(() -> Journal.open(file, changed, false));
    // THEN
    then(thrown)
        .hasMessage(
            file
                + ": journal was written with template korean-cot (hash tttttttttttt), this run"
                + " uses english-cot (hash aaaaaaaaaaaa); journal was written with settings hash"
                + " ssssssssssss, this run uses bbbbbbbbbbbb; pass --restart (or restart=true) to"
                + " start over");
  }

  @Test
  void should_back_up_the_old_file_and_start_over_when_restart() throws IOException {
    // GIVEN
    Path file = dir.resolve("restart.jsonl");
    try (Journal journal = Journal.open(file, Fixtures.header("openai:old"), false)) {
      journal.append(Fixtures.entry("q1"));
    }
    String oldContent = Files.readString(file, UTF_8);
    // WHEN
    try (Journal journal = Journal.open(file, Fixtures.header("openai:new"), true)) {
      // THEN
      then(journal.entries()).isEmpty();
      then(journal.header().modelId()).isEqualTo("openai:new");
    }
    List<Path> backups;
    try (Stream<Path> files = Files.list(dir)) {
      backups =
          files.filter(p -> p.getFileName().toString().startsWith("restart.jsonl.bak-")).toList();
    }
    then(backups).hasSize(1);
    then(Files.readString(backups.get(0), UTF_8)).isEqualTo(oldContent);
    then(Files.readAllLines(file, UTF_8)).hasSize(1);
  }

  @Test
  void should_keep_every_line_intact_when_8_threads_append_at_once() throws Exception {
    // GIVEN
    Path file = dir.resolve("concurrent.jsonl");
    int perThread = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    try (Journal journal = Journal.open(file, Fixtures.header("m"), false)) {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        threads.add(
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  for (int i = 0; i < perThread; i++) {
                    journal.append(Fixtures.entry("t" + thread + "-" + i));
                  }
                }));
      }
      threads.forEach(Thread::start);
      // WHEN
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
    }
    // THEN
    List<JournalEntry> entries = Journal.read(file).entries();
    Set<String> ids = new HashSet<>();
    entries.forEach(e -> ids.add(e.questionId()));
    then(entries).hasSize(8 * perThread);
    then(ids).hasSize(8 * perThread);
    then(Files.readAllLines(file, UTF_8)).hasSize(8 * perThread + 1);
  }

  @Test
  void should_refuse_appends_when_closed() {
    // GIVEN
    Path file = dir.resolve("closed.jsonl");
    Journal journal = Journal.open(file, Fixtures.header("m"), false);
    journal.close();
    // WHEN
    Throwable thrown = catchThrowable(() -> journal.append(Fixtures.entry("q")));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("journal " + file + " is closed");
  }

  @Test
  void should_start_a_new_journal_when_only_a_torn_header_exists() throws IOException {
    // GIVEN
    Path file = dir.resolve("torn-header.jsonl");
    Files.write(file, "{\"type\":\"hea".getBytes(UTF_8));
    // WHEN
    try (Journal journal = Journal.open(file, Fixtures.header("m"), false)) {
      // THEN
      then(journal.entries()).isEmpty();
    }
    then(Journal.read(file).header()).isEqualTo(Fixtures.header("m"));
  }
}
