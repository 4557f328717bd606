package org.polemos.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.polemos.sim.kernel.Action;
import org.polemos.sim.kernel.Simulation;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The same M/M/c FIFO queue written on Polemos ({@link Simulation}) and on SSJ 3.3.2 ({@link
 * Simulator} with its default event list, a splay tree), for the whole-model peer benchmark ({@link
 * MMcBenchmark}) and its check against Erlang C (the test {@code MMcModelsTest}).
 *
 * <p>One replication: {@code customers} Poisson arrivals at rate {@code lambda}, {@code servers}
 * servers with Exp({@code mu}) service; arrivals stop after the last customer and the run ends when
 * the system is empty, so a replication fires exactly {@code 2 * customers} events. The waiting
 * time in queue is averaged over the customers after the first {@code warmup} (in order of service
 * start). Both implementations draw their inter-arrival and service times from the same generators
 * (Commons RNG XoShiRo256++ and the ziggurat exponential sampler, one stream each, seeded alike)
 * and keep waiting customers in the same primitive ring buffer, so the difference between them is
 * the kernel: scheduling, the event list and dispatch. Neither allocates per event.
 */
public final class MMcModels {

  /** The benchmark's parameters: 10 servers, arrival rate 8, service rate 1 (utilisation 0.8). */
  public static final int SERVERS = 10;

  public static final double LAMBDA = 8.0;
  public static final double MU = 1.0;

  private MMcModels() {}

  /** The outcome of one replication. */
  public record Result(long events, double meanWait, long waited) {}

  /** A replication on one kernel. */
  public interface Model {
    Result run(long seed, int customers, int warmup);
  }

  /**
   * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load {@code a =
   * lambda/mu}.
   */
  public static double erlangC(int c, double a) {
    double term = 1.0; // a^k / k!
    double sum = 0.0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double last = term * c / (c - a); // a^c / c! * c / (c - a)
    return last / (sum + last);
  }

  /** Mean waiting time in queue of an M/M/c queue: {@code C(c, a) / (c mu - lambda)}. */
  public static double erlangCWait(int c, double lambda, double mu) {
    return erlangC(c, lambda / mu) / (c * mu - lambda);
  }

  /** A FIFO of doubles (arrival times) over a growing ring buffer. */
  static final class DoubleFifo {
    private double[] items = new double[64];
    private int head;
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    void add(double x) {
      if (size == items.length) {
        double[] bigger = new double[2 * size];
        for (int i = 0; i < size; i++) {
          bigger[i] = items[(head + i) % size];
        }
        items = bigger;
        head = 0;
      }
      items[(head + size++) & (items.length - 1)] = x;
    }

    double poll() {
      double x = items[head];
      head = (head + 1) & (items.length - 1);
      size--;
      return x;
    }
  }

  /** State and statistics common to both implementations. */
  abstract static class Base implements Model {
    final int servers;
    final double lambda;
    final double mu;
    ZigguratSampler.Exponential interarrival;
    ZigguratSampler.Exponential service;
    final DoubleFifo queue = new DoubleFifo();
    int busy;
    int arrivals;
    int customers;
    int started;
    int warmup;
    double waitSum;
    long waited;

    Base(int servers, double lambda, double mu) {
      this.servers = servers;
      this.lambda = lambda;
      this.mu = mu;
    }

    void reset(long seed, int customers, int warmup) {
      UniformRandomProvider a = new XoShiRo256PlusPlus(new long[] {seed, 1, 2, 3});
      UniformRandomProvider s = new XoShiRo256PlusPlus(new long[] {seed, 4, 5, 6});
      interarrival = ZigguratSampler.Exponential.of(a);
      service = ZigguratSampler.Exponential.of(s);
      this.customers = customers;
      this.warmup = warmup;
      busy = 0;
      arrivals = 0;
      started = 0;
      waitSum = 0;
      waited = 0;
    }

    double nextInterarrival() {
      return interarrival.sample() / lambda;
    }

    double nextService() {
      return service.sample() / mu;
    }

    /** A service starts at {@code now} for a customer who arrived at {@code arrivedAt}. */
    void recordStart(double now, double arrivedAt) {
      if (started++ >= warmup) {
        waitSum += now - arrivedAt;
        waited++;
      }
    }
  }

  /** On Polemos: two actions, the arrival rescheduling itself. */
  public static final class OnPolemos extends Base {
    private Simulation sim;

    public OnPolemos(int servers, double lambda, double mu) {
      super(servers, lambda, mu);
    }

    private final Action arrival =
        new Action() {
          @Override
          public void fire(Simulation s) {
            double now = s.now();
            if (busy < servers) {
              busy++;
              startService(s, now, now);
            } else {
              queue.add(now);
            }
            if (++arrivals < customers) {
              s.schedule(nextInterarrival(), this);
            }
          }
        };

    private final Action departure =
        new Action() {
          @Override
          public void fire(Simulation s) {
            if (!queue.isEmpty()) {
              startService(s, s.now(), queue.poll()); // the server stays busy
            } else {
              busy--;
            }
          }
        };

    private void startService(Simulation s, double now, double arrivedAt) {
      recordStart(now, arrivedAt);
      s.schedule(nextService(), departure);
    }

    @Override
    public Result run(long seed, int customers, int warmup) {
      reset(seed, customers, warmup);
      sim = new Simulation(null, 2 * servers + 2);
      sim.schedule(nextInterarrival(), arrival);
      sim.run();
      return new Result(sim.eventsFired(), waitSum / waited, waited);
    }
  }

  /**
   * On SSJ: an arrival event that reschedules itself, and one departure event per server,
   * rescheduling itself while customers wait and returning to the idle servers otherwise.
   */
  public static final class OnSsj extends Base {
    private Simulator sim;
    private Departure[] idle;
    private int idleCount;
    private long events;

    public OnSsj(int servers, double lambda, double mu) {
      super(servers, lambda, mu);
    }

    final class Arrival extends Event {
      Arrival(Simulator s) {
        super(s);
      }

      @Override
      public void actions() {
        events++;
        double now = sim.time();
        if (busy < servers) {
          busy++;
          Departure d = idle[--idleCount];
          recordStart(now, now);
          d.schedule(nextService());
        } else {
          queue.add(now);
        }
        if (++arrivals < customers) {
          schedule(nextInterarrival());
        }
      }
    }

    final class Departure extends Event {
      Departure(Simulator s) {
        super(s);
      }

      @Override
      public void actions() {
        events++;
        if (!queue.isEmpty()) {
          recordStart(sim.time(), queue.poll());
          schedule(nextService());
        } else {
          busy--;
          idle[idleCount++] = this;
        }
      }
    }

    @Override
    public Result run(long seed, int customers, int warmup) {
      reset(seed, customers, warmup);
      sim = new Simulator();
      sim.init();
      idle = new Departure[servers];
      for (int i = 0; i < servers; i++) {
        idle[i] = new Departure(sim);
      }
      idleCount = servers;
      events = 0;
      new Arrival(sim).schedule(nextInterarrival());
      sim.start();
      return new Result(events, waitSum / waited, waited);
    }
  }

  /** {@code polemos} or {@code ssj}, with the benchmark's parameters. */
  public static Model create(String impl) {
    switch (impl) {
      case "polemos":
        return new OnPolemos(SERVERS, LAMBDA, MU);
      case "ssj":
        return new OnSsj(SERVERS, LAMBDA, MU);
      default:
        throw new IllegalArgumentException("unknown impl " + impl);
    }
  }
}
