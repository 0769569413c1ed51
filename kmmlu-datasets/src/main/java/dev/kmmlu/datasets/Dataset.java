package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The questions of one split of one benchmark, in a stable order, with where they came from.
 * Instances are immutable and thread-safe; every operation that narrows a dataset returns a new one
 * and keeps the source, revision and few-shot source.
 *
 * <pre>{@code
 * Dataset test = Datasets.kmmlu(Path.of("KMMLU"), "test");
 * Dataset law = test.withGroups(List.of("Law")).sample(100, 42);
 * List<Question> shots = law.fewShotExamples("Law", 5);
 * }</pre>
 */
public final class Dataset implements Iterable<Question> {
  /** The revision of a dataset read from local files. */
  public static final String LOCAL_REVISION = "local";

  private final Benchmark benchmark;
  private final String split;
  private final List<Question> questions;
  private final String source;
  private final String revision;
  private final Dataset fewShot;
  private volatile String fingerprint;
  private volatile Map<String, List<Question>> groupIndex;

  private Dataset(
      Benchmark benchmark,
      String split,
      List<Question> questions,
      String source,
      String revision,
      Dataset fewShot) {
    this.benchmark = benchmark;
    this.split = split;
    this.questions = questions;
    this.source = source;
    this.revision = revision;
    this.fewShot = fewShot;
  }

  /**
   * Returns a dataset of the given questions, in the given order, with source {@code "memory"} and
   * revision {@value #LOCAL_REVISION}.
   *
   * @throws IllegalArgumentException if a question belongs to another benchmark or split, or two
   *     questions share an id
   */
  public static Dataset of(Benchmark benchmark, String split, Collection<Question> questions) {
    return of(benchmark, split, questions, "memory");
  }

  static Dataset of(
      Benchmark benchmark, String split, Collection<Question> questions, String source) {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(split, "split");
    requireNonNull(questions, "questions");
    List<Question> copy = List.copyOf(questions);
    Set<String> ids = new HashSet<>();
    for (Question question : copy) {
      if (question.benchmark() != benchmark) {
        throw new IllegalArgumentException(
            "questions must belong to " + benchmark + ", but " + question.id() + " belongs to "
                + question.benchmark());
      }
      if (!question.split().equals(split)) {
        throw new IllegalArgumentException(
            "questions must belong to split " + split + ", but " + question.id()
                + " belongs to split " + question.split());
      }
      if (!ids.add(question.id())) {
        throw new IllegalArgumentException(
            "question ids must be unique, but " + question.id() + " appears twice");
      }
    }
    return new Dataset(benchmark, split, copy, requireNonNull(source, "source"), LOCAL_REVISION, null);
  }

  private Dataset with(List<Question> subset) {
    return subset.size() == questions.size()
        ? this
        : new Dataset(benchmark, split, List.copyOf(subset), source, revision, fewShot);
  }

  /** Returns the benchmark the questions belong to. */
  public Benchmark benchmark() {
    return benchmark;
  }

  /** Returns the split the questions were loaded from, such as {@code "test"}. */
  public String split() {
    return split;
  }

  /** Returns the questions in their stable order (file order; KMMLU subjects alphabetically). */
  public List<Question> questions() {
    return questions;
  }

  /** Returns the number of questions. */
  public int size() {
    return questions.size();
  }

  /** Returns an iterator over the questions in their stable order. */
  @Override
  public Iterator<Question> iterator() {
    return questions.iterator();
  }

  /** Returns where the questions were read from: a file or directory path, {@code "demo"}, .... */
  public String source() {
    return source;
  }

  /** Returns the dataset revision: {@value #LOCAL_REVISION} or the hub commit it was read at. */
  public String revision() {
    return revision;
  }

  /** Returns a copy with the given revision, such as the hub commit the files were downloaded at. */
  public Dataset withRevision(String revision) {
    requireNonNull(revision, "revision");
    if (revision.isBlank()) {
      throw new IllegalArgumentException("revision must not be blank, but was \"" + revision + "\"");
    }
    return revision.equals(this.revision)
        ? this
        : new Dataset(benchmark, split, questions, source, revision, fewShot);
  }

  /** Returns a copy with the given source description, such as a hub URL. */
  public Dataset withSource(String source) {
    requireNonNull(source, "source");
    return source.equals(this.source)
        ? this
        : new Dataset(benchmark, split, questions, source, revision, fewShot);
  }

  /** Returns the group names in the order their first question appears. */
  public List<String> groups() {
    return List.copyOf(byGroup().keySet());
  }

  /**
   * Returns the questions of each group, groups in the order their first question appears and
   * questions in dataset order.
   */
  public Map<String, List<Question>> byGroup() {
    Map<String, List<Question>> result = groupIndex;
    if (result == null) {
      result = partition(questions, true);
      groupIndex = result;
    }
    return result;
  }

  /**
   * Returns the questions of one group by subject (KMMLU-Pro's exam subjects; for the other
   * benchmarks the one subject equals the group), in first-appearance order.
   *
   * @throws IllegalArgumentException if the dataset has no group of that name
   */
  public Map<String, List<Question>> bySubject(String group) {
    List<Question> members = byGroup().get(requireNonNull(group, "group"));
    if (members == null) {
      throw new IllegalArgumentException(
          "group must be one of this dataset's groups, but was " + TextFiles.quote(group));
    }
    return partition(members, false);
  }

  /**
   * Returns the groups whose name the benchmark's taxonomy does not know ({@link KmmluSubject},
   * {@link ReduxCategory}, {@link Licence}), in first-appearance order. Such questions load as
   * usual; this is how they are reported.
   */
  public List<String> unknownGroups() {
    List<String> unknown = new ArrayList<>();
    for (String group : groups()) {
      boolean known;
      switch (benchmark) {
        case KMMLU:
        case KMMLU_HARD:
          known = KmmluSubject.parse(group).isPresent();
          break;
        case KMMLU_REDUX:
          known = ReduxCategory.parse(group).isPresent();
          break;
        default:
          known = Licence.parse(group).isPresent();
      }
      if (!known) {
        unknown.add(group);
      }
    }
    return List.copyOf(unknown);
  }

  private static Map<String, List<Question>> partition(List<Question> members, boolean byGroup) {
    Map<String, List<Question>> parts = new LinkedHashMap<>();
    for (Question question : members) {
      String key = byGroup ? question.group() : question.subject();
      parts.computeIfAbsent(key, k -> new ArrayList<>()).add(question);
    }
    parts.replaceAll((key, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(parts);
  }

  /** Returns the questions that match {@code predicate}, in order. */
  public Dataset filter(Predicate<Question> predicate) {
    requireNonNull(predicate, "predicate");
    List<Question> kept = new ArrayList<>();
    for (Question question : questions) {
      if (predicate.test(question)) {
        kept.add(question);
      }
    }
    return with(kept);
  }

  /**
   * Returns the questions of the named groups, in dataset order.
   *
   * @throws IllegalArgumentException if a name is not one of this dataset's groups
   */
  public Dataset withGroups(Collection<String> groups) {
    requireNonNull(groups, "groups");
    Set<String> wanted = new LinkedHashSet<>(groups);
    Set<String> present = byGroup().keySet();
    for (String group : wanted) {
      if (!present.contains(requireNonNull(group, "group"))) {
        throw new IllegalArgumentException(
            "groups must be groups of this dataset, but " + TextFiles.quote(group) + " is not");
      }
    }
    return filter(question -> wanted.contains(question.group()));
  }

  /**
   * Returns the first {@code count} questions, or all of them when there are fewer.
   *
   * @throws IllegalArgumentException if count is negative
   */
  public Dataset limit(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but was " + count);
    }
    return count >= questions.size() ? this : with(questions.subList(0, count));
  }

  /**
   * Returns {@code count} questions drawn at random without replacement, in dataset order. The
   * draw depends only on the seed and the dataset's order: a partial Fisher-Yates shuffle of the
   * positions with {@link SplittableRandom}{@code (seed)}, whose sequence the JDK specifies.
   *
   * @throws IllegalArgumentException if count is negative or larger than the dataset
   */
  public Dataset sample(int count, long seed) {
    if (count < 0 || count > questions.size()) {
      throw new IllegalArgumentException(
          "count must be between 0 and " + questions.size() + ", but was " + count);
    }
    int[] positions = new int[questions.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(positions.length - i);
      int swap = positions[i];
      positions[i] = positions[j];
      positions[j] = swap;
    }
    int[] chosen = java.util.Arrays.copyOf(positions, count);
    java.util.Arrays.sort(chosen);
    List<Question> sampled = new ArrayList<>(count);
    for (int position : chosen) {
      sampled.add(questions.get(position));
    }
    return with(sampled);
  }

  /** Returns the dataset few-shot examples come from (KMMLU's dev split), if one is attached. */
  public Optional<Dataset> fewShot() {
    return Optional.ofNullable(fewShot);
  }

  /**
   * Returns a copy whose few-shot examples come from {@code examples}, usually the dev split.
   *
   * @throws IllegalArgumentException if examples belong to another benchmark
   */
  public Dataset withFewShot(Dataset examples) {
    requireNonNull(examples, "examples");
    if (examples.benchmark != benchmark) {
      throw new IllegalArgumentException(
          "examples must belong to " + benchmark + ", but belong to " + examples.benchmark);
    }
    return new Dataset(benchmark, split, questions, source, revision, examples.withoutFewShot());
  }

  private Dataset withoutFewShot() {
    return fewShot == null ? this : new Dataset(benchmark, split, questions, source, revision, null);
  }

  /**
   * Returns the first {@code count} few-shot examples of a group, in the few-shot source's order
   * (for KMMLU, the dev split's 5 questions of the same subject).
   *
   * @throws IllegalStateException if no few-shot source is attached
   * @throws IllegalArgumentException if count is negative or more than the group has
   */
  public List<Question> fewShotExamples(String group, int count) {
    requireNonNull(group, "group");
    if (fewShot == null) {
      throw new IllegalStateException(
          "few-shot examples need a few-shot source, but none is attached to this "
              + benchmark.slug()
              + " "
              + split
              + " dataset; load the dev split and call withFewShot(dev)");
    }
    List<Question> pool = fewShot.byGroup().getOrDefault(group, List.of());
    if (count < 0 || count > pool.size()) {
      throw new IllegalArgumentException(
          "count must be between 0 and "
              + pool.size()
              + " for group "
              + TextFiles.quote(group)
              + ", but was "
              + count);
    }
    return pool.subList(0, count);
  }

  /**
   * Returns a SHA-256 fingerprint of the questions, as 64 lower-case hex digits: two datasets with
   * the same fingerprint ask the same questions in the same order with the same gold answers.
   *
   * <p>Canonical form hashed: for each question in order, the fields id, text, each option, the
   * answer letter, group and subject, each written as its UTF-8 byte length (4-byte big-endian)
   * followed by its UTF-8 bytes, with the option count (4-byte big-endian) written before the
   * options. Metadata, source and revision are not part of it.
   */
  public String fingerprint() {
    String result = fingerprint;
    if (result == null) {
      result = computeFingerprint();
      fingerprint = result;
    }
    return result;
  }

  private String computeFingerprint() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide SHA-256", e);
    }
    ByteBuffer number = ByteBuffer.allocate(4);
    for (Question question : questions) {
      put(digest, number, question.id());
      put(digest, number, question.text());
      digest.update(number.clear().putInt(question.options().size()).array());
      for (String option : question.options()) {
        put(digest, number, option);
      }
      put(digest, number, question.answer().letter());
      put(digest, number, question.group());
      put(digest, number, question.subject());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void put(MessageDigest digest, ByteBuffer number, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update(number.clear().putInt(bytes.length).array());
    digest.update(bytes);
  }

  /** Returns a summary such as {@code Dataset[kmmlu-pro/test, 2822 questions, demo@local]}. */
  @Override
  public String toString() {
    return "Dataset["
        + benchmark.slug()
        + "/"
        + split
        + ", "
        + questions.size()
        + " questions, "
        + source
        + "@"
        + revision
        + "]";
  }
}
