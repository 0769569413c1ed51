package dev.kmmlu.scoring;

import static dev.kmmlu.scoring.Fixtures.correct;
import static dev.kmmlu.scoring.Fixtures.failed;
import static dev.kmmlu.scoring.Fixtures.incorrect;
import static dev.kmmlu.scoring.Fixtures.question;
import static dev.kmmlu.scoring.Fixtures.unparsed;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ScorecardTest {

  /** Group 약사: 3 correct, 1 incorrect. Group 의사: 1 correct, 1 unparsed, 1 failed. */
  private static List<Outcome> mixed() {
    return List.of(
        correct(question("약사", "약리학")),
        correct(question("약사", "약리학")),
        correct(question("약사", "약제학")),
        incorrect(question("약사", "약제학")),
        correct(question("의사", "내과")),
        unparsed(question("의사", "외과")),
        failed(question("의사", "외과")));
  }

  @Test
  void should_count_each_kind_when_outcomes_are_mixed() {
    // WHEN
    Scorecard card = Scorecard.of(mixed());
    // THEN
    then(card.questions()).isEqualTo(7);
    then(card.correct()).isEqualTo(4);
    then(card.incorrect()).isEqualTo(1);
    then(card.unparsed()).isEqualTo(1);
    then(card.failed()).isEqualTo(1);
    then(card.isComplete()).isFalse();
    then(card.options()).isEqualTo(ScoringOptions.defaults());
  }

  @Test
  void should_count_every_status_when_asked_for_status_counts() {
    // WHEN
    Map<ExtractionStatus, Integer> counts = Scorecard.of(mixed()).statusCounts();
    // THEN the failed outcome has no extraction
    then(counts)
        .containsExactly(
            Map.entry(ExtractionStatus.STRICT, 5),
            Map.entry(ExtractionStatus.LENIENT, 0),
            Map.entry(ExtractionStatus.UNPARSED, 1),
            Map.entry(ExtractionStatus.EMPTY, 0),
            Map.entry(ExtractionStatus.TRUNCATED, 0));
  }

  @Test
  void should_leave_failed_out_and_count_unparsed_as_wrong_when_defaults() {
    // GIVEN scored: 약사 3/4 = 0.75, 의사 1/2 = 0.5 (the failed item is left out)
    // micro = 4/6 = 0.666667, SE = sqrt(2/3 * 1/3 / 6) = 0.192450
    // macro = (0.75 + 0.5) / 2 = 0.625,
    //   SE = sqrt(0.75 * 0.25 / 4 + 0.5 * 0.5 / 2) / 2 = sqrt(0.171875) / 2 = 0.207289
    //   interval = 0.625 +- 1.959964 * 0.207289 = [0.218721, 1.031279] clipped to 1
    Scorecard card = Scorecard.of(mixed());
    // WHEN
    Estimate micro = card.accuracy(Average.MICRO);
    Estimate macro = card.accuracy(Average.MACRO);
    // THEN
    then(micro.value()).isCloseTo(0.666667, within(1e-6));
    then(micro.standardError()).isCloseTo(0.192450, within(1e-6));
    then(micro.count()).isEqualTo(6);
    then(macro.value()).isCloseTo(0.625, within(1e-12));
    then(macro.standardError()).isCloseTo(0.207289, within(1e-6));
    then(macro.lower()).isCloseTo(0.218721, within(1e-6));
    then(macro.upper()).isEqualTo(1.0);
    then(macro.count()).isEqualTo(6);
  }

  @Test
  void should_count_failed_as_wrong_when_options_say_so() {
    // GIVEN 의사 becomes 1/3, micro 4/7
    ScoringOptions options = ScoringOptions.defaults().withCountFailedAsWrong(true);
    // WHEN
    Scorecard card = Scorecard.of(mixed(), options);
    // THEN
    then(card.accuracy(Average.MICRO).value()).isCloseTo(4 / 7.0, within(1e-12));
    then(card.group("의사").orElseThrow().accuracy().value()).isCloseTo(1 / 3.0, within(1e-12));
    then(card.isComplete()).isFalse();
  }

  @Test
  void should_report_groups_and_subjects_in_first_seen_order() {
    // GIVEN
    Scorecard card = Scorecard.of(mixed());
    // WHEN
    List<GroupScore> groups = card.groups();
    List<GroupScore> subjects = card.subjects("의사");
    // THEN
    then(groups).extracting(GroupScore::name).containsExactly("약사", "의사");
    GroupScore doctor = groups.get(1);
    then(doctor.questions()).isEqualTo(3);
    then(doctor.correct()).isEqualTo(1);
    then(doctor.unparsed()).isEqualTo(1);
    then(doctor.failed()).isEqualTo(1);
    then(doctor.scored()).isEqualTo(2);
    then(doctor.points()).isEqualTo(2.0);
    then(doctor.pointsEarned()).isEqualTo(1.0);
    then(subjects).extracting(GroupScore::name).containsExactly("내과", "외과");
    then(subjects.get(1).accuracy().value()).isEqualTo(0.0);
    then(card.subjects("없음")).isEmpty();
    then(card.group("없음")).isEmpty();
  }

  @Test
  void should_weight_by_points_when_options_say_so() {
    // GIVEN points 2 (correct), 1 (correct), 1 (correct), 4 (incorrect)
    // p = 4 / 8 = 0.5; SE = sqrt(4 * .25 + 1 * .25 + 1 * .25 + 16 * .25) / 8 = sqrt(5.5) / 8
    //   = 0.293151; interval 0.5 +- 1.959964 * 0.293151 = [0, 1.074...] -> lower 0, upper 1
    List<Outcome> outcomes =
        List.of(
            correct(question("약사", "약리학", 2)),
            correct(question("약사", "약리학", 1)),
            correct(question("약사", "약리학", 1)),
            incorrect(question("약사", "약리학", 4)));
    // WHEN
    Scorecard weighted = Scorecard.of(outcomes, ScoringOptions.defaults().withWeightByPoints(true));
    Scorecard counted = Scorecard.of(outcomes);
    // THEN
    Estimate accuracy = weighted.accuracy(Average.MICRO);
    then(accuracy.value()).isEqualTo(0.5);
    then(accuracy.standardError()).isCloseTo(0.293151, within(1e-6));
    then(accuracy.lower()).isEqualTo(0.0);
    then(weighted.groups().get(0).points()).isEqualTo(8.0);
    then(weighted.groups().get(0).pointsEarned()).isEqualTo(4.0);
    then(counted.accuracy(Average.MICRO).value()).isEqualTo(0.75);
  }

  @Test
  void should_total_item_points_when_items_are_counted_not_weighted() {
    // GIVEN points 2 (correct), 1 (correct), 1 (correct), 4 (incorrect), 3 (failed, left out)
    // under the default options, which count items rather than weight them
    List<Outcome> outcomes =
        List.of(
            correct(question("약사", "약리학", 2)),
            correct(question("약사", "약리학", 1)),
            correct(question("약사", "약제학", 1)),
            incorrect(question("약사", "약제학", 4)),
            failed(question("약사", "약제학", 3)));
    // WHEN
    Scorecard card = Scorecard.of(outcomes);
    // THEN the accuracy counts items (3/4) but the points are the items' points: 8 scored, 4 earned
    GroupScore pharmacist = card.groups().get(0);
    then(pharmacist.accuracy().value()).isEqualTo(0.75);
    then(pharmacist.points()).isEqualTo(8.0);
    then(pharmacist.pointsEarned()).isEqualTo(4.0);
    then(card.subjects("약사").get(1).points()).isEqualTo(5.0);
    then(card.subjects("약사").get(1).pointsEarned()).isEqualTo(1.0);
  }

  @Test
  void should_equal_binomial_error_when_weights_are_equal() {
    // GIVEN every item worth 2.5 points: the weighted SE reduces to sqrt(p(1-p)/n)
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      outcomes.add(i < 7 ? correct(question("g", "s", 2.5)) : incorrect(question("g", "s", 2.5)));
    }
    // WHEN
    Estimate weighted =
        Scorecard.of(outcomes, ScoringOptions.defaults().withWeightByPoints(true))
            .accuracy(Average.MICRO);
    // THEN
    then(weighted.value()).isCloseTo(0.7, within(1e-12));
    then(weighted.standardError()).isCloseTo(Math.sqrt(0.021), within(1e-12));
  }

  @Test
  void should_be_empty_when_no_outcomes() {
    // WHEN
    Scorecard card = Scorecard.of(List.of());
    // THEN
    then(card.accuracy(Average.MICRO)).isEqualTo(Estimate.empty());
    then(card.accuracy(Average.MACRO)).isEqualTo(Estimate.empty());
    then(card.isComplete()).isTrue();
    then(catchThrowable(() -> card.bootstrapInterval(Average.MICRO)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scored items must not be empty to bootstrap, but were 0");
  }

  @Test
  void should_repeat_bootstrap_when_seed_is_the_same() {
    // GIVEN
    List<Outcome> outcomes = randomOutcomes(new SplittableRandom(7), 300, 3);
    ScoringOptions options = ScoringOptions.defaults().withSeed(11).withBootstrapResamples(200);
    // WHEN
    Estimate first = Scorecard.of(outcomes, options).bootstrapInterval(Average.MACRO);
    Estimate second = Scorecard.of(outcomes, options).bootstrapInterval(Average.MACRO);
    Estimate other = Scorecard.of(outcomes, options.withSeed(12)).bootstrapInterval(Average.MACRO);
    // THEN
    then(second).isEqualTo(first);
    then(other).isNotEqualTo(first);
    then(first.value()).isEqualTo(Scorecard.of(outcomes).accuracy(Average.MACRO).value());
  }

  @Test
  void should_bootstrap_any_statistic_when_given_a_function() {
    // GIVEN the share of unparsed replies: 1 of 7
    Scorecard card = Scorecard.of(mixed(), ScoringOptions.defaults().withBootstrapResamples(500));
    // WHEN
    Estimate estimate =
        card.bootstrap(
            outcomes ->
                outcomes.stream().filter(o -> o instanceof Outcome.Unparsed).count()
                    / (double) outcomes.size());
    // THEN
    then(estimate.value()).isCloseTo(1 / 7.0, within(1e-12));
    then(estimate.count()).isEqualTo(7);
    then(estimate.lower()).isEqualTo(0.0);
    then(estimate.upper()).isBetween(2 / 7.0, 3 / 7.0);
    then(estimate.standardError()).isCloseTo(Math.sqrt(1 / 7.0 * 6 / 7.0 / 7), within(0.03));
  }

  @RepeatedTest(20)
  void should_keep_accuracy_within_unit_range_when_outcomes_are_random(RepetitionInfo info) {
    // GIVEN
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    List<Outcome> outcomes = randomOutcomes(random, 1 + random.nextInt(200), 1 + random.nextInt(6));
    Scorecard card = Scorecard.of(outcomes);
    for (Average average : Average.values()) {
      // WHEN
      Estimate estimate = card.accuracy(average);
      if (estimate.count() == 0) {
        continue;
      }
      // THEN
      then(estimate.value()).isBetween(0.0, 1.0);
      then(estimate.standardError()).isGreaterThanOrEqualTo(0.0);
      then(estimate.lower()).isBetween(0.0, estimate.value());
      then(estimate.upper()).isBetween(estimate.value(), 1.0);
    }
  }

  @RepeatedTest(20)
  void should_equal_micro_when_groups_are_balanced(RepetitionInfo info) {
    // GIVEN every group has the same number of items, so mean(c_g / n) = sum(c_g) / (G n)
    SplittableRandom random = new SplittableRandom(100 + info.getCurrentRepetition());
    int groups = 1 + random.nextInt(8);
    int size = 1 + random.nextInt(40);
    List<Outcome> outcomes = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < size; i++) {
        outcomes.add(
            random.nextBoolean()
                ? correct(question("g" + g, "s"))
                : incorrect(question("g" + g, "s")));
      }
    }
    // WHEN
    Scorecard card = Scorecard.of(outcomes);
    // THEN
    then(card.accuracy(Average.MACRO).value())
        .isCloseTo(card.accuracy(Average.MICRO).value(), within(1e-12));
  }

  @RepeatedTest(10)
  void should_halve_standard_error_when_items_are_quadrupled(RepetitionInfo info) {
    // GIVEN the same shares with 4 times the items: SE scales like 1 / sqrt(n)
    SplittableRandom random = new SplittableRandom(200 + info.getCurrentRepetition());
    List<Outcome> outcomes = randomOutcomes(random, 20 + random.nextInt(100), 3);
    List<Outcome> quadrupled = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      quadrupled.addAll(outcomes);
    }
    for (Average average : Average.values()) {
      // WHEN
      Estimate small = Scorecard.of(outcomes).accuracy(average);
      Estimate large = Scorecard.of(quadrupled).accuracy(average);
      // THEN
      then(large.value()).isCloseTo(small.value(), within(1e-12));
      then(large.standardError()).isCloseTo(small.standardError() / 2, within(1e-12));
    }
  }

  @RepeatedTest(5)
  void should_match_closed_form_when_bootstrapping_a_large_card(RepetitionInfo info) {
    // GIVEN
    SplittableRandom random = new SplittableRandom(300 + info.getCurrentRepetition());
    List<Outcome> outcomes = randomOutcomes(random, 2000, 4);
    Scorecard card =
        Scorecard.of(outcomes, ScoringOptions.defaults().withSeed(info.getCurrentRepetition()));
    for (Average average : Average.values()) {
      // WHEN
      Estimate closed = card.accuracy(average);
      Estimate bootstrap = card.bootstrapInterval(average);
      // THEN within 10% for the error and 0.01 for the ends of the interval
      then(bootstrap.standardError())
          .isCloseTo(closed.standardError(), within(0.1 * closed.standardError()));
      then(bootstrap.lower()).isCloseTo(closed.lower(), within(0.01));
      then(bootstrap.upper()).isCloseTo(closed.upper(), within(0.01));
    }
  }

  @Test
  void should_reject_bootstrap_resamples_below_one() {
    // WHEN
    Throwable thrown = catchThrowable(() -> ScoringOptions.defaults().withBootstrapResamples(0));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrap resamples must be at least 1, but was 0");
  }

  @Test
  void should_return_same_options_when_wither_changes_nothing() {
    // GIVEN
    ScoringOptions options = ScoringOptions.defaults();
    // WHEN
    ScoringOptions same =
        options.withSeed(0).withWeightByPoints(false).withBootstrapResamples(1000);
    // THEN
    then(same).isSameAs(options);
    then(options.countFailedAsWrong()).isFalse();
    then(options.weightByPoints()).isFalse();
    then(options.bootstrapResamples()).isEqualTo(1000);
    then(options.seed()).isZero();
  }

  /**
   * Returns outcomes over groups of unequal sizes and accuracies, with a few unparsed and failed.
   */
  static List<Outcome> randomOutcomes(SplittableRandom random, int count, int groups) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int group = random.nextInt(groups);
      double accuracy = 0.3 + 0.15 * group;
      var question = question("g" + group, "s" + random.nextInt(2));
      double draw = random.nextDouble();
      if (draw < 0.02) {
        outcomes.add(failed(question));
      } else if (draw < 0.05) {
        outcomes.add(unparsed(question));
      } else {
        outcomes.add(random.nextDouble() < accuracy ? correct(question) : incorrect(question));
      }
    }
    return outcomes;
  }
}
