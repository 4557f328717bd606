package org.polemos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hold-model implementation must do the same work: same sequence of event times, same queue
 * size.
 */
class HoldModelsAgreeTest {

  private static final String[] IMPLS = {
    "polemos",
    "primitive-heap",
    "jdk-priority-queue",
    "ssj-splay",
    "ssj-binarytree",
    "ssj-redblack",
    "ssj-henriksen",
    "eventqueue-2ary",
    "eventqueue-4ary",
    "eventqueue-8ary",
    "eventqueue"
  };

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 1000, 20_000})
  void allImplementationsProduceTheSameTimes(int size) {
    double[] expected = trace("primitive-heap", size);
    for (String impl : IMPLS) {
      assertThat(trace(impl, size)).as(impl).containsExactly(expected);
    }
  }

  private static double[] trace(String impl, int size) {
    HoldBenchmark.HoldModel model = HoldBenchmark.create(impl);
    model.prefill(size);
    double[] times = new double[200];
    for (int i = 0; i < times.length; i++) {
      times[i] = model.holds(i % 7 + 1);
      assertThat(model.size()).as(impl).isEqualTo(size);
    }
    return times;
  }
}
