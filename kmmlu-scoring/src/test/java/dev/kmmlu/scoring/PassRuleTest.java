package dev.kmmlu.scoring;

import static dev.kmmlu.scoring.Fixtures.concat;
import static dev.kmmlu.scoring.Fixtures.correct;
import static dev.kmmlu.scoring.Fixtures.incorrect;
import static dev.kmmlu.scoring.Fixtures.question;
import static dev.kmmlu.scoring.Fixtures.subject;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.kmmlu.datasets.QuestionMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassRuleTest {

  @ParameterizedTest
  @CsvSource({"2, 5, true", "4, 10, true", "40, 100, true", "39, 100, false", "1, 3, false"})
  void should_pass_floor_when_subject_is_at_least_40_percent(
      int correct, int total, boolean passes) {
    // GIVEN a score equal to the floor passes: 2/5, 4/10 and 40/100 are exactly 40%
    Scorecard card =
        Scorecard.of(concat(subject("약사", "약리학", correct, total), subject("약사", "약제학", 9, 10)));
    // WHEN
    PassRule.Check check = PassRule.everySubjectAtLeast(0.40).check(card, "약사");
    // THEN
    then(check.passed()).isEqualTo(passes);
  }

  @Test
  void should_name_each_subject_below_the_floor_when_failing() {
    // GIVEN
    Scorecard card =
        Scorecard.of(
            concat(
                subject("약사", "보건의약관계법규", 7, 20),
                subject("약사", "약리학", 3, 10),
                subject("약사", "약제학", 9, 10)));
    // WHEN
    PassRule.Check check = PassRule.everySubjectAtLeast(0.40).check(card, "약사");
    // THEN
    then(check)
        .isEqualTo(
            new PassRule.Check(
                false, "보건의약관계법규 35.0% < 40% floor, 약리학 30.0% < 40% floor", List.of()));
  }

  @Test
  void should_pass_mean_when_subjects_average_exactly_60_percent() {
    // GIVEN (0.5 + 0.7) / 2 is exactly 0.6
    Scorecard card =
        Scorecard.of(concat(subject("약사", "약리학", 1, 2), subject("약사", "약제학", 7, 10)));
    // WHEN
    PassRule.Check check = PassRule.meanOfSubjectsAtLeast(0.60).check(card, "약사");
    // THEN
    then(check).isEqualTo(new PassRule.Check(true, "mean of subjects 60.0% >= 60%", List.of()));
  }

  @Test
  void should_pass_mean_when_floating_point_sum_lands_just_below_60_percent() {
    // GIVEN 2/6 + 0/20 + 1/1 + 3/3 + 2/3 = 3 exactly, so the mean is 0.6; summed in doubles the
    // mean is 0.5999999999999999, one rounding step below, which the 1e-9 slack absorbs
    Scorecard card =
        Scorecard.of(
            concat(
                subject("약사", "a", 2, 6),
                subject("약사", "b", 0, 20),
                subject("약사", "c", 1, 1),
                subject("약사", "d", 3, 3),
                subject("약사", "e", 2, 3)));
    // WHEN
    PassRule.Check check = PassRule.meanOfSubjectsAtLeast(0.60).check(card, "약사");
    // THEN
    then((2 / 6.0 + 0 / 20.0 + 1 / 1.0 + 3 / 3.0 + 2 / 3.0) / 5).isLessThan(0.6);
    then(check).isEqualTo(new PassRule.Check(true, "mean of subjects 60.0% >= 60%", List.of()));
  }

  @Test
  void should_fail_mean_when_subjects_average_just_below_60_percent() {
    // GIVEN (0.59 + 0.60) / 2 = 0.595
    Scorecard card =
        Scorecard.of(concat(subject("약사", "약리학", 59, 100), subject("약사", "약제학", 60, 100)));
    // WHEN
    PassRule.Check check = PassRule.meanOfSubjectsAtLeast(0.60).check(card, "약사");
    // THEN
    then(check.passed()).isFalse();
    then(check.reason()).isEqualTo("mean of subjects 59.5% < 60%");
  }

  @Test
  void should_pass_lawyer_cut_off_when_exactly_900_of_1660() {
    // GIVEN 900/1660 = 0.542169, which is below the rounded 54.22%
    Scorecard card = Scorecard.of(subject("변호사", "민사법", 900, 1660));
    // WHEN
    PassRule.Check points = PassRule.pointsAtLeast(900, 1660).check(card, "변호사");
    PassRule.Check rounded = PassRule.overallAtLeast(0.5422).check(card, "변호사");
    // THEN
    then(points.passed()).isTrue();
    then(points.reason()).isEqualTo("overall 54.2% = 900.0 >= 900 of 1660 points (54.2%)");
    then(rounded.passed()).isFalse();
    then(rounded.reason()).isEqualTo("overall 54.2% < 54.22%");
  }

  @Test
  void should_fail_lawyer_cut_off_when_899_of_1660() {
    // GIVEN
    Scorecard card = Scorecard.of(subject("변호사", "민사법", 899, 1660));
    // WHEN
    PassRule.Check check = PassRule.pointsAtLeast(900, 1660).check(card, "변호사");
    // THEN
    then(check.passed()).isFalse();
    then(check.reason()).isEqualTo("overall 54.2% = 899.0 < 900 of 1660 points (54.2%)");
  }

  @Test
  void should_judge_each_year_when_cut_offs_differ_by_year() {
    // GIVEN 2023: 6/10 against 0.6; 2024: 5/10 against 0.55
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      var q23 = question("세무사", "회계학", QuestionMetadata.builder().year(2023).build());
      var q24 = question("세무사", "회계학", QuestionMetadata.builder().year(2024).build());
      outcomes.add(i < 6 ? correct(q23) : incorrect(q23));
      outcomes.add(i < 5 ? correct(q24) : incorrect(q24));
    }
    Scorecard card = Scorecard.of(outcomes);
    // WHEN
    PassRule.Check check = PassRule.cutOff(Map.of(2023, 0.6, 2024, 0.55)).check(card, "세무사");
    PassRule.Check missing = PassRule.cutOff(Map.of(2023, 0.6)).check(card, "세무사");
    // THEN
    then(check.passed()).isFalse();
    then(check.reason()).isEqualTo("2023 60.0% >= 60% cut-off, 2024 50.0% < 55% cut-off");
    then(check.decisiveReasons()).containsExactly("2024 50.0% < 55% cut-off");
    then(missing.reason()).isEqualTo("2023 60.0% >= 60% cut-off, 2024 has no cut-off");
  }

  @Test
  void should_rank_against_cohort_when_rule_is_relative() {
    // GIVEN the model scores 0.6; two examinees score higher, one ties
    Scorecard card = Scorecard.of(subject("의사", "내과", 6, 10));
    List<Double> cohort = List.of(0.9, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05);
    // WHEN
    PassRule.Check top3 = PassRule.topK(3, cohort).check(card, "의사");
    PassRule.Check top2 = PassRule.topK(2, cohort).check(card, "의사");
    PassRule.Check top30 = PassRule.topPercent(30, cohort).check(card, "의사");
    PassRule.Check top20 = PassRule.topPercent(20, cohort).check(card, "의사");
    // THEN rank 3 of 10; top 30% of 10 is rank 3 or better
    then(top3.reason()).isEqualTo("overall 60.0% ranks 3 of 10, within the top 3");
    then(top2.passed()).isFalse();
    then(top30.passed()).isTrue();
    then(top30.reason()).isEqualTo("overall 60.0% ranks 3 of 10, within the top 30%");
    then(top20.reason()).isEqualTo("overall 60.0% ranks 3 of 10, outside the top 20%");
  }

  @Test
  void should_pass_any_of_when_one_rule_passes() {
    // GIVEN
    Scorecard card = Scorecard.of(subject("의사", "내과", 5, 10));
    // WHEN
    PassRule.Check check =
        PassRule.anyOf(PassRule.overallAtLeast(0.6), PassRule.overallAtLeast(0.5))
            .check(card, "의사");
    // THEN
    then(check.passed()).isTrue();
    then(check.reason()).isEqualTo("overall 50.0% < 60% or overall 50.0% >= 50%");
    then(check.decisiveReasons()).containsExactly("overall 50.0% >= 50%");
    then(check.leafReasons()).hasSize(2);
  }

  @Test
  void should_fail_every_rule_when_licence_has_no_data() {
    // GIVEN
    Scorecard card = Scorecard.of(subject("의사", "내과", 5, 10));
    // WHEN / THEN
    then(PassRule.everySubjectAtLeast(0.4).check(card, "약사").reason())
        .isEqualTo("no subject scored");
    then(PassRule.meanOfSubjectsAtLeast(0.6).check(card, "약사").passed()).isFalse();
    then(PassRule.overallAtLeast(0).check(card, "약사").passed()).isFalse();
    then(PassRule.topK(1, List.of()).check(card, "약사").passed()).isFalse();
  }

  @Test
  void should_reject_fraction_above_one() {
    // WHEN
    Throwable thrown = catchThrowable(() -> PassRule.everySubjectAtLeast(40));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fraction must be between 0 and 1, but was 40.0");
  }

  @Test
  void should_reject_points_above_total() {
    // WHEN
    Throwable thrown = catchThrowable(() -> PassRule.pointsAtLeast(1700, 1660));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must be between 0 and 1660.0, but was 1700.0");
  }

  @Test
  void should_reject_empty_all_of() {
    // WHEN
    Throwable thrown = catchThrowable(PassRule::allOf);
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rules must not be empty, but was []");
  }

  @Test
  void should_reject_percent_of_zero() {
    // WHEN
    Throwable thrown = catchThrowable(() -> PassRule.topPercent(0, List.of()));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percent must be greater than 0 and at most 100, but was 0.0");
  }

  @RepeatedTest(50)
  void should_never_turn_pass_into_fail_when_a_subject_score_rises(RepetitionInfo info) {
    // GIVEN a random licence card, judged by every kind of rule
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    int subjects = 1 + random.nextInt(4);
    List<Outcome> outcomes = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      int total = 3 + random.nextInt(20);
      outcomes.addAll(subject("lic", "s" + s, random.nextInt(total + 1), total));
    }
    List<Double> cohort = List.of(0.2, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8);
    List<PassRule> rules =
        List.of(
            LicensureRules.paper().rule("약사").orElseThrow(),
            LicensureRules.paper().rule("변호사").orElseThrow(),
            LicensureRules.paper().rule("법무사").orElseThrow(),
            PassRule.overallAtLeast(0.5),
            PassRule.topK(3, cohort),
            PassRule.topPercent(40, cohort),
            PassRule.anyOf(PassRule.meanOfSubjectsAtLeast(0.7), PassRule.everySubjectAtLeast(0.5)));
    int flip = indexOfIncorrect(outcomes, random);
    if (flip < 0) {
      return;
    }
    List<Outcome> raised = new ArrayList<>(outcomes);
    raised.set(flip, correct(outcomes.get(flip).question()));
    Scorecard before = Scorecard.of(outcomes);
    Scorecard after = Scorecard.of(raised);
    for (PassRule rule : rules) {
      // WHEN
      boolean passedBefore = rule.check(before, "lic").passed();
      boolean passedAfter = rule.check(after, "lic").passed();
      // THEN
      if (passedBefore) {
        then(passedAfter).as("%s after raising item %s", rule, flip).isTrue();
      }
    }
  }

  private static int indexOfIncorrect(List<Outcome> outcomes, SplittableRandom random) {
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (!outcomes.get(i).isCorrect()) {
        wrong.add(i);
      }
    }
    return wrong.isEmpty() ? -1 : wrong.get(random.nextInt(wrong.size()));
  }
}
