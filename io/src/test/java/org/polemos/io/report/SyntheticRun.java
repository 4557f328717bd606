package org.polemos.io.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.polemos.io.results.RunManifest;
import org.polemos.io.results.SeriesCsvWriter;

/**
 * Writes a small run directory: 2 replications, a few metrics, 4 monthly dates, one intervention.
 */
final class SyntheticRun {
  private SyntheticRun() {}

  /** Cumulative deaths of islamic-state at the four samples (plus the replication index). */
  static final double[] DEATHS = {5, 15, 35, 40};

  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (SeriesCsvWriter series = new SeriesCsvWriter(dir.resolve("series.csv"))) {
      for (int replication = 0; replication < 2; replication++) {
        for (int month = 0; month < 4; month++) {
          LocalDate date =
              LocalDate.of(2015, 1, 31)
                  .plusMonths(month)
                  .withDayOfMonth(1)
                  .plusMonths(1)
                  .minusDays(1);
          series.row(
              replication,
              date,
              "foreign_arrivals_men_cumulative",
              "tunisia",
              100.0 * (month + 1) + replication);
          series.row(
              replication,
              date,
              "foreign_arrivals_men_cumulative",
              "all",
              150.0 * (month + 1) + replication);
          series.row(
              replication,
              date,
              "territory_km2",
              "islamic-state",
              90_000 - 1000.0 * month - replication);
          series.row(
              replication,
              date,
              "territory_km2",
              "iraqi-forces",
              10_000 + 1000.0 * month + replication);
          series.row(replication, date, "treasury_usd", "", 1e8 + 1e6 * month);
          series.row(
              replication, date, "deaths_cumulative", "islamic-state", DEATHS[month] + replication);
          series.row(replication, date, "deaths_cumulative", "iraqi-forces", 2.0 * (month + 1));
          series.row(replication, date, "plots_executed_cumulative", "all", month >= 2 ? 1 : 0);
        }
      }
      series.commit();
    }
    Files.writeString(
        dir.resolve("events.ndjson"),
        String.join(
                "\n",
                "{\"replication\":0,\"day\":40.5,\"date\":\"2015-02-10\",\"type\":\"control-changed\",\"subject\":\"anbar\","
                    + "\"from\":\"islamic-state\",\"to\":\"iraqi-forces\"}",
                "{\"replication\":1,\"day\":41.5,\"date\":\"2015-02-11\",\"type\":\"control-changed\",\"subject\":\"ninawa\","
                    + "\"from\":\"islamic-state\",\"to\":\"iraqi-forces\"}",
                "")
            + "\n");
    Files.writeString(
        dir.resolve("scenario.yaml"),
        """
        schemaVersion: 1
        id: synthetic
        name: Synthetic <test> scenario
        calendar:
          start: 2015-01-01
          end: 2015-04-30
          outputStep: monthly
        factions:
          - id: islamic-state
            name: Islamic State
            kind: organisation
          - id: iraqi-forces
            name: Iraqi Security Forces
            kind: state
        regions:
          - id: anbar
            name: Anbar
        sources:
          - id: tunisia
            name: Tunisia
        interventions:
          - id: border-closure-1
            name: Border tightening, phase 1
            kind: border-closure
            start: 2015-02-01
            end: 2015-03-15
        """);
    new RunManifest(
            "synthetic",
            "abc123",
            7,
            2,
            1,
            "0.1.0-test",
            List.of("polemos", "run", "synthetic"),
            "2026-01-01T00:00:00Z",
            java.util.Map.of("series", "series.csv"))
        .write(dir.resolve("manifest.json"));
    return dir;
  }
}
