package org.polemos.sim.world;

import java.util.function.IntToDoubleFunction;
import org.polemos.sim.sampling.Draw;

/**
 * The fighters of every faction in every place, and the organisation's underground: how many there
 * are, where, which are committed to an offensive, and how they are lost or moved. Stored as flat
 * arrays indexed by the places of {@link ScenarioIndex}; not thread-safe (one per run).
 *
 * <p>Visible forces: {@code fighters[place * factions + faction]} as doubles (aggregates). The
 * organisation's fighters in a place are its local recruits plus {@code foreignIn[place]} foreign
 * fighters, whose sources are tracked in {@link People} (state {@link PersonState#FIGHTER}); every
 * change of foreign fighters goes through the methods here so the two stay equal.
 *
 * <p>Underground: cells of the organisation in places it does not hold, {@code underground[place]}
 * fighters of which {@code undergroundForeign[place]} are foreign ({@link
 * PersonState#UNDERGROUND}). They are not part of {@link #fighters(int, int)}; they enter when the
 * organisation loses a place ({@link Territory#changeControl}), leave by {@link #killUnderground}
 * and come back to the surface when it retakes the place ({@link #surface}).
 */
public final class Forces {
  private final int places;
  private final int factions;
  private final int org;
  private final People people;
  private final double[] fighters;
  private final long[] foreignIn;
  // fighters committed by ground offensives: committed[(place * factions + faction) * places +
  // target]
  private final double[] committed;
  private final double[] committedTotal;
  private final double[] deaths;
  private final double[] underground;
  private final long[] undergroundForeign;
  private double localDeserted;
  // incremented whenever the fighters of a faction other than the organisation may have changed
  private long othersChanged;

  Forces(int places, int factions, int org, People people) {
    this.places = places;
    this.factions = factions;
    this.org = org;
    this.people = people;
    fighters = new double[places * factions];
    foreignIn = new long[places];
    committed = new double[places * factions * places];
    committedTotal = new double[places * factions];
    deaths = new double[factions];
    underground = new double[places];
    undergroundForeign = new long[places];
  }

  public double fighters(int place, int faction) {
    return fighters[place * factions + faction];
  }

  /** Visible fighters of {@code faction} over all places (the underground excluded). */
  public double fighters(int faction) {
    double total = 0;
    for (int r = 0; r < places; r++) {
      total += fighters[r * factions + faction];
    }
    return total;
  }

  /** Foreign fighters of the organisation in {@code place}. */
  public long foreignFighters(int place) {
    return foreignIn[place];
  }

  /** Adds aggregate (non-foreign) fighters; for the organisation these are local recruits. */
  public void addFighters(int place, int faction, double n) {
    fighters[place * factions + faction] += n;
    if (faction != org) {
      othersChanged++;
    }
  }

  /**
   * A count that changes whenever the fighters of any faction other than the organisation may have
   * changed (so a reader can keep sums of them until it moves; {@link
   * org.polemos.sim.mechanism.Intake} does).
   */
  public long othersChanged() {
    return othersChanged;
  }

  /**
   * A foreign recruit of {@code source} leaves intake and joins the organisation's fighters in
   * {@code place}.
   */
  public void addForeignFighter(int place, int source) {
    people.move(source, PersonState.IN_INTAKE, PersonState.FIGHTER, 1);
    fighters[place * factions + org] += 1;
    foreignIn[place]++;
  }

  /**
   * Combat or air-strike deaths: removes up to {@code n} fighters and returns how many were
   * removed.
   */
  public double kill(int place, int faction, double n, Draw draw) {
    double removed = remove(place, faction, n, PersonState.DEAD, draw);
    deaths[faction] += removed;
    return removed;
  }

  /**
   * Removes about {@code n} fighters of {@code faction} from {@code place} and returns how many
   * were removed. For the organisation the foreign part is {@code n} times the foreign share,
   * rounded stochastically (the amount removed is nudged so neither foreign nor local fighters go
   * negative); those people move to {@code fate}, their sources drawn in proportion to the foreign
   * fighters serving from each source.
   */
  public double remove(int place, int faction, double n, PersonState fate, Draw draw) {
    int i = place * factions + faction;
    double have = fighters[i];
    double x = take(place, faction, n, fate, draw);
    scaleCommitted(i, have);
    return x;
  }

  /**
   * Removes about {@code n} fighters as {@link #remove} does, without touching the committed parts
   * (the callers keep them consistent).
   */
  private double take(int place, int faction, double n, PersonState fate, Draw draw) {
    int i = place * factions + faction;
    double have = fighters[i];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    if (faction == org && foreignIn[place] > 0) {
      long foreign = foreignIn[place];
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      moveForeign(k, PersonState.FIGHTER, fate, 0, draw);
      foreignIn[place] -= k;
    }
    fighters[i] = have - x;
    if (faction != org) {
      othersChanged++;
    }
    return x;
  }

  /**
   * Combat deaths of fighters engaged on one front: {@code committed} of them among the fighters of
   * {@code faction} in {@code place} committed toward {@code target} (which lose as many; other
   * commitments are untouched) and {@code uncommitted} among its uncommitted fighters (the
   * commitments are untouched). A front's losses so fall on those who fought there: an assault's
   * losses on the assault force, not on the garrison of the place it attacks from. What exceeds
   * those present is taken from all the place's fighters in proportion ({@link #kill}). Returns how
   * many died.
   */
  public double killOnFront(
      int place, int faction, int target, double committedLoss, double uncommittedLoss, Draw draw) {
    int i = place * factions + faction;
    int c = i * places + target;
    double dead = 0;
    double x = Math.min(committedLoss, Math.min(committed[c], fighters[i]));
    if (x > 0) {
      double took = take(place, faction, x, PersonState.DEAD, draw);
      committed[c] = Math.max(0, committed[c] - took);
      committedTotal[i] = Math.max(0, Math.min(committedTotal[i] - took, fighters[i]));
      dead += took;
    }
    double y = Math.min(uncommittedLoss, Math.max(0, fighters[i] - committedTotal[i]));
    if (y > 0) {
      dead += take(place, faction, y, PersonState.DEAD, draw);
      committedTotal[i] = Math.min(committedTotal[i], fighters[i]);
    }
    deaths[faction] += dead;
    double rest = committedLoss + uncommittedLoss - dead;
    if (rest > 1e-9 && fighters[i] > 0) {
      dead += kill(place, faction, rest, draw);
    }
    return dead;
  }

  private static long foreignPart(double x, double have, long foreign, Draw draw) {
    return x >= have ? foreign : Math.min(foreign, draw.stochasticRound(x * foreign / have));
  }

  /**
   * Removes exactly {@code k} foreign fighters (at most those present) from {@code place}; they
   * move to {@code fate}, and those moving to {@link PersonState#RETURNED} are arrested with {@code
   * arrestProbability} of their source.
   */
  public long removeForeign(
      int place, long k, PersonState fate, IntToDoubleFunction arrestProbability, Draw draw) {
    long n = Math.min(k, foreignIn[place]);
    if (n <= 0) {
      return 0;
    }
    moveForeign(n, PersonState.FIGHTER, fate, arrestProbability, draw);
    foreignIn[place] -= n;
    int i = place * factions + org;
    double have = fighters[i];
    fighters[i] = Math.max(fighters[i] - n, foreignIn[place]);
    scaleCommitted(i, have);
    return n;
  }

  /**
   * Each of {@code k} foreign fighters of {@code place} (at most those present), its source drawn
   * in proportion to the foreign fighters serving from each source, moves to {@code
   * fate.of(source)} or stays when that is {@link PersonState#FIGHTER}; returns how many moved. The
   * fate may record side effects (arrests on return, stopped exits).
   */
  public long removeForeignEach(int place, long k, Fate fate, Draw draw) {
    long n = Math.min(k, foreignIn[place]);
    long moved = 0;
    for (long j = 0; j < n; j++) {
      int s = pickSource(PersonState.FIGHTER, draw);
      PersonState to = fate.of(s);
      if (to != PersonState.FIGHTER) {
        people.move(s, PersonState.FIGHTER, to, 1);
        moved++;
      }
    }
    if (moved > 0) {
      foreignIn[place] -= moved;
      int i = place * factions + org;
      double have = fighters[i];
      fighters[i] = Math.max(fighters[i] - moved, foreignIn[place]);
      scaleCommitted(i, have);
    }
    return moved;
  }

  /** Where one foreign fighter of a source goes ({@link #removeForeignEach}). */
  @FunctionalInterface
  public interface Fate {
    PersonState of(int source);
  }

  /**
   * Places {@code n} foreign fighters present at the start in {@code place}, on top of its forces
   * (their sources are counted by {@link World}).
   */
  void placeForeignAtStart(int place, long n) {
    fighters[place * factions + org] += n;
    foreignIn[place] += n;
  }

  private void moveForeign(long k, PersonState from, PersonState fate, double p, Draw draw) {
    if (k <= 0) {
      return;
    }
    moveForeign(k, from, fate, s -> p, draw);
  }

  private void moveForeign(
      long k,
      PersonState from,
      PersonState fate,
      IntToDoubleFunction arrestProbability,
      Draw draw) {
    if (k <= 0) {
      return;
    }
    // people.count(from), kept: each move below takes exactly one person out of it
    long total = people.count(from);
    for (long j = 0; j < k; j++) {
      int s = pickSource(from, total, draw);
      people.move(s, from, fate, 1);
      if (fate != from) {
        total--;
      }
      if (fate == PersonState.RETURNED && draw.bernoulli(arrestProbability.applyAsDouble(s))) {
        people.returneeArrested(s);
      }
    }
  }

  private int pickSource(PersonState state, Draw draw) {
    return pickSource(state, people.count(state), draw);
  }

  /** A source drawn in proportion to its people in {@code state} ({@code total} of them). */
  private int pickSource(PersonState state, long total, Draw draw) {
    int sources = people.sources();
    long u = draw.rng().nextLong(total);
    for (int s = 0; s < sources; s++) {
      u -= people.count(state, s);
      if (u < 0) {
        return s;
      }
    }
    throw new IllegalStateException("no foreign fighter to remove");
  }

  /**
   * Moves about {@code n} fighters of {@code faction} between places (foreign ones in proportion
   * for the organisation) and returns how many moved.
   */
  public double moveFighters(int faction, int from, int to, double n, Draw draw) {
    int i = from * factions + faction;
    double have = fighters[i];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    if (faction == org && foreignIn[from] > 0) {
      long foreign = foreignIn[from];
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      foreignIn[from] -= k;
      foreignIn[to] += k;
    }
    fighters[i] = have - x;
    fighters[to * factions + faction] += x;
    if (faction != org) {
      othersChanged++;
    }
    scaleCommitted(i, have);
    return x;
  }

  // ---- the underground ----

  /** The organisation's underground fighters in {@code place}. */
  public double underground(int place) {
    return underground[place];
  }

  /** Foreign fighters among the organisation's underground in {@code place}. */
  public long undergroundForeign(int place) {
    return undergroundForeign[place];
  }

  /** The organisation's underground fighters everywhere. */
  public double underground() {
    double total = 0;
    for (int r = 0; r < places; r++) {
      total += underground[r];
    }
    return total;
  }

  /**
   * About {@code n} of the organisation's visible fighters in {@code place} go underground there
   * (foreign ones in proportion, moving from {@link PersonState#FIGHTER} to {@link
   * PersonState#UNDERGROUND}); returns how many.
   */
  public double goUnderground(int place, double n, Draw draw) {
    int i = place * factions + org;
    double have = fighters[i];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    if (foreignIn[place] > 0) {
      long foreign = foreignIn[place];
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      moveForeign(k, PersonState.FIGHTER, PersonState.UNDERGROUND, 0, draw);
      foreignIn[place] -= k;
      undergroundForeign[place] += k;
    }
    fighters[i] = have - x;
    scaleCommitted(i, have);
    underground[place] += x;
    return x;
  }

  /**
   * Adds {@code n} local (non-foreign) fighters to the organisation's underground in {@code place}.
   */
  public void addUnderground(int place, double n) {
    underground[place] += n;
  }

  /**
   * A foreign recruit of {@code source} leaves intake and joins the underground in {@code place}.
   */
  public void addForeignUnderground(int place, int source) {
    people.move(source, PersonState.IN_INTAKE, PersonState.UNDERGROUND, 1);
    underground[place] += 1;
    undergroundForeign[place]++;
  }

  /**
   * One foreign fighter of {@code source} serving in {@code place} is selected by the branch for
   * operations abroad (issue 14): it leaves the visible forces ({@link PersonState#FIGHTER} to
   * {@link PersonState#OPERATIVE}), one for one.
   */
  public void foreignToOperative(int place, int source) {
    if (foreignIn[place] <= 0) {
      throw new IllegalStateException("no foreign fighter in place " + place);
    }
    people.move(source, PersonState.FIGHTER, PersonState.OPERATIVE, 1);
    int i = place * factions + org;
    double have = fighters[i];
    foreignIn[place]--;
    fighters[i] = Math.max(have - 1, foreignIn[place]);
    scaleCommitted(i, have);
  }

  /**
   * One foreign member of {@code source} of the underground in {@code place} is selected by the
   * branch for operations abroad (issue 12 item 5): the underground there shrinks by one ({@link
   * PersonState#UNDERGROUND} to {@link PersonState#OPERATIVE}).
   */
  public void undergroundToOperative(int place, int source) {
    if (undergroundForeign[place] <= 0) {
      throw new IllegalStateException("no foreign underground fighter in place " + place);
    }
    people.move(source, PersonState.UNDERGROUND, PersonState.OPERATIVE, 1);
    undergroundForeign[place]--;
    underground[place] = Math.max(underground[place] - 1, undergroundForeign[place]);
  }

  /**
   * Kills up to {@code n} underground fighters in {@code place} (counted as deaths); returns how
   * many.
   */
  public double killUnderground(int place, double n, Draw draw) {
    double have = underground[place];
    double x = Math.min(n, have);
    if (!(x > 0)) {
      return 0;
    }
    long foreign = undergroundForeign[place];
    if (foreign > 0) {
      long k = foreignPart(x, have, foreign, draw);
      x = Math.min(Math.max(x, k), have - foreign + k);
      moveForeign(k, PersonState.UNDERGROUND, PersonState.DEAD, 0, draw);
      undergroundForeign[place] -= k;
    }
    underground[place] = have - x;
    deaths[org] += x;
    return x;
  }

  /** The whole underground of {@code place} becomes visible fighters of the organisation there. */
  public void surface(int place, Draw draw) {
    long k = undergroundForeign[place];
    moveForeign(k, PersonState.UNDERGROUND, PersonState.FIGHTER, 0, draw);
    foreignIn[place] += k;
    fighters[place * factions + org] += underground[place];
    undergroundForeign[place] = 0;
    underground[place] = 0;
  }

  // ---- forces committed by ground offensives ----

  /**
   * Marks {@code n} of {@code faction}'s fighters in {@code place} (already added there) as
   * committed to the front toward {@code target}: {@code Combat} engages them on that front only
   * instead of spreading them over all the place's fronts. Committed fighters stay ordinary
   * fighters of the place for every other purpose; losses and moves out of the place shrink the
   * committed part in proportion. Returns how many were committed (at most the place's uncommitted
   * fighters).
   */
  public double commit(int place, int faction, int target, double n) {
    int i = place * factions + faction;
    double add = Math.max(0, Math.min(n, fighters[i] - committedTotal[i]));
    committed[i * places + target] += add;
    committedTotal[i] += add;
    return add;
  }

  /** Fighters of {@code faction} committed toward {@code target}, summed over every place. */
  public double committedToward(int faction, int target) {
    double total = 0;
    for (int r = 0; r < places; r++) {
      total += committed[(r * factions + faction) * places + target];
    }
    return total;
  }

  /** Fighters of {@code faction} in {@code place} committed to the front toward {@code target}. */
  public double committed(int place, int faction, int target) {
    return committed[(place * factions + faction) * places + target];
  }

  /** Fighters of {@code faction} in {@code place} committed to any front. */
  public double committedTotal(int place, int faction) {
    return committedTotal[place * factions + faction];
  }

  /**
   * Returns {@code faction}'s fighters committed toward {@code target}, in every place, to the
   * ordinary pool.
   */
  public void releaseCommitted(int faction, int target) {
    for (int r = 0; r < places; r++) {
      int i = r * factions + faction;
      committedTotal[i] = Math.max(0, committedTotal[i] - committed[i * places + target]);
      committed[i * places + target] = 0;
    }
  }

  /**
   * After the fighters at index {@code i} changed from {@code before}, scales their committed parts
   * alike.
   */
  private void scaleCommitted(int i, double before) {
    if (committedTotal[i] <= 0) {
      return;
    }
    double keep = before > 0 ? Math.max(0, Math.min(1, fighters[i] / before)) : 0;
    double total = 0;
    for (int t = 0; t < places; t++) {
      committed[i * places + t] *= keep;
      total += committed[i * places + t];
    }
    committedTotal[i] = Math.min(total, fighters[i]);
  }

  /** Deaths of {@code faction}'s fighters so far (combat, air strikes, underground losses). */
  public double deaths(int faction) {
    return deaths[faction];
  }

  /** Records local (non-foreign) deserters of the organisation. */
  public void addLocalDeserters(double n) {
    localDeserted += n;
  }

  public double localDeserted() {
    return localDeserted;
  }
}
