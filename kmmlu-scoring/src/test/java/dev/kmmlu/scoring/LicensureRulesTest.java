package dev.kmmlu.scoring;

import static dev.kmmlu.scoring.Fixtures.concat;
import static dev.kmmlu.scoring.Fixtures.failed;
import static dev.kmmlu.scoring.Fixtures.question;
import static dev.kmmlu.scoring.Fixtures.subject;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.DatasetException;
import dev.kmmlu.datasets.Licence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class LicensureRulesTest {
  private final LicensureRules paper = LicensureRules.paper();

  /**
   * Returns a Lawyer card of 150 items over the bar exam's three multiple-choice subjects (공법 40,
   * 민사법 70, 형사법 40 items) with the given correct counts.
   */
  private static Scorecard lawyer(int publicLaw, int civilLaw, int criminalLaw) {
    return Scorecard.of(
        concat(
            subject("변호사", "공법", publicLaw, 40),
            subject("변호사", "민사법", civilLaw, 70),
            subject("변호사", "형사법", criminalLaw, 40)));
  }

  @Test
  void should_pass_lawyer_when_claude_thinking_scores_56_percent() {
    // GIVEN paper Table 9: Claude 3.7 Sonnet (thinking) scores 56.00 on Lawyer = 84/150;
    // spread 22/40 (55.0%), 40/70 (57.1%), 22/40 (55.0%); 84/150 * 1660 = 929.6 >= 900
    Scorecard card = lawyer(22, 40, 22);
    // WHEN
    Verdict verdict = paper.judge("변호사", card);
    // THEN
    then(verdict.status()).isEqualTo(Verdict.Status.PASSED);
    then(verdict.passed()).isTrue();
    then(verdict.questions()).isEqualTo(150);
    then(verdict.correct()).isEqualTo(84);
    then(verdict.summary())
        .isEqualTo(
            "변호사 (Lawyer): passed, every subject >= 40% (lowest 공법 55.0%), "
                + "overall 56.0% = 929.6 >= 900 of 1660 points (54.2%)");
  }

  @Test
  void should_fail_lawyer_when_claude_without_thinking_scores_53_33_percent() {
    // GIVEN paper Table 9: Claude 3.7 Sonnet scores 53.33 on Lawyer = 80/150;
    // 21/40 (52.5%), 38/70 (54.3%), 21/40 (52.5%): every subject above 40%, but
    // 80/150 * 1660 = 885.3 < 900
    Scorecard card = lawyer(21, 38, 21);
    // WHEN
    Verdict verdict = paper.judge("변호사", card);
    // THEN
    then(verdict.status()).isEqualTo(Verdict.Status.FAILED);
    then(verdict.passed()).isFalse();
    then(verdict.summary())
        .isEqualTo("변호사 (Lawyer): failed, overall 53.3% = 885.3 < 900 of 1660 points (54.2%)");
    then(verdict.reasons())
        .containsExactly(
            "questions 150, scored 150, correct 80, accuracy 53.3%",
            "passed: every subject >= 40% (lowest 공법 52.5%)",
            "failed: overall 53.3% = 885.3 < 900 of 1660 points (54.2%)",
            "subject 공법: 21/40 = 52.5%",
            "subject 민사법: 38/70 = 54.3%",
            "subject 형사법: 21/40 = 52.5%");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "KMMLU_PAPER_DIR", matches = ".+")
  void should_agree_with_table_9_when_judging_claude_on_lawyer() throws IOException {
    // GIVEN the paper's per-licence table, Lawyer column (150 items)
    Path table = Path.of(System.getenv("KMMLU_PAPER_DIR"), "table9_per_licence.csv");
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    double thinking = lawyerScore(lines, "Claude 3.7 Sonnet (w/thinking)");
    double plain = lawyerScore(lines, "Claude 3.7 Sonnet");
    int thinkingCorrect = (int) Math.round(thinking * 150 / 100);
    int plainCorrect = (int) Math.round(plain * 150 / 100);
    // WHEN
    Verdict passing = paper.judge("변호사", Scorecard.of(subject("변호사", "민사법", thinkingCorrect, 150)));
    Verdict failing = paper.judge("변호사", Scorecard.of(subject("변호사", "민사법", plainCorrect, 150)));
    // THEN
    then(thinkingCorrect).isEqualTo(84);
    then(plainCorrect).isEqualTo(80);
    then(passing.passed()).isTrue();
    then(failing.passed()).isFalse();
  }

  private static double lawyerScore(List<String> lines, String model) {
    for (String line : lines) {
      String[] cells = line.split(",");
      if (cells[0].equals(model)) {
        return Double.parseDouble(cells[2]);
      }
    }
    throw new AssertionError("no row for " + model);
  }

  @Test
  void should_summarize_failing_subject_when_pharmacist_is_below_the_floor() {
    // GIVEN 7/20 = 35.0% in one subject; the mean (35 + 90 + 95) / 3 = 73.3% passes
    Scorecard card =
        Scorecard.of(
            concat(
                subject("약사", "보건의약관계법규", 7, 20),
                subject("약사", "약리학", 18, 20),
                subject("약사", "약제학", 19, 20)));
    // WHEN
    Verdict verdict = paper.judge("약사", card);
    // THEN
    then(verdict.summary()).isEqualTo("약사 (Pharmacist): failed, 보건의약관계법규 35.0% < 40% floor");
    then(verdict.englishName()).isEqualTo("Pharmacist");
  }

  @Test
  void should_summarize_both_rules_when_pharmacist_passes() {
    // GIVEN 13/25 = 52.0% and 211/250 = 84.4%: mean (52.0 + 84.4) / 2 = 68.2%
    Scorecard card =
        Scorecard.of(concat(subject("약사", "약리학", 13, 25), subject("약사", "약제학", 211, 250)));
    // WHEN
    Verdict verdict = paper.judge("약사", card);
    // THEN
    then(verdict.summary())
        .isEqualTo(
            "약사 (Pharmacist): passed, every subject >= 40% (lowest 약리학 52.0%), "
                + "mean of subjects 68.2% >= 60%");
  }

  @Test
  void should_pass_judicial_scrivener_without_average_when_every_subject_is_40_percent() {
    // GIVEN mean 40% would fail the default rule, but 법무사 has no average rule
    Scorecard card = Scorecard.of(concat(subject("법무사", "민법", 4, 10), subject("법무사", "상법", 2, 5)));
    // WHEN
    Verdict scrivener = paper.judge("법무사", card);
    Verdict asDefault = paper.withRule("법무사", paper.rule("약사").orElseThrow()).judge("법무사", card);
    // THEN
    then(scrivener.summary())
        .isEqualTo(
            "법무사 (Certified Judicial Scrivener): passed, every subject >= 40% (lowest 민법 40.0%)");
    then(asDefault.passed()).isFalse();
  }

  @Test
  void should_read_average_as_overall_accuracy_when_reading_says_so() {
    // GIVEN subjects 9/10 and 40/100: mean of subjects 65% passes, overall 49/110 = 44.5% fails
    Scorecard card = Scorecard.of(concat(subject("의사", "내과", 9, 10), subject("의사", "외과", 40, 100)));
    LicensureRules overall =
        LicensureRules.paper(PaperReading.defaults().withMeanOfSubjects(false));
    // WHEN
    Verdict byMean = paper.judge("의사", card);
    Verdict byOverall = overall.judge("의사", card);
    // THEN
    then(byMean.passed()).isTrue();
    then(byOverall.summary()).isEqualTo("의사 (Physician): failed, overall 44.5% < 60%");
  }

  @Test
  void should_drop_lawyer_floor_when_reading_says_so() {
    // GIVEN 공법 12/40 = 30% but 94/150 overall
    Scorecard card = lawyer(12, 60, 22);
    LicensureRules noFloor = LicensureRules.paper(PaperReading.defaults().withLawyerFloor(false));
    // WHEN
    Verdict withFloor = paper.judge("변호사", card);
    Verdict withoutFloor = noFloor.judge("변호사", card);
    // THEN
    then(withFloor.summary()).isEqualTo("변호사 (Lawyer): failed, 공법 30.0% < 40% floor");
    then(withoutFloor.passed()).isTrue();
  }

  @Test
  void should_judge_every_licence_in_enum_order_then_unknowns_when_judging_a_card() {
    // GIVEN data for 약사, for an unknown licence, and for 공인회계사 under its alias 회계사
    Scorecard card =
        Scorecard.of(
            concat(
                subject("미용사", "피부학", 8, 10),
                subject("약사", "약리학", 8, 10),
                subject("회계사", "회계학", 3, 10)));
    // WHEN
    List<Verdict> verdicts = paper.judge(card);
    // THEN
    List<String> expected = new ArrayList<>();
    for (Licence licence : Licence.values()) {
      expected.add(licence.koreanName());
    }
    expected.add("미용사");
    then(verdicts).extracting(Verdict::licence).containsExactlyElementsOf(expected);
    then(verdicts).filteredOn(Verdict::passed).extracting(Verdict::licence).containsExactly("약사");
    Verdict cpa = verdicts.get(Licence.CPA.ordinal());
    then(cpa.status()).isEqualTo(Verdict.Status.FAILED);
    then(cpa.questions()).isEqualTo(10);
    Verdict unknown = verdicts.get(14);
    then(unknown.status()).isEqualTo(Verdict.Status.NO_RULE);
    then(unknown.passed()).isFalse();
    then(unknown.englishName()).isEmpty();
    then(unknown.summary()).isEqualTo("미용사: no rule, 10 questions scored, not counted as passed");
    Verdict physician = verdicts.get(Licence.PHYSICIAN.ordinal());
    then(physician.status()).isEqualTo(Verdict.Status.NO_DATA);
    then(physician.passed()).isFalse();
    then(physician.summary()).isEqualTo("의사 (Physician): no data, not counted as passed");
  }

  @Test
  void should_report_no_data_when_every_call_failed() {
    // GIVEN
    Scorecard card = Scorecard.of(List.of(failed(question("약사", "약리학"))));
    // WHEN
    Verdict verdict = paper.judge("Pharmacist", card);
    // THEN
    then(verdict.status()).isEqualTo(Verdict.Status.NO_DATA);
    then(verdict.reasons())
        .containsExactly(
            "questions 1, scored 0, correct 0, accuracy n/a",
            "1 model call failed and is left out; the verdict rests on incomplete data",
            "no scored question for this licence; not counted as passed",
            "subject 약리학: 0/0 = n/a");
  }

  @Test
  void should_hold_fourteen_rules_when_paper() {
    // WHEN / THEN
    then(paper.licences()).hasSize(14);
    then(paper.rule("법무사")).contains(PassRule.everySubjectAtLeast(0.4));
    then(paper.rule("Lawyer"))
        .contains(
            PassRule.allOf(PassRule.everySubjectAtLeast(0.4), PassRule.pointsAtLeast(900, 1660)));
    then(paper.rule("회계사"))
        .contains(
            PassRule.allOf(PassRule.everySubjectAtLeast(0.4), PassRule.meanOfSubjectsAtLeast(0.6)));
    then(paper.withoutRule("의사").rule("의사")).isEmpty();
    then(LicensureRules.empty().licences()).isEmpty();
  }

  @Test
  void should_read_rules_when_json_follows_the_schema(@TempDir Path dir) throws IOException {
    // GIVEN
    Path file = dir.resolve("rules.json");
    Files.writeString(
        file,
        "{\"base\": \"paper\", \"licences\": {"
            + "\"세무사\": {\"cutOff\": {\"2023\": 0.58, \"2024\": 0.61}},"
            + "\"의사\": {\"anyOf\": [{\"topK\": {\"k\": 3, \"cohort\": [0.7, 0.6]}},"
            + "  {\"topPercent\": {\"percent\": 10, \"cohort\": [0.7]}}]},"
            + "\"미용사\": {\"allOf\": [{\"overallAtLeast\": 0.6},"
            + "  {\"pointsAtLeast\": {\"points\": 60, \"totalPoints\": 100}}]}}}",
        StandardCharsets.UTF_8);
    // WHEN
    LicensureRules rules = LicensureRules.fromJson(file);
    // THEN
    then(rules.licences()).hasSize(15);
    then(rules.rule("변호사")).isEqualTo(paper.rule("변호사"));
    then(rules.rule("세무사")).contains(PassRule.cutOff(java.util.Map.of(2023, 0.58, 2024, 0.61)));
    then(rules.rule("의사"))
        .contains(
            PassRule.anyOf(
                PassRule.topK(3, List.of(0.7, 0.6)), PassRule.topPercent(10, List.of(0.7))));
    then(rules.rule("미용사"))
        .contains(PassRule.allOf(PassRule.overallAtLeast(0.6), PassRule.pointsAtLeast(60, 100)));
  }

  @Test
  void should_name_file_and_field_when_a_threshold_is_not_a_number() {
    // WHEN
    Throwable thrown =
        catchThrowable(() -> read("{\"licences\": {\"약사\": {\"everySubjectAtLeast\": \"high\"}}}"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "rules.json: field \"licences.약사.everySubjectAtLeast\": expected a number, but found"
                + " \"high\"");
    then(((DatasetException) thrown).field()).contains("licences.약사.everySubjectAtLeast");
  }

  @Test
  void should_name_nested_field_when_a_fraction_is_out_of_range() {
    // WHEN
    Throwable thrown =
        catchThrowable(
            () ->
                read(
                    "{\"licences\": {\"약사\": {\"allOf\": [{\"everySubjectAtLeast\": 0.4},"
                        + " {\"meanOfSubjectsAtLeast\": 60}]}}}"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "rules.json: field \"licences.약사.allOf[1].meanOfSubjectsAtLeast\": "
                + "fraction must be between 0 and 1, but was 60.0");
  }

  @Test
  void should_list_known_rules_when_a_rule_is_unknown() {
    // WHEN
    Throwable thrown = catchThrowable(() -> read("{\"licences\": {\"약사\": {\"atLeast\": 0.4}}}"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "rules.json: field \"licences.약사\": expected one of everySubjectAtLeast, "
                + "meanOfSubjectsAtLeast, overallAtLeast, pointsAtLeast, cutOff, topK, topPercent, "
                + "allOf, anyOf, but found \"atLeast\"");
  }

  @Test
  void should_name_both_spellings_when_json_gives_a_licence_twice_under_an_alias() {
    // GIVEN 회계사 is an alias of 공인회계사: two rules for one licence, the second used to win
    // silently
    String json =
        "{\"licences\": {\"회계사\": {\"everySubjectAtLeast\": 0.4},"
            + " \"공인회계사\": {\"everySubjectAtLeast\": 0.5}}}";
    // WHEN
    Throwable thrown = catchThrowable(() -> read(json));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "rules.json: field \"licences.공인회계사\": expected each licence once, but found"
                + " 공인회계사 already given as \"회계사\"");
  }

  @Test
  void should_give_line_when_json_is_malformed() {
    // WHEN
    Throwable thrown = catchThrowable(() -> read("{\"licences\": {\n\"약사\": {,}}}"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("rules.json:2: malformed JSON: ");
    then(((DatasetException) thrown).line()).isEqualTo(2);
  }

  @Test
  void should_require_licences_when_json_has_none() {
    // WHEN
    Throwable thrown = catchThrowable(() -> read("{\"base\": \"paper\"}"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "rules.json: field \"licences\": expected an object of licence names to rules, "
                + "but found nothing");
  }

  @Test
  void should_name_file_when_it_cannot_be_read(@TempDir Path dir) {
    // GIVEN
    Path missing = dir.resolve("missing.json");
    // WHEN
    Throwable thrown = catchThrowable(() -> LicensureRules.fromJson(missing));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith(missing + ": cannot read the rules file: ");
  }

  private static LicensureRules read(String json) {
    return LicensureRules.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
  }
}
