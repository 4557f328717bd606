package org.polemos.sim;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import org.polemos.sim.mechanism.Attrition;
import org.polemos.sim.mechanism.Combat;
import org.polemos.sim.mechanism.CompartmentalDepartures;
import org.polemos.sim.mechanism.Departures;
import org.polemos.sim.mechanism.Economy;
import org.polemos.sim.mechanism.ExternalOperations;
import org.polemos.sim.mechanism.Intake;
import org.polemos.sim.mechanism.Interventions;
import org.polemos.sim.mechanism.LocalRecruitment;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.mechanism.Momentum;
import org.polemos.sim.mechanism.Transit;
import org.polemos.sim.metric.BuiltInProbes;
import org.polemos.sim.metric.MetricProbe;

/**
 * Binds the built-in mechanisms and metric probes into two Guice multibinders that {@link Engine} receives.
 * Another module adds its own with {@link #mechanisms(Binder)} and {@link #metrics(Binder)} (see
 * docs/EXTENDING.md); install both modules in one injector.
 */
public final class SimulationModule extends AbstractModule {

  /** The multibinder of mechanism factories, for adding a mechanism from another module. */
  public static Multibinder<MechanismFactory> mechanisms(Binder binder) {
    return Multibinder.newSetBinder(binder, MechanismFactory.class);
  }

  /** The multibinder of metric probes, for adding a metric from another module. */
  public static Multibinder<MetricProbe> metrics(Binder binder) {
    return Multibinder.newSetBinder(binder, MetricProbe.class);
  }

  @Override
  protected void configure() {
    Multibinder<MechanismFactory> m = mechanisms(binder());
    m.addBinding().toInstance(Departures::factory);
    m.addBinding().toInstance(CompartmentalDepartures::factory);
    m.addBinding().toInstance(Transit::factory);
    m.addBinding().toInstance(Intake::factory);
    m.addBinding().toInstance(LocalRecruitment::factory);
    m.addBinding().toInstance(Combat::factory);
    m.addBinding().toInstance(Momentum::factory);
    m.addBinding().toInstance(Economy::factory);
    m.addBinding().toInstance(Attrition::factory);
    m.addBinding().toInstance(ExternalOperations::factory);
    m.addBinding().toInstance(Interventions::factory);
    Multibinder<MetricProbe> p = metrics(binder());
    for (MetricProbe probe : BuiltInProbes.all()) {
      p.addBinding().toInstance(probe);
    }
    bind(Engine.class);
  }
}
