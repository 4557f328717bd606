package org.polemos.examples.reintegration;

import java.util.List;
import org.polemos.model.process.ProcessDefinition;
import org.polemos.model.process.ProcessProvider;

/**
 * Registers the section {@code processes.reintegration} (named in {@code
 * META-INF/services/org.polemos.model.process.ProcessProvider}). The defaults open no places, so a
 * scenario that does not mention the programme runs as without the extension.
 */
public final class ReintegrationProcesses implements ProcessProvider {

  @Override
  public List<ProcessDefinition<?>> processes() {
    return List.of(
        ProcessDefinition.of(
            "reintegration", ReintegrationParameters.class, new ReintegrationParameters(0, 0.5)));
  }
}
