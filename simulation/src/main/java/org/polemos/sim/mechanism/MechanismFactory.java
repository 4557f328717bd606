package org.polemos.sim.mechanism;

import java.util.Optional;
import org.polemos.model.Scenario;

/**
 * Creates the mechanism of one replication; bound into the engine with a Guice {@code Multibinder} (see
 * {@link org.polemos.sim.SimulationModule}). Factories are shared between threads, so they must be stateless.
 */
@FunctionalInterface
public interface MechanismFactory {

  /** A new mechanism for one replication of {@code scenario}, or empty when it does not apply to it. */
  Optional<Mechanism> create(Scenario scenario);
}
