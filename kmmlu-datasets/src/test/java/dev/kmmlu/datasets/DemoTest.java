package dev.kmmlu.datasets;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.api.Test;

class DemoTest {

  private static boolean demoBundled() {
    return Datasets.class.getResource(Datasets.DEMO_RESOURCE) != null;
  }

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
  void should_fail_clearly_when_the_demo_resource_is_missing() {
    assumeThat(demoBundled()).as("demo resource bundled").isFalse();
    // GIVEN no bundled demo set
    // WHEN
    Throwable thrown = catchThrowable(Datasets::demo);
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "demo: expected the bundled resource /dev/kmmlu/datasets/demo/kmmlu-pro-demo.jsonl on"
                + " the class path, but it is missing");
  }

  @Test
  void should_load_the_bundled_demo_set_when_it_is_present() {
    assumeThat(demoBundled()).as("demo resource bundled").isTrue();
    // GIVEN the bundled demo set
    // WHEN
    Dataset dataset = Datasets.demo();
    // THEN
    then(dataset.benchmark()).isEqualTo(Benchmark.KMMLU_PRO);
    then(dataset.split()).isEqualTo("test");
    then(dataset.source()).isEqualTo("demo");
    then(dataset.size()).isPositive();
  }
}
