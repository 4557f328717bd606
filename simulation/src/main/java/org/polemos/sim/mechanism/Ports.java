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

    /**
     * How open the way in is for {@code source}, in [0, 1]: 1 while a corridor serving it is open,
     * less while its only ways in are closing (the departure mechanisms multiply their rate by it);
     * 0 when {@link #canDepart} is false.
     */
    default double openness(int source) {
      return canDepart(source) ? 1 : 0;
    }
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

    /**
     * Whether the branch has a free training place for a recruit of {@code source} now (capacity,
     * issue 14); a recruit refused serves as a fighter.
     */
    default boolean hasPlace(int source) {
      return true;
    }

    /**
     * Operatives the branch selected so far from serving foreign fighters ({@code underground}
     * false) or from the underground (true); 0 when the branch does not select (issue 14).
     */
    default long selected(boolean underground) {
      return 0;
    }

    /**
     * Cells that set out so far by way {@code way}: the scenario's corridors by index, then the
     * exit routes of {@code externalOperations.exitRoutes} (index {@code corridors + route}).
     */
    default long cellsDeparted(int way) {
      return 0;
    }

    /**
     * The branch's training places now (issue 14: fixed, or following the ground held); 0 when the
     * provider does not say.
     */
    default int trainingPlaces() {
      return 0;
    }

    /** Operatives in training now; 0 when the provider does not say. */
    default int inTraining() {
      return 0;
    }
  }

  /**
   * The organisation's message to would-be travellers and sympathisers abroad (people issue): how
   * strongly, at the current time, it calls them to stay and attack at home instead of coming.
   * Provided by the mechanism that models the message; a reader finds it with {@link
   * org.polemos.sim.RunContext#provides} and falls back to {@link #COME} when nothing provides it.
   */
  public interface Message {
    /** The call to stay and attack at home, in [0, 1]: 0 is "come" only, 1 is "stay" only. */
    double stayAndAttackCall();

    /** The message when no mechanism models it: always "come". */
    Message COME = () -> 0;
  }

  /**
   * The states' travel instruments at the source countries' exits and on return (issue 13):
   * implemented by {@link TravelInstruments}; readers fall back to {@link #NONE} when nothing
   * provides it.
   */
  public interface Instruments {
    /**
     * Of {@code count} would-be travellers of {@code source} about to depart now, how many get past
     * the instruments in force; the port records those stopped (prevented departures: they never
     * depart).
     */
    long letThrough(int source, long count);

    /**
     * The probability that a returnee of {@code source} is arrested on return now, given the
     * source's base probability {@code base}.
     */
    double arrestOnReturn(int source, double base);

    /** No instruments: everyone departs, arrest at the base probability. */
    Instruments NONE =
        new Instruments() {
          @Override
          public long letThrough(int source, long count) {
            return count;
          }

          @Override
          public double arrestOnReturn(int source, double base) {
            return base;
          }
        };
  }

  /**
   * The pools at home that attacks inspired or guided from the organisation draw on, by source
   * country (people issue): read-only, so the mechanism that reads them never moves a person the
   * mechanism that owns them counts. Provided by the mechanism that models states' travel tools and
   * returns; readers fall back to {@link #NONE} when nothing provides it.
   */
  public interface HomePools {
    /** Would-be travellers stopped by a state's tools who stay at home (a stock, not a flow). */
    double frustratedTravellers(int source);

    /** People who came back from the organisation to {@code source} and are not detained. */
    double returneesAtLarge(int source);

    /** No pools: nothing models them. */
    HomePools NONE =
        new HomePools() {
          @Override
          public double frustratedTravellers(int source) {
            return 0;
          }

          @Override
          public double returneesAtLarge(int source) {
            return 0;
          }
        };
  }

  /**
   * The women and minors who came with the foreign recruits (people issue, item 7): conserved
   * counters by source and group ({@link #WOMEN}, {@link #MINORS}), read-only. Provided by {@link
   * Families}; readers (the metrics of arrivals and returnees) fall back to {@link #NONE} when
   * nothing provides it. For every source and group, at every moment, {@code arrived = inTerritory
   * + dead + detained + returned}.
   */
  public interface Families {
    /** Group index of women. */
    int WOMEN = 0;

    /** Group index of minors. */
    int MINORS = 1;

    /** Who crossed into the organisation's territory, cumulative. */
    long arrived(int source, int group);

    /** Who lives in the organisation's territory now. */
    long inTerritory(int source, int group);

    /** Who died there, cumulative. */
    long dead(int source, int group);

    /**
     * Who was detained by the forces that took the place they lived in (a stock: never released).
     */
    long detained(int source, int group);

    /** Who went home, cumulative. */
    long returned(int source, int group);

    /** No women or minors. */
    Families NONE =
        new Families() {
          @Override
          public long arrived(int source, int group) {
            return 0;
          }

          @Override
          public long inTerritory(int source, int group) {
            return 0;
          }

          @Override
          public long dead(int source, int group) {
            return 0;
          }

          @Override
          public long detained(int source, int group) {
            return 0;
          }

          @Override
          public long returned(int source, int group) {
            return 0;
          }
        };
  }

  /**
   * The organisation's grip on the foreigners in its territory (people issue, item 5): whether, and
   * how hard, a foreigner of a source can get out now. Provided by the mechanism that models exit
   * control; readers (desertion and return of fighters and support staff, the families who came
   * with them) fall back to {@link #OPEN} when nothing provides it.
   */
  public interface ExitControl {
    /**
     * The probability in [0, 1] that an attempt by a foreigner of {@code source} to leave the
     * organisation's territory now is stopped (the one stopped is detained or killed by the
     * organisation, as the providing mechanism counts).
     */
    double stopProbability(int source);

    /** Whether a way home exists now for {@code source} (a route out that is open). */
    boolean wayOut(int source);

    /** No exit control: nobody is stopped, a way out always exists. */
    ExitControl OPEN =
        new ExitControl() {
          @Override
          public double stopProbability(int source) {
            return 0;
          }

          @Override
          public boolean wayOut(int source) {
            return true;
          }
        };
  }
}
