package org.polemos.sim.mechanism;

import java.util.Optional;
import java.util.function.Function;
import org.polemos.model.Scenario;
import org.polemos.model.process.ProcessParameters;

/**
 * Declares a mechanism: its name (the key it is bound under, see {@link
 * org.polemos.sim.SimulationModule}, and the name of the mechanism it creates), the parameter
 * record it reads from the scenario's {@code processes:} section, if any, and how to create it for
 * one replication. Factories are shared between threads, so they must be stateless.
 */
public interface MechanismFactory {

  /**
   * The mechanism's stable, unique name; equal to the {@link Mechanism#name()} of what {@link
   * #create} returns.
   */
  String name();

  /**
   * The parameter record the mechanism owns (registered with a {@link
   * org.polemos.model.process.ProcessProvider}), or empty when it reads no {@code processes:}
   * section.
   */
  Optional<Class<? extends ProcessParameters>> parameters();

  /**
   * A new mechanism for one replication of {@code scenario}, or empty when it does not apply to it.
   */
  Optional<Mechanism> create(Scenario scenario);

  /** A factory of a mechanism that owns no parameters. */
  static MechanismFactory of(String name, Function<Scenario, Optional<Mechanism>> create) {
    return of(name, null, create);
  }

  /**
   * A factory of a mechanism named {@code name} whose parameters are {@code parameters} (null:
   * none).
   */
  static MechanismFactory of(
      String name,
      Class<? extends ProcessParameters> parameters,
      Function<Scenario, Optional<Mechanism>> create) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a mechanism needs a name");
    }
    return new MechanismFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<Class<? extends ProcessParameters>> parameters() {
        return Optional.ofNullable(parameters);
      }

      @Override
      public Optional<Mechanism> create(Scenario scenario) {
        return create.apply(scenario);
      }

      @Override
      public String toString() {
        return "mechanism " + name;
      }
    };
  }
}
