package org.polemos.sim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.polemos.model.Scenario;
import org.polemos.model.validation.Problem;
import org.polemos.sim.Engine;
import org.polemos.sim.random.RandomStreams;

/**
 * A sweep as a library: a base scenario varied at parameter paths over a list of points (from
 * {@link Designs}), every point run with the same seed and number of replications (common random
 * numbers) and summarised. The caller decides where summaries go and which points are already done,
 * so a sweep is resumable with any store; the {@code polemos sweep} command keeps them in a
 * directory with a checkpoint log.
 *
 * <pre>{@code
 * Sweep sweep = new Sweep(base, List.of("corridors.tal-abyad.interdiction"),
 *     Designs.grid(List.of(List.of(0.1, 0.3, 0.5))), 1, 20, Set.of("fighters"));
 * sweep.run(engine, 2, Set.of(), (point, summary) -> results.put(point, summary));
 * }</pre>
 *
 * <p>Values set on integer components are rounded. Immutable; {@link #run} may be called again
 * (with the points already done) to resume.
 */
public final class Sweep {
  private final Scenario base;
  private final List<String> paths;
  private final List<double[]> points;
  private final long seed;
  private final int replications;
  private final Set<String> metrics;

  /**
   * Receives each point's summary as soon as the point is done; a store persists it before
   * returning.
   */
  @FunctionalInterface
  public interface PointDone {
    void done(int point, SummaryStatistics summary) throws IOException;
  }

  /**
   * A sweep of {@code base} at {@code paths} over {@code points} (one value per path each).
   *
   * @param metrics metrics to summarise; empty for all
   * @throws IllegalArgumentException when a point has not one value per path or replications is
   *     below 1
   */
  public Sweep(
      Scenario base,
      List<String> paths,
      List<double[]> points,
      long seed,
      int replications,
      Collection<String> metrics) {
    this.base = base;
    this.paths = List.copyOf(paths);
    this.points = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).length != paths.size()) {
        throw new IllegalArgumentException(
            "point "
                + i
                + " has "
                + points.get(i).length
                + " values for "
                + paths.size()
                + " paths");
      }
      this.points.add(points.get(i).clone());
    }
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1, was " + replications);
    }
    this.seed = seed;
    this.replications = replications;
    this.metrics = new LinkedHashSet<>(metrics);
  }

  /** The number of points. */
  public int size() {
    return points.size();
  }

  /** The values of point {@code i}, one per path. */
  public double[] point(int i) {
    return points.get(i).clone();
  }

  public List<String> paths() {
    return paths;
  }

  /**
   * {@code base} with each path set to its value (rounded for integer components); not validated.
   */
  public static Scenario variant(Scenario base, List<String> paths, double[] values) {
    Scenario s = base;
    for (int i = 0; i < paths.size(); i++) {
      Object current = base.get(paths.get(i));
      Object value =
          current instanceof Integer || current instanceof Long
              ? (Object) Math.round(values[i])
              : (Object) values[i];
      s = s.with(paths.get(i), value);
    }
    return s;
  }

  /** The scenario of point {@code i}: the variant, with the sweep's seed. Not validated. */
  public Scenario scenario(int i) {
    return variant(base, paths, points.get(i)).with("seed", seed);
  }

  /** Point {@code i} as {@code (path=value, ...)}. */
  public String describe(int i) {
    List<String> parts = new ArrayList<>();
    double[] point = points.get(i);
    for (int j = 0; j < point.length; j++) {
      parts.add(paths.get(j) + "=" + point[j]);
    }
    return "(" + String.join(", ", parts) + ")";
  }

  /**
   * Every point's scenario, validated.
   *
   * @throws InvalidPointException for the first point whose scenario is invalid
   */
  public List<Scenario> scenarios() {
    List<Scenario> list = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Scenario s = scenario(i);
      List<Problem> problems = s.validate();
      if (!problems.isEmpty()) {
        throw new InvalidPointException(i, describe(i), problems);
      }
      list.add(s);
    }
    return list;
  }

  /**
   * Runs every point not in {@code done}, in index order, on {@code threads} worker threads, and
   * hands each summary to {@code sink} as soon as its point is done. Stopping in between (an
   * exception, a kill) loses at most the point that was running.
   *
   * @return the points run by this call
   * @throws InvalidPointException when a point's scenario is invalid (before anything runs)
   * @throws IOException when {@code sink} fails
   */
  public int run(Engine engine, int threads, Set<Integer> done, PointDone sink) throws IOException {
    return run(org.polemos.sim.shard.ReplicationSource.compute(engine), threads, done, sink);
  }

  /**
   * As {@link #run(Engine, int, Set, PointDone)}, the replications coming from {@code source}
   * (computed, or replayed from shards by the merge: docs/CLUSTER.md).
   */
  public int run(
      org.polemos.sim.shard.ReplicationSource source,
      int threads,
      Set<Integer> done,
      PointDone sink)
      throws IOException {
    List<Scenario> scenarios = scenarios();
    int ran = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      if (done.contains(i)) {
        continue;
      }
      SummaryStatistics summary = SummaryStatistics.of(new java.util.HashSet<>(metrics));
      source.run(
          i,
          scenarios.get(i),
          RandomStreams.of(seed),
          0,
          replications,
          threads,
          summary,
          Replications.Progress.NONE);
      sink.done(i, summary);
      ran++;
    }
    return ran;
  }

  /** A point whose scenario does not validate. */
  public static final class InvalidPointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int point;
    private final transient List<Problem> problems;

    InvalidPointException(int point, String description, List<Problem> problems) {
      super(
          "point "
              + point
              + " "
              + description
              + " gives an invalid scenario: "
              + String.join("; ", problems.stream().map(Problem::toString).toList()));
      this.point = point;
      this.problems = List.copyOf(problems);
    }

    public int point() {
      return point;
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
