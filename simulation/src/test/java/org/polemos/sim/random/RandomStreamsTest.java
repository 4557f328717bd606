package org.polemos.sim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(UniformRandomProvider rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextLong();
    }
    return out;
  }

  private static long[] draw(RandomStreams s, int rep, String name) {
    return draw(s.stream(rep, name), 64);
  }

  @Test
  void streamIsTheNamesBaseGeneratorAfterReplicationJumps() {
    RandomStreams streams = RandomStreams.of(123);
    for (int rep : new int[] {0, 1, 2, 7, 3}) {
      XoShiRo256PlusPlus expected = RandomStreams.base(123, "arrivals");
      for (int j = 0; j < rep; j++) {
        expected.jump();
      }
      assertThat(draw(streams, rep, "arrivals"))
          .as("rep %d", rep)
          .containsExactly(draw(expected, 64));
    }
  }

  /**
   * Pins the derivation: a change of hash, expansion or jump would silently change every published
   * result. The golden values were recorded from this implementation (the derivation itself is
   * checked independently above).
   */
  @Test
  void derivationIsStableAcrossVersions() {
    RandomStreams streams = RandomStreams.of(42);
    assertThat(RandomStreams.nameHash("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(RandomStreams.nameHash("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(streams.stream(0, "arrivals").nextLong()).isEqualTo(GOLDEN_REP0);
    assertThat(streams.stream(3, "arrivals").nextLong()).isEqualTo(GOLDEN_REP3);
  }

  static final long GOLDEN_REP0 = -8424722121077641701L;
  static final long GOLDEN_REP3 = -7301266792574128030L;

  @Test
  void sameSeedReplicationAndNameGiveTheSameNumbersWhateverTheRequestOrder() {
    List<String> names = List.of("arrivals", "service", "recruitment", "attrition", "émigrés", "");
    RandomStreams reference = RandomStreams.of(99);
    long[][][] expected = new long[names.size()][12][];
    for (int n = 0; n < names.size(); n++) {
      for (int r = 0; r < 12; r++) {
        expected[n][r] = draw(reference, r, names.get(n));
      }
    }
    List<int[]> requests = new ArrayList<>();
    for (int n = 0; n < names.size(); n++) {
      for (int r = 0; r < 12; r++) {
        requests.add(new int[] {n, r});
        requests.add(new int[] {n, r});
      }
    }
    for (long shuffleSeed = 0; shuffleSeed < 5; shuffleSeed++) {
      Collections.shuffle(requests, new Random(shuffleSeed));
      RandomStreams streams = RandomStreams.of(99);
      for (int[] req : requests) {
        assertThat(draw(streams, req[1], names.get(req[0])))
            .containsExactly(expected[req[0]][req[1]]);
      }
    }
  }

  @Test
  void sameNumbersFromManyThreads() throws Exception {
    RandomStreams reference = RandomStreams.of(5);
    RandomStreams shared = RandomStreams.of(5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int thread = t;
        results.add(
            pool.submit(
                () -> {
                  Random order = new Random(thread);
                  for (int i = 0; i < 200; i++) {
                    int rep = order.nextInt(20);
                    String name = "p" + order.nextInt(3);
                    long[] got = draw(shared, rep, name);
                    long[] want;
                    synchronized (reference) {
                      want = draw(reference, rep, name);
                    }
                    if (!java.util.Arrays.equals(got, want)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentNamesReplicationsAndSeedsGiveDifferentNumbers() {
    RandomStreams s = RandomStreams.of(1);
    long[] base = draw(s, 0, "arrivals");
    assertThat(draw(s, 1, "arrivals")).isNotEqualTo(base);
    assertThat(draw(s, 0, "arrival")).isNotEqualTo(base);
    assertThat(draw(s, 0, "Arrivals")).isNotEqualTo(base);
    assertThat(draw(RandomStreams.of(2), 0, "arrivals")).isNotEqualTo(base);
    // No shared values between the first draws of a few streams.
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (String name : List.of("a", "b", "c")) {
      for (int rep = 0; rep < 5; rep++) {
        for (long v : draw(s, rep, name)) {
          assertThat(seen.add(v)).isTrue();
        }
      }
    }
  }

  @Test
  void addingAProcessDoesNotChangeOtherStreams() {
    RandomStreams before = RandomStreams.of(77);
    long[] a0 = draw(before, 0, "arrivals");
    long[] a4 = draw(before, 4, "arrivals");
    RandomStreams after = RandomStreams.of(77);
    draw(after, 0, "new-process");
    draw(after, 9, "another-new-process");
    assertThat(draw(after, 4, "arrivals")).containsExactly(a4);
    assertThat(draw(after, 0, "arrivals")).containsExactly(a0);
    assertThat(after.seed()).isEqualTo(77);
  }

  @Test
  void sequentialReplicationsCostOneJumpEachAndBackwardAccessRestarts() {
    RandomStreams s = RandomStreams.of(3);
    for (int r = 0; r < 100; r++) {
      s.stream(r, "p");
    }
    assertThat(s.jumpsPerformed()).isEqualTo(100);
    s.stream(3, "p"); // backward: restart from the base, 3 jumps to reach it, 1 to hand it out
    assertThat(s.jumpsPerformed()).isEqualTo(104);
    s.stream(10, "p"); // forward from 4
    assertThat(s.jumpsPerformed()).isEqualTo(111);
    s.stream(0, "q");
    assertThat(s.jumpsPerformed()).isEqualTo(112);
  }

  @Test
  void rejectsBadArguments() {
    RandomStreams s = RandomStreams.of(0);
    assertThatThrownBy(() -> s.stream(-1, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.stream(0, null)).isInstanceOf(NullPointerException.class);
  }
}
