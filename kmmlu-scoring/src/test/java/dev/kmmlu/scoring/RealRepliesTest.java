package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.datasets.Choice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the policies over real, human-labelled model replies (opt-in: set KMMLU_REPLIES_FILE to
 * replies-dev.jsonl). A row's {@code options} may be 2, 4, 5 or null; null is read as 5.
 */
@EnabledIfEnvironmentVariable(named = "KMMLU_REPLIES_FILE", matches = ".+")
class RealRepliesTest {

  record Row(int line, String response, int options, Optional<Choice> answer) {}

  private static List<Row> rows() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    Path file = Path.of(System.getenv("KMMLU_REPLIES_FILE"));
    int line = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode row = mapper.readTree(text);
      int options = row.get("options").isNull() ? 5 : row.get("options").asInt();
      Optional<Choice> answer =
          row.get("answer").isNull()
              ? Optional.empty()
              : Optional.of(Choice.valueOf(row.get("answer").asText()));
      rows.add(new Row(line, row.get("response").asText(), options, answer));
    }
    return rows;
  }

  private static List<String> misses(AnswerExtractor extractor, List<Row> rows) {
    List<String> misses = new ArrayList<>();
    for (Row row : rows) {
      Optional<Choice> choice = extractor.extract(row.response(), row.options()).choice();
      if (!choice.equals(row.answer())) {
        misses.add(row.line() + ":" + choice.map(Choice::letter).orElse("-"));
      }
    }
    return misses;
  }

  @Test
  void should_match_every_label_when_robust_reads_real_replies() throws IOException {
    // GIVEN
    List<Row> rows = rows();
    // WHEN
    List<String> robust = misses(AnswerExtractor.robust(), rows);
    // THEN
    System.out.printf("real replies: %d rows%n", rows.size());
    for (String name : List.of("robust", "strict", "paper", "lm-eval")) {
      List<String> missed = misses(AnswerExtractor.byName(name), rows);
      System.out.printf(
          "%-8s %d/%d match the label; missed (line:got) %s%n",
          name, rows.size() - missed.size(), rows.size(), missed);
    }
    then(robust).isEmpty();
  }

  @Test
  void should_never_report_a_letter_when_the_label_is_none() throws IOException {
    // GIVEN
    List<Row> none = rows().stream().filter(row -> row.answer().isEmpty()).toList();
    // WHEN
    List<String> invented = misses(AnswerExtractor.robust(), none);
    // THEN
    then(none).isNotEmpty();
    then(invented).isEmpty();
  }
}
