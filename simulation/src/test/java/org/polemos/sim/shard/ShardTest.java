package org.polemos.sim.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

  /**
   * Property, over seeded random designs: the shards of N partition the units into contiguous runs
   * in index order, their sizes differ by at most one, and replicationsOf agrees with first/end for
   * every point.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shardsPartitionTheUnitsInOrder(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 50; trial++) {
      int points = 1 + random.nextInt(40);
      int replications = 1 + random.nextInt(30);
      int count = 1 + random.nextInt(60);
      long units = (long) points * replications;
      long expectedFirst = 0;
      long min = Long.MAX_VALUE;
      long max = 0;
      for (int i = 0; i < count; i++) {
        Shard shard = new Shard(i, count);
        assertThat(shard.first(units)).isEqualTo(expectedFirst);
        long size = shard.end(units) - shard.first(units);
        min = Math.min(min, size);
        max = Math.max(max, size);
        long covered = 0;
        for (int p = 0; p < points; p++) {
          Shard.Range range = shard.replicationsOf(p, replications, points);
          if (range.count() > 0) {
            long firstUnit = (long) p * replications + range.first();
            assertThat(firstUnit).isEqualTo(shard.first(units) + covered);
            assertThat(range.first() + range.count()).isLessThanOrEqualTo(replications);
          }
          covered += range.count();
        }
        assertThat(covered).isEqualTo(size);
        expectedFirst = shard.end(units);
      }
      assertThat(expectedFirst).isEqualTo(units);
      assertThat(max - min).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void parsesAndNamesShards() {
    assertThat(Shard.parse("2/7")).isEqualTo(new Shard(2, 7));
    assertThat(Shard.parse("0/1")).isEqualTo(Shard.WHOLE);
    assertThat(new Shard(3, 4)).hasToString("3/4");
    assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("must be 0..3");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Shard.parse("x/2")).hasMessageContaining("whole numbers");
    assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("expected I/N");
  }

  @Test
  void oneShardHoldsEverything() {
    assertThat(Shard.WHOLE.replicationsOf(4, 10, 5)).isEqualTo(new Shard.Range(0, 10));
    assertThat(new Shard(6, 7).replicationsOf(0, 5, 1)).isEqualTo(new Shard.Range(4, 1));
    assertThat(new Shard(0, 7).replicationsOf(0, 5, 1)).isEqualTo(new Shard.Range(0, 0));
  }
}
