package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void should_load_a_resource_as_kmmlu_pro_test_when_it_is_on_the_class_path() {
    // GIVEN
    String resource = "/fixtures/pro/data/kmmlu_pro.jsonl";
    // WHEN
    Dataset dataset = Datasets.resource(Benchmark.KMMLU_PRO, resource, "demo");
    // THEN
    then(dataset.benchmark()).isEqualTo(Benchmark.KMMLU_PRO);
    then(dataset.split()).isEqualTo("test");
    then(dataset.source()).isEqualTo("demo");
    then(dataset.size()).isEqualTo(5);
    then(dataset.groups()).containsExactly("약사", "공인회계사", "수의사");
  }

  @Test
  void should_fail_clearly_when_a_bundled_resource_is_missing() {
    // GIVEN no resource at this path
    String resource = "/dev/kmmlu/datasets/demo/no-such-file.jsonl";
    // WHEN
    Throwable thrown = catchThrowable(() -> Datasets.resource(Benchmark.KMMLU_PRO, resource, "demo"));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "demo: expected the bundled resource /dev/kmmlu/datasets/demo/no-such-file.jsonl on"
                + " the class path, but it is missing");
  }

  @Test
  void should_load_the_bundled_demo_set_as_kmmlu_pro_test() {
    // WHEN
    Dataset dataset = Datasets.demo();
    // THEN
    then(dataset.benchmark()).isEqualTo(Benchmark.KMMLU_PRO);
    then(dataset.split()).isEqualTo("test");
    then(dataset.source()).isEqualTo("demo");
    then(dataset.size()).isEqualTo(64);
    then(dataset.groups())
        .containsExactlyInAnyOrder("변호사", "약사", "세무사", "공인노무사", "의사", "관세사", "감정평가사", "한의사");
    then(dataset.unknownGroups()).isEmpty();
    then(dataset.questions()).filteredOn(q -> q.optionCount() == 5).hasSize(13);
  }
}
