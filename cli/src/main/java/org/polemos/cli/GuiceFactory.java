package org.polemos.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Lets picocli create commands through Guice, so a command receives the engine and its
 * collaborators.
 */
final class GuiceFactory implements CommandLine.IFactory {
  private final Injector injector;

  GuiceFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return injector.getInstance(type);
    } catch (ConfigurationException e) {
      // picocli's own helper types (converters, version providers) are not Guice-managed.
      return CommandLine.defaultFactory().create(type);
    }
  }
}
