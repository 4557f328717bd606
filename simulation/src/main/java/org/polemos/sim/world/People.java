package org.polemos.sim.world;

import org.polemos.model.InterventionKind;

/**
 * Counters of foreign recruits by {@link PersonState} and source, plus the cumulative flows the
 * outputs need. Stored as one flat {@code long[]} indexed {@code state * sources + source}.
 */
public final class People {
  private static final int STATES = PersonState.VALUES.length;
  private final int sources;
  private final long[] count;
  private final long[] departed;
  private final long[] arrived;
  private final long[] returneesArrested;
  private final long[] dispatched;
  private final long[] desertedTotal;
  private final long[] rerouted;
  private final long[] prevented;
  private final long[] atStart;
  private final long[] exitStopped;
  private final long[] exitStoppedKilled;
  private final long[] supportDied;

  People(int sources) {
    this.sources = sources;
    this.count = new long[STATES * sources];
    this.departed = new long[sources];
    this.arrived = new long[sources];
    this.returneesArrested = new long[sources];
    this.dispatched = new long[sources];
    this.desertedTotal = new long[sources];
    this.rerouted = new long[sources];
    this.prevented = new long[InterventionKind.DEPARTURE_INSTRUMENTS.size() * sources];
    this.atStart = new long[sources];
    this.exitStopped = new long[sources];
    this.exitStoppedKilled = new long[sources];
    this.supportDied = new long[sources];
  }

  /**
   * Records {@code n} foreign fighters of {@code source} present at the start (they came before
   * it): they enter {@link PersonState#FIGHTER} without being departures or arrivals of the run.
   */
  void placeAtStart(int source, long n) {
    atStart[source] += n;
    count[PersonState.FIGHTER.ordinal() * sources + source] += n;
  }

  /** Foreign fighters of {@code source} present at the start (a stock, not arrivals of the run). */
  public long atStart(int source) {
    return atStart[source];
  }

  /** Foreign fighters present at the start, all sources. */
  public long atStart() {
    return sum(atStart);
  }

  /**
   * Moves {@code n} people of {@code source} in state {@code from} whose attempt to leave the
   * organisation was stopped by it: {@code killed} of them to {@link PersonState#DEAD}, the rest to
   * {@link PersonState#DETAINED_BY_ORGANISATION}, and counts them.
   */
  public void exitStopped(int source, PersonState from, long n, long killed) {
    move(source, from, PersonState.DEAD, killed);
    move(source, from, PersonState.DETAINED_BY_ORGANISATION, n - killed);
    exitStopped[source] += n;
    exitStoppedKilled[source] += killed;
  }

  /**
   * Counts one person of {@code source} whose attempt to leave was stopped ({@code killed} or
   * detained), when the move itself is made by the caller (a foreign fighter: {@code
   * Forces.removeForeignEach}).
   */
  public void exitStoppedCounted(int source, boolean killed) {
    exitStopped[source]++;
    if (killed) {
      exitStoppedKilled[source]++;
    }
  }

  /** Attempts to leave the organisation that it stopped, cumulative. */
  public long exitStopped(int source) {
    return exitStopped[source];
  }

  /** Of {@link #exitStopped(int)}, those killed by the organisation. */
  public long exitStoppedKilled(int source) {
    return exitStoppedKilled[source];
  }

  /**
   * Moves {@code n} support staff of {@code source} to {@link PersonState#DEAD} and counts them.
   */
  public void supportDied(int source, long n) {
    move(source, PersonState.SUPPORT, PersonState.DEAD, n);
    supportDied[source] += n;
  }

  /** Support staff of {@code source} dead, cumulative. */
  public long supportDied(int source) {
    return supportDied[source];
  }

  /** Records {@code n} departures from {@code source}, entering {@code state}. */
  public void depart(int source, PersonState state, long n) {
    departed[source] += n;
    count[state.ordinal() * sources + source] += n;
  }

  /** Moves {@code n} people of {@code source} from one state to another. */
  public void move(int source, PersonState from, PersonState to, long n) {
    int f = from.ordinal() * sources + source;
    if (count[f] < n) {
      throw new IllegalStateException(
          n + " people of source " + source + " leaving " + from + " which holds " + count[f]);
    }
    count[f] -= n;
    count[to.ordinal() * sources + source] += n;
    if (to == PersonState.IN_INTAKE
        && (from == PersonState.IN_TRANSIT || from == PersonState.AT_HUB)) {
      arrived[source] += n;
    }
    if (to == PersonState.DESERTED || to == PersonState.RETURNED) {
      desertedTotal[source] += n;
    }
  }

  /** Records that a traveller of {@code source} waiting at a hub moved to another corridor. */
  public void reroute(int source) {
    rerouted[source]++;
  }

  /** Travellers who moved from a closing corridor's hub to another corridor, cumulative. */
  public long rerouted(int source) {
    return rerouted[source];
  }

  /**
   * Records {@code n} would-be travellers of {@code source} stopped before departing by the
   * departure instrument {@code instrument} (an index into {@link
   * InterventionKind#DEPARTURE_INSTRUMENTS}). They never departed, so they are in no {@link
   * PersonState} and not in {@link #departed}: they stay at home, out of the departure mechanism's
   * pool (see {@code TravelInstruments}).
   */
  public void prevented(int source, int instrument, long n) {
    prevented[instrument * sources + source] += n;
  }

  /** Would-be travellers of {@code source} stopped before departing by any instrument. */
  public long prevented(int source) {
    long total = 0;
    for (int i = 0; i < InterventionKind.DEPARTURE_INSTRUMENTS.size(); i++) {
      total += prevented[i * sources + source];
    }
    return total;
  }

  /** Would-be travellers of {@code source} stopped before departing by one instrument. */
  public long prevented(int source, int instrument) {
    return prevented[instrument * sources + source];
  }

  public void returneeArrested(int source) {
    returneesArrested[source]++;
  }

  public void operativeDispatched(int source) {
    dispatched[source]++;
  }

  public long count(PersonState state, int source) {
    return count[state.ordinal() * sources + source];
  }

  public long count(PersonState state) {
    long total = 0;
    int base = state.ordinal() * sources;
    for (int s = 0; s < sources; s++) {
      total += count[base + s];
    }
    return total;
  }

  public long departed(int source) {
    return departed[source];
  }

  public long departed() {
    return sum(departed);
  }

  /** Travellers who crossed the border into the organisation's territory, cumulative. */
  public long arrived(int source) {
    return arrived[source];
  }

  public long arrived() {
    return sum(arrived);
  }

  /** Foreign deserters (stayed or returned), cumulative. */
  public long deserted(int source) {
    return desertedTotal[source];
  }

  public long returneesArrested(int source) {
    return returneesArrested[source];
  }

  public long dispatched(int source) {
    return dispatched[source];
  }

  public long dispatched() {
    return sum(dispatched);
  }

  /** Number of sources. */
  public int sources() {
    return sources;
  }

  /**
   * The sum over all states and sources; equals {@link #departed()} + {@link #atStart()} at every
   * moment.
   */
  public long accountedFor() {
    return sum(count);
  }

  /**
   * The sum over all states of one source; equals {@link #departed(int)} + {@link #atStart(int)} at
   * every moment.
   */
  public long accountedFor(int source) {
    long total = 0;
    for (int st = 0; st < STATES; st++) {
      total += count[st * sources + source];
    }
    return total;
  }

  private static long sum(long[] a) {
    long total = 0;
    for (long v : a) {
      total += v;
    }
    return total;
  }
}
