package org.polemos.sim.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.polemos.model.InterventionKind;
import org.polemos.model.result.Metric;
import org.polemos.sim.RunContext;
import org.polemos.sim.mechanism.Ports;
import org.polemos.sim.world.People;
import org.polemos.sim.world.PersonState;
import org.polemos.sim.world.ScenarioIndex;
import org.polemos.sim.world.World;

/**
 * The metrics every run writes (docs/OUTPUTS.md lists keys and units). Keys by source are emitted
 * in the scenario's source order followed by {@code all}; keys by faction or corridor in scenario
 * order.
 */
public final class BuiltInProbes {
  private BuiltInProbes() {}

  public static final String FOREIGN_FIGHTERS_BY_LANGUAGE = "foreign_fighters_by_language";
  public static final String FOREIGN_SUPPORT_SERVING = "foreign_support_serving";
  public static final String ARRESTED_AT_DEPARTURE_CUMULATIVE = "arrested_at_departure_cumulative";
  public static final String INTAKE_IN_SERVICE = "intake_in_service";
  public static final String INTAKE_WAIT_DAYS_MEAN = "intake_wait_days_mean";
  public static final String FOREIGN_DEATHS_CUMULATIVE = "foreign_deaths_cumulative";
  public static final String RETURNEES_ARRESTED_CUMULATIVE = "returnees_arrested_cumulative";
  public static final String OPERATIVES_INTERDICTED_CUMULATIVE =
      "operatives_interdicted_cumulative";
  public static final String INSPIRED_ATTACKS_CUMULATIVE = "inspired_attacks_cumulative";
  public static final String CORRIDOR_OPEN = "corridor_open";

  /**
   * Operatives the external operations branch selected from serving foreign fighters, cumulative
   * (issue 14 step 1); keys {@code fighters} (visible forces) and {@code underground}.
   */
  public static final String OPERATIVES_SELECTED_CUMULATIVE = "operatives_selected_cumulative";

  /**
   * Cells that set out, cumulative, by way out (issue 14 step 2); keys the corridor ids, then the
   * ids of {@code externalOperations.exitRoutes}.
   */
  public static final String CELLS_DEPARTED_CUMULATIVE = "cells_departed_cumulative";

  /**
   * The external operations branch's capacity (issue 14): key {@code training_places} (the places
   * now: fixed, or following the ground held, {@code externalOperations.capacityFollows}) and key
   * {@code in_training} (operatives in training now, which may exceed the places for a while after
   * ground is lost, while those already training finish).
   */
  public static final String OPERATIONS_CAPACITY = "operations_capacity";

  /** Travellers waiting at a corridor's hub for a crossing (issue 13), keys source and all. */
  public static final String HUB_WAITING = "hub_waiting";

  /** Travellers who gave up waiting at a hub and went home, cumulative; keys source and all. */
  public static final String GAVE_UP_CUMULATIVE = "gave_up_cumulative";

  /** Travellers who moved from a closing corridor to another, cumulative; keys source and all. */
  public static final String REROUTED_CUMULATIVE = "rerouted_cumulative";

  /**
   * Would-be travellers stopped and at home (turned back, gave up at a hub, stopped before
   * departing by a state's travel instrument), a stock read through {@link Ports.HomePools}; keys
   * source and all.
   */
  public static final String FRUSTRATED_TRAVELLERS = "frustrated_travellers";

  /**
   * Would-be travellers stopped before departing by the states' travel instruments, cumulative
   * (issue 13); keys source and all.
   */
  public static final String PREVENTED_DEPARTURES_CUMULATIVE = "prevented_departures_cumulative";

  /**
   * The same by instrument, cumulative; keys the departure instruments' kind codes ({@code
   * travel-ban}, {@code passport-revocation}, {@code watchlist}, {@code departure-screening}) and
   * all.
   */
  public static final String PREVENTED_DEPARTURES_BY_INSTRUMENT_CUMULATIVE =
      "prevented_departures_by_instrument_cumulative";

  /** The organisation's call to stay and attack at home, in [0, 1] (issue 13), key "". */
  public static final String MESSAGE_STAY_CALL = "message_stay_call";

  /**
   * The organisation's underground fighters (cells in places it lost), key: the organisation's
   * faction id.
   */
  public static final String FIGHTERS_UNDERGROUND = "fighters_underground";

  /**
   * The organisation's share of each region's area, key: region id (regions stay the reporting
   * unit).
   */
  public static final String REGION_SHARE_HELD = "region_share_held";

  /**
   * The organisation's spending due in the period, keys {@code pay}, {@code administration}, {@code
   * war}, {@code families}, {@code operations} (what was due; see {@link #UNFUNDED_USD}).
   */
  public static final String SPENDING_USD = "spending_usd";

  /** The part of the period's spending due that the treasury could not pay (pay cuts), USD. */
  public static final String UNFUNDED_USD = "unfunded_usd";

  /** Keys of the metrics by group (issue 13, item 7): the recruits, and who came with them. */
  public static final String MEN = "men";

  public static final String WOMEN = "women";
  public static final String MINORS = "minors";

  /**
   * Everyone who crossed into the organisation's territory, cumulative, by group: keys {@code men}
   * (the recruits, {@link Metric#FOREIGN_ARRIVALS_MEN_CUMULATIVE}), {@code women}, {@code minors}.
   */
  public static final String FOREIGN_ARRIVALS_BY_GROUP_CUMULATIVE =
      "foreign_arrivals_by_group_cumulative";

  /** Returnees by group, cumulative; keys {@code men}, {@code women}, {@code minors}. */
  public static final String RETURNEES_BY_GROUP_CUMULATIVE = "returnees_by_group_cumulative";

  /**
   * Foreign deaths by group, cumulative; keys {@code men} (the recruits' deaths, {@code
   * foreign_deaths_cumulative}), {@code women}, {@code minors}.
   */
  public static final String FOREIGN_DEATHS_BY_GROUP_CUMULATIVE =
      "foreign_deaths_by_group_cumulative";

  /**
   * Foreigners detained by the forces that took the place they lived in (a stock); keys {@code men}
   * (the recruits, {@code foreign_detained/all}), {@code women}, {@code minors}.
   */
  public static final String FOREIGN_DETAINED_BY_GROUP = "foreign_detained_by_group";

  /** Women and minors living in the organisation's territory; keys women, minors, all. */
  public static final String FOREIGN_WOMEN_MINORS_IN_TERRITORY =
      "foreign_women_minors_in_territory";

  /**
   * The organisation's foreign fighters present at the start (a constant stock, not arrivals of the
   * run; issue 13); keys source and all.
   */
  public static final String FOREIGN_FIGHTERS_AT_START = "foreign_fighters_at_start";

  /**
   * Attempts by foreigners (fighters and support staff) to leave the organisation's ranks that it
   * stopped, cumulative (issue 13, item 5); keys source and all.
   */
  public static final String EXIT_ATTEMPTS_STOPPED_CUMULATIVE = "exit_attempts_stopped_cumulative";

  /** Of the stopped attempts, those that ended in death, cumulative; keys source and all. */
  public static final String EXIT_STOPPED_KILLED_CUMULATIVE = "exit_stopped_killed_cumulative";

  /** Foreigners held by the organisation after a stopped attempt to leave; keys source and all. */
  public static final String DETAINED_BY_ORGANISATION = "detained_by_organisation";

  /**
   * The organisation's stop probability of an attempt to leave now ({@link Ports.ExitControl}; 0
   * when nothing provides it), key "".
   */
  public static final String EXIT_STOP_PROBABILITY = "exit_stop_probability";

  /**
   * Foreign fighters captured by the factions that took places from the organisation (state {@code
   * DETAINED}, issue 13, item 6), a stock; keys source and all.
   */
  public static final String FOREIGN_DETAINED = "foreign_detained";

  /** Foreign support staff dead, cumulative (issue 13, item 8); keys source and all. */
  public static final String SUPPORT_DEATHS_CUMULATIVE = "support_deaths_cumulative";

  /** All built-in probes. */
  public static List<MetricProbe> all() {
    List<MetricProbe> list = new ArrayList<>();
    list.add(
        MetricProbe.of(
            Metric.TERRITORY_KM2, (c, out) -> byGroundFaction(c, out, c.world()::areaHeld)));
    list.add(
        MetricProbe.of(
            Metric.POPULATION_HELD,
            (c, out) -> byGroundFaction(c, out, c.world()::populationHeld)));
    list.add(
        MetricProbe.of(Metric.FIGHTERS, (c, out) -> byGroundFaction(c, out, c.world()::fighters)));
    list.add(
        MetricProbe.of(
            FIGHTERS_UNDERGROUND,
            (c, out) -> {
              if (c.world().organisation() >= 0) {
                out.emit(
                    c.index().factionId(c.world().organisation()),
                    c.world().forces().underground());
              }
            }));
    list.add(
        MetricProbe.of(
            REGION_SHARE_HELD,
            (c, out) -> {
              int org = c.world().organisation();
              for (int r = 0; org >= 0 && r < c.index().regionCount(); r++) {
                out.emit(
                    c.index().regionId(r),
                    c.world().territory().regionAreaHeld(r, org)
                        / c.scenario().regions().get(r).areaKm2());
              }
            }));
    list.add(
        MetricProbe.of(
            Metric.DEATHS_CUMULATIVE, (c, out) -> byGroundFaction(c, out, c.world()::deaths)));
    list.add(state(Metric.FOREIGN_FIGHTERS_SERVING, PersonState.FIGHTER));
    list.add(state(FOREIGN_SUPPORT_SERVING, PersonState.SUPPORT));
    list.add(state(ARRESTED_AT_DEPARTURE_CUMULATIVE, PersonState.ARRESTED_AT_DEPARTURE));
    list.add(state(FOREIGN_DEATHS_CUMULATIVE, PersonState.DEAD));
    list.add(
        MetricProbe.of(
            Metric.RETURNEES_CUMULATIVE,
            (c, out) -> {
              Ports.Families f = families(c);
              People people = c.world().people();
              bySource(
                  c,
                  out,
                  s ->
                      people.count(PersonState.RETURNED, s)
                          + f.returned(s, Ports.Families.WOMEN)
                          + f.returned(s, Ports.Families.MINORS));
            }));
    list.add(
        byGroup(
            RETURNEES_BY_GROUP_CUMULATIVE,
            (people, s) -> people.count(PersonState.RETURNED, s),
            Ports.Families::returned));
    list.add(
        byGroup(
            FOREIGN_DEATHS_BY_GROUP_CUMULATIVE,
            (people, s) -> people.count(PersonState.DEAD, s),
            Ports.Families::dead));
    list.add(
        byGroup(
            FOREIGN_DETAINED_BY_GROUP,
            (people, s) -> people.count(PersonState.DETAINED, s),
            Ports.Families::detained));
    list.add(
        MetricProbe.of(
            FOREIGN_WOMEN_MINORS_IN_TERRITORY,
            (c, out) -> families(c, out, Ports.Families::inTerritory, true)));
    list.add(state(OPERATIVES_INTERDICTED_CUMULATIVE, PersonState.OPERATIVE_INTERDICTED));
    list.add(
        MetricProbe.of(
            Metric.PLOTS_FOILED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().plotsFoiled(s))));
    list.add(
        MetricProbe.of(
            Metric.PLOTS_EXECUTED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().plotsExecuted(s))));
    for (int k = 0; k < World.PLOT_KINDS.size(); k++) {
      int kind = k;
      String prefix = World.PLOT_KINDS.get(k) + "_plots_";
      list.add(
          MetricProbe.of(
              prefix + "completed_cumulative",
              (c, out) -> bySource(c, out, s -> c.world().plots(kind, World.COMPLETED, s))));
      list.add(
          MetricProbe.of(
              prefix + "failed_cumulative",
              (c, out) -> bySource(c, out, s -> c.world().plots(kind, World.FAILED, s))));
      list.add(
          MetricProbe.of(
              prefix + "foiled_cumulative",
              (c, out) -> bySource(c, out, s -> c.world().plots(kind, World.FOILED, s))));
    }
    list.add(state(HUB_WAITING, PersonState.AT_HUB));
    list.add(state(GAVE_UP_CUMULATIVE, PersonState.GAVE_UP));
    list.add(
        MetricProbe.of(
            REROUTED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().rerouted(s))));
    list.add(MetricProbe.of(FOREIGN_FIGHTERS_BY_LANGUAGE, BuiltInProbes::byLanguage));
    list.add(
        MetricProbe.of(
            Metric.DEPARTURES_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().departed(s))));
    list.add(
        MetricProbe.of(
            Metric.FOREIGN_ARRIVALS_CUMULATIVE,
            (c, out) -> {
              Ports.Families f = families(c);
              People people = c.world().people();
              bySource(
                  c,
                  out,
                  s ->
                      people.arrived(s)
                          + f.arrived(s, Ports.Families.WOMEN)
                          + f.arrived(s, Ports.Families.MINORS));
            }));
    list.add(
        MetricProbe.of(
            Metric.FOREIGN_ARRIVALS_MEN_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().arrived(s))));
    list.add(
        byGroup(
            FOREIGN_ARRIVALS_BY_GROUP_CUMULATIVE,
            (people, s) -> people.arrived(s),
            Ports.Families::arrived));
    list.add(
        MetricProbe.of(
            RETURNEES_ARRESTED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().returneesArrested(s))));
    list.add(
        MetricProbe.of(
            Metric.OPERATIVES_DISPATCHED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().dispatched(s))));
    list.add(
        MetricProbe.of(
            OPERATIVES_SELECTED_CUMULATIVE,
            (c, out) -> {
              Ports.Operations ops = operations(c);
              out.emit("fighters", ops == null ? 0 : ops.selected(false));
              out.emit("underground", ops == null ? 0 : ops.selected(true));
            }));
    list.add(
        MetricProbe.of(
            CELLS_DEPARTED_CUMULATIVE,
            (c, out) -> {
              Ports.Operations ops = operations(c);
              int k = c.index().corridorCount();
              for (int j = 0; j < k; j++) {
                out.emit(c.index().corridorId(j), ops == null ? 0 : ops.cellsDeparted(j));
              }
              var routes =
                  c.scenario()
                      .processes()
                      .get(org.polemos.model.process.ExternalOperationsParameters.class)
                      .exitRoutes();
              for (int e = 0; e < routes.size(); e++) {
                out.emit(routes.get(e).id(), ops == null ? 0 : ops.cellsDeparted(k + e));
              }
            }));
    list.add(
        MetricProbe.of(
            OPERATIONS_CAPACITY,
            (c, out) -> {
              Ports.Operations ops = operations(c);
              out.emit("training_places", ops == null ? 0 : ops.trainingPlaces());
              out.emit("in_training", ops == null ? 0 : ops.inTraining());
            }));
    list.add(
        MetricProbe.of(
            INSPIRED_ATTACKS_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().inspiredAttacks(s))));
    list.add(MetricProbe.of(Metric.DESERTED_CUMULATIVE, BuiltInProbes::deserted));
    list.add(
        MetricProbe.of(
            Metric.INTERDICTED_CUMULATIVE,
            (c, out) -> {
              for (int k = 0; k < c.index().corridorCount(); k++) {
                out.emit(c.index().corridorId(k), c.world().interdictedCount(k));
              }
            }));
    list.add(
        MetricProbe.of(
            CORRIDOR_OPEN,
            (c, out) -> {
              for (int k = 0; k < c.index().corridorCount(); k++) {
                out.emit(c.index().corridorId(k), c.world().corridorOpen(k) ? 1 : 0);
              }
            }));
    list.add(
        MetricProbe.of(
            Metric.INTAKE_QUEUE_LENGTH, (c, out) -> out.emit("", c.world().intakeWaiting())));
    list.add(
        MetricProbe.of(INTAKE_IN_SERVICE, (c, out) -> out.emit("", c.world().intakeInService())));
    list.add(
        MetricProbe.of(
            INTAKE_WAIT_DAYS_MEAN, (c, out) -> out.emit("", c.world().intakeMeanWaitPeriod())));
    list.add(
        MetricProbe.of(
            Metric.REVENUE_USD,
            (c, out) -> {
              for (int s = 0; s < World.revenueStreams(); s++) {
                out.emit(World.revenueStreamKey(s), c.world().revenuePeriod(s));
              }
            }));
    list.add(
        MetricProbe.of(
            SPENDING_USD,
            (c, out) -> {
              for (int s = 0; s < World.spendingStreams(); s++) {
                out.emit(World.spendingStreamKey(s), c.world().spendingPeriod(s));
              }
            }));
    list.add(MetricProbe.of(UNFUNDED_USD, (c, out) -> out.emit("", c.world().unfundedPeriod())));
    list.add(MetricProbe.of(Metric.TREASURY_USD, (c, out) -> out.emit("", c.world().treasury())));
    list.add(MetricProbe.of(Metric.MOMENTUM, (c, out) -> out.emit("", c.world().momentum())));
    list.add(
        MetricProbe.of(
            FRUSTRATED_TRAVELLERS,
            (c, out) -> {
              Ports.HomePools pools =
                  c.provides(Ports.HomePools.class)
                      ? c.require(Ports.HomePools.class)
                      : Ports.HomePools.NONE;
              bySource(c, out, pools::frustratedTravellers);
            }));
    list.add(
        MetricProbe.of(
            PREVENTED_DEPARTURES_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().prevented(s))));
    list.add(
        MetricProbe.of(
            PREVENTED_DEPARTURES_BY_INSTRUMENT_CUMULATIVE,
            (c, out) -> {
              People people = c.world().people();
              List<InterventionKind> kinds = InterventionKind.DEPARTURE_INSTRUMENTS;
              double total = 0;
              for (int i = 0; i < kinds.size(); i++) {
                double n = 0;
                for (int s = 0; s < people.sources(); s++) {
                  n += people.prevented(s, i);
                }
                out.emit(kinds.get(i).code(), n);
                total += n;
              }
              out.emit("all", total);
            }));
    list.add(
        MetricProbe.of(
            MESSAGE_STAY_CALL,
            (c, out) ->
                out.emit(
                    "",
                    c.provides(Ports.Message.class)
                        ? c.require(Ports.Message.class).stayAndAttackCall()
                        : 0)));
    list.add(
        MetricProbe.of(
            Metric.MOMENTUM_PERCEIVED, (c, out) -> out.emit("", c.world().perceivedMomentum())));
    list.add(
        MetricProbe.of(
            FOREIGN_FIGHTERS_AT_START,
            (c, out) -> bySource(c, out, s -> c.world().people().atStart(s))));
    list.add(
        MetricProbe.of(
            EXIT_ATTEMPTS_STOPPED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().exitStopped(s))));
    list.add(
        MetricProbe.of(
            EXIT_STOPPED_KILLED_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().exitStoppedKilled(s))));
    list.add(state(DETAINED_BY_ORGANISATION, PersonState.DETAINED_BY_ORGANISATION));
    list.add(state(FOREIGN_DETAINED, PersonState.DETAINED));
    list.add(
        MetricProbe.of(
            SUPPORT_DEATHS_CUMULATIVE,
            (c, out) -> bySource(c, out, s -> c.world().people().supportDied(s))));
    list.add(
        MetricProbe.of(
            EXIT_STOP_PROBABILITY,
            (c, out) ->
                out.emit(
                    "",
                    c.provides(Ports.ExitControl.class)
                        ? c.require(Ports.ExitControl.class).stopProbability(0)
                        : 0)));
    return List.copyOf(list);
  }

  /** The families port of the run, {@link Ports.Families#NONE} when nothing provides it. */
  private static Ports.Families families(RunContext c) {
    return c.provides(Ports.Families.class) ? c.require(Ports.Families.class) : Ports.Families.NONE;
  }

  /** A count of one of the families' states by source. */
  private interface FamilyCount {
    long count(Ports.Families families, int source, int group);
  }

  /** A count of the men (the recruits of {@link People}) by source. */
  private interface MenCount {
    long count(People people, int source);
  }

  /** A metric with keys {@code men}, {@code women} and {@code minors} (sums over sources). */
  private static MetricProbe byGroup(String metric, MenCount men, FamilyCount family) {
    return MetricProbe.of(
        metric,
        (c, out) -> {
          People people = c.world().people();
          Ports.Families f = families(c);
          double m = 0;
          double w = 0;
          double k = 0;
          for (int s = 0; s < people.sources(); s++) {
            m += men.count(people, s);
            w += family.count(f, s, Ports.Families.WOMEN);
            k += family.count(f, s, Ports.Families.MINORS);
          }
          out.emit(MEN, m);
          out.emit(WOMEN, w);
          out.emit(MINORS, k);
        });
  }

  /** Keys {@code women}, {@code minors} and, when {@code all}, {@code all} (sums over sources). */
  private static void families(
      RunContext c, MetricProbe.Emitter out, FamilyCount family, boolean all) {
    Ports.Families f = families(c);
    double w = 0;
    double k = 0;
    for (int s = 0; s < c.index().sourceCount(); s++) {
      w += family.count(f, s, Ports.Families.WOMEN);
      k += family.count(f, s, Ports.Families.MINORS);
    }
    out.emit(WOMEN, w);
    out.emit(MINORS, k);
    if (all) {
      out.emit(Metric.ALL, w + k);
    }
  }

  private static MetricProbe state(String metric, PersonState state) {
    return MetricProbe.of(
        metric, (c, out) -> bySource(c, out, s -> c.world().people().count(state, s)));
  }

  private static void bySource(RunContext c, MetricProbe.Emitter out, IntToDoubleFunction value) {
    ScenarioIndex index = c.index();
    double total = 0;
    for (int s = 0; s < index.sourceCount(); s++) {
      double v = value.applyAsDouble(s);
      total += v;
      out.emit(index.sourceId(s), v);
    }
    out.emit(Metric.ALL, total);
  }

  private static void byGroundFaction(
      RunContext c, MetricProbe.Emitter out, IntToDoubleFunction value) {
    ScenarioIndex index = c.index();
    World world = c.world();
    for (int f = 0; f < index.factionCount(); f++) {
      if (world.holdsGround(f)) {
        out.emit(index.factionId(f), value.applyAsDouble(f));
      }
    }
  }

  private static void byLanguage(RunContext c, MetricProbe.Emitter out) {
    Map<String, Double> groups = new LinkedHashMap<>();
    People people = c.world().people();
    for (int s = 0; s < c.index().sourceCount(); s++) {
      groups.merge(
          c.scenario().sources().get(s).languageGroup(),
          (double) people.count(PersonState.FIGHTER, s),
          Double::sum);
    }
    groups.forEach(out::emit);
  }

  private static void deserted(RunContext c, MetricProbe.Emitter out) {
    People people = c.world().people();
    double foreign = 0;
    for (int s = 0; s < c.index().sourceCount(); s++) {
      foreign += people.deserted(s);
      out.emit(c.index().sourceId(s), people.deserted(s));
    }
    out.emit("local", c.world().localDeserted());
    out.emit(Metric.ALL, foreign + c.world().localDeserted());
  }

  /** The operations branch of the run, or null when no mechanism provides it. */
  private static Ports.Operations operations(RunContext c) {
    return c.provides(Ports.Operations.class) ? c.require(Ports.Operations.class) : null;
  }
}
