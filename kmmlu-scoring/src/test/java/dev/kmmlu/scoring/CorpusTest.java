package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.then;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmmlu.datasets.Choice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every policy over the project's own labelled corpus of model replies. A row's {@code
 * options} may be null when the item's option count is unknown; it is then read as 5, as the
 * {@code kmmlu extract} command does.
 */
class CorpusTest {
  private static final String CORPUS = "extraction-corpus.jsonl";
  private static List<Case> cases;

  record Case(String id, ExtractionInput input, Optional<Choice> expected, ExtractionStatus status) {}

  @BeforeAll
  static void load() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Case> loaded = new ArrayList<>();
    try (InputStream in = CorpusTest.class.getResourceAsStream(CORPUS);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode row = mapper.readTree(line);
        List<String> optionTexts = new ArrayList<>();
        if (row.has("option_texts")) {
          row.get("option_texts").forEach(text -> optionTexts.add(text.asText()));
        }
        ExtractionInput input =
            new ExtractionInput(
                row.get("response").asText(),
                row.has("reasoning") ? row.get("reasoning").asText() : "",
                row.has("finish_reason") ? row.get("finish_reason").asText() : "",
                row.get("options").isNull() ? 5 : row.get("options").asInt(),
                row.has("question") ? row.get("question").asText() : "",
                optionTexts);
        Optional<Choice> expected =
            row.get("expected").isNull()
                ? Optional.empty()
                : Optional.of(Choice.valueOf(row.get("expected").asText()));
        loaded.add(
            new Case(
                row.get("id").asText(),
                input,
                expected,
                ExtractionStatus.valueOf(row.get("status").asText())));
      }
    }
    cases = List.copyOf(loaded);
  }

  private static List<String> wrongChoices(AnswerExtractor extractor) {
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      if (!extractor.extract(c.input()).choice().equals(c.expected())) {
        wrong.add(c.id());
      }
    }
    return wrong;
  }

  private static int report(String name, AnswerExtractor extractor) {
    List<String> wrong = wrongChoices(extractor);
    int correct = cases.size() - wrong.size();
    System.out.printf(
        "%-8s %d/%d choices correct (%.1f%%); wrong: %s%n",
        name, correct, cases.size(), 100.0 * correct / cases.size(), wrong);
    return correct;
  }

  @Test
  void should_hold_at_least_200_unique_cases_when_loaded() {
    // GIVEN
    List<String> ids = cases.stream().map(Case::id).distinct().toList();
    // WHEN
    int size = cases.size();
    // THEN
    then(size).isEqualTo(846);
    then(ids).hasSize(size);
  }

  @Test
  void should_get_every_choice_and_status_right_when_robust() {
    // GIVEN
    AnswerExtractor robust = AnswerExtractor.robust();
    List<String> wrong = new ArrayList<>();
    // WHEN
    for (Case c : cases) {
      Extraction extraction = robust.extract(c.input());
      if (!extraction.choice().equals(c.expected()) || extraction.status() != c.status()) {
        wrong.add(c.id() + ": " + extraction);
      }
    }
    // THEN
    then(wrong).isEmpty();
    then(report("robust", robust)).isEqualTo(846);
  }

  @Test
  void should_never_report_a_letter_when_the_reply_gives_none() {
    // GIVEN
    AnswerExtractor robust = AnswerExtractor.robust();
    List<String> invented = new ArrayList<>();
    // WHEN
    for (Case c : cases) {
      Extraction extraction = robust.extract(c.input());
      if (c.expected().isEmpty() && extraction.choice().isPresent()) {
        invented.add(c.id() + ": " + extraction);
      }
    }
    // THEN
    then(cases.stream().filter(c -> c.expected().isEmpty()).count()).isEqualTo(302);
    then(invented).isEmpty();
  }

  @Test
  void should_only_miss_the_fallback_cases_when_strict() {
    // GIVEN
    AnswerExtractor strict = AnswerExtractor.strict();
    // WHEN
    int correct = report("strict", strict);
    // THEN every miss is a case robust answers by a fallback
    then(correct).isEqualTo(728);
    for (Case c : cases) {
      if (!strict.extract(c.input()).choice().equals(c.expected())) {
        then(c.status()).as(c.id()).isEqualTo(ExtractionStatus.LENIENT);
      }
    }
  }

  @Test
  void should_show_where_the_paper_regexes_fail_when_run_on_the_corpus() {
    // GIVEN
    AnswerExtractor paper = AnswerExtractor.paper();
    // WHEN
    int correct = report("paper", paper);
    // THEN
    then(correct).isEqualTo(366);
    then(wrongChoices(paper))
        .contains("trap-first-answer", "trap-lets-answer", "trap-fullwidth", "trap-circled");
  }

  @Test
  void should_show_where_lm_eval_fails_when_run_on_the_corpus() {
    // GIVEN
    AnswerExtractor lmEval = AnswerExtractor.lmEvalKmmluCot();
    // WHEN
    int correct = report("lm-eval", lmEval);
    // THEN
    then(correct).isEqualTo(317);
    then(wrongChoices(lmEval)).contains("ko-marker-colon", "trap-beon", "range-E-on-5");
  }
}
