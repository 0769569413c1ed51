package dev.kmmlu.examples;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.kmmlu.Report;
import dev.kmmlu.datasets.Datasets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandRunner runner = new CommandRunner();

  @TempDir Path temp;

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file));
  }

  private static String[] demo(Path out, String model, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "evaluate", "--benchmark", "pro", "--data", "demo", "--model", model, "--out",
                out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void should_write_every_file_and_print_the_summary_when_a_constant_model_runs_the_demo()
      throws Exception {
    // GIVEN
    Path out = temp.resolve("a");
    int size = Datasets.demo().size();
    // WHEN
    int exit = runner.run(demo(out, "builtin:constant:A", "--seed", "7"));
    // THEN
    then(exit).as(runner.err.toString()).isZero();
    for (String file :
        List.of("run.json", "responses.jsonl", "report.json", "report.md", "report.html")) {
      then(out.resolve(file)).isRegularFile();
    }
    JsonNode run = read(out.resolve("run.json"));
    then(run.get("modelId").asText()).isEqualTo("builtin:constant:A");
    then(run.get("endpointHost").asText()).isEmpty();
    then(run.get("seed").asLong()).isEqualTo(7);
    then(run.get("questions").asInt()).isEqualTo(size);
    then(run.get("datasetFingerprint").asText()).isEqualTo(Datasets.demo().fingerprint());
    then(run.at("/options/model").asText()).isEqualTo("builtin:constant:A");
    then(run.get("libraryVersion").asText()).isNotBlank();
    Report report = Report.read(out);
    then(report.questions()).isEqualTo(size);
    then(report.model()).isEqualTo("builtin:constant:A");
    then(Files.readAllLines(out.resolve("responses.jsonl"))).hasSizeGreaterThanOrEqualTo(size);
    String printed = runner.out.toString();
    then(printed)
        .startsWith("kmmlu-pro: builtin:constant:A, " + size + " questions (")
        .contains("micro (headline)")
        .contains("passed " + report.passedCount() + " of 14 licences");
    then(runner.err.toString()).contains(size + "/" + size + " (100%)");
  }

  @Test
  void should_feed_report_and_compare_when_runs_finish() throws Exception {
    // GIVEN
    Path a = temp.resolve("a");
    Path b = temp.resolve("b");
    Path c = temp.resolve("c");
    then(runner.run(demo(a, "builtin:constant:A"))).as("%s", runner.err).isZero();
    then(runner.run(demo(b, "builtin:random:3"))).as("%s", runner.err).isZero();
    then(runner.run(demo(c, "builtin:constant:D"))).as("%s", runner.err).isZero();
    CommandRunner report = new CommandRunner();
    CommandRunner compare = new CommandRunner();
    // WHEN
    int reportExit = report.run("report", b.toString(), "--format", "json");
    int compareExit = compare.run("compare", a.toString(), b.toString(), c.toString(), "--json");
    // THEN
    then(reportExit).isZero();
    then(report.out.toString()).isEqualTo(Files.readString(b.resolve("report.json")));
    then(compareExit).isZero();
    JsonNode comparison = JSON.readTree(compare.out.toString());
    then(comparison.at("/reports/0/model").asText()).isEqualTo("builtin:constant:A");
    then(comparison.at("/reports/1/model").asText()).isEqualTo("builtin:random:seed=3");
    then(comparison.at("/reports/2/model").asText()).isEqualTo("builtin:constant:D");
    then(comparison.get("sideBySide").size()).isEqualTo(Datasets.demo().groups().size());
  }

  @Test
  void should_exit_2_when_the_journal_exists_and_neither_resume_nor_restart_is_given() {
    // GIVEN
    Path out = temp.resolve("a");
    then(runner.run(demo(out, "builtin:constant:B", "--limit", "3"))).as("%s", runner.err).isZero();
    CommandRunner again = new CommandRunner();
    // WHEN
    int exit = again.run(demo(out, "builtin:constant:B", "--limit", "3"));
    // THEN
    then(exit).isEqualTo(2);
    then(again.err.toString())
        .startsWith(
            "error: "
                + out.resolve("responses.jsonl")
                + " already exists; pass --resume to continue that run or --restart to start"
                + " over");
  }

  @Test
  void should_take_finished_items_from_the_journal_when_resuming_and_ask_again_when_restarting() {
    // GIVEN
    Path out = temp.resolve("a");
    then(runner.run(demo(out, "builtin:constant:B", "--limit", "3"))).as("%s", runner.err).isZero();
    CommandRunner resume = new CommandRunner();
    CommandRunner restart = new CommandRunner();
    // WHEN
    int resumed = resume.run(demo(out, "builtin:constant:B", "--limit", "3", "--resume"));
    Report afterResume = Report.read(out);
    int restarted = restart.run(demo(out, "builtin:constant:B", "--limit", "4", "--restart"));
    Report afterRestart = Report.read(out);
    // THEN
    then(resumed).as("%s", resume.err).isZero();
    then(afterResume.questions()).isEqualTo(3);
    then(afterResume.run().resumed()).isEqualTo(3);
    then(restarted).as("%s", restart.err).isZero();
    then(afterRestart.questions()).isEqualTo(4);
    then(afterRestart.run().resumed()).isZero();
  }

  @Test
  void should_exit_1_with_one_line_when_the_journal_belongs_to_another_run() {
    // GIVEN
    Path out = temp.resolve("a");
    then(runner.run(demo(out, "builtin:constant:B", "--limit", "3"))).as("%s", runner.err).isZero();
    CommandRunner resume = new CommandRunner();
    // WHEN
    int exit = resume.run(demo(out, "builtin:constant:C", "--limit", "3", "--resume"));
    // THEN
    then(exit).isEqualTo(1);
    then(resume.err.toString()).startsWith("error: ").hasLineCount(1);
  }

  @Test
  void should_exit_2_when_the_human_model_is_asked_for_a_benchmark_without_human_accuracy() {
    // WHEN
    int exit = runner.run(demo(temp.resolve("a"), "builtin:human"));
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString())
        .startsWith(
            "error: builtin:human answers with KMMLU's human accuracies; use it with --benchmark kmmlu"
                + " or kmmlu-hard\nRun 'kmmlu evaluate --help' for the options.\n");
  }

  @Test
  void should_exit_2_when_resume_and_restart_are_both_given() {
    // WHEN
    int exit = runner.run(demo(temp.resolve("a"), "builtin:random", "--resume", "--restart"));
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString())
        .startsWith("error: --resume and --restart cannot be used together; pass one");
  }

  @Test
  void should_exit_2_when_the_model_is_unknown() {
    // WHEN
    int exit = runner.run(demo(temp.resolve("a"), "builtin:constant:F"));
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString())
        .startsWith(
            "error: --model must be builtin:constant:A..E, builtin:random[:SEED], builtin:human[:SEED]"
                + " or openai, but was builtin:constant:F");
  }

  @Test
  void should_exit_2_when_openai_lacks_a_base_url() {
    // WHEN
    int exit = runner.run(demo(temp.resolve("a"), "openai", "--model-name", "m"));
    // THEN
    then(exit).isEqualTo(2);
    then(runner.err.toString()).startsWith("error: --model openai needs --base-url and --model-name");
  }

  @Test
  void should_ask_the_server_and_keep_the_key_out_of_every_file_when_model_is_openai()
      throws Exception {
    // GIVEN
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              ("{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                      + "\"assistant\",\"content\":\"생각해 보면... 정답: B\"},\"finish_reason\":"
                      + "\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                      + "\"total_tokens\":15}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Path out = temp.resolve("openai");
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    CommandLine commandLine = KmmluCommand.newCommandLine();
    commandLine.setOut(new java.io.PrintWriter(runner.out, true));
    commandLine.setErr(new java.io.PrintWriter(runner.err, true));
    EvaluateCommand evaluate = commandLine.getSubcommands().get("evaluate").getCommand();
    evaluate.environment = Map.of("MY_KEY", "sk-secret-123")::get;
    // WHEN
    int exit;
    try {
      exit =
          commandLine.execute(
              demo(
                  out, "openai", "--base-url", baseUrl, "--model-name", "m", "--api-key-env",
                  "MY_KEY", "--limit", "4", "--concurrency", "2"));
    } finally {
      server.stop(0);
    }
    // THEN
    then(exit).as(runner.err.toString()).isZero();
    then(authorizations).hasSize(4).containsOnly("Bearer sk-secret-123");
    JsonNode run = read(out.resolve("run.json"));
    then(run.get("endpointHost").asText()).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
    then(run.at("/options/apiKeyEnv").asText()).isEqualTo("MY_KEY");
    for (String file :
        List.of("run.json", "responses.jsonl", "report.json", "report.md", "report.html")) {
      then(Files.readString(out.resolve(file))).doesNotContain("sk-secret-123");
    }
    then(runner.out.toString()).doesNotContain("sk-secret-123");
    Report report = Report.read(out);
    then(report.questions()).isEqualTo(4);
    then(report.items()).extracting(item -> item.choice()).containsOnly("B");
    then(report.run().promptTokens()).isEqualTo(40);
  }

  @Test
  void should_print_one_updating_line_when_attached_to_a_terminal() {
    // GIVEN
    CommandLine commandLine = KmmluCommand.newCommandLine();
    commandLine.setOut(new java.io.PrintWriter(runner.out, true));
    commandLine.setErr(new java.io.PrintWriter(runner.err, true));
    EvaluateCommand evaluate = commandLine.getSubcommands().get("evaluate").getCommand();
    evaluate.terminal = true;
    // WHEN
    int exit = commandLine.execute(demo(temp.resolve("a"), "builtin:constant:C", "--limit", "2"));
    // THEN
    then(exit).isZero();
    then(runner.err.toString())
        .startsWith("\r[")
        .contains("\r[########################] 2/2 (100%) accuracy ")
        .endsWith(System.lineSeparator());
  }
}
