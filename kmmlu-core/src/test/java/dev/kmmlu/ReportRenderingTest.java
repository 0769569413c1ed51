package dev.kmmlu;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.Benchmark;
import dev.kmmlu.datasets.DatasetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRenderingTest {
  private static final String REDUX_MARKDOWN =
      "# kmmlu-redux: m\n"
          + "\n"
          + "## Summary\n"
          + "\n"
          + "| | |\n"
          + "|---|---|\n"
          + "| Questions | 20 |\n"
          + "| Correct | 9 |\n"
          + "| Incorrect | 6 |\n"
          + "| Unparsed (scored as incorrect) | 5 |\n"
          + "| Failed | 0 |\n"
          + "| Micro accuracy | 45.0% ± 11.1 pp (95% interval 25.8–65.8%) |\n"
          + "| Macro accuracy | 45.0% ± 9.6 pp (95% interval 26.1–63.9%) |\n"
          + "| Headline | micro 45.0%: the KMMLU-Redux and KMMLU-Pro paper reports accuracy over"
          + " all items |\n"
          + "\n"
          + "## Groups\n"
          + "\n"
          + "| Group | Questions | Correct | Accuracy | 95% interval |\n"
          + "|---|---:|---:|---:|---|\n"
          + "| 건설 | 10 | 7 | 70.0% | 39.7–89.2% |\n"
          + "| a\\|b | 10 | 2 | 20.0% | 5.7–51.0% |\n"
          + "\n"
          + "## Answer extraction\n"
          + "\n"
          + "| Status | Replies | Share |\n"
          + "|---|---:|---:|\n"
          + "| STRICT | 9 | 45.0% |\n"
          + "| LENIENT | 6 | 30.0% |\n"
          + "| UNPARSED | 5 | 25.0% |\n"
          + "| EMPTY | 0 | 0.0% |\n"
          + "| TRUNCATED | 0 | 0.0% |\n"
          + "\n"
          + "## Reproduce\n"
          + "\n"
          + "| | |\n"
          + "|---|---|\n"
          + "| Benchmark | kmmlu-redux (split test) |\n"
          + "| Data source | demo |\n"
          + "| Dataset fingerprint | "
          + "f".repeat(64)
          + " |\n"
          + "| Dataset revision | local |\n"
          + "| Prompt template | korean-cot (abc123) |\n"
          + "| Few-shot examples | 0 |\n"
          + "| Answer extractor | robust |\n"
          + "| Model | m |\n"
          + "| Endpoint host | (local) |\n"
          + "| Settings | maxTokens=4096, temperature=0.0 |\n"
          + "| Seed | 42 |\n"
          + "| Library version | 0.1.0 |\n"
          + "| Started | 2026-01-02T03:04:05Z |\n"
          + "| Finished | 2026-01-02T03:05:06.500Z |\n"
          + "| Wall time | 61.5 s |\n"
          + "| Tokens | 1,234 prompt, 567 completion |\n"
          + "| Resumed from journal | 0 |\n";

  @Test
  void should_render_pinned_markdown_when_report_is_small() {
    // GIVEN
    Report report =
        ReportSamples.withGroups(Benchmark.KMMLU_REDUX, "m", List.of("건설", "a|b"), 7, 2);
    // WHEN
    String markdown = report.toMarkdown();
    // THEN
    then(markdown).isEqualTo(REDUX_MARKDOWN);
  }

  @Test
  void should_warn_and_list_verdicts_when_pro_run_is_incomplete() {
    // GIVEN
    Report report = ReportSamples.pro();
    // WHEN
    String markdown = report.toMarkdown();
    // THEN
    then(markdown)
        .contains(
            "> **Warning:** this run is incomplete: 1 of 8 model calls failed and are left out of"
                + " every accuracy's denominator. Resume the run to retry them.\n")
        .contains("| Model | demo\\|model |\n")
        .contains(
            "| 약사 (Pharmacist) | PASS | 60.0% | questions 5, scored 5, correct 3, accuracy 60.0%;"
                + " passed: every subject >= 40% (lowest 약리학 60.0%); passed: mean of subjects"
                + " 60.0% >= 60%; subject 약리학: 3/5 = 60.0% |\n")
        .contains("| 변호사 (Lawyer) | FAIL | 50.0% | ")
        .contains("| 의사 (Physician) | NO DATA | n/a | ")
        .contains("\nPassed 1 of 14 licences.\n")
        .contains("| Micro accuracy | 57.1% ± 18.7 pp (95% interval 25.0–84.2%) |\n");
  }

  @Test
  void should_reference_nothing_outside_the_page_when_rendering_html() {
    // GIVEN
    Report report = ReportSamples.pro();
    // WHEN
    String html = report.toHtml();
    // THEN
    then(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
        .contains("<title>kmmlu-pro: demo|model</title>")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .endsWith("</html>\n");
  }

  @Test
  void should_escape_markup_when_a_group_name_holds_a_script() {
    // GIVEN
    Report report =
        ReportSamples.withGroups(
            Benchmark.KMMLU_REDUX, "<b>m</b>", List.of("<script>alert('x')</script>"), 5);
    // WHEN
    String html = report.toHtml();
    // THEN
    then(html)
        .doesNotContain("<script")
        .doesNotContain("<b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("<title>kmmlu-redux: &lt;b&gt;m&lt;/b&gt;</title>");
  }

  @Test
  void should_draw_one_bar_per_group_and_lines_at_40_and_60_percent_when_rendering_html() {
    // GIVEN
    Report report =
        ReportSamples.withGroups(
            Benchmark.KMMLU_REDUX, "m", List.of("건설", "기계", "재료"), 7, 2, 10);
    // WHEN
    String html = report.toHtml();
    // THEN
    String chart = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    then(count(chart, "<rect ")).isEqualTo(3);
    then(chart)
        .contains("<title id=\"accuracy-title\">Accuracy per group</title>")
        .contains("<rect class=\"bar\" x=\"240.0\" y=\"23.0\" width=\"308.0\" height=\"16\">")
        .contains("<rect class=\"bar\" x=\"240.0\" y=\"45.0\" width=\"88.0\" height=\"16\">")
        .contains("<rect class=\"bar\" x=\"240.0\" y=\"67.0\" width=\"440.0\" height=\"16\">")
        .contains("<line class=\"reference\" x1=\"416.0\" x2=\"416.0\" y1=\"20\" y2=\"86\"/>")
        .contains("<line class=\"reference\" x1=\"504.0\" x2=\"504.0\" y1=\"20\" y2=\"86\"/>");
    then(HtmlReport.x(0.4)).isEqualTo(416.0);
    then(HtmlReport.x(0.6)).isEqualTo(504.0);
    then(count(html, "<svg")).isEqualTo(2);
    then(html).contains("<figcaption>");
  }

  @Test
  void should_balance_tags_when_rendering_html() {
    // GIVEN
    Report report = ReportSamples.pro();
    // WHEN
    String html = report.toHtml();
    // THEN
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = Pattern.compile("<(/?)([a-z][a-z0-9]*)[^>]*?(/?)>").matcher(html);
    List<String> voids = List.of("meta", "br", "input", "img", "link");
    while (tag.find()) {
      String name = tag.group(2);
      if (voids.contains(name) || !tag.group(3).isEmpty()) {
        continue;
      }
      if (tag.group(1).isEmpty()) {
        open.push(name);
      } else {
        then(open.pop()).as("closing </%s>", name).isEqualTo(name);
      }
    }
    then(open).isEmpty();
  }

  @Test
  void should_show_pass_and_fail_badges_when_report_has_verdicts() {
    // GIVEN
    Report report = ReportSamples.pro();
    // WHEN
    String html = report.toHtml();
    // THEN
    then(html)
        .contains(
            "<li class=\"badge passed\" title=\"약사 (Pharmacist): passed, every subject &gt;= 40%"
                + " (lowest 약리학 60.0%), mean of subjects 60.0% &gt;= 60%\"><span"
                + " class=\"licence\">약사 (Pharmacist)</span> <strong>PASS</strong></li>")
        .contains("<span class=\"licence\">변호사 (Lawyer)</span> <strong>FAIL</strong>")
        .contains("<p>Passed 1 of 14 licences.</p>");
    then(count(html, "<li class=\"badge ")).isEqualTo(14);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"started\" : \"| \"started\" : \"yesterday| report.json: field \"started\": expected"
            + " an ISO-8601 instant, but found \"yesterday",
        "\"status\" : \"FAILED\"| \"status\" : \"LOST\"| report.json: field \"status\":"
            + " expected one of [PASSED, FAILED, NO_RULE, NO_DATA], but found \"LOST\"",
        "\"STRICT\" :| \"STRICTLY\" :| report.json: field \"extraction.STRICTLY\": expected"
            + " one of [STRICT, LENIENT, UNPARSED, EMPTY, TRUNCATED], but found \"STRICTLY\""
      })
  void should_name_the_field_when_a_report_json_value_is_invalid(
      String find, String replace, String message) {
    // GIVEN a report.json with one value broken
    String json = ReportSamples.pro().toJson();
    int at = json.indexOf(find);
    String broken =
        json.substring(0, at) + replace + json.substring(at + find.length());
    // WHEN
    Throwable thrown = catchThrowable(() -> Report.fromJson(broken, "report.json"));
    // THEN
    then(thrown).isInstanceOf(DatasetException.class).hasMessageStartingWith(message);
  }

  @Test
  void should_read_back_the_same_json_when_round_tripping() {
    // GIVEN
    Report report = ReportSamples.pro();
    String json = report.toJson();
    // WHEN
    Report read = Report.fromJson(json, "x");
    // THEN
    then(read.toJson()).isEqualTo(json);
    then(read.toMarkdown()).isEqualTo(report.toMarkdown());
    then(read.toHtml()).isEqualTo(report.toHtml());
  }

  @Test
  void should_keep_saying_failed_items_count_as_incorrect_when_round_tripping_such_a_run() {
    // GIVEN a run with one failed item that the scoring counts as wrong
    Model model =
        Model.of(
            "m",
            prompt -> {
              if (prompt.questionId().equals("kmmlu-pro/test/0003")) {
                throw new ModelException("boom");
              }
              return Reply.of("정답: " + prompt.question().orElseThrow().answer().letter());
            });
    Report report =
        Kmmlu.pro()
            .withDataset(EvaluationTest.proDataset())
            .withScoringOptions(
                dev.kmmlu.scoring.ScoringOptions.defaults().withCountFailedAsWrong(true))
            .evaluate(model);
    // WHEN
    Report read = Report.fromJson(report.toJson(), "x");
    // THEN
    then(read.accuracy(dev.kmmlu.scoring.Average.MICRO).count()).isEqualTo(40);
    then(read.accuracy(dev.kmmlu.scoring.Average.MACRO).count()).isEqualTo(40);
    then(read.groups().get(0).accuracy().count()).isEqualTo(20);
    then(MarkdownReport.incompleteWarning(read))
        .isEqualTo(
            "this run is incomplete: 1 of 40 model calls failed and are counted as incorrect."
                + " Resume the run to retry them.");
    then(read.toMarkdown()).isEqualTo(report.toMarkdown());
    then(read.toJson()).isEqualTo(report.toJson());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
