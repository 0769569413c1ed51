package dev.kmmlu;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The program {@link EndToEndProcessTest} runs in a child JVM. Arguments: a mode, the model
 * server's base URL and a directory.
 *
 * <ul>
 *   <li>{@code pro URL DIR}: runs {@code Kmmlu.pro().evaluate(model)} as written (the data comes
 *       from the hub the environment names), writes the report into DIR and prints its key numbers
 *       as {@code key=value} lines.
 *   <li>{@code journal URL DIR}: runs the demo set with a journal in DIR and concurrency 4, printing
 *       {@code done=N} after each finished (journaled) item, to be killed part way.
 * </ul>
 */
final class ChildRun {
  static final String KEY = "sk-child-5ecret-0123456789";
  static final String MODEL_NAME = "child-exaone";

  private ChildRun() {}

  static OpenAiCompatibleModel model(String baseUrl) {
    return OpenAiCompatibleModel.builder()
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .modelName(MODEL_NAME)
        .retryPolicy(RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(50)).withJitter(0))
        .build();
  }

  public static void main(String[] args) {
    String mode = args[0];
    OpenAiCompatibleModel model = model(args[1]);
    Path directory = Path.of(args[2]);
    Report report;
    if (mode.equals("pro")) {
      report = Kmmlu.pro().evaluate(model);
    } else if (mode.equals("journal")) {
      report =
          Kmmlu.demo()
              .withJournal(directory)
              .withConcurrency(4)
              .withProgressListener(
                  progress -> {
                    // The parent reads these lines to know how many items the journal holds.
                    System.out.println("done=" + progress.done());
                    System.out.flush();
                  })
              .evaluate(model);
    } else {
      throw new IllegalArgumentException("mode must be pro or journal, but was " + mode);
    }
    report.writeTo(directory);
    System.out.println("report=" + directory.resolve(Report.JSON_FILE));
    System.out.println("questions=" + report.questions());
    System.out.println("correct=" + report.correct());
    System.out.println("revision=" + report.run().datasetRevision());
    System.out.println("dataSource=" + report.run().dataSource());
  }
}
