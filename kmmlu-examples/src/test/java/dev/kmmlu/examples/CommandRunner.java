package dev.kmmlu.examples;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the command line in-process with captured output and optional standard input. */
final class CommandRunner {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return runWithInput(null, args);
  }

  int runWithInput(String stdin, String... args) {
    CommandLine commandLine = KmmluCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    if (stdin != null) {
      ExtractCommand extract = commandLine.getSubcommands().get("extract").getCommand();
      extract.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return commandLine.execute(args);
  }
}
