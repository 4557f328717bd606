package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.metric.MetricProbe;

/**
 * An extension module on the class path is installed by the command line without editing Polemos.
 */
class ExtensionDiscoveryTest {

  /** The extension a developer would ship in their own jar. */
  public static final class ReachMetricModule extends AbstractModule {
    @Override
    protected void configure() {
      SimulationModule.metrics(binder())
          .addBinding()
          .toInstance(MetricProbe.of("test_extension_metric", (ctx, out) -> out.emit("all", 1.0)));
    }
  }

  @Test
  void serviceFileOnTheClassPathAddsTheMetric(@TempDir Path jarRoot) throws Exception {
    Path services = Files.createDirectories(jarRoot.resolve("META-INF/services"));
    Files.writeString(
        services.resolve("com.google.inject.Module"), ReachMetricModule.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader withExtension =
        new URLClassLoader(new URL[] {jarRoot.toUri().toURL()}, original)) {
      thread.setContextClassLoader(withExtension);
      Engine engine = Guice.createInjector(new PolemosModule()).getInstance(Engine.class);
      assertThat(engine.metrics()).contains("test_extension_metric", "territory_km2");
    } finally {
      thread.setContextClassLoader(original);
    }
    Engine plain = Guice.createInjector(new PolemosModule()).getInstance(Engine.class);
    assertThat(plain.metrics()).doesNotContain("test_extension_metric");
  }
}
