package org.polemos.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent, reproducible random streams, one per (replication, process name), derived from one
 * 64-bit seed.
 *
 * <h2>Derivation</h2>
 *
 * <ol>
 *   <li>The process name is encoded in UTF-8 and hashed to 64 bits with FNV-1a ({@link
 *       #nameHash(String)}).
 *   <li>The <em>base</em> generator of the name is a {@link XoShiRo256PlusPlus} whose 256-bit state
 *       is the SplitMix64 expansion of the seed (four outputs of {@code SplitMix64(seed)}) XOR the
 *       SplitMix64 expansion of the name hash (four outputs of {@code SplitMix64(nameHash)}).
 *       Mixing 256-bit expansions, rather than the two 64-bit values before expansion, means no two
 *       (seed, name) pairs that differ can share a base state unless two independent 256-bit
 *       SplitMix64 expansions collide.
 *   <li>The stream of replication {@code r} is the base generator after {@code r} calls of {@link
 *       XoShiRo256PlusPlus#jump()}: replications of one process are disjoint sub-sequences {@code
 *       2^128} numbers apart, so no replication can run into the next one.
 * </ol>
 *
 * Consequences: the numbers of {@code stream(r, name)} depend only on ({@code seed}, {@code r},
 * {@code name}); not on the thread, the order in which streams are requested, or which other names
 * exist. Adding a process (a new name) does not change any other process's numbers. Streams of
 * different names come from unrelated base states (probability of overlap negligible for the {@code
 * 2^256 - 1} period).
 *
 * <h2>Cost</h2>
 *
 * A jump costs about as much as 256 draws. For each name a cursor remembers the last replication
 * handed out, so asking for replications {@code 0, 1, ..., N-1} in order costs {@code N} jumps in
 * total, not {@code N^2/2}. Asking for a lower replication than the cursor restarts that name from
 * its base. Each name's cursor is guarded by its own lock, so the class is thread-safe and threads
 * working on different names do not contend.
 *
 * <p>Every call returns a new generator positioned at the start of its stream; generators
 * themselves are not thread-safe, so give each thread its own.
 */
public final class RandomStreams {

  private final long seed;
  private final ConcurrentMap<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final LongAdder jumps = new LongAdder();

  private RandomStreams(long seed) {
    this.seed = seed;
  }

  /** The streams of {@code seed}. */
  public static RandomStreams of(long seed) {
    return new RandomStreams(seed);
  }

  /** The seed every stream derives from. */
  public long seed() {
    return seed;
  }

  /**
   * A new generator at the start of the stream of ({@code replication}, {@code processName}). Same
   * (seed, replication, name) gives the same numbers always, whatever thread or order asks.
   *
   * @throws IllegalArgumentException if {@code replication < 0}
   * @throws NullPointerException if {@code processName} is null
   */
  public UniformRandomProvider stream(int replication, String processName) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication < 0: " + replication);
    }
    if (processName == null) {
      throw new NullPointerException("processName");
    }
    Cursor cursor = cursors.computeIfAbsent(processName, name -> new Cursor(seed, name, jumps));
    return cursor.streamAt(replication);
  }

  /** Package-private for tests: the number of jumps performed so far, over all names. */
  long jumpsPerformed() {
    return jumps.sum();
  }

  /** The base generator (replication 0) of {@code processName}; a new instance each call. */
  static XoShiRo256PlusPlus base(long seed, String processName) {
    long[] state = new long[4];
    SplitMix64 seedExpansion = new SplitMix64(seed);
    SplitMix64 nameExpansion = new SplitMix64(nameHash(processName));
    for (int i = 0; i < 4; i++) {
      state[i] = seedExpansion.nextLong() ^ nameExpansion.nextLong();
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
      state[0] = 0x9E3779B97F4A7C15L; // all-zero is the one forbidden xoshiro state
    }
    return new XoShiRo256PlusPlus(state);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code name}. */
  static long nameHash(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The jump position of one name; {@code generator} is the base after {@code index} jumps. */
  private static final class Cursor {
    private final long seed;
    private final String name;
    private final LongAdder jumps;
    private XoShiRo256PlusPlus generator;
    private int index;

    Cursor(long seed, String name, LongAdder jumps) {
      this.seed = seed;
      this.name = name;
      this.jumps = jumps;
      this.generator = base(seed, name);
    }

    synchronized UniformRandomProvider streamAt(int replication) {
      if (replication < index) {
        generator = base(seed, name);
        index = 0;
      }
      while (index < replication) {
        generator.jump();
        index++;
        jumps.increment();
      }
      // jump() returns a copy of the state before the jump (replication r) and moves the cursor to
      // r + 1.
      UniformRandomProvider stream = generator.jump();
      index++;
      jumps.increment();
      return stream;
    }
  }
}
