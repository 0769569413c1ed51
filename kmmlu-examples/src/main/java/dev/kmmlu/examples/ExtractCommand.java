package dev.kmmlu.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmmlu.datasets.KmmluException;
import dev.kmmlu.scoring.AnswerExtractor;
import dev.kmmlu.scoring.Extraction;
import dev.kmmlu.scoring.ExtractionInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kmmlu extract}: reads model replies as JSON lines on standard input and writes the option
 * each one commits to, one JSON line per input line, in order.
 *
 * <p>Input: {@code {"response": "...", "options": 4}}, with optional {@code "reasoning"}, {@code
 * "finish_reason"}, {@code "question"} and {@code "option_texts"} (the options' texts, so a reply
 * that only repeats one option's text is recognised). {@code options} is the item's option count,
 * 2 to 5; when it is missing or null the count is unknown and letters A-E (numbers 1-5) are all
 * accepted. Output: {@code {"choice": "B", "status": "STRICT"}}, with {@code choice}
 * null when no option was found. Blank input lines are skipped. The first invalid line stops the
 * command with exit code 1 and the message {@code stdin:LINE: ...}; every line before it has
 * already been written.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Read replies as JSON lines on stdin: {\"response\": \"...\", \"options\": 4}"
          + " (options 2-5, or null when unknown; optional \"reasoning\", \"finish_reason\","
          + " \"question\", \"option_texts\").",
      "Write one line per reply: {\"choice\": \"B\" or null, \"status\": \"STRICT\"}.",
      "Blank lines are skipped; the first invalid line stops with exit code 1."
    })
final class ExtractCommand implements Callable<Integer>, KmmluCommand.Verbosity {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The option count assumed when a line does not give one: every letter A-E is accepted. */
  static final int UNKNOWN_OPTION_COUNT = 5;

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      defaultValue = "robust",
      converter = PolicyConverter.class,
      paramLabel = "robust|paper|lm-eval|strict",
      description = "The extraction policy (default ${DEFAULT-VALUE}).")
  AnswerExtractor policy;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  /** Where the replies are read from; standard input unless a test sets another stream. */
  InputStream input = System.in;

  @Override
  public boolean isVerbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    int lineNumber = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        ExtractionInput parsed;
        try {
          parsed = parse(line);
        } catch (IllegalArgumentException e) {
          out.flush();
          throw new KmmluException("stdin:" + lineNumber + ": " + e.getMessage());
        }
        Extraction extraction = policy.extract(parsed);
        ObjectNode result = JSON.createObjectNode();
        if (extraction.choice().isPresent()) {
          result.put("choice", extraction.choice().get().letter());
        } else {
          result.putNull("choice");
        }
        result.put("status", extraction.status().name());
        out.println(result);
      }
    } catch (IOException e) {
      out.flush();
      throw new UncheckedIOException("stdin:" + (lineNumber + 1) + ": cannot be read", e);
    }
    out.flush();
    return 0;
  }

  /** Returns the extraction input of one JSON line. */
  static ExtractionInput parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("expected a JSON object, but " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, but found " + line.strip());
    }
    JsonNode response = node.get("response");
    if (response == null || !response.isTextual()) {
      throw new IllegalArgumentException(
          "response must be a string, but was " + (response == null ? "missing" : response));
    }
    JsonNode options = node.get("options");
    int optionCount = UNKNOWN_OPTION_COUNT;
    if (options != null && !options.isNull()) {
      if (!options.isIntegralNumber() || options.asInt() < 2 || options.asInt() > 5) {
        throw new IllegalArgumentException(
            "options must be a whole number from 2 to 5 (or null when unknown), but was "
                + options);
      }
      optionCount = options.asInt();
    }
    ExtractionInput input = ExtractionInput.of(response.asText(), optionCount);
    JsonNode texts = node.get("option_texts");
    if (texts != null && !texts.isNull()) {
      if (!texts.isArray() || texts.size() != optionCount) {
        throw new IllegalArgumentException(
            "option_texts must be an array of " + optionCount + " strings, but was " + texts);
      }
      List<String> optionTexts = new ArrayList<>();
      for (JsonNode text : texts) {
        if (!text.isTextual()) {
          throw new IllegalArgumentException(
              "option_texts must hold strings, but held " + text);
        }
        optionTexts.add(text.asText());
      }
      String question = optionalText(node, "question");
      input = input.withQuestion(question == null ? "" : question, optionTexts);
    } else {
      String question = optionalText(node, "question");
      if (question != null) {
        input = input.withQuestion(question, List.of());
      }
    }
    String reasoning = optionalText(node, "reasoning");
    if (reasoning != null) {
      input = input.withReasoning(reasoning);
    }
    String finishReason = optionalText(node, "finish_reason");
    if (finishReason != null) {
      input = input.withFinishReason(finishReason);
    }
    return input;
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, but was " + value);
    }
    return value.asText();
  }

  /** Converts {@code --policy} values with {@link AnswerExtractor#byName(String)}. */
  static final class PolicyConverter implements CommandLine.ITypeConverter<AnswerExtractor> {
    @Override
    public AnswerExtractor convert(String value) {
      try {
        return AnswerExtractor.byName(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected robust, paper, lm-eval or strict, but found '" + value + "'");
      }
    }
  }
}
