package org.polemos.model.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Every section the scenario's {@code processes:} mapping accepts, collected from the {@link
 * ProcessProvider}s that {@link java.util.ServiceLoader} finds through the thread's context class
 * loader (as the command line finds extension Guice modules), once per class loader: the built-in
 * ones ({@link BuiltInProcesses}) first, then the others ordered by provider class name, each in
 * its own order. Only reading a scenario and {@link Processes#defaults()} consult it: a {@link
 * Processes} carries its own sections, so worker threads with another context class loader read and
 * vary it safely. It lives in {@code model} so that the scenario reader ({@code io}), paths and the
 * validator see an extension's parameters without depending on {@code simulation}.
 *
 * <p>Thread-safe.
 */
public final class ProcessRegistry {
  private static final Map<ClassLoader, Map<String, ProcessDefinition<?>>> BY_LOADER =
      new WeakHashMap<>();

  private ProcessRegistry() {}

  /** Every definition, built-in first. */
  public static List<ProcessDefinition<?>> definitions() {
    return List.copyOf(load().values());
  }

  /** The section names, in order. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(load().keySet());
  }

  /** The definition of section {@code name}. */
  public static Optional<ProcessDefinition<?>> byName(String name) {
    return Optional.ofNullable(load().get(name));
  }

  /** The definition whose parameter record is {@code type}. */
  public static Optional<ProcessDefinition<?>> byType(Class<?> type) {
    for (ProcessDefinition<?> d : load().values()) {
      if (d.type() == type) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static Map<String, ProcessDefinition<?>> load() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : ProcessRegistry.class.getClassLoader();
    synchronized (BY_LOADER) {
      Map<String, ProcessDefinition<?>> loaded = BY_LOADER.get(loader);
      if (loaded == null) {
        List<ProcessProvider> providers = new ArrayList<>();
        ServiceLoader.load(ProcessProvider.class, loader).forEach(providers::add);
        loaded = collect(providers);
        BY_LOADER.put(loader, loaded);
      }
      return loaded;
    }
  }

  /** The definitions of {@code providers} in registry order; visible for tests. */
  static Map<String, ProcessDefinition<?>> collect(List<ProcessProvider> providers) {
    List<ProcessProvider> ordered = new ArrayList<>(providers);
    ordered.sort(
        Comparator.comparing((ProcessProvider p) -> !(p instanceof BuiltInProcesses))
            .thenComparing(p -> p.getClass().getName()));
    Map<String, ProcessDefinition<?>> byName = new LinkedHashMap<>();
    Map<Class<?>, String> owners = new LinkedHashMap<>();
    for (ProcessProvider provider : ordered) {
      for (ProcessDefinition<?> d : provider.processes()) {
        ProcessDefinition<?> previous = byName.putIfAbsent(d.name(), d);
        if (previous != null) {
          throw new IllegalStateException(
              "two processes named \""
                  + d.name()
                  + "\": "
                  + previous.type().getName()
                  + " and "
                  + d.type().getName()
                  + " (from "
                  + provider.getClass().getName()
                  + ")");
        }
        String owner = owners.putIfAbsent(d.type(), d.name());
        if (owner != null) {
          throw new IllegalStateException(
              d.type().getName()
                  + " is the parameter type of two processes, \""
                  + owner
                  + "\" and \""
                  + d.name()
                  + "\"");
        }
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
