package org.polemos.model;

/** What sort of actor a faction is; the coalition holds no ground. */
public enum FactionKind implements Coded {
  ORGANISATION("organisation"),
  STATE("state"),
  NON_STATE("non-state"),
  COALITION("coalition");

  private final String code;

  FactionKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether factions of this kind hold regions and fight on fronts. */
  public boolean holdsGround() {
    return this != COALITION;
  }
}
