package org.polemos.sim.experiment.abc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo ABC (Beaumont,
 * Cornuet, Marin and Robert 2009, "Adaptive approximate Bayesian computation", Biometrika 96) with
 * adaptive tolerances (each generation's tolerance is a quantile of the previous generation's
 * distances; Del Moral, Doucet and Jasra 2012).
 *
 * <ul>
 *   <li>Generation 0: {@code population} draws from the priors, all kept (tolerance = infinity),
 *       equal weights.
 *   <li>Generation t: tolerance = the {@code quantile} of generation t-1's distances. Proposals: a
 *       particle of t-1 drawn by weight, moved by a multivariate normal kernel with twice the
 *       weighted covariance of generation t-1 (in each prior's working space), rejected without
 *       simulating when outside a prior's support; kept when the simulated distance is at most the
 *       tolerance, until {@code population} are kept. Weight of a kept particle: prior density /
 *       sum_j W_j K(theta | theta_j), normalised.
 *   <li>Stops after {@code generations} generations, when a generation's acceptance rate falls
 *       below {@code minAcceptance}, when the tolerance stops falling, or before a generation that
 *       would exceed {@code maxSimulations}; only complete generations are returned.
 * </ul>
 *
 * <p>Determinism: generation t draws from its own generator (from seed and t), proposals are made
 * in batches of {@code population} whatever the thread count and simulated in parallel, then
 * accepted in proposal order; the simulation numbers handed to the model are {@code t *
 * SIMULATIONS_PER_GENERATION + attempt}. The result is therefore the same for any thread count, and
 * a run resumed from its last complete generation continues exactly as if it had not stopped.
 */
public final class AbcSmc {
  /** Simulation numbers of generation t start at t times this. */
  public static final long SIMULATIONS_PER_GENERATION = 1_000_000L;

  /**
   * The distance of one simulation at parameter values (in prior order) to the observed figures;
   * called from several threads at once. {@code simulation} numbers the simulation (distinct for
   * every call of a run), to key its random numbers. A non-finite distance is never accepted.
   */
  @FunctionalInterface
  public interface Model {
    double distance(double[] values, long simulation);
  }

  /** Told about progress; all calls come from the thread that called {@link #run}. */
  public interface Listener {
    /** When generation {@code generation} starts (0 simulations), and after each of its batches. */
    default void simulated(int generation, double tolerance, long simulations, int accepted) {}

    /** After each complete generation (save it here: a resumed run starts after it). */
    default void generationDone(Generation generation) {}
  }

  /**
   * Settings: population size, the maximum number of generations (including generation 0), the
   * tolerance quantile, the acceptance rate below which the run stops, the simulation budget, seed
   * and threads.
   */
  public record Settings(
      int population,
      int generations,
      double quantile,
      double minAcceptance,
      long maxSimulations,
      long seed,
      int threads) {
    public Settings {
      if (population < 2) {
        throw new IllegalArgumentException("population must be at least 2, was " + population);
      }
      if (generations < 1) {
        throw new IllegalArgumentException("generations must be at least 1, was " + generations);
      }
      if (!(quantile > 0 && quantile < 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1), was " + quantile);
      }
      if (!(minAcceptance >= 0 && minAcceptance < 1)) {
        throw new IllegalArgumentException("minAcceptance must be in [0, 1), was " + minAcceptance);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
    }
  }

  /**
   * One complete generation: its tolerance, the simulations it cost and the accepted count
   * (acceptance = population / considered, {@code considered} the proposals simulated up to the
   * last one kept), the effective sample size {@code 1 / sum W^2}, and the particles (values in
   * prior order), normalised weights and distances.
   */
  public record Generation(
      int index,
      double tolerance,
      long simulations,
      long considered,
      double[][] particles,
      double[] weights,
      double[] distances) {

    public double acceptanceRate() {
      return particles.length / (double) considered;
    }

    public double effectiveSampleSize() {
      double sum = 0;
      for (double w : weights) {
        sum += w * w;
      }
      return 1 / sum;
    }
  }

  private final List<Prior> priors;
  private final Settings settings;

  public AbcSmc(List<Prior> priors, Settings settings) {
    if (priors.isEmpty()) {
      throw new IllegalArgumentException("at least one parameter");
    }
    this.priors = List.copyOf(priors);
    this.settings = settings;
  }

  /**
   * Runs from generation 0, or continues after the last of {@code done} (the complete generations
   * of an earlier run with the same priors and settings). Returns every complete generation, {@code
   * done} included. Stops early, keeping the complete generations, when the calling thread is
   * interrupted.
   */
  public List<Generation> run(Model model, List<Generation> done, Listener listener) {
    List<Generation> generations = new ArrayList<>(done);
    ExecutorService pool =
        settings.threads() > 1
            ? Executors.newFixedThreadPool(
                settings.threads(),
                r -> {
                  Thread t = new Thread(r, "polemos-abc");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    try {
      long spent = 0;
      for (Generation g : generations) {
        spent += g.simulations();
      }
      while (generations.size() < settings.generations()) {
        Generation previous =
            generations.isEmpty() ? null : generations.get(generations.size() - 1);
        if (previous != null
            && previous.index() > 0
            && previous.acceptanceRate() < settings.minAcceptance()) {
          break;
        }
        double tolerance =
            previous == null
                ? Double.POSITIVE_INFINITY
                : quantile(previous.distances(), settings.quantile());
        if (previous != null && previous.index() > 0 && !(tolerance < previous.tolerance())) {
          break; // the tolerance no longer falls (e.g. every distance is already 0)
        }
        Generation next =
            generation(
                generations.size(),
                tolerance,
                previous,
                model,
                pool,
                listener,
                settings.maxSimulations() - spent);
        if (next == null) {
          break;
        }
        spent += next.simulations();
        generations.add(next);
        listener.generationDone(next);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return generations;
  }

  /** One generation, or null if the budget or an interruption stopped it before it was complete. */
  private Generation generation(
      int index,
      double tolerance,
      Generation previous,
      Model model,
      ExecutorService pool,
      Listener listener,
      long budget) {
    int n = settings.population();
    int k = priors.size();
    UniformRandomProvider rng =
        RandomSource.XO_SHI_RO_256_PP.create(
            org.polemos.sim.experiment.ParameterDraws.mix(
                settings.seed() ^ 0x6a09e667f3bcc908L, index));
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    Kernel kernel = previous == null ? null : new Kernel(previous, priors);
    double[][] particles = new double[n][];
    double[] distances = new double[n];
    double[] logWeights = new double[n];
    int accepted = 0;
    long simulations = 0;
    long considered = 0;
    listener.simulated(index, tolerance, 0, 0);
    while (accepted < n) {
      if (Thread.currentThread().isInterrupted() || simulations + n > budget) {
        return null;
      }
      double[][] batch = new double[n][];
      for (int b = 0; b < n; b++) {
        batch[b] = kernel == null ? fromPrior(rng) : kernel.propose(rng, gauss);
      }
      long first = index * SIMULATIONS_PER_GENERATION + simulations;
      double[] d = simulate(model, batch, first, pool);
      simulations += n;
      for (int b = 0; b < n && accepted < n; b++) {
        considered++;
        if (Double.isFinite(d[b]) && d[b] <= tolerance) {
          particles[accepted] = batch[b];
          distances[accepted] = d[b];
          logWeights[accepted] = kernel == null ? 0 : kernel.logWeight(batch[b]);
          accepted++;
        }
      }
      listener.simulated(index, tolerance, simulations, accepted);
      if (simulations >= SIMULATIONS_PER_GENERATION - n) {
        return null;
      }
    }
    double max = Arrays.stream(logWeights).max().orElse(0);
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = Math.exp(logWeights[i] - max);
      sum += weights[i];
    }
    for (int i = 0; i < n; i++) {
      weights[i] /= sum;
    }
    return new Generation(index, tolerance, simulations, considered, particles, weights, distances);
  }

  private double[] fromPrior(UniformRandomProvider rng) {
    double[] x = new double[priors.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = priors.get(i).sample(rng);
    }
    return x;
  }

  private double[] simulate(Model model, double[][] batch, long first, ExecutorService pool) {
    double[] d = new double[batch.length];
    if (pool == null) {
      for (int b = 0; b < batch.length; b++) {
        d[b] = model.distance(batch[b].clone(), first + b);
      }
      return d;
    }
    List<Future<Double>> futures = new ArrayList<>();
    for (int b = 0; b < batch.length; b++) {
      double[] values = batch[b].clone();
      long simulation = first + b;
      futures.add(pool.submit(() -> model.distance(values, simulation)));
    }
    for (int b = 0; b < batch.length; b++) {
      try {
        d[b] = futures.get(b).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        Arrays.fill(d, Double.NaN);
        return d;
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
    return d;
  }

  /** The unweighted {@code p}-quantile of {@code values} (linear interpolation, "type 7"). */
  static double quantile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The weighted {@code p}-quantile of {@code values}: the smallest value whose cumulative
   * normalised weight reaches {@code p}.
   */
  public static double weightedQuantile(double[] values, double[] weights, double p) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double cumulative = 0;
    for (int i : order) {
      cumulative += weights[i] / total;
      if (cumulative >= p - 1e-12) {
        return values[i];
      }
    }
    return values[order[order.length - 1]];
  }

  /**
   * The multivariate normal perturbation kernel in working space (twice the weighted covariance).
   */
  private static final class Kernel {
    private final Generation previous;
    private final List<Prior> priors;
    private final double[][] work;
    private final double[] cumulative;
    private final double[][] lower; // Cholesky factor L of the kernel covariance
    private final int k;

    Kernel(Generation previous, List<Prior> priors) {
      this.previous = previous;
      this.priors = priors;
      int n = previous.particles().length;
      k = priors.size();
      work = new double[n][k];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < k; i++) {
          work[j][i] = priors.get(i).toWork(previous.particles()[j][i]);
        }
      }
      cumulative = new double[n];
      double c = 0;
      for (int j = 0; j < n; j++) {
        c += previous.weights()[j];
        cumulative[j] = c;
      }
      double[] mean = new double[k];
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < k; i++) {
          mean[i] += previous.weights()[j] * work[j][i];
        }
      }
      double[][] cov = new double[k][k];
      double sumSq = 0;
      for (int j = 0; j < n; j++) {
        sumSq += previous.weights()[j] * previous.weights()[j];
      }
      double correction = 1 / Math.max(1e-12, 1 - sumSq); // unbiased weighted covariance
      for (int j = 0; j < n; j++) {
        double w = previous.weights()[j];
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            cov[a][b] += 2 * correction * w * (work[j][a] - mean[a]) * (work[j][b] - mean[b]);
          }
        }
      }
      for (int a = 0; a < k; a++) {
        Prior p = priors.get(a);
        double span = p.toWork(p.boxHigh()) - p.toWork(p.boxLow());
        // a floor keeps the kernel proper when the particles have collapsed onto one value
        cov[a][a] = Math.max(cov[a][a], 1e-8 * span * span);
      }
      lower = cholesky(cov);
    }

    private static double[][] cholesky(double[][] cov) {
      RealMatrix m = MatrixUtils.createRealMatrix(cov);
      try {
        return new CholeskyDecomposition(m, 1e-10, 1e-14).getL().getData();
      } catch (NonPositiveDefiniteMatrixException
          | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
        double[][] l = new double[cov.length][cov.length];
        for (int i = 0; i < cov.length; i++) {
          l[i][i] = Math.sqrt(cov[i][i]);
        }
        return l;
      }
    }

    /** A proposal inside every prior's support (values, not working coordinates). */
    double[] propose(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss) {
      while (true) {
        double u = rng.nextDouble();
        int j = Arrays.binarySearch(cumulative, u);
        j = j >= 0 ? j : Math.min(-j - 1, cumulative.length - 1);
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
          z[i] = gauss.sample();
        }
        double[] x = new double[k];
        boolean inside = true;
        for (int a = 0; a < k; a++) {
          double w = work[j][a];
          for (int b = 0; b <= a; b++) {
            w += lower[a][b] * z[b];
          }
          inside &= priors.get(a).logDensity(w) > Double.NEGATIVE_INFINITY;
          x[a] = priors.get(a).fromWork(w);
        }
        if (inside) {
          return x;
        }
      }
    }

    /** log prior density - log sum_j W_j K(x | x_j), up to a constant shared by all particles. */
    double logWeight(double[] values) {
      double[] x = new double[k];
      double logPrior = 0;
      for (int i = 0; i < k; i++) {
        x[i] = priors.get(i).toWork(values[i]);
        logPrior += priors.get(i).logDensity(x[i]);
      }
      int n = work.length;
      double[] terms = new double[n];
      double max = Double.NEGATIVE_INFINITY;
      double[] y = new double[k];
      for (int j = 0; j < n; j++) {
        // solve L y = x - x_j; the squared Mahalanobis distance is |y|^2
        double q = 0;
        for (int a = 0; a < k; a++) {
          double s = x[a] - work[j][a];
          for (int b = 0; b < a; b++) {
            s -= lower[a][b] * y[b];
          }
          y[a] = s / lower[a][a];
          q += y[a] * y[a];
        }
        terms[j] = Math.log(previous.weights()[j]) - 0.5 * q;
        max = Math.max(max, terms[j]);
      }
      double sum = 0;
      for (double t : terms) {
        sum += Math.exp(t - max);
      }
      return logPrior - (max + Math.log(sum));
    }
  }
}
