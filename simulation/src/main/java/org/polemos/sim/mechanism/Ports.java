package org.polemos.sim.mechanism;

/**
 * The hand-offs between the mechanisms of the recruitment pipeline (departures, transit, intake,
 * external operations), registered with {@link org.polemos.sim.RunContext#provide} so each
 * mechanism stays in its own file and can be replaced.
 */
public final class Ports {
  private Ports() {}

  /** Where departures go: implemented by {@link Transit}. */
  public interface Departures {
    /**
     * {@code count} people leave {@code source} now (already counted by nobody: the port records
     * them).
     */
    void departed(int source, long count);

    /** Whether some open corridor serves {@code source}. */
    boolean canDepart(int source);
  }

  /** Where travellers who crossed the border go: implemented by {@link Intake}. */
  public interface Arrivals {
    void arrived(Traveller traveller);
  }

  /**
   * Where recruits assigned to external operations go: implemented by {@link ExternalOperations}.
   */
  public interface Operations {
    void assigned(int source);
  }
}
