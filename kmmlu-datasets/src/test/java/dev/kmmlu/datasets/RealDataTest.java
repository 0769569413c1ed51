package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Opt-in checks against the real datasets; each runs only when its environment variable is set. */
class RealDataTest {

  @Test
  @EnabledIfEnvironmentVariable(named = "KMMLU_DATA_DIR", matches = ".+")
  void should_match_the_taxonomy_row_counts_when_loading_every_kmmlu_csv() throws IOException {
    // GIVEN
    Path data = Path.of(System.getenv("KMMLU_DATA_DIR")).resolve("data");
    List<Path> files;
    try (Stream<Path> listing = Files.list(data)) {
      files = listing.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    then(files).isNotEmpty();
    for (Path file : files) {
      // WHEN
      Dataset dataset = Datasets.loadFile(Benchmark.KMMLU, file);
      // THEN
      then(dataset.groups()).as(file.toString()).hasSize(1);
      KmmluSubject subject = KmmluSubject.parse(dataset.groups().get(0)).orElseThrow();
      int expected =
          switch (dataset.split()) {
            case "test" -> subject.expectedTestSize();
            case "dev" -> subject.expectedDevSize();
            default -> dataset.size();
          };
      then(dataset.size()).as(file.toString()).isEqualTo(expected);
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "KMMLU_REDUX_DIR", matches = ".+")
  void should_load_2587_rows_when_loading_kmmlu_redux() {
    // GIVEN
    Path dir = Path.of(System.getenv("KMMLU_REDUX_DIR"));
    // WHEN
    Dataset dataset = Datasets.redux(dir);
    // THEN
    then(dataset.size()).isEqualTo(2_587);
    for (String group : dataset.groups()) {
      ReduxCategory.parse(group)
          .ifPresent(
              category ->
                  then(dataset.byGroup().get(group)).as(group).hasSize(category.expectedItems()));
    }
    then(dataset.groups()).hasSize(14 + dataset.unknownGroups().size());
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "KMMLU_FULL_DIR", matches = ".+")
  void should_match_every_subject_and_supercategory_when_loading_the_full_test_split() {
    // GIVEN
    Path dir = Path.of(System.getenv("KMMLU_FULL_DIR"));
    // WHEN
    Dataset dataset = Datasets.kmmlu(dir, "test");
    // THEN
    then(dataset.size()).isEqualTo(35_030);
    then(dataset.unknownGroups()).isEmpty();
    Map<Supercategory, Integer> bySupercategory = new EnumMap<>(Supercategory.class);
    for (KmmluSubject subject : KmmluSubject.values()) {
      List<Question> questions = dataset.byGroup().get(subject.configName());
      then(questions).as(subject.configName()).hasSize(subject.expectedTestSize());
      bySupercategory.merge(subject.supercategory(), questions.size(), Integer::sum);
    }
    then(bySupercategory)
        .containsExactly(
            Map.entry(Supercategory.STEM, 9_900),
            Map.entry(Supercategory.APPLIED_SCIENCE, 11_600),
            Map.entry(Supercategory.HUMSS, 5_130),
            Map.entry(Supercategory.OTHER, 8_400));
    then(dataset.fewShot()).isPresent();
    then(dataset.fewShotExamples("Korean-History", 5)).hasSize(5);
  }
}
