import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
/**
 * CPU time of the running thread per levant-2014 replication of several polemos.jar files in one
 * JVM (one class loader each), their blocks of replications interleaved, so that the load of a
 * shared machine and the JVM's start fall alike on every jar (issue 12's budget, docs/PERFORMANCE.md,
 * "Issue 12's budget: the combat step"). Runs against jars with the engine API of f8a506e onwards:
 *
 * <pre>java docs/perf/PairedReplicationCpuTime.java 15 10 5 old.jar main.jar branch.jar</pre>
 *
 * Arguments: warm-up replications per jar, blocks, replications per block, then the jars. Prints
 * the CPU ms per replication of every block (jars in order), the means and each jar's ratio to the
 * first. Each jar runs the scenario's seed and replications warm, warm + 1, ... (the same
 * replications in every jar).
 */
public class PairedReplicationCpuTime {
  public static void main(String[] a) throws Exception {
    int warm = Integer.parseInt(a[0]), blocks = Integer.parseInt(a[1]), per = Integer.parseInt(a[2]);
    int n = a.length - 3;
    ClassLoader[] cls = new ClassLoader[n];
    Object[] eng = new Object[n], sc = new Object[n], st = new Object[n], lis = new Object[n];
    Method[] run = new Method[n];
    for (int j = 0; j < n; j++) {
      URLClassLoader cl = new URLClassLoader(new URL[] {Paths.get(a[3 + j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(cl);
      cls[j] = cl;
      Class<?> guice = cl.loadClass("com.google.inject.Guice");
      Class<?> module = cl.loadClass("com.google.inject.Module");
      Object mod = cl.loadClass("org.polemos.sim.SimulationModule").getConstructor().newInstance();
      Object arr = Array.newInstance(module, 1); Array.set(arr, 0, mod);
      Object inj = guice.getMethod("createInjector", arr.getClass()).invoke(null, arr);
      Class<?> engine = cl.loadClass("org.polemos.sim.Engine");
      eng[j] = cl.loadClass("com.google.inject.Injector").getMethod("getInstance", Class.class).invoke(inj, engine);
      sc[j] = cl.loadClass("org.polemos.io.scenario.BundledScenarios").getMethod("load", String.class).invoke(null, "levant-2014");
      long seed = (long) cl.loadClass("org.polemos.model.Scenario").getMethod("seed").invoke(sc[j]);
      Class<?> rs = cl.loadClass("org.polemos.sim.random.RandomStreams");
      st[j] = rs.getMethod("of", long.class).invoke(null, seed);
      Class<?> rl = cl.loadClass("org.polemos.sim.RunListener");
      lis[j] = rl.getField("NONE").get(null);
      run[j] = engine.getMethod("run", cl.loadClass("org.polemos.model.Scenario"), int.class, rs, rl);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < warm; r++) for (int j = 0; j < n; j++) { Thread.currentThread().setContextClassLoader(cls[j]); run[j].invoke(eng[j], sc[j], r, st[j], lis[j]); }
    double[] tot = new double[n];
    StringBuilder sb = new StringBuilder();
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < n; j++) {
        Thread.currentThread().setContextClassLoader(cls[j]);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int r = 0; r < per; r++) run[j].invoke(eng[j], sc[j], warm + b * per + r, st[j], lis[j]);
        double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / per;
        tot[j] += ms; sb.append(String.format(" %.1f", ms));
      }
      sb.append(" |");
    }
    System.out.println("blocks (ms/replication, jars in order):" + sb);
    StringBuilder s2 = new StringBuilder("mean");
    for (int j = 0; j < n; j++) s2.append(String.format(" %s %.1f", Paths.get(a[3 + j]).getFileName(), tot[j] / blocks));
    for (int j = 1; j < n; j++) s2.append(String.format(" | %s/%s %.3f", Paths.get(a[3 + j]).getFileName(), Paths.get(a[3]).getFileName(), tot[j] / tot[0]));
    System.out.println(s2);
  }
}
