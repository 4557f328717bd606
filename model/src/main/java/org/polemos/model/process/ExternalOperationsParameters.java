package org.polemos.model.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polemos.model.Omittable;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.validation.Checks;
import org.polemos.model.validation.Limits;

/**
 * Operations abroad, as counts and probabilities only (after Kaplan's "terror queues").
 *
 * <p>In code, start from {@link #defaults()} and change a few fields with {@link #builder()} (or
 * {@link #toBuilder()} from parameters read from a file); the canonical constructor takes every
 * field, {@code null} meaning omitted.
 *
 * @param trainingDays time from assignment to external operations until dispatch
 * @param plotDays time from an operative's arrival home until the plot would be carried out
 * @param territorialShiftSensitivity no longer used (issue 14: the share of recruits assigned to
 *     operations abroad no longer rises with the area lost; a shift toward attacks abroad must come
 *     out of mechanisms); optional, accepted so that older files load, default 0
 * @param inspiredAttacksPerYear inspired plots (not directed, not remote-guided; foiled ones
 *     included) per year across all sources at the start of a run, when the home reach is the
 *     at-risk pools alone and the organisation's call is "come" (issue 14 step 4: the rate then
 *     follows the home reach and the call, see {@code frustratedWeight})
 * @param inspiredMomentumSensitivity no longer used (issue 14: inspired attacks no longer follow
 *     momentum); optional, accepted so that older files load, default 0
 * @param intelligenceServers intelligence capacity of each destination (source id -> teams that can
 *     each investigate one plot at a time: the servers of Kaplan's terror queue); a destination not
 *     listed has unlimited capacity; optional, default empty (every destination unlimited, which
 *     gives the earlier constant chance of detection)
 * @param trainingPlaces the branch's capacity: operatives in training at once (handlers and
 *     training places); a recruit assigned to operations abroad while every place is taken serves
 *     as a fighter instead; optional, default 10,000,000 (in effect unlimited)
 * @param cellSize the size of a cell (rounded to a whole number, at least 1): trained operatives of
 *     the same destination wait until a cell of the drawn size is complete, travel together and
 *     make one plot; optional, default fixed 1 (one operative, one plot)
 * @param borderClosureStopsOperatives whether border closures (meant for incoming fighters) also
 *     stop outgoing cells; optional, default false (only the corridor's own interdiction applies)
 * @param frustratedWeight home reach of one frustrated would-be traveller (Ports.HomePools),
 *     relative to one person of a source's at-risk pool: a source's home reach is {@code atRiskPool
 *     + frustratedWeight x frustrated + returneeWeight x returnees at large}; optional, default 0
 * @param returneeWeight home reach of one returnee at large, relative to one person of the at-risk
 *     pool; optional, default 0
 * @param callGain how much the organisation's call to stay and attack at home (Ports.Message, in
 *     [0, 1]) raises inspired and remote-guided plots: the rates are multiplied by {@code 1 +
 *     callGain x call}; optional, default 0
 * @param inspiredPlotDays time from an inspired or remote-guided plot's start until it would be
 *     carried out (its duration in the destination's terror queue); optional, default {@code
 *     plotDays}
 * @param handlers the branch's handlers guiding attackers at home by remote while the organisation
 *     holds its peak area; they work from the territory, so their number is {@code handlers x} the
 *     share of the peak area still held (none once it is gone); optional, default 0 (no
 *     remote-guided plots)
 * @param guidedPlotsPerHandlerPerYear remote-guided plots each handler starts per year (before the
 *     call's gain), spread over destinations in proportion to their home reach; optional, default 0
 * @param attackFailure the chance that a plot of any kind that is not foiled fails (attempted but
 *     not completed, Europol TE-SAT's "failed"); optional, default 0
 * @param selectionPerYear the branch's demand for operatives (issue 14 step 1): for each
 *     destination country {@code d}, operatives wanted per year per foreign fighter of {@code d}
 *     serving (visible or underground); each wanted operative is drawn from the serving foreign
 *     fighters (visible or underground) of the sources that speak {@code d}'s language (see {@code
 *     languages}), while a training place is free; optional, default 0 (no selection: operatives
 *     come only from intake's role share {@code externalOperations}, the older path)
 * @param languages further languages a source's fighters can operate in, besides its {@code
 *     languageGroup} (source id -> languages); a fighter of source {@code s} is eligible for
 *     destination {@code d} when {@code d}'s {@code languageGroup} is {@code s}'s or one of {@code
 *     languages[s]}; optional, default empty
 * @param exitRoutes dated ways out for cells besides the corridors themselves (e.g. the 2015
 *     migrant route): each serves its destinations between {@code opens} and {@code closes} and
 *     only while one of its {@code via} corridors is open (the organisation holds the crossing);
 *     optional, default empty
 * @param reachDecayPerYear rate per year at which the part of a destination's home reach made of
 *     frustrated travellers and returnees fades (they drift away, are watched or detained);
 *     optional, default 0 (no decay: the reach follows the pools as read)
 * @param reachUsedPerPlot people of a destination's home reach used up by each inspired or
 *     remote-guided plot started there (the attacker and those around him are arrested, dead or
 *     known); optional, default 0 (the reach is not depleted by plots)
 * @param capacityFollows what the branch's capacity ({@code trainingPlaces}: its training places
 *     and the handlers and planners who staff them) lives on: {@code fixed} (it never changes),
 *     {@code population} or {@code area}: the places now are {@code floor(trainingPlaces x H(t) /
 *     max H)}, {@code H} the population (or area) the organisation holds and {@code max H} its
 *     largest value so far in the run, so the branch shrinks as its secure ground is lost and
 *     regrows if it is retaken; optional, default {@code fixed} (older files unchanged)
 */
public record ExternalOperationsParameters(
    DistributionSpec trainingDays,
    DistributionSpec plotDays,
    @Omittable Double territorialShiftSensitivity,
    double inspiredAttacksPerYear,
    @Omittable Double inspiredMomentumSensitivity,
    @Omittable Map<String, Integer> intelligenceServers,
    @Omittable Integer trainingPlaces,
    @Omittable DistributionSpec cellSize,
    @Omittable Boolean borderClosureStopsOperatives,
    @Omittable Double frustratedWeight,
    @Omittable Double returneeWeight,
    @Omittable Double callGain,
    @Omittable DistributionSpec inspiredPlotDays,
    @Omittable Integer handlers,
    @Omittable Double guidedPlotsPerHandlerPerYear,
    @Omittable Double attackFailure,
    @Omittable Double selectionPerYear,
    @Omittable Map<String, List<String>> languages,
    @Omittable List<ExitRoute> exitRoutes,
    @Omittable Double reachDecayPerYear,
    @Omittable Double reachUsedPerPlot,
    @Omittable CapacityBasis capacityFollows)
    implements ProcessParameters {

  /** What the branch's training places live on (see {@code capacityFollows}). */
  public enum CapacityBasis implements org.polemos.model.Coded {
    /** The places never change. */
    FIXED("fixed"),
    /** The places follow the population held, relative to its largest value so far. */
    POPULATION("population"),
    /** The places follow the area held, relative to its largest value so far. */
    AREA("area");

    private final String code;

    CapacityBasis(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /**
   * A dated way out for cells (issue 14 step 2), e.g. the Aegean-Balkans migrant route of 2015.
   *
   * @param id unique among exit routes and corridors
   * @param destinations the source ids (destinations) it serves
   * @param via the corridors through which cells reach it: it is usable only while one of them is
   *     open (the organisation holds its crossing); the crossing is drawn among the open ones by
   *     their weights
   * @param opens first date it can be used
   * @param closes first date it can no longer be used (optional: open to the end)
   * @param transitDelayDays travel time from the crossing to the destination
   * @param interdiction chance that a cell on it is stopped (all together), on top of the
   *     crossing's own interdiction, in [0, 1]
   * @param weight relative weight against the destination's corridors and other routes open now
   */
  public record ExitRoute(
      String id,
      List<String> destinations,
      List<String> via,
      LocalDate opens,
      @Omittable LocalDate closes,
      DistributionSpec transitDelayDays,
      double interdiction,
      double weight) {

    public ExitRoute {
      destinations = destinations == null ? null : List.copyOf(destinations);
      via = via == null ? null : List.copyOf(via);
    }

    /** Whether the route can be used on {@code date} (its own dates only). */
    public boolean openOn(LocalDate date) {
      return !date.isBefore(opens) && (closes == null || date.isBefore(closes));
    }
  }

  /** Largest mean cell size accepted. */
  public static final int MAX_CELL_SIZE = 100;

  public ExternalOperationsParameters {
    inspiredMomentumSensitivity =
        inspiredMomentumSensitivity == null ? 0.0 : inspiredMomentumSensitivity;
    frustratedWeight = frustratedWeight == null ? 0.0 : frustratedWeight;
    returneeWeight = returneeWeight == null ? 0.0 : returneeWeight;
    callGain = callGain == null ? 0.0 : callGain;
    inspiredPlotDays = inspiredPlotDays == null ? plotDays : inspiredPlotDays;
    handlers = handlers == null ? 0 : handlers;
    guidedPlotsPerHandlerPerYear =
        guidedPlotsPerHandlerPerYear == null ? 0.0 : guidedPlotsPerHandlerPerYear;
    attackFailure = attackFailure == null ? 0.0 : attackFailure;
    selectionPerYear = selectionPerYear == null ? 0.0 : selectionPerYear;
    reachDecayPerYear = reachDecayPerYear == null ? 0.0 : reachDecayPerYear;
    reachUsedPerPlot = reachUsedPerPlot == null ? 0.0 : reachUsedPerPlot;
    capacityFollows = capacityFollows == null ? CapacityBasis.FIXED : capacityFollows;
    languages =
        languages == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    exitRoutes =
        exitRoutes == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(exitRoutes));
    territorialShiftSensitivity =
        territorialShiftSensitivity == null ? 0.0 : territorialShiftSensitivity;
    trainingPlaces = trainingPlaces == null ? Limits.MAX_SERVERS : trainingPlaces;
    cellSize = cellSize == null ? new DistributionSpec.Fixed(1) : cellSize;
    borderClosureStopsOperatives =
        borderClosureStopsOperatives != null && borderClosureStopsOperatives;
    intelligenceServers =
        intelligenceServers == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intelligenceServers));
  }

  /**
   * The section a scenario gets when it omits {@code processes.externalOperations} (registered by
   * {@link BuiltInProcesses}): exponential training (mean 60 days) and plot duration (mean 90
   * days), no inspired attacks, and every optional field at its default (as when omitted from a
   * file).
   */
  public static ExternalOperationsParameters defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #defaults()}: set the fields that differ, then {@link
   * Builder#build()}, e.g. {@code ExternalOperationsParameters.builder().handlers(40).callGain(1)
   * .build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from these parameters, to change a few fields of a section read from a
   * file. An {@code inspiredPlotDays} that is {@code plotDays} itself (omitted from the file) is
   * left unset, so it keeps following {@code plotDays} if that is changed.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trainingDays = trainingDays;
    b.plotDays = plotDays;
    b.territorialShiftSensitivity = territorialShiftSensitivity;
    b.inspiredAttacksPerYear = inspiredAttacksPerYear;
    b.inspiredMomentumSensitivity = inspiredMomentumSensitivity;
    b.intelligenceServers = intelligenceServers;
    b.trainingPlaces = trainingPlaces;
    b.cellSize = cellSize;
    b.borderClosureStopsOperatives = borderClosureStopsOperatives;
    b.frustratedWeight = frustratedWeight;
    b.returneeWeight = returneeWeight;
    b.callGain = callGain;
    b.inspiredPlotDays = inspiredPlotDays == plotDays ? null : inspiredPlotDays;
    b.handlers = handlers;
    b.guidedPlotsPerHandlerPerYear = guidedPlotsPerHandlerPerYear;
    b.attackFailure = attackFailure;
    b.selectionPerYear = selectionPerYear;
    b.languages = languages;
    b.exitRoutes = exitRoutes;
    b.reachDecayPerYear = reachDecayPerYear;
    b.reachUsedPerPlot = reachUsedPerPlot;
    b.capacityFollows = capacityFollows;
    return b;
  }

  /**
   * Builds {@link ExternalOperationsParameters} field by field (see {@link #builder()} and {@link
   * #toBuilder()}). Each setter is named after its field and documented there; a field never set is
   * passed to the canonical constructor as omitted, so it gets the same default as in a file.
   * {@link #build()} does not validate: {@link ExternalOperationsParameters#check} does.
   */
  public static final class Builder {
    private DistributionSpec trainingDays = new DistributionSpec.Exponential(60);
    private DistributionSpec plotDays = new DistributionSpec.Exponential(90);
    private Double territorialShiftSensitivity;
    private double inspiredAttacksPerYear;
    private Double inspiredMomentumSensitivity;
    private Map<String, Integer> intelligenceServers;
    private Integer trainingPlaces;
    private DistributionSpec cellSize;
    private Boolean borderClosureStopsOperatives;
    private Double frustratedWeight;
    private Double returneeWeight;
    private Double callGain;
    private DistributionSpec inspiredPlotDays;
    private Integer handlers;
    private Double guidedPlotsPerHandlerPerYear;
    private Double attackFailure;
    private Double selectionPerYear;
    private Map<String, List<String>> languages;
    private List<ExitRoute> exitRoutes;
    private Double reachDecayPerYear;
    private Double reachUsedPerPlot;
    private CapacityBasis capacityFollows;

    private Builder() {}

    public Builder trainingDays(DistributionSpec trainingDays) {
      this.trainingDays = trainingDays;
      return this;
    }

    public Builder plotDays(DistributionSpec plotDays) {
      this.plotDays = plotDays;
      return this;
    }

    public Builder territorialShiftSensitivity(double territorialShiftSensitivity) {
      this.territorialShiftSensitivity = territorialShiftSensitivity;
      return this;
    }

    public Builder inspiredAttacksPerYear(double inspiredAttacksPerYear) {
      this.inspiredAttacksPerYear = inspiredAttacksPerYear;
      return this;
    }

    public Builder inspiredMomentumSensitivity(double inspiredMomentumSensitivity) {
      this.inspiredMomentumSensitivity = inspiredMomentumSensitivity;
      return this;
    }

    public Builder intelligenceServers(Map<String, Integer> intelligenceServers) {
      this.intelligenceServers = intelligenceServers;
      return this;
    }

    public Builder trainingPlaces(int trainingPlaces) {
      this.trainingPlaces = trainingPlaces;
      return this;
    }

    public Builder cellSize(DistributionSpec cellSize) {
      this.cellSize = cellSize;
      return this;
    }

    public Builder borderClosureStopsOperatives(boolean borderClosureStopsOperatives) {
      this.borderClosureStopsOperatives = borderClosureStopsOperatives;
      return this;
    }

    public Builder frustratedWeight(double frustratedWeight) {
      this.frustratedWeight = frustratedWeight;
      return this;
    }

    public Builder returneeWeight(double returneeWeight) {
      this.returneeWeight = returneeWeight;
      return this;
    }

    public Builder callGain(double callGain) {
      this.callGain = callGain;
      return this;
    }

    public Builder inspiredPlotDays(DistributionSpec inspiredPlotDays) {
      this.inspiredPlotDays = inspiredPlotDays;
      return this;
    }

    public Builder handlers(int handlers) {
      this.handlers = handlers;
      return this;
    }

    public Builder guidedPlotsPerHandlerPerYear(double guidedPlotsPerHandlerPerYear) {
      this.guidedPlotsPerHandlerPerYear = guidedPlotsPerHandlerPerYear;
      return this;
    }

    public Builder attackFailure(double attackFailure) {
      this.attackFailure = attackFailure;
      return this;
    }

    public Builder selectionPerYear(double selectionPerYear) {
      this.selectionPerYear = selectionPerYear;
      return this;
    }

    public Builder languages(Map<String, List<String>> languages) {
      this.languages = languages;
      return this;
    }

    public Builder exitRoutes(List<ExitRoute> exitRoutes) {
      this.exitRoutes = exitRoutes;
      return this;
    }

    public Builder reachDecayPerYear(double reachDecayPerYear) {
      this.reachDecayPerYear = reachDecayPerYear;
      return this;
    }

    public Builder reachUsedPerPlot(double reachUsedPerPlot) {
      this.reachUsedPerPlot = reachUsedPerPlot;
      return this;
    }

    public Builder capacityFollows(CapacityBasis capacityFollows) {
      this.capacityFollows = capacityFollows;
      return this;
    }

    /** The parameters with the fields set so far and every other field at its default. */
    public ExternalOperationsParameters build() {
      return new ExternalOperationsParameters(
          trainingDays,
          plotDays,
          territorialShiftSensitivity,
          inspiredAttacksPerYear,
          inspiredMomentumSensitivity,
          intelligenceServers,
          trainingPlaces,
          cellSize,
          borderClosureStopsOperatives,
          frustratedWeight,
          returneeWeight,
          callGain,
          inspiredPlotDays,
          handlers,
          guidedPlotsPerHandlerPerYear,
          attackFailure,
          selectionPerYear,
          languages,
          exitRoutes,
          reachDecayPerYear,
          reachUsedPerPlot,
          capacityFollows);
    }
  }

  /**
   * The share of the branch's full capacity that lives on ground held now, {@code held / peak}
   * ({@code peak} the largest value of {@code held} so far), in [0, 1]; 0 while nothing was ever
   * held (a branch whose capacity lives on held ground has none without ground).
   */
  public static double heldShare(double held, double peak) {
    return peak > 0 ? Math.max(0, Math.min(1, held / peak)) : 0;
  }

  /**
   * The training places now: {@code trainingPlaces} when the capacity is fixed, else {@code
   * floor(trainingPlaces x heldShare(held, peak))}.
   */
  public int placesNow(double held, double peak) {
    if (capacityFollows == CapacityBasis.FIXED) {
      return trainingPlaces;
    }
    return (int) Math.floor(trainingPlaces * heldShare(held, peak));
  }

  /**
   * Whether fighters of a source with {@code group} and these further languages speak {@code
   * language}.
   */
  public boolean speaks(String sourceId, String group, String language) {
    if (language == null) {
      return false;
    }
    if (language.equals(group)) {
      return true;
    }
    List<String> more = languages.get(sourceId);
    return more != null && more.contains(language);
  }

  @Override
  public void check(Checks c) {
    c.distribution(trainingDays, "trainingDays");
    c.distribution(plotDays, "plotDays");
    c.nonNegativeAtMost(
        territorialShiftSensitivity, Limits.MAX_WEIGHT_FACTOR, "territorialShiftSensitivity");
    c.nonNegativeAtMost(
        inspiredAttacksPerYear, Limits.MAX_EVENTS_PER_YEAR, "inspiredAttacksPerYear");
    c.between(
        inspiredMomentumSensitivity,
        -Limits.MAX_ELASTICITY,
        Limits.MAX_ELASTICITY,
        "inspiredMomentumSensitivity");
    intelligenceServers.forEach(
        (source, n) -> {
          String field = "intelligenceServers." + source;
          if (n == null) {
            c.add(field, "is required");
          } else if (n < 1 || n > Limits.MAX_SERVERS) {
            c.add(field, "must be in [1, " + Limits.MAX_SERVERS + "], was " + n);
          }
        });
    if (trainingPlaces < 1 || trainingPlaces > Limits.MAX_SERVERS) {
      c.add("trainingPlaces", "must be in [1, " + Limits.MAX_SERVERS + "], was " + trainingPlaces);
    }
    c.distribution(cellSize, "cellSize");
    c.nonNegativeAtMost(frustratedWeight, Limits.MAX_WEIGHT_FACTOR, "frustratedWeight");
    c.nonNegativeAtMost(returneeWeight, Limits.MAX_WEIGHT_FACTOR, "returneeWeight");
    c.nonNegativeAtMost(callGain, Limits.MAX_WEIGHT_FACTOR, "callGain");
    if (inspiredPlotDays != plotDays) {
      c.distribution(inspiredPlotDays, "inspiredPlotDays");
    }
    if (handlers < 0 || handlers > Limits.MAX_SERVERS) {
      c.add("handlers", "must be in [0, " + Limits.MAX_SERVERS + "], was " + handlers);
    }
    c.nonNegativeAtMost(
        guidedPlotsPerHandlerPerYear, Limits.MAX_EVENTS_PER_YEAR, "guidedPlotsPerHandlerPerYear");
    c.fraction(attackFailure, "attackFailure");
    c.nonNegativeAtMost(selectionPerYear, Limits.MAX_RATE_PER_YEAR, "selectionPerYear");
    c.nonNegativeAtMost(reachDecayPerYear, Limits.MAX_RATE_PER_YEAR, "reachDecayPerYear");
    c.nonNegativeAtMost(reachUsedPerPlot, Limits.MAX_WEIGHT_FACTOR, "reachUsedPerPlot");
    languages.forEach(
        (source, list) -> {
          String field = "languages." + source;
          if (list == null || list.isEmpty()) {
            c.add(field, "must list at least one language");
          } else if (list.size() > Limits.MAX_ELEMENTS) {
            c.add(
                field, "must have at most " + Limits.MAX_ELEMENTS + " entries, had " + list.size());
          } else {
            for (int i = 0; i < list.size(); i++) {
              if (list.get(i) == null || list.get(i).isBlank()) {
                c.add(field + "[" + i + "]", "must not be blank");
              }
            }
          }
        });
    if (exitRoutes.size() > Limits.MAX_ELEMENTS) {
      c.add(
          "exitRoutes",
          "must have at most " + Limits.MAX_ELEMENTS + " entries, had " + exitRoutes.size());
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < exitRoutes.size(); i++) {
      ExitRoute r = exitRoutes.get(i);
      Checks e = c.at("exitRoutes[" + i + "]");
      if (r == null) {
        e.add("", "is required");
        continue;
      }
      if (e.required(r.id(), "id")) {
        if (r.id().isBlank()) {
          e.add("id", "must not be blank");
        } else if (!ids.add(r.id())) {
          e.add("id", "duplicate exit route id '" + r.id() + "'");
        }
      }
      if (e.required(r.destinations(), "destinations") && r.destinations().isEmpty()) {
        e.add("destinations", "must list at least one source");
      }
      if (e.required(r.via(), "via") && r.via().isEmpty()) {
        e.add("via", "must list at least one corridor");
      }
      if (e.required(r.opens(), "opens") && r.closes() != null && !r.closes().isAfter(r.opens())) {
        e.add("closes", "must be after opens (" + r.opens() + "), was " + r.closes());
      }
      e.distribution(r.transitDelayDays(), "transitDelayDays");
      e.fraction(r.interdiction(), "interdiction");
      e.nonNegativeAtMost(r.weight(), Limits.MAX_WEIGHT, "weight");
    }
    if (cellSize != null && Double.isFinite(cellSize.mean()) && cellSize.mean() > MAX_CELL_SIZE) {
      c.add(
          "cellSize",
          "mean must be <= "
              + MAX_CELL_SIZE
              + " (cells are small groups), was "
              + Checks.number(cellSize.mean()));
    }
  }
}
