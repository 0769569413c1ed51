package dev.kmmlu.scoring;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

  /**
   * KMMLU-Redux and KMMLU-Pro accuracy (%) of the 32 models in Table 2 of arXiv 2507.08924, in the
   * table's order (Aya Expanse 32B ... o1).
   */
  private static final double[] REDUX = {
    33.05, 46.70, 49.75, 52.92, 54.04, 56.17, 57.25, 58.41, 62.93, 64.98, 64.79, 67.49, 65.25,
    65.71, 65.64, 68.77, 67.34, 69.54, 72.71, 74.49, 77.58, 78.51, 67.03, 67.84, 71.47, 72.90,
    75.80, 75.86, 76.88, 79.92, 79.36, 81.14
  };

  private static final double[] PRO = {
    31.26, 45.82, 45.32, 49.49, 51.03, 53.24, 53.02, 52.33, 57.48, 58.86, 60.01, 58.14, 60.52,
    60.18, 60.77, 61.14, 63.94, 62.12, 67.67, 68.22, 68.10, 71.33, 62.18, 62.05, 65.08, 68.37,
    69.65, 72.99, 74.52, 73.60, 77.70, 78.09
  };

  @Test
  void should_compute_spearman_and_exact_p_value_when_five_pairs() {
    // GIVEN x = 1..5, y = 2,1,4,3,5: d = -1,1,-1,1,0, sum d^2 = 4,
    // rho = 1 - 6 * 4 / (5 * 24) = 0.8.
    // Exact p: of the 5! = 120 orderings, sum d^2 <= 4 for 8 (identity, 4 adjacent swaps, 3 pairs
    // of disjoint adjacent swaps) and, by reversal, sum d^2 >= 36 (rho <= -0.8) for 8: p = 16/120.
    // Fisher z: atanh(0.8) = 1.098612, se = 1/sqrt(2) = 0.707107,
    // tanh(1.098612 -+ 1.385904) = [-0.279640, 0.986196].
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 1, 4, 3, 5};
    // WHEN
    Correlation rho = RankCorrelation.spearman(x, y);
    // THEN
    then(rho.coefficient()).isCloseTo(0.8, within(1e-12));
    then(rho.pValue()).isCloseTo(16 / 120.0, within(1e-12));
    then(rho.lower95()).isCloseTo(-0.279640, within(1e-6));
    then(rho.upper95()).isCloseTo(0.986196, within(1e-6));
    then(rho.count()).isEqualTo(5);
    then(rho.method()).isEqualTo(Correlation.Method.SPEARMAN);
  }

  @Test
  void should_give_average_ranks_to_ties_when_computing_spearman() {
    // GIVEN x = 1,2,2,3 ranks 1,2.5,2.5,4; y = 1,3,2,4 ranks 1,3,2,4; both centred on 2.5:
    // dx = -1.5,0,0,1.5; dy = -1.5,0.5,-0.5,1.5; cross = 4.5; sxx = 4.5; syy = 5;
    // rho = 4.5 / sqrt(22.5) = 0.948683.
    // Exact p: the cross term is 1.5 * (y'4 - y'1), at least 4.5 in size only when {y'1, y'4} =
    // {1, 4}: 2 * 2 = 4 of 24 orderings, p = 1/6. Fisher z at n = 4: se = 1,
    // tanh(atanh(0.948683) -+ 1.959964) = tanh(1.818446 -+ 1.959964) = [-0.140580, 0.998955].
    double[] x = {1, 2, 2, 3};
    double[] y = {1, 3, 2, 4};
    // WHEN
    Correlation rho = RankCorrelation.spearman(x, y);
    // THEN
    then(RankCorrelation.ranks(x)).containsExactly(1, 2.5, 2.5, 4);
    then(rho.coefficient()).isCloseTo(0.948683, within(1e-6));
    then(rho.pValue()).isCloseTo(1 / 6.0, within(1e-12));
    then(rho.lower95()).isCloseTo(-0.140580, within(1e-6));
    then(rho.upper95()).isCloseTo(0.998955, within(1e-6));
  }

  @Test
  void should_use_t_approximation_when_more_than_ten_pairs() {
    // GIVEN x = 1..12, y below: sum d^2 = 138, rho = 1 - 6 * 138 / (12 * 143) = 0.517483;
    // t = rho * sqrt(10 / (1 - rho^2)) = 1.912394; two-sided p with 10 df =
    // I_{10/(10+t^2)}(5, 1/2) = 0.084869 (regularised incomplete beta, computed with mpmath);
    // Fisher z: se = 1/3, [-0.080253, 0.841478].
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    double[] y = {5, 1, 9, 2, 7, 3, 12, 4, 10, 6, 8, 11};
    // WHEN
    Correlation rho = RankCorrelation.spearman(x, y);
    // THEN
    then(rho.coefficient()).isCloseTo(0.517483, within(1e-6));
    then(rho.pValue()).isCloseTo(0.084869, within(1e-6));
    then(rho.lower95()).isCloseTo(-0.080253, within(1e-6));
    then(rho.upper95()).isCloseTo(0.841478, within(1e-6));
  }

  @Test
  void should_find_rho_0_9688_when_correlating_the_papers_redux_and_pro_scores() {
    // GIVEN Table 2 of arXiv 2507.08924, 32 models, no ties in either column.
    // By hand (throwaway python): sum d^2 = 170, rho = 1 - 6 * 170 / (32 * 1023) = 0.968842;
    // t = 21.425 with 30 df, p = 9.76e-20; Fisher z (se = 1/sqrt(29)): [0.936537, 0.984831].
    // WHEN
    Correlation rho = RankCorrelation.spearman(REDUX, PRO);
    // THEN
    then(rho.coefficient()).isCloseTo(1 - 6 * 170 / (32 * 1023.0), within(1e-12));
    then(rho.coefficient()).isCloseTo(0.968842, within(1e-6));
    then(rho.pValue()).isCloseTo(9.759e-20, within(1e-22));
    then(rho.lower95()).isCloseTo(0.936537, within(1e-6));
    then(rho.upper95()).isCloseTo(0.984831, within(1e-6));
    then(rho.count()).isEqualTo(32);
  }

  @Test
  void should_find_tau_0_875_when_correlating_the_papers_redux_and_pro_scores() {
    // GIVEN by hand: of 496 pairs, 465 concordant and 31 discordant, no ties:
    // tau = 434 / 496 = 0.875; var(S) = 32 * 31 * 69 / 18 = 3802.67, z = 434 / 61.666 = 7.037941,
    // p = erfc(z / sqrt 2) = 1.951e-12; Fisher z with var 0.437 / 28: [0.803769, 0.921500].
    // WHEN
    Correlation tau = RankCorrelation.kendall(REDUX, PRO);
    // THEN
    then(tau.coefficient()).isCloseTo(0.875, within(1e-12));
    then(tau.pValue()).isCloseTo(1.951e-12, within(1e-15));
    then(tau.lower95()).isCloseTo(0.803769, within(1e-6));
    then(tau.upper95()).isCloseTo(0.921500, within(1e-6));
    then(tau.method()).isEqualTo(Correlation.Method.KENDALL);
  }

  @Test
  void should_compute_kendall_when_five_pairs() {
    // GIVEN x = 1..5, y = 2,1,4,3,5: discordant pairs (1,2) and (3,4), 8 concordant,
    // tau = 6 / 10 = 0.6; var(S) = 5 * 4 * 15 / 18 = 16.6667, z = 6 / 4.082483 = 1.469694,
    // p = erfc(z / sqrt 2) = 0.141645; Fisher z with var 0.437 / 1: [-0.538830, 0.963228].
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 1, 4, 3, 5};
    // WHEN
    Correlation tau = RankCorrelation.kendall(x, y);
    // THEN
    then(tau.coefficient()).isCloseTo(0.6, within(1e-12));
    then(tau.pValue()).isCloseTo(0.141645, within(1e-6));
    then(tau.lower95()).isCloseTo(-0.538830, within(1e-6));
    then(tau.upper95()).isCloseTo(0.963228, within(1e-6));
  }

  @Test
  void should_adjust_for_ties_when_computing_kendall() {
    // GIVEN x = 1,2,2,3, y = 1,3,2,4: pairs (1,2),(1,3),(1,4),(2,4),(3,4) concordant, (2,3) tied
    // in x: C = 5, D = 0, n0 = 6, n1 = 1, n2 = 0, tau_b = 5 / sqrt(5 * 6) = 0.912871.
    // var(S) = (4 * 3 * 13 - 2 * 1 * 9) / 18 = 7.666667 (the v1, v2 terms vanish: y has no ties),
    // z = 5 / 2.768875 = 1.805788, p = 0.070951; n = 4, so no interval.
    double[] x = {1, 2, 2, 3};
    double[] y = {1, 3, 2, 4};
    // WHEN
    Correlation tau =
        RankCorrelation.kendall(List.of(1.0, 2.0, 2.0, 3.0), List.of(1.0, 3.0, 2.0, 4.0));
    // THEN
    then(tau).isEqualTo(RankCorrelation.kendall(x, y));
    then(tau.coefficient()).isCloseTo(0.912871, within(1e-6));
    then(tau.pValue()).isCloseTo(0.070951, within(1e-6));
    then(tau.lower95()).isNaN();
  }

  @Test
  void should_give_point_interval_and_exact_p_when_ranks_agree_perfectly() {
    // GIVEN 4 pairs in the same order: only the identity and its reversal reach |rho| = 1,
    // p = 2 / 24
    // WHEN
    Correlation rho =
        RankCorrelation.spearman(List.of(1.0, 2.0, 3.0, 4.0), List.of(10.0, 20.0, 30.0, 40.0));
    // THEN
    then(rho.coefficient()).isEqualTo(1.0);
    then(rho.pValue()).isCloseTo(2 / 24.0, within(1e-12));
    then(rho.lower95()).isEqualTo(1.0);
    then(rho.upper95()).isEqualTo(1.0);
  }

  @Test
  void should_match_exact_enumeration_when_both_samples_have_ties() {
    // GIVEN 9 pairs with ties in both samples. x ranks 4,1.5,5,1.5,6.5,9,3,8,6.5;
    // y ranks 4,6,1.5,8,4,8,1.5,8,4. Independently (python3: scipy.stats.spearmanr for rho,
    // a plain enumeration of all 9! = 362880 orderings of the y ranks for p):
    // rho = 0.2097049822, 210240 orderings with |rho'| >= |rho|, p = 0.5793650794;
    // Fisher z with se = 1/sqrt(6): [-0.5279431772, 0.7670060418].
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5};
    double[] y = {2, 7, 1, 8, 2, 8, 1, 8, 2};
    // WHEN
    Correlation rho = RankCorrelation.spearman(x, y);
    // THEN
    then(rho.coefficient()).isCloseTo(0.2097049822, within(1e-9));
    then(rho.pValue()).isCloseTo(210240 / 362880.0, within(1e-12));
    then(rho.lower95()).isCloseTo(-0.5279431772, within(1e-9));
    then(rho.upper95()).isCloseTo(0.7670060418, within(1e-9));
  }

  @Test
  void should_use_every_tie_term_of_the_variance_when_both_samples_have_ties() {
    // GIVEN the same 9 pairs: C = 17, D = 11; x ties: sum t(t-1) = 4, sum t(t-1)(t-2) = 0,
    // sum t(t-1)(2t+5) = 36; y ties: 14, 12, 150. n0 = 36, n1 = 2, n2 = 7,
    // tau_b = 6 / sqrt(34 * 29) = 0.1910789266; var(S) = (9*8*23 - 36 - 150)/18 + 4*14/144
    // + 0*12/(9*504) = 82.6667 + 0.3889 = 83.0556, z = 6/9.1135 = 0.658362, p = 0.5077374466
    // (python3: scipy.stats.kendalltau(method='asymptotic') gives the same tau and p);
    // Fisher z with var 0.437/5: [-0.3678868922, 0.6486070939].
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5};
    double[] y = {2, 7, 1, 8, 2, 8, 1, 8, 2};
    // WHEN
    Correlation tau = RankCorrelation.kendall(x, y);
    // THEN
    then(tau.coefficient()).isCloseTo(0.1910789266, within(1e-9));
    then(tau.pValue()).isCloseTo(0.5077374466, within(1e-9));
    then(tau.lower95()).isCloseTo(-0.3678868922, within(1e-9));
    then(tau.upper95()).isCloseTo(0.6486070939, within(1e-9));
  }

  @Test
  void should_give_no_interval_when_rho_is_one_but_pairs_are_too_few() {
    // GIVEN 3 pairs in the same order: rho = 1, but Fisher's z needs n > 3 (se = 1/sqrt(n-3)),
    // and 1 of every 3 random orderings agrees perfectly (exact p = 2/6), so [1, 1] would claim a
    // certainty the data do not give. Likewise tau = 1 on 4 pairs, where the interval needs n > 4.
    // WHEN
    Correlation rho = RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    Correlation tau = RankCorrelation.kendall(new double[] {1, 2, 3, 4}, new double[] {4, 5, 6, 7});
    // THEN
    then(rho.coefficient()).isEqualTo(1.0);
    then(rho.pValue()).isCloseTo(2 / 6.0, within(1e-12));
    then(rho.lower95()).isNaN();
    then(rho.upper95()).isNaN();
    then(tau.coefficient()).isEqualTo(1.0);
    then(tau.lower95()).isNaN();
    then(tau.upper95()).isNaN();
  }

  @Test
  void should_be_nan_when_a_sample_is_constant() {
    // WHEN
    Correlation rho = RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3});
    Correlation tau = RankCorrelation.kendall(new double[] {1, 1, 1}, new double[] {1, 2, 3});
    // THEN
    then(rho.coefficient()).isNaN();
    then(rho.pValue()).isNaN();
    then(tau.coefficient()).isNaN();
  }

  @Test
  void should_reject_samples_of_different_lengths() {
    // WHEN
    Throwable thrown =
        catchThrowable(
            () -> RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4}));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must have the same length, but had 3 and 4");
  }

  @Test
  void should_reject_fewer_than_three_pairs() {
    // WHEN
    Throwable thrown =
        catchThrowable(() -> RankCorrelation.kendall(new double[] {1, 2}, new double[] {1, 2}));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must hold at least 3 pairs, but held 2");
  }

  @Test
  void should_reject_values_that_are_not_finite() {
    // WHEN
    Throwable thrown =
        catchThrowable(
            () ->
                RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y must hold finite numbers, but y[1] was NaN");
  }
}
