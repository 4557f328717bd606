package org.polemos.examples.reintegration;

import com.google.inject.AbstractModule;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.metric.MetricProbe;

/**
 * The extension's Guice module (named in {@code META-INF/services/com.google.inject.Module}, so the
 * {@code polemos} command installs it): the mechanism, bound by its name, and its metric.
 */
public final class ReintegrationModule extends AbstractModule {
  /**
   * The metric: keys {@code eligible}, {@code waiting}, {@code completed}, {@code not_completed}.
   */
  public static final String METRIC = "reintegration";

  @Override
  protected void configure() {
    SimulationModule.mechanisms(binder())
        .addBinding(Reintegration.NAME)
        .toInstance(Reintegration.FACTORY);
    SimulationModule.metrics(binder())
        .addBinding()
        .toInstance(
            MetricProbe.of(
                METRIC,
                (ctx, out) -> {
                  Reintegration.Counts c = Reintegration.counts(ctx);
                  out.emit("eligible", c.eligible);
                  out.emit("waiting", c.waiting);
                  out.emit("completed", c.completed);
                  out.emit("not_completed", c.notCompleted);
                }));
  }
}
