package org.polemos.model.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.polemos.model.Calendar;
import org.polemos.model.Corridor;
import org.polemos.model.Faction;
import org.polemos.model.FactionKind;
import org.polemos.model.FactionParameters;
import org.polemos.model.Intervention;
import org.polemos.model.InterventionKind;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.Source;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.AttritionParameters;
import org.polemos.model.process.ExternalOperationsParameters;
import org.polemos.model.process.FamiliesParameters;
import org.polemos.model.process.MomentumParameters;
import org.polemos.model.process.ProcessParameters;
import org.polemos.model.process.Processes;
import org.polemos.model.process.RecruitmentModel;
import org.polemos.model.process.RecruitmentParameters;
import org.polemos.model.process.RoleShares;
import org.polemos.model.process.TransitParameters;

/**
 * Checks a scenario and reports every problem found, not only the first. The rules are listed in
 * docs/MODEL.md; paths use the file's own terms: record component names, list indices ({@code
 * regions[0]}) and map keys ({@code regions[0].forces.islamic-state}).
 */
public final class ScenarioValidator {
  /** What ids must look like. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** What a region's country must look like (ISO 3166-1 alpha-2). */
  public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /**
   * Tolerance on the sum of a region's localities' areas (km2), for sums of areas given to two
   * decimals.
   */
  public static final double AREA_TOLERANCE_KM2 = 0.01;

  /** Longest id, characters. */
  public static final int MAX_ID_LENGTH = 200;

  /** Tolerance on the sum of the role shares. */
  public static final double SHARE_SUM_TOLERANCE = RoleShares.SUM_TOLERANCE;

  private final Scenario scenario;
  private final List<Problem> problems = new ArrayList<>();
  private final Checks root = new Checks(problems, "");
  private final Map<String, Faction> factions = new LinkedHashMap<>();
  private final Map<String, Region> regions = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Corridor> corridors = new LinkedHashMap<>();

  /** Ids of places: regions (their rest) and their localities. */
  private final Set<String> places = new LinkedHashSet<>();

  private ScenarioValidator(Scenario scenario) {
    this.scenario = scenario;
  }

  /** All problems of {@code scenario}, in document order; empty when it is valid. */
  public static List<Problem> validate(Scenario scenario) {
    if (scenario == null) {
      return List.of(new Problem("", "scenario is required"));
    }
    ScenarioValidator validator = new ScenarioValidator(scenario);
    validator.run();
    return List.copyOf(validator.problems);
  }

  private void run() {
    for (Faction f : scenario.factions()) {
      if (f != null && f.id() != null) {
        factions.putIfAbsent(f.id(), f);
      }
    }
    for (Region r : scenario.regions()) {
      if (r != null && r.id() != null) {
        regions.putIfAbsent(r.id(), r);
        places.add(r.id());
      }
    }
    for (Region r : scenario.regions()) {
      if (r != null) {
        for (Locality l : r.localities()) {
          if (l != null && l.id() != null) {
            places.add(l.id());
          }
        }
      }
    }
    for (Source s : scenario.sources()) {
      if (s != null && s.id() != null) {
        sources.putIfAbsent(s.id(), s);
      }
    }
    for (Corridor c : scenario.corridors()) {
      if (c != null && c.id() != null) {
        corridors.putIfAbsent(c.id(), c);
      }
    }

    id(scenario.id(), "id");
    text(scenario.name(), "name");
    text(scenario.description(), "description");
    text(scenario.notes(), "notes");
    calendar(scenario.calendar());
    count(scenario.factions(), "factions");
    count(scenario.regions(), "regions");
    count(scenario.sources(), "sources");
    count(scenario.corridors(), "corridors");
    count(scenario.interventions(), "interventions");
    factions();
    regions();
    sources();
    corridors();
    interventions();
    processes(scenario.processes());
    if (problems.isEmpty()) {
      derived();
    }
  }

  /**
   * Quantities derived from several fields, checked once every field is valid: the people a run may
   * have to follow. Each departing person is followed individually (in transit, intake and, for
   * operatives, abroad), so an upper bound of the departures over the horizon must stay within
   * {@link Limits#MAX_TRAVELLERS}: per source, the smaller of the at-risk pool and pool x yearly
   * rate x years x the largest momentum factor (for Bass recruitment the yearly rate per
   * susceptible is at most propensity + imitation).
   */
  private void derived() {
    Processes processes = scenario.processes();
    double years =
        (scenario.calendar().end().toEpochDay() - scenario.calendar().start().toEpochDay() + 1)
            / 365.25;
    MomentumParameters momentum = processes.get(MomentumParameters.class);
    RecruitmentParameters recruitment = processes.get(RecruitmentParameters.class);
    if (momentum == null || recruitment == null) {
      return; // a replaced mechanism without these sections: nothing to bound here
    }
    boolean compartmental =
        recruitment.model() == RecruitmentModel.COMPARTMENTAL
            && recruitment.compartmental() != null;
    double imitation =
        recruitment.model() == RecruitmentModel.BASS && recruitment.bass() != null
            ? recruitment.bass().imitationPerYear()
            : 0;
    double total = 0;
    int largest = -1;
    double largestBound = -1;
    List<Source> list = scenario.sources();
    for (int i = 0; i < list.size(); i++) {
      Source s = list.get(i);
      double perYear;
      if (compartmental) {
        perYear = recruitment.compartmental().departurePerYear();
      } else {
        double sensitivity = s.momentumSensitivity();
        double factor =
            Math.max(
                Math.pow(momentum.maximum(), sensitivity),
                Math.pow(momentum.minimum(), sensitivity));
        perYear = (s.annualPropensity() + imitation) * factor;
      }
      double bound = Math.min(s.atRiskPool(), s.atRiskPool() * perYear * years);
      total += bound + s.fightersAtStart();
      if (bound > largestBound) {
        largestBound = bound;
        largest = i;
      }
    }
    if (total > Limits.MAX_TRAVELLERS) {
      add(
          "sources[" + largest + "].atRiskPool",
          "the sources could send up to "
              + Checks.number(Math.rint(total))
              + " people over the horizon (at-risk pool x yearly rate x years, at the strongest momentum), more than the "
              + Checks.number(Limits.MAX_TRAVELLERS)
              + " a run follows one by one; lower atRiskPool or the departure rate");
    }
  }

  // ----------------------------------------------------------------------------------------------
  // sections

  private void calendar(Calendar calendar) {
    if (!required(calendar, "calendar")) {
      return;
    }
    boolean start = required(calendar.start(), "calendar.start");
    boolean end = required(calendar.end(), "calendar.end");
    if (start
        && (calendar.start().getYear() < Limits.MIN_YEAR
            || calendar.start().getYear() > Limits.MAX_YEAR)) {
      add(
          "calendar.start",
          "must be in the years "
              + Limits.MIN_YEAR
              + " to "
              + Limits.MAX_YEAR
              + ", was "
              + calendar.start());
    } else if (start && end && calendar.end().isBefore(calendar.start())) {
      add(
          "calendar.end",
          "must not be before calendar.start (" + calendar.start() + "), was " + calendar.end());
    } else if (start
        && end
        && calendar.end().isAfter(calendar.start().plusYears(Limits.MAX_HORIZON_YEARS))) {
      add(
          "calendar.end",
          "the horizon must be at most "
              + Limits.MAX_HORIZON_YEARS
              + " years (to "
              + calendar.start().plusYears(Limits.MAX_HORIZON_YEARS)
              + "), was "
              + calendar.end());
    }
  }

  private void factions() {
    List<Faction> list = scenario.factions();
    Map<String, Integer> seen = new LinkedHashMap<>();
    boolean organisation = false;
    Map<String, Set<Integer>> listers =
        listers(list.stream().map(f -> f == null ? null : f.enemies()).toList());
    for (int i = 0; i < list.size(); i++) {
      String p = "factions[" + i + "]";
      Faction f = list.get(i);
      if (!required(f, p)) {
        continue;
      }
      uniqueId(f.id(), p, "factions", seen, i);
      text(f.name(), p + ".name");
      text(f.notes(), p + ".notes");
      if (required(f.kind(), p + ".kind") && f.kind() == FactionKind.ORGANISATION) {
        organisation = true;
      }
      FactionParameters fp = f.parameters();
      if (required(fp, p + ".parameters")) {
        required(fp.fireMode(), p + ".parameters.fireMode");
        atMost(
            nonNegative(fp.effectiveness(), p + ".parameters.effectiveness"),
            fp.effectiveness(),
            p + ".parameters.effectiveness",
            Limits.MAX_EFFECTIVENESS);
        atMost(
            nonNegative(fp.morale(), p + ".parameters.morale"),
            fp.morale(),
            p + ".parameters.morale",
            Limits.MAX_MULTIPLIER);
      }
      List<String> enemies = f.enemies();
      references(
          enemies, p + ".enemies", "faction", factions.keySet(), f.id(), "an enemy of itself");
      // hostility is symmetric: report on the side that is missing it
      if (f.id() != null && seen.get(f.id()) == i) {
        for (int j : listers.getOrDefault(f.id(), Set.of())) {
          Faction other = list.get(j);
          if (other != null
              && other != f
              && other.id() != null
              && !other.id().equals(f.id())
              && !enemies.contains(other.id())) {
            add(
                p + ".enemies",
                "factions \""
                    + other.id()
                    + "\" and \""
                    + f.id()
                    + "\": \""
                    + f.id()
                    + "\" does not list \""
                    + other.id()
                    + "\" as an enemy");
          }
        }
      }
    }
    if (!organisation) {
      add("factions", "must include a faction of kind organisation");
    }
  }

  private void regions() {
    List<Region> list = scenario.regions();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Map<String, String> localitySeen = new LinkedHashMap<>();
    Map<String, Set<Integer>> listers =
        listers(list.stream().map(r -> r == null ? null : r.neighbours()).toList());
    if (list.isEmpty()) {
      add("regions", "must list at least one region");
    }
    for (int i = 0; i < list.size(); i++) {
      String p = "regions[" + i + "]";
      Region r = list.get(i);
      if (!required(r, p)) {
        continue;
      }
      uniqueId(r.id(), p, "regions", seen, i);
      text(r.name(), p + ".name");
      text(r.notes(), p + ".notes");
      if (required(r.country(), p + ".country") && !COUNTRY.matcher(r.country()).matches()) {
        add(
            p + ".country",
            "must be an ISO 3166-1 alpha-2 code such as \"SY\", was \"" + r.country() + "\"");
      }
      if (r.population() < 0) {
        add(p + ".population", "must be >= 0, was " + r.population());
      } else {
        atMost(true, r.population(), p + ".population", Limits.MAX_POPULATION);
      }
      atMost(
          positive(r.areaKm2(), p + ".areaKm2"), r.areaKm2(), p + ".areaKm2", Limits.MAX_AREA_KM2);
      atMost(
          nonNegative(r.oilCapacityBblPerDay(), p + ".oilCapacityBblPerDay"),
          r.oilCapacityBblPerDay(),
          p + ".oilCapacityBblPerDay",
          Limits.MAX_OIL_BBL_PER_DAY);
      atMost(
          positive(r.defensibility(), p + ".defensibility"),
          r.defensibility(),
          p + ".defensibility",
          Limits.MAX_MULTIPLIER);
      references(
          r.neighbours(), p + ".neighbours", placeKind(), places, r.id(), "its own neighbour");
      localities(r, p, localitySeen);
      if (r.id() != null && seen.get(r.id()) == i) {
        for (int j : listers.getOrDefault(r.id(), Set.of())) {
          Region other = list.get(j);
          if (other != null
              && other != r
              && other.id() != null
              && !other.id().equals(r.id())
              && !r.neighbours().contains(other.id())) {
            add(
                p + ".neighbours",
                "regions \""
                    + other.id()
                    + "\" and \""
                    + r.id()
                    + "\": \""
                    + r.id()
                    + "\" does not list \""
                    + other.id()
                    + "\" as a neighbour");
          }
        }
      }
      if (required(r.controller(), p + ".controller")
          && reference(r.controller(), p + ".controller", "faction", factions.keySet())) {
        Faction controller = factions.get(r.controller());
        if (controller.kind() != null && !controller.kind().holdsGround()) {
          add(
              p + ".controller",
              "faction \""
                  + r.controller()
                  + "\" is a "
                  + controller.kind().code()
                  + " and holds no ground; the controller must be a ground-holding faction");
        }
      }
      for (Map.Entry<String, Integer> force : r.forces().entrySet()) {
        String key = force.getKey();
        String fp = p + ".forces." + key;
        if (reference(key, fp, "faction", factions.keySet())) {
          Faction holder = factions.get(key);
          if (holder.kind() != null && !holder.kind().holdsGround()) {
            add(
                fp,
                "faction \""
                    + key
                    + "\" is a "
                    + holder.kind().code()
                    + " and holds no ground; it can have"
                    + " no forces in regions");
          }
        }
        if (required(force.getValue(), fp) && force.getValue() < 0) {
          add(fp, "must be >= 0, was " + force.getValue());
        } else if (force.getValue() != null) {
          atMost(true, force.getValue(), fp, Limits.MAX_FIGHTERS);
        }
      }
    }
  }

  /**
   * A region's localities: ids unique among regions and localities, positive area, coordinates in
   * range, neighbours that are places, and totals within the region's so the rest of the region
   * keeps a positive area and a non-negative population and oil capacity.
   */
  private void localities(Region r, String p, Map<String, String> seen) {
    atMost(
        nonNegative(r.unheldAreaKm2(), p + ".unheldAreaKm2"),
        r.unheldAreaKm2(),
        p + ".unheldAreaKm2",
        Limits.MAX_AREA_KM2);
    atMost(
        nonNegative(r.symbolicWeight(), p + ".symbolicWeight"),
        r.symbolicWeight(),
        p + ".symbolicWeight",
        Limits.MAX_MULTIPLIER);
    if (r.latitude() != null
        && finite(r.latitude(), p + ".latitude")
        && Math.abs(r.latitude()) > 90) {
      add(p + ".latitude", "must be in [-90, 90], was " + Checks.number(r.latitude()));
    }
    if (r.longitude() != null
        && finite(r.longitude(), p + ".longitude")
        && Math.abs(r.longitude()) > 180) {
      add(p + ".longitude", "must be in [-180, 180], was " + Checks.number(r.longitude()));
    }
    double area = r.unheldAreaKm2();
    long population = 0;
    double oil = 0;
    List<Locality> ls = r.localities();
    for (int k = 0; k < ls.size(); k++) {
      String lp = p + ".localities[" + k + "]";
      Locality l = ls.get(k);
      if (!required(l, lp) || !id(l.id(), lp + ".id")) {
        continue;
      }
      String first = seen.putIfAbsent(l.id(), lp);
      if (regions.containsKey(l.id())) {
        add(lp + ".id", "duplicate id \"" + l.id() + "\" (already a region id)");
      } else if (first != null) {
        add(lp + ".id", "duplicate id \"" + l.id() + "\" (first used at " + first + ")");
      }
      required(l.name(), lp + ".name");
      if (l.population() < 0) {
        add(lp + ".population", "must be >= 0, was " + l.population());
      } else {
        atMost(true, l.population(), lp + ".population", Limits.MAX_POPULATION);
      }
      boolean areaOk =
          atMost(
              positive(l.areaKm2(), lp + ".areaKm2"),
              l.areaKm2(),
              lp + ".areaKm2",
              Limits.MAX_AREA_KM2);
      if (nonNegative(l.unheldAreaKm2(), lp + ".unheldAreaKm2")
          && areaOk
          && l.unheldAreaKm2() >= l.areaKm2()) {
        add(
            lp + ".unheldAreaKm2",
            "must be less than areaKm2 ("
                + Checks.number(l.areaKm2())
                + "), was "
                + Checks.number(l.unheldAreaKm2()));
      }
      if (finite(l.latitude(), lp + ".latitude") && Math.abs(l.latitude()) > 90) {
        add(lp + ".latitude", "must be in [-90, 90], was " + Checks.number(l.latitude()));
      }
      if (finite(l.longitude(), lp + ".longitude") && Math.abs(l.longitude()) > 180) {
        add(lp + ".longitude", "must be in [-180, 180], was " + Checks.number(l.longitude()));
      }
      if (l.controller() != null
          && reference(l.controller(), lp + ".controller", "faction", factions.keySet())) {
        Faction controller = factions.get(l.controller());
        if (controller.kind() != null && !controller.kind().holdsGround()) {
          add(
              lp + ".controller",
              "faction \""
                  + l.controller()
                  + "\" is a "
                  + controller.kind().code()
                  + " and holds no ground; the controller must be a ground-holding faction");
        }
      }
      for (Map.Entry<String, Integer> force : l.forces().entrySet()) {
        String fp = lp + ".forces." + force.getKey();
        reference(force.getKey(), fp, "faction", factions.keySet());
        if (required(force.getValue(), fp) && force.getValue() < 0) {
          add(fp, "must be >= 0, was " + force.getValue());
        } else if (force.getValue() != null) {
          atMost(true, force.getValue(), fp, Limits.MAX_FIGHTERS);
        }
      }
      references(
          l.neighbours(), lp + ".neighbours", placeKind(), places, l.id(), "its own neighbour");
      if (l.defensibility() != null) {
        atMost(
            positive(l.defensibility(), lp + ".defensibility"),
            l.defensibility(),
            lp + ".defensibility",
            Limits.MAX_MULTIPLIER);
      }
      atMost(
          nonNegative(l.symbolicWeight(), lp + ".symbolicWeight"),
          l.symbolicWeight(),
          lp + ".symbolicWeight",
          Limits.MAX_MULTIPLIER);
      atMost(
          nonNegative(l.oilCapacityBblPerDay(), lp + ".oilCapacityBblPerDay"),
          l.oilCapacityBblPerDay(),
          lp + ".oilCapacityBblPerDay",
          Limits.MAX_OIL_BBL_PER_DAY);
      area += Double.isFinite(l.areaKm2()) ? l.areaKm2() : 0;
      population += Math.max(0, l.population());
      oil += Double.isFinite(l.oilCapacityBblPerDay()) ? l.oilCapacityBblPerDay() : 0;
    }
    if (ls.isEmpty() && area == 0) {
      return;
    }
    if (Double.isFinite(r.areaKm2()) && area > r.areaKm2() + AREA_TOLERANCE_KM2) {
      add(
          p + ".areaKm2",
          "must be at least its localities' areas plus unheldAreaKm2 ("
              + Checks.number(area)
              + " km2), was "
              + Checks.number(r.areaKm2()));
    }
    if (population > r.population() && r.population() >= 0) {
      add(
          p + ".population",
          "must be at least its localities' population ("
              + population
              + "), was "
              + r.population());
    }
    if (oil > r.oilCapacityBblPerDay() + 1e-9) {
      add(
          p + ".oilCapacityBblPerDay",
          "must be at least its localities' oil capacity ("
              + Checks.number(oil)
              + "), was "
              + Checks.number(r.oilCapacityBblPerDay()));
    }
  }

  /**
   * How an unknown place is named: "region", or "region or locality" when the scenario has
   * localities.
   */
  private String placeKind() {
    return places.size() == regions.size() ? "region" : "region or locality";
  }

  private void sources() {
    List<Source> list = scenario.sources();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Set<String> served = new HashSet<>();
    for (Corridor c : scenario.corridors()) {
      if (c != null) {
        served.addAll(c.sources());
      }
    }
    for (int i = 0; i < list.size(); i++) {
      String p = "sources[" + i + "]";
      Source s = list.get(i);
      if (!required(s, p)) {
        continue;
      }
      uniqueId(s.id(), p, "sources", seen, i);
      text(s.name(), p + ".name");
      text(s.notes(), p + ".notes");
      if (s.atRiskPool() < 0) {
        add(p + ".atRiskPool", "must be >= 0, was " + s.atRiskPool());
      } else {
        atMost(true, s.atRiskPool(), p + ".atRiskPool", Limits.MAX_AT_RISK_POOL);
      }
      atMost(
          nonNegative(s.annualPropensity(), p + ".annualPropensity"),
          s.annualPropensity(),
          p + ".annualPropensity",
          Limits.MAX_RATE_PER_YEAR);
      elasticity(s.momentumSensitivity(), p + ".momentumSensitivity");
      text(s.languageGroup(), p + ".languageGroup");
      fraction(s.intelligenceEffectiveness(), p + ".intelligenceEffectiveness");
      if (s.fightersAtStart() < 0) {
        add(p + ".fightersAtStart", "must be >= 0, was " + s.fightersAtStart());
      } else if (s.fightersAtStart() > Limits.MAX_TRAVELLERS) {
        atMost(true, s.fightersAtStart(), p + ".fightersAtStart", Limits.MAX_TRAVELLERS);
      } else if (s.fightersAtStart() > 0 && !organisationHoldsAPlace()) {
        add(
            p + ".fightersAtStart",
            "the organisation holds no region or locality at the start, so its "
                + s.fightersAtStart()
                + " fighters present at the start have nowhere to be placed");
      }
      if (s.id() != null && !served.contains(s.id())) {
        add(p, "no corridor serves source \"" + s.id() + "\", so its departures can never arrive");
      }
    }
  }

  /** Whether a faction of kind organisation controls a region or a locality at the start. */
  private boolean organisationHoldsAPlace() {
    Set<String> org = new HashSet<>();
    scenario.factions().stream()
        .filter(f -> f != null && f.kind() == FactionKind.ORGANISATION)
        .forEach(f -> org.add(f.id()));
    for (Region r : scenario.regions()) {
      if (r == null) {
        continue;
      }
      if (org.contains(r.controller())) {
        return true;
      }
      for (Locality l : r.localities()) {
        if (l != null && org.contains(l.controller() == null ? r.controller() : l.controller())) {
          return true;
        }
      }
    }
    return false;
  }

  private void corridors() {
    List<Corridor> list = scenario.corridors();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String p = "corridors[" + i + "]";
      Corridor c = list.get(i);
      if (!required(c, p)) {
        continue;
      }
      uniqueId(c.id(), p, "corridors", seen, i);
      text(c.name(), p + ".name");
      text(c.notes(), p + ".notes");
      if (c.sources().isEmpty()) {
        add(p + ".sources", "must list at least one source");
      }
      references(c.sources(), p + ".sources", "source", sources.keySet(), null, null);
      text(c.hub(), p + ".hub");
      if (required(c.entryRegion(), p + ".entryRegion")) {
        reference(c.entryRegion(), p + ".entryRegion", placeKind(), places);
      }
      distribution(c.transitDelayDays(), p + ".transitDelayDays");
      fraction(c.departureScreening(), p + ".departureScreening");
      fraction(c.interdiction(), p + ".interdiction");
      atMost(positive(c.weight(), p + ".weight"), c.weight(), p + ".weight", Limits.MAX_WEIGHT);
    }
  }

  private void interventions() {
    List<Intervention> list = scenario.interventions();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Calendar calendar = scenario.calendar();
    boolean horizon =
        calendar != null
            && calendar.start() != null
            && calendar.end() != null
            && !calendar.end().isBefore(calendar.start());
    for (int i = 0; i < list.size(); i++) {
      String p = "interventions[" + i + "]";
      Intervention v = list.get(i);
      if (!required(v, p)) {
        continue;
      }
      uniqueId(v.id(), p, "interventions", seen, i);
      text(v.name(), p + ".name");
      text(v.notes(), p + ".notes");
      InterventionKind kind = v.kind();
      if (required(kind, p + ".kind")) {
        if (v.targets().isEmpty()) {
          add(p + ".targets", "must list at least one target");
        }
        switch (kind.targetKind()) {
          case REGION -> references(v.targets(), p + ".targets", placeKind(), places, null, null);
          case CORRIDOR ->
              references(v.targets(), p + ".targets", "corridor", corridors.keySet(), null, null);
          case SOURCE ->
              references(v.targets(), p + ".targets", "source", sources.keySet(), null, null);
          default -> throw new IllegalStateException("unhandled target kind " + kind.targetKind());
        }
        if (kind.needsFaction()) {
          if (v.faction().isBlank()) {
            add(p + ".faction", "is required for kind " + kind.code());
          } else {
            reference(v.faction(), p + ".faction", "faction", factions.keySet());
          }
        } else if (!v.faction().isEmpty()) {
          add(
              p + ".faction",
              "must be empty for kind " + kind.code() + ", was \"" + v.faction() + "\"");
        }
      }
      boolean start = required(v.start(), p + ".start");
      boolean end = required(v.end(), p + ".end");
      if (start && horizon) {
        withinHorizon(v.start(), p + ".start", calendar);
      }
      if (end && horizon) {
        withinHorizon(v.end(), p + ".end", calendar);
      }
      if (start && end && v.end().isBefore(v.start())) {
        add(p + ".end", "must not be before start (" + v.start() + "), was " + v.end());
      }
      if (kind != null && kind.intensityIsFraction()) {
        fraction(v.intensity(), p + ".intensity");
      } else {
        atMost(
            nonNegative(v.intensity(), p + ".intensity"),
            v.intensity(),
            p + ".intensity",
            Limits.MAX_INTENSITY);
      }
    }
  }

  /**
   * Each section's own checks ({@link ProcessParameters#check}), at {@code processes.<name>}, and
   * the cross-references of sections: the keys of {@code transit.capacityPerDay} are corridor ids;
   * the keys of {@code externalOperations.intelligenceServers} and {@code languages}, the {@code
   * destinations} of its {@code exitRoutes}, the keys of {@code families.bySource}, {@code
   * attrition.returnShareBySource} and {@code attrition.returneeArrestBySource} are source ids, the
   * exit routes' {@code via} corridor ids, and an exit route's id is not a corridor's.
   */
  private void processes(Processes processes) {
    String p = "processes";
    if (!required(processes, p)) {
      return;
    }
    for (Map.Entry<String, ProcessParameters> section : processes.asMap().entrySet()) {
      section.getValue().check(new Checks(problems, p + "." + section.getKey()));
      if (section.getValue() instanceof TransitParameters transit && scenario.corridors() != null) {
        Set<String> corridors = new java.util.LinkedHashSet<>();
        scenario.corridors().forEach(c -> corridors.add(c.id()));
        for (String id : transit.capacityPerDay().keySet()) {
          reference(
              id, p + "." + section.getKey() + ".capacityPerDay." + id, "corridor", corridors);
        }
      }
      if (section.getValue() instanceof AttritionParameters attrition
          && scenario.sources() != null) {
        Set<String> known = new LinkedHashSet<>();
        scenario.sources().forEach(s -> known.add(s == null ? null : s.id()));
        for (String id : attrition.returnShareBySource().keySet()) {
          reference(id, p + "." + section.getKey() + ".returnShareBySource." + id, "source", known);
        }
        for (String id : attrition.returneeArrestBySource().keySet()) {
          reference(
              id, p + "." + section.getKey() + ".returneeArrestBySource." + id, "source", known);
        }
      }
      if (section.getValue() instanceof ExternalOperationsParameters ops
          && scenario.sources() != null) {
        Set<String> known = new LinkedHashSet<>();
        scenario.sources().forEach(s -> known.add(s == null ? null : s.id()));
        for (String id : ops.intelligenceServers().keySet()) {
          reference(id, p + "." + section.getKey() + ".intelligenceServers." + id, "source", known);
        }
        for (String id : ops.languages().keySet()) {
          reference(id, p + "." + section.getKey() + ".languages." + id, "source", known);
        }
        Set<String> corridors = new LinkedHashSet<>();
        if (scenario.corridors() != null) {
          scenario.corridors().forEach(c -> corridors.add(c == null ? null : c.id()));
        }
        for (int i = 0; i < ops.exitRoutes().size(); i++) {
          var route = ops.exitRoutes().get(i);
          String at = p + "." + section.getKey() + ".exitRoutes[" + i + "]";
          if (route == null) {
            continue;
          }
          if (route.id() != null && corridors.contains(route.id())) {
            add(
                at + ".id",
                "\""
                    + route.id()
                    + "\" is already a corridor id (exit routes and corridors share"
                    + " the keys of cells_departed_cumulative)");
          }
          if (route.destinations() != null) {
            for (int j = 0; j < route.destinations().size(); j++) {
              reference(
                  route.destinations().get(j), at + ".destinations[" + j + "]", "source", known);
            }
          }
          if (route.via() != null && scenario.corridors() != null) {
            for (int j = 0; j < route.via().size(); j++) {
              reference(route.via().get(j), at + ".via[" + j + "]", "corridor", corridors);
            }
          }
        }
      }
      if (section.getValue() instanceof FamiliesParameters families && scenario.sources() != null) {
        Set<String> known = new LinkedHashSet<>();
        scenario.sources().forEach(s -> known.add(s == null ? null : s.id()));
        for (String id : families.bySource().keySet()) {
          reference(id, p + "." + section.getKey() + ".bySource." + id, "source", known);
        }
      }
    }
  }

  /**
   * Parameter checks of one distribution at {@code path}; reports "is required" when it is missing.
   */
  private void distribution(DistributionSpec spec, String path) {
    root.distribution(spec, path);
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  /**
   * For each id, the indices (in list order) of the elements whose list names it: symmetry checks
   * in linear time, so that a file with thousands of regions validates in milliseconds.
   */
  private static Map<String, Set<Integer>> listers(List<List<String>> lists) {
    Map<String, Set<Integer>> listers = new java.util.HashMap<>();
    for (int j = 0; j < lists.size(); j++) {
      if (lists.get(j) != null) {
        for (String id : lists.get(j)) {
          if (id != null) {
            listers.computeIfAbsent(id, k -> new java.util.LinkedHashSet<>()).add(j);
          }
        }
      }
    }
    return listers;
  }

  private void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  private boolean required(Object value, String path) {
    if (value == null) {
      add(path, "is required");
      return false;
    }
    return true;
  }

  /** Presence, non-blankness and form of an id. */
  private boolean id(String id, String path) {
    if (!required(id, path)) {
      return false;
    }
    if (id.isBlank()) {
      add(path, "must not be blank");
      return false;
    }
    if (id.length() > MAX_ID_LENGTH) {
      add(path, "must be at most " + MAX_ID_LENGTH + " characters, was " + id.length());
      return false;
    }
    if (!ID.matcher(id).matches()) {
      add(
          path,
          "must match "
              + ID.pattern()
              + " (lower-case letters, digits and hyphens, not starting with a"
              + " hyphen), was \""
              + id
              + "\"");
      return false;
    }
    return true;
  }

  private void uniqueId(
      String id, String elementPath, String list, Map<String, Integer> seen, int index) {
    if (!id(id, elementPath + ".id")) {
      if (id != null) {
        seen.putIfAbsent(id, index);
      }
      return;
    }
    Integer first = seen.putIfAbsent(id, index);
    if (first != null) {
      add(
          elementPath + ".id",
          "duplicate id \"" + id + "\" (first used at " + list + "[" + first + "])");
    }
  }

  /**
   * Whether {@code id} names a known entity of {@code kind}; reports it with a suggestion when not.
   */
  private boolean reference(String id, String path, String kind, Set<String> known) {
    if (known.contains(id)) {
      return true;
    }
    add(path, "unknown " + kind + " \"" + id + "\"" + Suggestions.didYouMean(id, known));
    return false;
  }

  /** Each entry known, no duplicates, and (when {@code self} is given) not the owner itself. */
  private void references(
      List<String> ids,
      String path,
      String kind,
      Set<String> known,
      String self,
      String selfDescription) {
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < ids.size(); j++) {
      String id = ids.get(j);
      String p = path + "[" + j + "]";
      if (!required(id, p)) {
        continue;
      }
      if (!seen.add(id)) {
        add(p, "duplicate entry \"" + id + "\"");
        continue;
      }
      if (self != null && id.equals(self)) {
        add(p, "\"" + id + "\" cannot be " + selfDescription);
        continue;
      }
      reference(id, p, kind, known);
    }
  }

  private void withinHorizon(LocalDate date, String path, Calendar calendar) {
    if (date.isBefore(calendar.start()) || date.isAfter(calendar.end())) {
      add(
          path,
          "must be within the calendar, "
              + calendar.start()
              + " to "
              + calendar.end()
              + ", was "
              + date);
    }
  }

  /**
   * Reports {@code value} above {@code max}, when the lower-bound check before it passed ({@code
   * ok}); returns whether the value is acceptable.
   */
  private boolean atMost(boolean ok, double value, String path, double max) {
    if (ok && value > max) {
      add(
          path,
          "must be <= "
              + Checks.number(max)
              + " (a bound that keeps runs finite, docs/SCENARIO-FORMAT.md), was "
              + Checks.number(value));
      return false;
    }
    return ok;
  }

  /** An elasticity to momentum: finite, at most {@link Limits#MAX_ELASTICITY} either way. */
  private boolean elasticity(double value, String path) {
    if (finite(value, path) && Math.abs(value) > Limits.MAX_ELASTICITY) {
      add(
          path,
          "must be in [-"
              + Checks.number(Limits.MAX_ELASTICITY)
              + ", "
              + Checks.number(Limits.MAX_ELASTICITY)
              + "], was "
              + Checks.number(value));
      return false;
    }
    return Double.isFinite(value);
  }

  /**
   * A required text of at most {@link Limits#MAX_TEXT_LENGTH} characters (null is fine for
   * omittable notes).
   */
  private void text(String value, String path) {
    if (path.endsWith("notes") && value == null) {
      return;
    }
    if (required(value, path) && value.length() > Limits.MAX_TEXT_LENGTH) {
      add(path, "must be at most " + Limits.MAX_TEXT_LENGTH + " characters, was " + value.length());
    } else if (value != null) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
          add(
              path,
              String.format(
                  "must not contain control characters other than line breaks and tabs; found"
                      + " U+%04X at character %d",
                  (int) c, i + 1));
          break;
        }
      }
    }
  }

  /** At most {@link Limits#MAX_ELEMENTS} elements. */
  private void count(List<?> list, String path) {
    if (list.size() > Limits.MAX_ELEMENTS) {
      add(path, "must have at most " + Limits.MAX_ELEMENTS + " elements, had " + list.size());
    }
  }

  private boolean finite(double value, String path) {
    return root.finite(value, path);
  }

  private boolean nonNegative(double value, String path) {
    return root.nonNegative(value, path);
  }

  private boolean positive(double value, String path) {
    return root.positive(value, path);
  }

  private boolean fraction(double value, String path) {
    return root.fraction(value, path);
  }
}
