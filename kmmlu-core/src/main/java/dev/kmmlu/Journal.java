package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.datasets.KmmluException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A crash-safe, append-only record of a run: a JSON Lines file whose first line is a {@link
 * JournalHeader} and each further line one finished {@link JournalEntry}. A run that is stopped and
 * started again skips the items its journal already holds.
 *
 * <p>Durability: each entry is written in one piece and handed to the operating system as it is
 * appended; the file is forced to disk (fsync) when 200 ms or more have passed since the last
 * force, by a daemon thread at most 200 ms after any unforced append, and on {@link #close()}. A
 * crash can therefore tear at most the last line; {@link #open} detects a torn last line (one
 * without its newline, or that is not valid JSON), ignores it and truncates it away before
 * appending. An invalid line anywhere else is an error that names the file and line.
 *
 * <p>Thread-safe: any number of threads may {@link #append} at once; lines never interleave. The
 * journal holds no secrets: no API keys or request headers are written.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(Path.of("out/responses.jsonl"), header, false)) {
 *   Set<String> done = journal.questionIds();
 *   ...
 *   journal.append(entry);
 * }
 * }</pre>
 */
public final class Journal implements AutoCloseable {
  /** The longest time, in milliseconds, an appended entry may stay unforced to disk. */
  public static final long FORCE_INTERVAL_MILLIS = 200;

  private static final DateTimeFormatter BACKUP_STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final JournalHeader header;
  // A stream, not a FileChannel: an interrupt on a worker thread must never close the journal
  // (interruptible channels close themselves when the writing thread is interrupted).
  private final FileOutputStream out;
  private final List<JournalEntry> entries;
  private final ScheduledExecutorService forcer;
  private long lastForceNanos;
  private boolean dirty;
  private boolean closed;

  private Journal(Path file, JournalHeader header, List<JournalEntry> entries)
      throws IOException {
    this.file = file;
    this.header = header;
    this.out = new FileOutputStream(file.toFile(), true);
    this.entries = new ArrayList<>(entries);
    this.lastForceNanos = System.nanoTime();
    this.forcer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "kmmlu-journal-force");
              thread.setDaemon(true);
              return thread;
            });
    forcer.scheduleWithFixedDelay(
        this::forceIfDirty, FORCE_INTERVAL_MILLIS, FORCE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** What a journal file holds: its header and its finished entries, in file order. */
  public record Contents(JournalHeader header, List<JournalEntry> entries) {
    /** Validates the components and copies the entries. */
    public Contents {
      requireNonNull(header, "header");
      entries = List.copyOf(entries);
    }
  }

  /**
   * Opens the journal at {@code file} for appending, creating it (and its parent directories) with
   * {@code header} when it does not exist or is empty.
   *
   * <p>When the file exists, its entries are read and a torn last line is truncated away. If its
   * header was written for another model id, template hash, settings hash, benchmark or dataset
   * fingerprint (the fingerprint is compared only when both are non-empty), the journal is refused
   * unless {@code restart} is true. With {@code restart} true an existing non-empty file is always
   * renamed to {@code <name>.bak-<UTC timestamp>} and a new journal is started.
   *
   * @throws KmmluException if the existing journal was written for a different run and restart is
   *     false, or the file cannot be read or written
   * @throws DatasetException if a line other than the last is not a valid journal line
   */
  public static Journal open(Path file, JournalHeader header, boolean restart) {
    requireNonNull(file, "file");
    requireNonNull(header, "header");
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        if (restart) {
          backUp(file);
        } else {
          return resume(file, header);
        }
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      try {
        write(channel, headerLine(header));
        channel.force(true);
      } finally {
        channel.close();
      }
      return new Journal(file, header, List.of());
    } catch (IOException e) {
      throw new KmmluException("journal " + file + ": could not be opened: " + e, e);
    }
  }

  /**
   * Returns the header and entries of the journal at {@code file} without changing it. A torn last
   * line is ignored.
   *
   * @throws DatasetException if the file has no header or a line other than the last is invalid
   * @throws KmmluException if the file cannot be read
   */
  public static Contents read(Path file) {
    requireNonNull(file, "file");
    Parsed parsed = parse(file);
    if (parsed.header == null) {
      throw new DatasetException(file.toString(), "journal has no header line; is the file empty?");
    }
    return new Contents(parsed.header, parsed.entries);
  }

  private static Journal resume(Path file, JournalHeader header) throws IOException {
    Parsed parsed = parse(file);
    if (parsed.header != null) {
      List<String> changes = changes(parsed.header, header);
      if (!changes.isEmpty()) {
        throw new KmmluException(
            file
                + ": "
                + String.join("; ", changes)
                + "; pass --restart (or restart=true) to start over");
      }
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    try {
      channel.truncate(parsed.validBytes);
      channel.position(parsed.validBytes);
      if (parsed.header == null) {
        write(channel, headerLine(header));
      }
      channel.force(true);
    } finally {
      channel.close();
    }
    return new Journal(file, parsed.header == null ? header : parsed.header, parsed.entries);
  }

  private static List<String> changes(JournalHeader old, JournalHeader now) {
    List<String> changes = new ArrayList<>();
    if (!old.modelId().equals(now.modelId())) {
      changes.add(
          "journal was written for model " + old.modelId() + ", this run uses " + now.modelId());
    }
    if (!old.templateHash().equals(now.templateHash())) {
      changes.add(
          "journal was written with template "
              + old.templateName()
              + " (hash "
              + shortHash(old.templateHash())
              + "), this run uses "
              + now.templateName()
              + " (hash "
              + shortHash(now.templateHash())
              + ")");
    }
    if (!old.settingsHash().equals(now.settingsHash())) {
      changes.add(
          "journal was written with settings hash "
              + shortHash(old.settingsHash())
              + ", this run uses "
              + shortHash(now.settingsHash()));
    }
    if (!old.benchmark().equals(now.benchmark())) {
      changes.add(
          "journal was written for benchmark "
              + old.benchmark()
              + ", this run uses "
              + now.benchmark());
    }
    if (!old.datasetFingerprint().isEmpty()
        && !now.datasetFingerprint().isEmpty()
        && !old.datasetFingerprint().equals(now.datasetFingerprint())) {
      changes.add(
          "journal was written for dataset "
              + old.datasetFingerprint()
              + ", this run uses "
              + now.datasetFingerprint());
    }
    return changes;
  }

  private static String shortHash(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  private static void backUp(Path file) throws IOException {
    String stamp = BACKUP_STAMP.format(Instant.now());
    Path backup = file.resolveSibling(file.getFileName() + ".bak-" + stamp);
    for (int suffix = 1; ; suffix++) {
      try {
        Files.move(file, backup);
        return;
      } catch (FileAlreadyExistsException e) {
        backup = file.resolveSibling(file.getFileName() + ".bak-" + stamp + "-" + suffix);
      }
    }
  }

  /** Returns the journal's file. */
  public Path file() {
    return file;
  }

  /**
   * Returns the header: the existing one when resumed, otherwise the one given to {@link #open}.
   */
  public JournalHeader header() {
    return header;
  }

  /** Returns the finished entries: those read when it was opened, then those appended since. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** Returns the ids of the questions the journal holds a finished entry for. */
  public synchronized Set<String> questionIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (JournalEntry entry : entries) {
      ids.add(entry.questionId());
    }
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Appends {@code entry} as one line and hands it to the operating system before returning.
   *
   * @throws IllegalStateException if the journal is closed
   * @throws KmmluException if the line cannot be written
   */
  public synchronized void append(JournalEntry entry) {
    requireNonNull(entry, "entry");
    if (closed) {
      throw new IllegalStateException("journal " + file + " is closed");
    }
    try {
      out.write((entryLine(entry) + "\n").getBytes(StandardCharsets.UTF_8));
      entries.add(entry);
      dirty = true;
      if (System.nanoTime() - lastForceNanos
          >= TimeUnit.MILLISECONDS.toNanos(FORCE_INTERVAL_MILLIS)) {
        force();
      }
    } catch (IOException e) {
      throw new KmmluException("journal " + file + ": could not append an entry: " + e, e);
    }
  }

  private synchronized void forceIfDirty() {
    if (closed || !dirty) {
      return;
    }
    try {
      force();
    } catch (IOException e) {
      // The next append or close forces again and reports a persistent failure.
    }
  }

  private void force() throws IOException {
    out.getFD().sync();
    dirty = false;
    lastForceNanos = System.nanoTime();
  }

  /**
   * Forces the journal to disk and closes it. Closing a closed journal does nothing.
   *
   * @throws KmmluException if the file cannot be forced or closed
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    forcer.shutdownNow();
    try (FileOutputStream toClose = out) {
      toClose.getFD().sync();
    } catch (IOException e) {
      throw new KmmluException("journal " + file + ": could not be closed: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "Journal{" + file + ", model=" + header.modelId() + "}";
  }

  private static void write(FileChannel channel, String line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  static String headerLine(JournalHeader header) {
    ObjectNode node = Json.object();
    node.put("type", "header");
    node.put("model_id", header.modelId());
    node.put("template_name", header.templateName());
    node.put("template_hash", header.templateHash());
    node.put("settings_hash", header.settingsHash());
    node.put("benchmark", header.benchmark());
    node.put("dataset_fingerprint", header.datasetFingerprint());
    node.put("created", header.created().toString());
    return Json.write(node);
  }

  static String entryLine(JournalEntry entry) {
    ObjectNode node = Json.object();
    node.put("type", "entry");
    node.put("question_id", entry.questionId());
    node.put("prompt_hash", entry.promptHash());
    node.put("model_id", entry.modelId());
    node.put("reply", entry.text());
    node.put("reasoning", entry.reasoning());
    node.put("finish_reason", entry.finishReason());
    ObjectNode usage = node.putObject("usage");
    usage.put("prompt_tokens", entry.promptTokens());
    usage.put("completion_tokens", entry.completionTokens());
    node.put("latency_ms", entry.latencyMillis());
    node.put("attempts", entry.attempts());
    if (entry.choice().isEmpty()) {
      node.putNull("choice");
    } else {
      node.put("choice", entry.choice());
    }
    node.put("status", entry.extractionStatus());
    node.put("outcome", entry.outcome().wireName());
    node.put("failure_reason", entry.failureReason());
    return Json.write(node);
  }

  private static final class Parsed {
    JournalHeader header;
    final List<JournalEntry> entries = new ArrayList<>();
    long validBytes;
  }

  private static Parsed parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KmmluException("journal " + file + ": could not be read: " + e, e);
    }
    Parsed parsed = new Parsed();
    int start = 0;
    int lineNumber = 0;
    while (start < bytes.length) {
      lineNumber++;
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        // No newline: the write of this line was cut off.
        break;
      }
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      boolean last = end + 1 == bytes.length;
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        if (last) {
          break;
        }
        throw new DatasetException(
            file.toString(), lineNumber, null, "not a JSON object: " + abbreviate(line), null);
      }
      if (lineNumber == 1) {
        parsed.header = readHeader(file, node);
      } else {
        parsed.entries.add(readEntry(file, lineNumber, node));
      }
      start = end + 1;
      parsed.validBytes = start;
    }
    return parsed;
  }

  private static String abbreviate(String line) {
    return line.length() > 80 ? "\"" + line.substring(0, 80) + "...\"" : "\"" + line + "\"";
  }

  private static JournalHeader readHeader(Path file, JsonNode node) {
    if (!"header".equals(Json.text(node, "type"))) {
      throw new DatasetException(
          file.toString(), 1, "type", "expected \"header\", but found " + node.get("type"), null);
    }
    Instant created;
    try {
      created = Instant.parse(required(file, 1, node, "created"));
    } catch (DateTimeParseException e) {
      throw new DatasetException(
          file.toString(),
          1,
          "created",
          "expected an ISO-8601 instant, but found " + node.get("created"),
          e);
    }
    return new JournalHeader(
        required(file, 1, node, "model_id"),
        required(file, 1, node, "template_name"),
        required(file, 1, node, "template_hash"),
        required(file, 1, node, "settings_hash"),
        required(file, 1, node, "benchmark"),
        required(file, 1, node, "dataset_fingerprint"),
        created);
  }

  private static JournalEntry readEntry(Path file, int line, JsonNode node) {
    if (!"entry".equals(Json.text(node, "type"))) {
      throw new DatasetException(
          file.toString(), line, "type", "expected \"entry\", but found " + node.get("type"), null);
    }
    String outcomeName = required(file, line, node, "outcome");
    JournalEntry.Kind outcome =
        JournalEntry.Kind.parse(outcomeName)
            .orElseThrow(
                () ->
                    new DatasetException(
                        file.toString(),
                        line,
                        "outcome",
                        "expected correct, incorrect, unparsed or failed, but found \""
                            + outcomeName
                            + "\"",
                        null));
    JsonNode usage = node.get("usage");
    JsonNode choice = node.get("choice");
    try {
      return new JournalEntry(
          required(file, line, node, "question_id"),
          Json.text(node, "prompt_hash"),
          Json.text(node, "model_id"),
          Json.text(node, "reply"),
          Json.text(node, "reasoning"),
          Json.text(node, "finish_reason"),
          (int) Json.number(usage, "prompt_tokens", -1),
          (int) Json.number(usage, "completion_tokens", -1),
          Json.number(node, "latency_ms", 0),
          (int) Json.number(node, "attempts", 0),
          choice == null || choice.isNull() ? "" : choice.asText(),
          Json.text(node, "status"),
          outcome,
          Json.text(node, "failure_reason"));
    } catch (IllegalArgumentException e) {
      throw new DatasetException(file.toString(), line, null, e.getMessage(), e);
    }
  }

  private static String required(Path file, int line, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DatasetException(
          file.toString(), line, field, "expected a string, but found " + value, null);
    }
    return value.asText();
  }
}
