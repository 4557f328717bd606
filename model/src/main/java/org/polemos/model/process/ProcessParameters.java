package org.polemos.model.process;

import org.polemos.model.validation.Checks;

/**
 * The parameters of one mechanism: a record, bound from the scenario's {@code processes.<name>}
 * section (see {@link ProcessDefinition} for how a record type gets its name and defaults, {@link
 * ProcessRegistry} for how it is found). Each record checks its own bounds and internal
 * consistency; the scenario validator adds only the checks that need the rest of the scenario.
 */
public interface ProcessParameters {

  /**
   * Reports every problem of these parameters through {@code checks}, with paths relative to the
   * section ({@code checks.nonNegative(rate, "rate")} reports at {@code processes.<name>.rate}).
   */
  void check(Checks checks);
}
