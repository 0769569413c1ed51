package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A multiple-choice question from one of the benchmarks. Immutable.
 *
 * <p>Grouping keys: {@link #group()} is what results are reported by (the KMMLU subject's config
 * name, the KMMLU-Redux category string, the KMMLU-Pro licence name in its canonical Korean form);
 * {@link #subject()} is the finest grouping the data has (the KMMLU-Pro exam subject; for the
 * other benchmarks it equals the group).
 *
 * @param id a stable id such as {@code kmmlu-pro/test/0137} or {@code kmmlu/test/Law/0007}
 * @param benchmark the benchmark the question belongs to
 * @param split the split it was loaded from, such as {@code test} or {@code dev}
 * @param group the reporting group
 * @param subject the finest grouping: the exam subject for KMMLU-Pro, otherwise the group
 * @param text the question text, as the dataset has it
 * @param options the 4 or 5 option texts, in order A, B, ...
 * @param answer the gold choice
 * @param metadata optional facts about the item (human accuracy, points, year, ...)
 */
public record Question(
    String id,
    Benchmark benchmark,
    String split,
    String group,
    String subject,
    String text,
    List<String> options,
    Choice answer,
    QuestionMetadata metadata) {

  /** Validates the components and copies the options. */
  public Question {
    requireNonNull(id, "id");
    requireNonNull(benchmark, "benchmark");
    requireNonNull(split, "split");
    requireNonNull(group, "group");
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    requireNonNull(answer, "answer");
    requireNonNull(metadata, "metadata");
    options = List.copyOf(options);
    if (options.size() < 4 || options.size() > 5) {
      throw new IllegalArgumentException(
          "question " + id + ": options must number 4 or 5, but were " + options.size());
    }
    if (answer.index() >= options.size()) {
      throw new IllegalArgumentException(
          "question " + id + ": answer " + answer + " is outside its " + options.size() + " options");
    }
  }

  /** Returns how many options the question has (4 or 5). */
  public int optionCount() {
    return options.size();
  }

  /** Returns the choices this question offers, A-D or A-E. */
  public List<Choice> choices() {
    return Choice.first(options.size());
  }

  /** Returns the text of the option at {@code choice}. */
  public String option(Choice choice) {
    requireNonNull(choice, "choice");
    if (choice.index() >= options.size()) {
      throw new IllegalArgumentException(
          "choice must be one of " + Choice.letters(options.size()) + ", but was " + choice);
    }
    return options.get(choice.index());
  }

  /** Returns the points the item is worth: KMMLU-Pro's {@code score}, otherwise 1. */
  public double points() {
    return metadata.points();
  }
}
