package org.polemos.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polemos.sim.random.RandomStreams;

/**
 * M/M/c queues built on {@link Simulation} and {@link RandomStreams}, checked against queueing
 * theory: across independent replications (warm-up deleted), the 99% Student-t confidence interval
 * of the mean waiting time in queue must contain the Erlang-C value {@code Wq = C(c, a) / (c mu -
 * lambda)}, and that of the server utilisation must contain {@code rho = lambda / (c mu)}.
 */
class QueueingModelTest {

  /** A trace entry: event time and kind. */
  record TraceEvent(double time, String kind) {}

  /** One replication of an M/M/c FIFO queue. */
  static final class MMc {
    private final Simulation sim = new Simulation();
    private final int servers;
    private final ZigguratSampler.Exponential interarrival;
    private final ZigguratSampler.Exponential service;
    private final double lambda;
    private final double mu;
    private final double warmup;
    private final List<TraceEvent> trace;

    private final java.util.ArrayDeque<Double> waiting = new java.util.ArrayDeque<>();
    private int busy;
    private double lastChange;
    private double busyArea; // integral of busy servers over [warmup, now]
    private double waitSum;
    private long waitCount;

    MMc(
        int servers,
        double lambda,
        double mu,
        double warmup,
        RandomStreams streams,
        int replication,
        List<TraceEvent> trace) {
      this.servers = servers;
      this.lambda = lambda;
      this.mu = mu;
      this.warmup = warmup;
      this.trace = trace;
      UniformRandomProvider a = streams.stream(replication, "arrivals");
      UniformRandomProvider s = streams.stream(replication, "service");
      this.interarrival = ZigguratSampler.Exponential.of(a);
      this.service = ZigguratSampler.Exponential.of(s);
    }

    private final Action arrival =
        new Action() {
          @Override
          public void fire(Simulation s) {
            log("arrival");
            double now = s.now();
            if (busy < servers) {
              changeBusy(now, +1);
              startService(now, now);
            } else {
              waiting.addLast(now);
            }
            s.schedule(interarrival.sample() / lambda, this);
          }
        };

    private final Action departure =
        s -> {
          log("departure");
          double now = s.now();
          Double next = waiting.pollFirst();
          if (next != null) {
            startService(now, next); // the server stays busy
          } else {
            changeBusy(now, -1);
          }
        };

    private void log(String kind) {
      if (trace != null) {
        trace.add(new TraceEvent(sim.now(), kind));
      }
    }

    private void startService(double now, double arrivedAt) {
      if (arrivedAt >= warmup) {
        waitSum += now - arrivedAt;
        waitCount++;
      }
      sim.schedule(service.sample() / mu, departure);
    }

    private void changeBusy(double now, int delta) {
      accumulate(now);
      busy += delta;
    }

    private void accumulate(double now) {
      double from = Math.max(lastChange, warmup);
      if (now > from) {
        busyArea += busy * (now - from);
      }
      lastChange = now;
    }

    /** Runs to {@code end}; returns {mean wait of customers arrived after warm-up, utilisation}. */
    double[] run(double end) {
      sim.schedule(interarrival.sample() / lambda, arrival);
      sim.runUntil(end);
      accumulate(end);
      return new double[] {waitSum / waitCount, busyArea / (servers * (end - warmup))};
    }

    Simulation simulation() {
      return sim;
    }
  }

  /**
   * Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda /
   * mu.
   */
  static double erlangC(int c, double a) {
    double term = 1.0; // a^k / k!
    double sum = 0.0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    // term is now a^c / c!
    double rho = a / c;
    double last = term / (1 - rho);
    return last / (sum + last);
  }

  @Test
  void erlangCMatchesKnownValues() {
    assertThat(erlangC(1, 0.7)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    // c = 2, a = 1: C = (1/2 / (1/2)) / (1 + 1 + 1) = 1/3.
    assertThat(erlangC(2, 1.0)).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    // c = 3, a = 2.4: sum = 1 + 2.4 + 2.88 = 6.28; a^3/3! = 2.304; /0.2 = 11.52; C = 11.52 / 17.8.
    assertThat(erlangC(3, 2.4)).isCloseTo(11.52 / 17.8, org.assertj.core.data.Offset.offset(1e-12));
  }

  @ParameterizedTest(name = "M/M/{0}, lambda {1}, mu {2}")
  @CsvSource({"1, 0.7, 1.0", "3, 2.4, 1.0"})
  void meanWaitAndUtilisationMatchErlangC(int c, double lambda, double mu) {
    final int replications = 30;
    final double warmup = 500;
    final double end = 10_500;
    RandomStreams streams = RandomStreams.of(20240601L + c);
    double[] waits = new double[replications];
    double[] utils = new double[replications];
    for (int r = 0; r < replications; r++) {
      double[] result = new MMc(c, lambda, mu, warmup, streams, r, null).run(end);
      waits[r] = result[0];
      utils[r] = result[1];
    }
    double a = lambda / mu;
    double wq = erlangC(c, a) / (c * mu - lambda);
    double rho = lambda / (c * mu);
    double tq = TDistribution.of(replications - 1).inverseCumulativeProbability(0.995);

    double[] waitCi = confidenceInterval(waits, tq);
    double[] utilCi = confidenceInterval(utils, tq);
    assertThat(wq)
        .as("Wq %s in 99%% CI [%s, %s]", wq, waitCi[0], waitCi[1])
        .isBetween(waitCi[0], waitCi[1]);
    assertThat(rho)
        .as("rho %s in 99%% CI [%s, %s]", rho, utilCi[0], utilCi[1])
        .isBetween(utilCi[0], utilCi[1]);
    // The intervals must be narrow enough to mean something: a wrong Wq or rho by 10% would fall
    // outside.
    assertThat(waitCi[1] - waitCi[0]).isLessThan(0.2 * wq);
    assertThat(utilCi[1] - utilCi[0]).isLessThan(0.02 * rho);
  }

  private static double[] confidenceInterval(double[] x, double tq) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double half = tq * Math.sqrt(ss / (x.length - 1) / x.length);
    return new double[] {mean - half, mean + half};
  }

  private static List<TraceEvent> trace(long seed, int replication) {
    List<TraceEvent> trace = new ArrayList<>();
    MMc model = new MMc(3, 2.4, 1.0, 0.0, RandomStreams.of(seed), replication, trace);
    model.run(500.0);
    assertThat(model.simulation().eventsFired()).isEqualTo(trace.size());
    return trace;
  }

  @Test
  void sameSeedGivesTheSameEventTraceAndOtherSeedsDiffer() {
    List<TraceEvent> first = trace(42, 0);
    List<TraceEvent> second = trace(42, 0);
    assertThat(first).hasSizeGreaterThan(1000);
    assertThat(second).isEqualTo(first);
    assertThat(trace(43, 0)).isNotEqualTo(first);
    assertThat(trace(42, 1)).isNotEqualTo(first);
    assertThat(Objects.hash(first.toArray())).isEqualTo(Objects.hash(second.toArray()));
  }
}
