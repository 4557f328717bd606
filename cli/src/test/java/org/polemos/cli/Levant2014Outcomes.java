package org.polemos.cli;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.polemos.model.Locality;
import org.polemos.model.Region;
import org.polemos.model.Scenario;
import org.polemos.model.result.EventRecord;
import org.polemos.model.result.Metric;
import org.polemos.sim.Engine;
import org.polemos.sim.RunListener;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.metric.BuiltInProbes;
import org.polemos.sim.random.RandomStreams;

/**
 * What replications of a scenario give for its territory: the organisation's area and fighters at
 * each sample, and, per named place, every change of hands with its date. Collected from the series
 * and events of the engine (docs/OUTPUTS.md), so it sees exactly what a researcher's output files
 * hold.
 */
final class Levant2014Outcomes {
  static final String ORG = "islamic-state";

  /** One replication: series by date and the changes of hands of each place, in order. */
  record Run(
      Map<LocalDate, Double> territory,
      Map<LocalDate, Double> fighters,
      Map<LocalDate, Double> underground,
      Map<String, List<Change>> changes) {

    /** First date {@code place} passed to {@code to} on or after {@code from}, or null. */
    LocalDate firstTo(String place, String to, LocalDate from) {
      for (Change c : changes.getOrDefault(place, List.of())) {
        if (c.to().equals(to) && !c.date().isBefore(from)) {
          return c.date();
        }
      }
      return null;
    }

    /**
     * First date {@code place} passed from {@code org} to anyone on or after {@code from}, or null.
     */
    LocalDate firstFrom(String place, String holder, LocalDate from) {
      for (Change c : changes.getOrDefault(place, List.of())) {
        if (c.from().equals(holder) && !c.date().isBefore(from)) {
          return c.date();
        }
      }
      return null;
    }

    boolean everChanged(String place) {
      return !changes.getOrDefault(place, List.of()).isEmpty();
    }

    /** The holder of {@code place} at the end, given its holder at the start. */
    String holderAtEnd(String place, String initial) {
      List<Change> cs = changes.getOrDefault(place, List.of());
      return cs.isEmpty() ? initial : cs.get(cs.size() - 1).to();
    }

    /**
     * The organisation's territory on {@code date}, interpolated linearly between the samples
     * around it.
     */
    double territoryOn(LocalDate date) {
      LocalDate before = null;
      LocalDate after = null;
      for (LocalDate d : territory.keySet()) {
        if (!d.isAfter(date) && (before == null || d.isAfter(before))) {
          before = d;
        }
        if (!d.isBefore(date) && (after == null || d.isBefore(after))) {
          after = d;
        }
      }
      if (before.equals(after)) {
        return territory.get(before);
      }
      double w =
          (double) (date.toEpochDay() - before.toEpochDay())
              / (after.toEpochDay() - before.toEpochDay());
      return territory.get(before) * (1 - w) + territory.get(after) * w;
    }
  }

  record Change(LocalDate date, String from, String to) {}

  private Levant2014Outcomes() {}

  static List<Run> run(Scenario scenario, int replications) {
    Engine engine = Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
    RandomStreams streams = RandomStreams.of(scenario.seed());
    Run[] runs = new Run[replications];
    IntStream.range(0, replications)
        .parallel()
        .forEach(
            rep -> {
              Map<LocalDate, Double> territory = new ConcurrentHashMap<>();
              Map<LocalDate, Double> fighters = new ConcurrentHashMap<>();
              Map<LocalDate, Double> underground = new ConcurrentHashMap<>();
              Map<String, List<Change>> changes = new LinkedHashMap<>();
              engine.run(
                  scenario,
                  rep,
                  streams,
                  new RunListener() {
                    @Override
                    public void series(
                        int r, LocalDate date, String metric, String key, double value) {
                      if (!key.equals(ORG)) {
                        return;
                      }
                      switch (metric) {
                        case Metric.TERRITORY_KM2 -> territory.put(date, value);
                        case Metric.FIGHTERS -> fighters.put(date, value);
                        case BuiltInProbes.FIGHTERS_UNDERGROUND -> underground.put(date, value);
                        default -> {}
                      }
                    }

                    @Override
                    public void event(EventRecord e) {
                      if (e.type().equals("control-changed")) {
                        changes
                            .computeIfAbsent(e.subject(), k -> new ArrayList<>())
                            .add(
                                new Change(
                                    e.date(), e.details().get("from"), e.details().get("to")));
                      }
                    }
                  });
              runs[rep] = new Run(territory, fighters, underground, changes);
            });
    return Arrays.asList(runs);
  }

  /** The p-th quantile (0..1) of the non-null dates, or null when fewer than half are non-null. */
  static LocalDate quantile(List<LocalDate> dates, double p) {
    long[] days =
        dates.stream().filter(d -> d != null).mapToLong(LocalDate::toEpochDay).sorted().toArray();
    if (days.length == 0) {
      return null;
    }
    return LocalDate.ofEpochDay(days[(int) Math.min(days.length - 1, Math.floor(p * days.length))]);
  }

  static double quantile(double[] xs, double p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
  }

  /** The initial holder of every place of the scenario. */
  static Map<String, String> initialHolders(Scenario scenario) {
    Map<String, String> holders = new LinkedHashMap<>();
    for (Region r : scenario.regions()) {
      holders.put(r.id(), r.controller());
      for (Locality l : r.localities()) {
        holders.put(l.id(), l.controller() == null ? r.controller() : l.controller());
      }
    }
    return holders;
  }

  /**
   * A plain-text table of what the runs give: territory quantiles and, per place, its changes of
   * hands.
   */
  static String summary(Scenario scenario, List<Run> runs) {
    StringBuilder sb = new StringBuilder();
    int n = runs.size();
    for (String d :
        List.of(
            "2014-07-01",
            "2015-01-01",
            "2015-06-01",
            "2015-12-14",
            "2016-06-01",
            "2016-12-01",
            "2016-12-31",
            "2017-06-01",
            "2017-12-31")) {
      LocalDate date = LocalDate.parse(d);
      double[] t = runs.stream().mapToDouble(r -> r.territoryOn(date)).toArray();
      sb.append(
          String.format(
              "territory %s p05 %,.0f p50 %,.0f p95 %,.0f%n",
              d, quantile(t, 0.05), quantile(t, 0.5), quantile(t, 0.95)));
    }
    double[] decline =
        runs.stream()
            .mapToDouble(
                r ->
                    r.territoryOn(LocalDate.parse("2015-12-14"))
                            / r.territoryOn(LocalDate.parse("2015-01-01"))
                        - 1)
            .toArray();
    sb.append(
        String.format(
            "2015 change p05 %.3f p50 %.3f p95 %.3f%n",
            quantile(decline, 0.05), quantile(decline, 0.5), quantile(decline, 0.95)));
    LocalDate end = LocalDate.parse("2017-12-31");
    double[] visible =
        runs.stream().mapToDouble(r -> r.fighters().getOrDefault(end, 0.0)).toArray();
    double[] under =
        runs.stream().mapToDouble(r -> r.underground().getOrDefault(end, 0.0)).toArray();
    sb.append(
        String.format(
            "end-2017 fighters p05 %,.0f p50 %,.0f; underground p05 %,.0f p50 %,.0f%n",
            quantile(visible, 0.05),
            quantile(visible, 0.5),
            quantile(under, 0.05),
            quantile(under, 0.5)));
    LocalDate start = scenario.calendar().start();
    for (Map.Entry<String, String> e : initialHolders(scenario).entrySet()) {
      String place = e.getKey();
      long changed = runs.stream().filter(r -> r.everChanged(place)).count();
      if (changed == 0) {
        sb.append(String.format("%-22s %-18s never changes hands%n", place, e.getValue()));
        continue;
      }
      sb.append(String.format("%-22s %-18s changes in %d/%d", place, e.getValue(), changed, n));
      List<LocalDate> taken = runs.stream().map(r -> r.firstTo(place, ORG, start)).toList();
      List<LocalDate> lost = runs.stream().map(r -> r.firstFrom(place, ORG, start)).toList();
      appendDates(sb, " taken by org", taken, n);
      appendDates(sb, " lost by org", lost, n);
      Map<String, Long> lostTo = new LinkedHashMap<>();
      runs.forEach(
          r ->
              r.changes().getOrDefault(place, List.of()).stream()
                  .filter(c -> c.from().equals(ORG))
                  .findFirst()
                  .ifPresent(
                      c ->
                          lostTo.merge(
                              c.to() + (c.date().getYear() < 2016 ? "<2016" : ""), 1L, Long::sum)));
      if (!lostTo.isEmpty()) {
        sb.append(" first lost to ").append(lostTo);
      }
      Map<String, Long> endHolder = new LinkedHashMap<>();
      runs.forEach(r -> endHolder.merge(r.holderAtEnd(place, e.getValue()), 1L, Long::sum));
      sb.append(" end ").append(endHolder).append('\n');
    }
    return sb.toString();
  }

  private static void appendDates(StringBuilder sb, String what, List<LocalDate> dates, int n) {
    long k = dates.stream().filter(d -> d != null).count();
    if (k > 0) {
      sb.append(
          String.format(
              ";%s %d/%d p05 %s p50 %s p95 %s",
              what, k, n, quantile(dates, 0.05), quantile(dates, 0.5), quantile(dates, 0.95)));
    }
  }
}
