package org.polemos.model;

/**
 * How a faction's fire attrits its enemy in Lanchester's terms. Aimed against aimed gives the
 * square law, area against area the linear law, aimed against area Deitchman's guerrilla form.
 */
public enum FireMode implements Coded {
  /** Losses inflicted proportional to the firer's strength: dE/dt = -k F. */
  AIMED("aimed"),
  /** Losses inflicted proportional to the firer's and the target's strength: dE/dt = -k F E. */
  AREA("area");

  private final String code;

  FireMode(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
