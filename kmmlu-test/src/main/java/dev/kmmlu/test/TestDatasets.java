package dev.kmmlu.test;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Licence;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Small in-memory question lists shaped like the benchmarks, for tests. The texts are Korean and
 * deterministic: the same builder calls always give equal questions.
 *
 * <pre>{@code
 * List<Question> questions = TestDatasets.pro()
 *     .licence("약사").subject("약리학", 10).subject("보건의약관계법규", 10)
 *     .goldCycling()
 *     .build();
 * }</pre>
 *
 * <p>Ids follow the benchmarks' style: {@code kmmlu-pro/test/0000} and {@code
 * kmmlu-redux/test/0000} (numbered across the whole list), {@code kmmlu/test/Accounting/0000} and
 * {@code kmmlu-hard/test/Accounting/0000} (numbered within each subject).
 */
public final class TestDatasets {
  private static final String[] ORDINALS = {"첫째", "둘째", "셋째", "넷째", "다섯째"};

  private TestDatasets() {}

  /** Returns a builder of KMMLU-Pro questions: call {@code licence(...)} before its subjects. */
  public static Builder pro() {
    return new Builder(Benchmark.KMMLU_PRO);
  }

  /** Returns a builder of KMMLU questions grouped by subject (config names such as Accounting). */
  public static Builder kmmlu() {
    return new Builder(Benchmark.KMMLU);
  }

  /** Returns a builder of KMMLU-HARD questions grouped by subject. */
  public static Builder hard() {
    return new Builder(Benchmark.KMMLU_HARD);
  }

  /** Returns a builder of KMMLU-Redux questions grouped by category (such as 건설). */
  public static Builder redux() {
    return new Builder(Benchmark.KMMLU_REDUX);
  }

  /**
   * A builder of a question list. Not thread-safe. Gold answers are all A unless {@link
   * #goldCycling()} or {@link #gold(Choice)} says otherwise.
   */
  public static final class Builder {
    private final Benchmark benchmark;
    private final List<Part> parts = new ArrayList<>();
    private String split;
    private String licence;
    private int optionCount = 4;
    private Choice gold = Choice.A;
    private boolean cycling;
    private int shotsPerSubject;

    private Builder(Benchmark benchmark) {
      this.benchmark = benchmark;
      this.split = benchmark.splits().get(0);
    }

    /**
     * Sets the licence of the subjects that follow, such as 약사; a known alias is stored under its
     * canonical name (회계사 as 공인회계사).
     *
     * @throws IllegalStateException if the benchmark is not KMMLU-Pro
     * @throws IllegalArgumentException if licence is blank
     */
    public Builder licence(String licence) {
      requireNonNull(licence, "licence");
      if (benchmark != Benchmark.KMMLU_PRO) {
        throw new IllegalStateException(
            "licence(...) applies to KMMLU-Pro only, but this builder makes " + benchmark.slug());
      }
      if (licence.isBlank()) {
        throw new IllegalArgumentException("licence must not be blank, but was \"" + licence + "\"");
      }
      this.licence = Licence.parse(licence).map(Licence::koreanName).orElse(licence.strip());
      return this;
    }

    /**
     * Adds {@code count} questions of the subject {@code subject}: a KMMLU(-HARD) subject, a
     * KMMLU-Pro exam subject of the current licence, or a KMMLU-Redux category.
     *
     * @throws IllegalArgumentException if subject is blank or count is not positive
     * @throws IllegalStateException if the builder makes KMMLU-Pro and no licence is set
     */
    public Builder subject(String subject, int count) {
      requireNonNull(subject, "subject");
      if (subject.isBlank()) {
        throw new IllegalArgumentException("subject must not be blank, but was \"" + subject + "\"");
      }
      if (count < 1) {
        throw new IllegalArgumentException("count must be positive, but was " + count);
      }
      if (benchmark == Benchmark.KMMLU_PRO && licence == null) {
        throw new IllegalStateException(
            "licence(...) must be called before subject(\"" + subject + "\", " + count + ")");
      }
      parts.add(new Part(licence, subject, count));
      return this;
    }

    /** Adds {@code count} KMMLU-Redux questions of {@code category}; the same as {@link #subject}. */
    public Builder category(String category, int count) {
      return subject(category, count);
    }

    /**
     * Sets the split recorded in questions and ids; the benchmark's evaluation split ({@code test})
     * by default.
     *
     * @throws IllegalArgumentException if split is blank
     */
    public Builder split(String split) {
      requireNonNull(split, "split");
      if (split.isBlank()) {
        throw new IllegalArgumentException("split must not be blank, but was \"" + split + "\"");
      }
      this.split = split;
      return this;
    }

    /**
     * Gives every question five options (A-E), as some KMMLU-Pro items have.
     *
     * @throws IllegalStateException if the benchmark is not KMMLU-Pro
     */
    public Builder fiveOptions() {
      if (benchmark != Benchmark.KMMLU_PRO) {
        throw new IllegalStateException(
            "five-option items exist in KMMLU-Pro only, but this builder makes "
                + benchmark.slug());
      }
      this.optionCount = 5;
      return this;
    }

    /**
     * Makes the gold answers cycle through the options in list order: A, B, C, D, A, ... (with E
     * for five-option items).
     */
    public Builder goldCycling() {
      this.cycling = true;
      return this;
    }

    /** Makes every gold answer {@code gold} (A by default), and stops cycling. */
    public Builder gold(Choice gold) {
      this.gold = requireNonNull(gold, "gold");
      this.cycling = false;
      return this;
    }

    /**
     * Makes {@link #buildDataset()} attach a few-shot source: a {@code dev} split with {@code
     * perSubject} questions of each subject (texts "예제 N" instead of "문제 N"), gold cycling.
     *
     * @throws IllegalArgumentException if perSubject is negative
     */
    public Builder devShots(int perSubject) {
      if (perSubject < 0) {
        throw new IllegalArgumentException(
            "per subject must not be negative, but was " + perSubject);
      }
      this.shotsPerSubject = perSubject;
      return this;
    }

    /**
     * Returns the questions as a {@link Dataset} of this builder's benchmark and split, with the
     * few-shot source {@link #devShots(int)} asks for.
     *
     * @throws IllegalStateException if no subject was added
     */
    public Dataset buildDataset() {
      Dataset dataset = Dataset.of(benchmark, split, build());
      if (shotsPerSubject == 0) {
        return dataset;
      }
      Builder dev = new Builder(benchmark).split("dev").goldCycling();
      dev.optionCount = optionCount;
      for (Part part : parts) {
        dev.parts.add(new Part(part.licence, part.subject, shotsPerSubject));
      }
      return dataset.withFewShot(Dataset.of(benchmark, "dev", dev.build()));
    }

    /**
     * Returns the questions, in the order their subjects were added.
     *
     * @throws IllegalStateException if no subject was added
     * @throws IllegalArgumentException if the fixed gold lies outside the options
     */
    public List<Question> build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("subject(...) must be called at least once before build()");
      }
      if (!cycling && gold.index() >= optionCount) {
        throw new IllegalArgumentException(
            "gold must be one of " + Choice.letters(optionCount) + ", but was " + gold);
      }
      List<Question> questions = new ArrayList<>();
      int overall = 0;
      for (Part part : parts) {
        for (int i = 0; i < part.count; i++) {
          Choice answer = cycling ? Choice.ofIndex(overall % optionCount) : gold;
          questions.add(question(part, i, overall, answer));
          overall++;
        }
      }
      return List.copyOf(questions);
    }

    private Question question(Part part, int indexInSubject, int overall, Choice answer) {
      boolean perSubject = benchmark == Benchmark.KMMLU || benchmark == Benchmark.KMMLU_HARD;
      String id =
          perSubject
              ? String.format(
                  "%s/%s/%s/%04d", benchmark.slug(), split, part.subject, indexInSubject)
              : String.format("%s/%s/%04d", benchmark.slug(), split, overall);
      int number = indexInSubject + 1;
      String kind = "dev".equals(split) ? "예제" : "문제";
      String text =
          "[" + part.subject + "] " + kind + " " + number + ": 다음 설명 중 옳은 것을 고르시오.";
      List<String> options = new ArrayList<>();
      for (int o = 0; o < optionCount; o++) {
        options.add(part.subject + " " + number + "번 " + kind + "의 " + ORDINALS[o] + " 진술");
      }
      QuestionMetadata.Builder metadata = QuestionMetadata.builder();
      String group;
      if (benchmark == Benchmark.KMMLU_PRO) {
        group = part.licence;
        metadata.qualification(part.licence).year(2024).round(1).session(1);
      } else {
        group = part.subject;
        if (perSubject) {
          metadata.category(part.subject.replace('-', ' '));
        }
      }
      return new Question(
          id, benchmark, split, group, part.subject, text, options, answer, metadata.build());
    }
  }

  private static final class Part {
    private final String licence;
    private final String subject;
    private final int count;

    private Part(String licence, String subject, int count) {
      this.licence = licence;
      this.subject = subject;
      this.count = count;
    }
  }
}
