package dev.kmmlu;

import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

class GenerationSettingsTest {

  @Test
  void should_be_greedy_with_4096_tokens_when_default() {
    // WHEN
    GenerationSettings settings = GenerationSettings.defaults();
    // THEN
    then(settings.maxTokens()).isEqualTo(4096);
    then(settings.temperature()).isEqualTo(0.0);
    then(settings.topP()).isEqualTo(1.0);
    then(settings.stop()).isEmpty();
    then(settings.seed()).isEmpty();
    then(GenerationSettings.paperGreedy()).isEqualTo(settings);
  }

  @Test
  void should_sample_at_0_6_and_0_95_when_paper_reasoning() {
    // WHEN
    GenerationSettings settings = GenerationSettings.paperReasoning();
    // THEN
    then(settings.temperature()).isEqualTo(0.6);
    then(settings.topP()).isEqualTo(0.95);
    then(settings.maxTokens()).isEqualTo(32768);
  }

  @Test
  void should_hash_the_documented_canonical_json_when_default() {
    // WHEN
    String hash = GenerationSettings.defaults().hash();
    // THEN
    then(hash)
        .isEqualTo(
            Fixtures.sha256(
                "{\"max_tokens\":4096,\"temperature\":0.0,\"top_p\":1.0,\"stop\":[],\"seed\":null}"));
  }

  @Test
  void should_return_this_when_a_wither_changes_nothing() {
    // GIVEN
    GenerationSettings settings = GenerationSettings.defaults();
    // WHEN
    GenerationSettings same = settings.withTemperature(0.0).withMaxTokens(4096).withoutSeed();
    // THEN
    then(same).isSameAs(settings);
    then(settings.withSeed(3).seed()).hasValue(3);
  }

  @Test
  void should_reject_a_temperature_above_two() {
    // WHEN
    Throwable thrown = catchThrowable(() -> GenerationSettings.defaults().withTemperature(2.5));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("temperature must be between 0 and 2, but was 2.5");
  }

  @Test
  void should_reject_a_top_p_of_zero() {
    // WHEN
    Throwable thrown = catchThrowable(() -> GenerationSettings.defaults().withTopP(0.0));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top p must be in (0, 1], but was 0.0");
  }

  @Test
  void should_reject_zero_max_tokens() {
    // WHEN
    Throwable thrown = catchThrowable(() -> GenerationSettings.defaults().withMaxTokens(0));
    // THEN
    then(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max tokens must be positive, but was 0");
  }
}
