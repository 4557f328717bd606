package org.polemos.model.process;

import java.util.List;

/**
 * Contributes sections to the scenario's {@code processes:} mapping. Found with {@link
 * java.util.ServiceLoader}: an implementation is named in {@code
 * META-INF/services/org.polemos.model.process.ProcessProvider} of its jar. The built-in sections
 * come from {@link BuiltInProcesses} through the same file in {@code model}. Needs a public
 * no-argument constructor.
 */
public interface ProcessProvider {

  /** The sections this provider adds, in the order they are written and listed. */
  List<ProcessDefinition<?>> processes();
}
