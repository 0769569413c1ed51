package dev.kmmlu;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.scoring.Average;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The front door: presets with each benchmark's paper settings. Each returns an immutable {@link
 * Evaluation} that reads from the dataset hub; change anything with its {@code withX} methods.
 *
 * <pre>{@code
 * Report report = Kmmlu.pro().evaluate(model);
 * List<String> summaries = report.verdicts().stream().map(Verdict::summary).toList();
 * }</pre>
 */
public final class Kmmlu {
  private static final String VERSION = loadVersion();

  private Kmmlu() {}

  /**
   * Returns KMMLU-Pro as the paper ran it: test split, zero-shot Korean chain-of-thought prompt,
   * greedy decoding, the robust extractor, micro accuracy, and the 14 licences' pass rules.
   */
  public static Evaluation pro() {
    return Evaluation.of(Benchmark.KMMLU_PRO);
  }

  /** Returns KMMLU-Redux as the paper ran it: zero-shot Korean chain of thought, micro accuracy. */
  public static Evaluation redux() {
    return Evaluation.of(Benchmark.KMMLU_REDUX);
  }

  /**
   * Returns KMMLU as its paper ran it: 5-shot direct prompts in lm-evaluation-harness's format (the
   * dev split's five examples of the same subject), macro accuracy over the 45 subjects.
   */
  public static Evaluation kmmlu() {
    return Evaluation.of(Benchmark.KMMLU)
        .withTemplate(PromptTemplate.kmmluDirect(5))
        .withHeadline(Average.MACRO);
  }

  /** Returns KMMLU-HARD with KMMLU's settings: 5-shot direct prompts, macro accuracy. */
  public static Evaluation kmmluHard() {
    return Evaluation.of(Benchmark.KMMLU_HARD)
        .withTemplate(PromptTemplate.kmmluDirect(5))
        .withHeadline(Average.MACRO);
  }

  /**
   * Returns the KMMLU-Pro settings on the bundled demo set (written by this project, not the
   * benchmark), which needs no network or token.
   */
  public static Evaluation demo() {
    return pro().withDataSource(DataSource.demo());
  }

  /** Returns the preset for {@code benchmark}. */
  public static Evaluation of(Benchmark benchmark) {
    switch (benchmark) {
      case KMMLU:
        return kmmlu();
      case KMMLU_HARD:
        return kmmluHard();
      case KMMLU_REDUX:
        return redux();
      case KMMLU_PRO:
        return pro();
      default:
        throw new IllegalArgumentException("unknown benchmark " + benchmark);
    }
  }

  /** Returns the library's version, such as {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String loadVersion() {
    try (InputStream in = Kmmlu.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
