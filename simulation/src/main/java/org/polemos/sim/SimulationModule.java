package org.polemos.sim;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.polemos.sim.mechanism.Attrition;
import org.polemos.sim.mechanism.BassDepartures;
import org.polemos.sim.mechanism.Combat;
import org.polemos.sim.mechanism.CompartmentalDepartures;
import org.polemos.sim.mechanism.Departures;
import org.polemos.sim.mechanism.Economy;
import org.polemos.sim.mechanism.ExternalOperations;
import org.polemos.sim.mechanism.Families;
import org.polemos.sim.mechanism.Intake;
import org.polemos.sim.mechanism.Interventions;
import org.polemos.sim.mechanism.LocalRecruitment;
import org.polemos.sim.mechanism.MechanismFactory;
import org.polemos.sim.mechanism.Message;
import org.polemos.sim.mechanism.Momentum;
import org.polemos.sim.mechanism.Transit;
import org.polemos.sim.mechanism.TravelInstruments;
import org.polemos.sim.metric.BuiltInProbes;
import org.polemos.sim.metric.MetricProbe;

/**
 * Binds the built-in mechanisms by name (a Guice {@link MapBinder}) and the metric probes (a {@link
 * Multibinder}) that {@link Engine} receives. Another module, installed in the same injector, adds
 * a mechanism with {@code mechanisms(binder()).addBinding(name)}, replaces one by name with {@code
 * replace(binder(), name)}, and adds a metric with {@link #metrics(Binder)} (see
 * docs/EXTENDING.md).
 */
public final class SimulationModule extends AbstractModule {

  /** Qualifies the map of replacement mechanisms, by the name of the mechanism each replaces. */
  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
  public @interface Replacements {}

  /** The map binder of mechanism factories by name, for adding a mechanism from another module. */
  public static MapBinder<String, MechanismFactory> mechanisms(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, MechanismFactory.class);
  }

  /**
   * The binding of the mechanism that replaces the one named {@code name}; bind it to a factory
   * with the same name. Replacing a name nothing binds fails when the engine is created.
   */
  public static LinkedBindingBuilder<MechanismFactory> replace(Binder binder, String name) {
    return replacements(binder).addBinding(name);
  }

  private static MapBinder<String, MechanismFactory> replacements(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, MechanismFactory.class, Replacements.class);
  }

  /** The multibinder of metric probes, for adding a metric from another module. */
  public static Multibinder<MetricProbe> metrics(Binder binder) {
    return Multibinder.newSetBinder(binder, MetricProbe.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, MechanismFactory> m = mechanisms(binder());
    for (MechanismFactory f :
        new MechanismFactory[] {
          Departures.FACTORY,
          CompartmentalDepartures.FACTORY,
          BassDepartures.FACTORY,
          Transit.FACTORY,
          Intake.FACTORY,
          LocalRecruitment.FACTORY,
          Combat.FACTORY,
          Momentum.FACTORY,
          Economy.FACTORY,
          Attrition.FACTORY,
          ExternalOperations.FACTORY,
          Families.FACTORY,
          Interventions.FACTORY,
          Message.FACTORY,
          TravelInstruments.FACTORY
        }) {
      m.addBinding(f.name()).toInstance(f);
    }
    replacements(binder());
    Multibinder<MetricProbe> p = metrics(binder());
    for (MetricProbe probe : BuiltInProbes.all()) {
      p.addBinding().toInstance(probe);
    }
    bind(Engine.class);
  }
}
