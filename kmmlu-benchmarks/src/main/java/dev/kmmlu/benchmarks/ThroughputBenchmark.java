package dev.kmmlu.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kmmlu.Evaluation;
import dev.kmmlu.Kmmlu;
import dev.kmmlu.Model;
import dev.kmmlu.ModelException;
import dev.kmmlu.OpenAiCompatibleModel;
import dev.kmmlu.Prompt;
import dev.kmmlu.Reply;
import dev.kmmlu.Report;
import dev.kmmlu.RetryPolicy;
import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.Choice;
import dev.kmmlu.datasets.Dataset;
import dev.kmmlu.datasets.Licence;
import dev.kmmlu.datasets.Question;
import dev.kmmlu.datasets.QuestionMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An end-to-end throughput measurement (a plain program, not JMH): the whole engine and a real
 * {@link OpenAiCompatibleModel} against a loopback OpenAI-compatible server that answers every
 * request after exactly 50 ms. It evaluates a synthetic 2,822-item KMMLU-Pro-shaped dataset with
 * concurrency 64, once to warm up and then {@code --runs} times (default 5), and prints each run's
 * wall time against the ideal {@code ceil(2822 / 64) x 50 ms = 2,250 ms}, and the median ratio.
 *
 * <pre>
 * mvn -B -q -o -pl kmmlu-benchmarks -am package -DskipTests
 * java -cp kmmlu-benchmarks/target/benchmarks.jar dev.kmmlu.benchmarks.ThroughputBenchmark \
 *     [--runs N] [--journal] [--in-process]
 * </pre>
 *
 * <p>{@code --in-process} replaces HTTP with a model that sleeps 50 ms, to separate the engine's
 * overhead from the HTTP stack's. {@code --journal} keeps a journal in a temporary directory, to
 * measure its cost too. The server sets TCP_NODELAY ({@code -Dsun.net.httpserver.nodelay=true},
 * the default here); pass {@code -Dsun.net.httpserver.nodelay=false} to see what Nagle's
 * algorithm costs.
 */
public final class ThroughputBenchmark {
  static final int ITEMS = 2822;
  static final int CONCURRENCY = 64;
  static final long LATENCY_MILLIS = 50;
  static final int SERVER_THREADS = 128;

  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final Pattern NUMBER = Pattern.compile("문제 (\\d+):");

  private ThroughputBenchmark() {}

  /** Runs the measurement; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    // The JDK server writes response headers and body as two TCP segments; with Nagle's algorithm
    // on, the body waits for the client's delayed ACK (40 ms on Linux), nearly doubling each call.
    // Real model servers (uvicorn, vLLM, llama.cpp) set TCP_NODELAY; so does this one.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    int runs = 5;
    boolean journal = false;
    boolean inProcess = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--journal")) {
        journal = true;
      } else if (args[i].equals("--in-process")) {
        inProcess = true;
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Dataset dataset = dataset();
    long idealMillis = ((ITEMS + CONCURRENCY - 1) / CONCURRENCY) * LATENCY_MILLIS;
    try (DelayedServer server = new DelayedServer()) {
      Model model =
          inProcess
              ? Model.of("in-process", ThroughputBenchmark::sleepThenAnswer)
              : OpenAiCompatibleModel.builder()
                  .baseUrl(server.baseUrl())
                  .modelName("throughput")
                  .retryPolicy(RetryPolicy.none())
                  .build();
      Evaluation evaluation = Kmmlu.pro().withDataset(dataset).withConcurrency(CONCURRENCY);
      System.out.printf(
          Locale.ROOT,
          "items=%d concurrency=%d latency=%d ms ideal=%d ms model=%s journal=%s nodelay=%s cpus=%d"
              + " java=%s%n",
          ITEMS,
          CONCURRENCY,
          LATENCY_MILLIS,
          idealMillis,
          inProcess ? "in-process" : "http",
          journal,
          System.getProperty(NODELAY),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      double[] ratios = new double[runs];
      for (int run = 0; run <= runs; run++) {
        Evaluation configured = evaluation;
        Path directory = null;
        if (journal) {
          directory = Files.createTempDirectory("kmmlu-throughput");
          configured = evaluation.withJournal(directory);
        }
        server.reset();
        long start = System.nanoTime();
        Report report = configured.evaluate(model);
        long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int requests = inProcess ? ITEMS : server.requests();
        if (report.correct() != ITEMS || requests != ITEMS) {
          throw new IllegalStateException(
              "expected " + ITEMS + " correct answers and requests, but got " + report.correct()
                  + " and " + requests);
        }
        double ratio = (double) wallMillis / idealMillis;
        String label = run == 0 ? "warm-up" : "run " + run;
        System.out.printf(
            Locale.ROOT,
            "%-8s wall=%d ms ideal=%d ms ratio=%.3f max-in-flight=%d%n",
            label,
            wallMillis,
            idealMillis,
            ratio,
            server.maxInFlight());
        if (run > 0) {
          ratios[run - 1] = ratio;
        }
        if (directory != null) {
          deleteTree(directory);
        }
      }
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      double median =
          sorted.length % 2 == 1
              ? sorted[sorted.length / 2]
              : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      System.out.printf(
          Locale.ROOT,
          "median ratio=%.3f (target <= 1.15): %s%n",
          median,
          median <= 1.15 ? "within target" : "SLOWER than target");
    }
  }

  /** Answers like the server does, after 50 ms, without HTTP: the engine's own overhead. */
  private static Reply sleepThenAnswer(Prompt prompt) {
    try {
      Thread.sleep(LATENCY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted", e);
    }
    return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
  }

  /** Returns 2,822 synthetic questions: each licence's item count, three subjects per licence. */
  static Dataset dataset() {
    List<Question> questions = new ArrayList<>(ITEMS);
    int n = 0;
    for (Licence licence : Licence.values()) {
      for (int i = 0; i < licence.expectedItems(); i++) {
        int options = n % 7 == 0 ? 5 : 4;
        List<String> texts = new ArrayList<>();
        for (int o = 0; o < options; o++) {
          texts.add("보기 " + (o + 1) + " (" + n + ")");
        }
        questions.add(
            new Question(
                String.format(Locale.ROOT, "kmmlu-pro/test/%04d", n + 1),
                Benchmark.KMMLU_PRO,
                "test",
                licence.koreanName(),
                licence.koreanName() + " 과목 " + (i % 3 + 1),
                "문제 " + n + ": 다음 중 옳은 것을 고르시오.",
                texts,
                Choice.ofIndex(n % options),
                QuestionMetadata.builder().qualification(licence.koreanName()).build()));
        n++;
      }
    }
    if (n != ITEMS) {
      throw new IllegalStateException("expected " + ITEMS + " items, but built " + n);
    }
    return Dataset.of(Benchmark.KMMLU_PRO, "test", questions);
  }

  private static void deleteTree(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * An OpenAI-compatible server on 127.0.0.1 whose handler threads (128) sleep 50 ms and then
   * answer with the gold letter, read from the question number in the prompt.
   */
  static final class DelayedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    DelayedServer() throws IOException {
      AtomicInteger count = new AtomicInteger();
      executor =
          Executors.newFixedThreadPool(
              SERVER_THREADS,
              task -> {
                Thread thread = new Thread(task, "loopback-server-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      server.setExecutor(executor);
      server.createContext("/", this::handle);
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void reset() {
      requests.set(0);
      maxInFlight.set(0);
    }

    int requests() {
      return requests.get();
    }

    int maxInFlight() {
      return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        Matcher matcher = NUMBER.matcher(body);
        int number = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        int options = number % 7 == 0 ? 5 : 4;
        String letter = Choice.ofIndex(number % options).letter();
        Thread.sleep(LATENCY_MILLIS);
        byte[] reply =
            ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"정답: "
                    + letter
                    + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":10,"
                    + "\"total_tokens\":210}}")
                .getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        requests.incrementAndGet();
        inFlight.decrementAndGet();
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
