package org.polemos.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.ServiceLoader;
import org.polemos.sim.SimulationModule;

/**
 * Wires the command line: the simulation's built-in mechanisms and metrics, plus every extension
 * module found on the class path through {@link ServiceLoader} ({@code
 * META-INF/services/com.google.inject.Module}), so a developer's mechanism or metric runs from the
 * command line without editing Polemos (docs/EXTENDING.md).
 */
final class PolemosModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new SimulationModule());
    for (Module extension : ServiceLoader.load(Module.class)) {
      install(extension);
    }
  }
}
