package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TaxonomyTest {

  @Test
  void should_have_45_subjects_totalling_35030_test_items_when_counting_the_taxonomy() {
    // GIVEN
    KmmluSubject[] subjects = KmmluSubject.values();
    // WHEN
    int total = Arrays.stream(subjects).mapToInt(KmmluSubject::expectedTestSize).sum();
    // THEN
    then(subjects).hasSize(45);
    then(total).isEqualTo(35_030);
  }

  @Test
  void should_match_the_papers_supercategory_sizes_when_grouping_subjects() {
    // GIVEN
    Map<Supercategory, Integer> subjectCounts = new EnumMap<>(Supercategory.class);
    // WHEN
    for (KmmluSubject subject : KmmluSubject.values()) {
      subjectCounts.merge(subject.supercategory(), 1, Integer::sum);
    }
    // THEN
    then(subjectCounts)
        .containsExactly(
            Map.entry(Supercategory.STEM, 11),
            Map.entry(Supercategory.APPLIED_SCIENCE, 12),
            Map.entry(Supercategory.HUMSS, 11),
            Map.entry(Supercategory.OTHER, 11));
    then(Supercategory.STEM.expectedTestSize()).isEqualTo(9_900);
    then(Supercategory.APPLIED_SCIENCE.expectedTestSize()).isEqualTo(11_600);
    then(Supercategory.HUMSS.expectedTestSize()).isEqualTo(5_130);
    then(Supercategory.OTHER.expectedTestSize()).isEqualTo(8_400);
    then(Supercategory.APPLIED_SCIENCE.displayName()).isEqualTo("Applied Science");
  }

  @ParameterizedTest
  @CsvSource({
    "Korean-History, KOREAN_HISTORY",
    "korean-history, KOREAN_HISTORY",
    "korean_history, KOREAN_HISTORY",
    "Korean History, KOREAN_HISTORY",
    "한국사, KOREAN_HISTORY",
    "math, MATH",
    "Telecommunications-and-Wireless-Technology, TELECOMMUNICATIONS_AND_WIRELESS_TECHNOLOGY",
    "industrial_engineer, INDUSTRIAL_ENGINEER",
    "'  Real Estate ', REAL_ESTATE"
  })
  void should_find_the_subject_when_parsing_any_of_its_names(String name, KmmluSubject expected) {
    // GIVEN name
    // WHEN
    Optional<KmmluSubject> parsed = KmmluSubject.parse(name);
    // THEN
    then(parsed).contains(expected);
  }

  @ParameterizedTest
  @EnumSource(KmmluSubject.class)
  void should_round_trip_every_name_when_parsing_a_subjects_own_names(KmmluSubject subject) {
    // GIVEN subject
    // WHEN
    Optional<KmmluSubject> byStem = KmmluSubject.parse(subject.fileStem());
    Optional<KmmluSubject> byHard = KmmluSubject.parse(subject.hardConfigName());
    Optional<KmmluSubject> byEnglish = KmmluSubject.parse(subject.englishName());
    Optional<KmmluSubject> byKorean = KmmluSubject.parse(subject.koreanName());
    // THEN
    then(byStem).contains(subject);
    then(byHard).contains(subject);
    then(byEnglish).contains(subject);
    then(byKorean).contains(subject);
    then(subject.hardConfigName()).matches("[a-z_]+");
  }

  @Test
  void should_expose_the_hub_names_when_asked_for_korean_history() {
    // GIVEN
    KmmluSubject subject = KmmluSubject.KOREAN_HISTORY;
    // WHEN / THEN
    then(subject.configName()).isEqualTo("Korean-History");
    then(subject.fileStem()).isEqualTo("korean-history");
    then(subject.hardConfigName()).isEqualTo("korean_history");
    then(subject.englishName()).isEqualTo("Korean History");
    then(subject.koreanName()).isEqualTo("한국사");
    then(subject.expectedTestSize()).isEqualTo(100);
    then(KmmluSubject.MATH.fileStem()).isEqualTo("math");
    then(KmmluSubject.LAW.fileStem()).isEqualTo("Law");
  }

  @Test
  void should_return_empty_when_parsing_an_unknown_subject() {
    // GIVEN
    String name = "Astrology";
    // WHEN
    Optional<KmmluSubject> parsed = KmmluSubject.parse(name);
    // THEN
    then(parsed).isEmpty();
  }

  @Test
  void should_have_14_categories_totalling_2587_items_when_counting_redux() {
    // GIVEN
    ReduxCategory[] categories = ReduxCategory.values();
    // WHEN
    int total = Arrays.stream(categories).mapToInt(ReduxCategory::expectedItems).sum();
    // THEN
    then(categories).hasSize(14);
    then(total).isEqualTo(2_587);
  }

  @ParameterizedTest
  @CsvSource({
    "환경.에너지, ENVIRONMENT_AND_ENERGY",
    "Environment & Energy, ENVIRONMENT_AND_ENERGY",
    "문화.예술.디자인.방송, CULTURE_ARTS_DESIGN_AND_BROADCASTING",
    "mining_and_resources, MINING_AND_RESOURCES"
  })
  void should_find_the_category_when_parsing_its_names(String name, ReduxCategory expected) {
    // GIVEN name
    // WHEN
    Optional<ReduxCategory> parsed = ReduxCategory.parse(name);
    // THEN
    then(parsed).contains(expected);
  }

  @Test
  void should_return_empty_when_parsing_an_unknown_category() {
    // GIVEN
    String name = "해양";
    // WHEN
    Optional<ReduxCategory> parsed = ReduxCategory.parse(name);
    // THEN
    then(parsed).isEmpty();
    then(ReduxCategory.ENVIRONMENT_AND_ENERGY.englishName()).isEqualTo("Environment & Energy");
    then(ReduxCategory.ENVIRONMENT_AND_ENERGY.expectedItems()).isEqualTo(377);
  }
}
