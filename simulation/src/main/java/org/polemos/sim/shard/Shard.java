package org.polemos.sim.shard;

/**
 * One of {@code count} shares of an experiment's work units, {@code index} counted from 0 (so
 * Slurm's {@code SLURM_ARRAY_TASK_ID}, Kubernetes' {@code JOB_COMPLETION_INDEX} and a shell loop
 * over {@code 0..N-1} all name shards directly).
 *
 * <p>A work unit is one replication of one design point; an experiment of {@code P} points with
 * {@code R} replications each has {@code P x R} units numbered point-major ({@code u = p R + r}).
 * Shard {@code i} of {@code N} takes the contiguous units {@code [floor(i U / N), floor((i + 1) U /
 * N))}: shares differ by at most one unit, every unit belongs to exactly one shard, and the shards
 * in index order visit the units in the order a single process does. Which numbers a unit draws
 * depends only on (seed, design point, replication) (see {@link
 * org.polemos.sim.random.RandomStreams}), never on this split.
 *
 * @param index the shard, {@code 0 <= index < count}
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {

  /** The whole experiment as one shard. */
  public static final Shard WHOLE = new Shard(0, 1);

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("the number of shards must be at least 1, was " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index must be 0.." + (count - 1) + " (counted from 0), was " + index);
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException with a one-line message naming the problem
   */
  public static Shard parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException(
          "expected I/N (shard I of N, I counted from 0), e.g. 0/4, was \"" + text + "\"");
    }
    int index;
    int count;
    try {
      index = Integer.parseInt(text.substring(0, slash).strip());
      count = Integer.parseInt(text.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected I/N with whole numbers, e.g. 0/4, was \"" + text + "\"");
    }
    return new Shard(index, count);
  }

  /** First unit of this shard among {@code units}. */
  public long first(long units) {
    return units * index / count;
  }

  /** One past the last unit of this shard among {@code units}. */
  public long end(long units) {
    return units * (index + 1) / count;
  }

  /**
   * The replications of design point {@code point} (of points with {@code perPoint} replications
   * each) that belong to this shard, as {@code [first, first + count)}; count 0 when none do.
   */
  public Range replicationsOf(int point, int perPoint, int points) {
    long units = (long) points * perPoint;
    long lo = Math.max(first(units), (long) point * perPoint);
    long hi = Math.min(end(units), (long) (point + 1) * perPoint);
    if (hi <= lo) {
      return new Range(0, 0);
    }
    return new Range((int) (lo - (long) point * perPoint), (int) (hi - lo));
  }

  /** A run of consecutive replications. */
  public record Range(int first, int count) {}

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
