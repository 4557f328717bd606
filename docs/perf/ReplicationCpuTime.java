import com.google.inject.Guice;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.random.RandomStreams;

/**
 * CPU time of the running thread per replication of a bundled scenario, through the engine with
 * every built-in mechanism and no output (the harness of docs/PERFORMANCE.md, issue 12's budget).
 * Runs against any polemos.jar with the same engine API (f8a506e onwards), in source-file mode:
 *
 * <pre>java -cp polemos.jar docs/perf/ReplicationCpuTime.java levant-2014 15 30</pre>
 *
 * Prints: CPU ms per timed replication, kernel events fired per replication, and a checksum of the series values (a weak check that the
 * jars compared do the same work where their outputs are meant to agree).
 */
public class ReplicationCpuTime {
  static double sink;

  public static void main(String[] args) {
    String id = args.length > 0 ? args[0] : "levant-2014";
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int timed = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    Scenario scenario = BundledScenarios.load(id);
    RandomStreams streams = RandomStreams.of(scenario.seed());
    RunListener listener =
        new RunListener() {
          @Override
          public void series(int rep, LocalDate date, String metric, String key, double value) {
            if (Double.isFinite(value)) {
              sink += value;
            }
          }
        };
    for (int r = 0; r < warm; r++) {
      engine.run(scenario, r, streams, listener);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long events = 0;
    for (int r = warm; r < warm + timed; r++) {
      events += engine.run(scenario, r, streams, listener).eventsFired();
    }
    long t1 = mx.getCurrentThreadCpuTime();
    System.out.printf(
        "%s %.1f ms/replication, %d kernel events/replication (checksum %.6g)%n",
        id, (t1 - t0) / 1e6 / timed, events / timed, sink);
  }
}
