package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the real exports kept beside the repository in {@code ../shared/data} (not part of the
 * project: their publishers' terms), or in the folder the environment variable {@code
 * POLEMOS_SHARED_DATA} names (a work tree elsewhere). Skipped, with a message saying so, where that
 * folder is absent.
 */
class RealSamplesImportTest {
  @TempDir Path dir;

  private static Path sample(String name) {
    String shared = System.getenv("POLEMOS_SHARED_DATA");
    String root = System.getProperty("polemos.root");
    Path base =
        root != null && !root.isBlank()
            ? Paths.get(root)
            : Paths.get("").toAbsolutePath().getParent();
    Path folder =
        shared != null && !shared.isBlank()
            ? Paths.get(shared)
            : base == null ? null : base.resolve("../shared/data").normalize();
    Path file = folder == null ? null : folder.resolve(name);
    assumeTrue(
        file != null && Files.isRegularFile(file),
        "sample "
            + name
            + " not present in "
            + folder
            + " (set POLEMOS_SHARED_DATA to the folder holding it)");
    return file;
  }

  private EventImport.Result run(EventDataset dataset, Path file, Aggregation aggregation)
      throws IOException {
    EventImport.Result result =
        EventImport.run(
            dataset,
            file,
            null,
            aggregation,
            dir.resolve("observed.csv"),
            EventImport.DEFAULT_MAX_REJECT_SHARE);
    ImportReport report = result.report();
    System.out.print(report.format());
    System.out.println(result.aggregation().format());
    assertThat(report.rowsRead()).isEqualTo(report.accepted() + report.rejected());
    assertThat(Files.readAllLines(result.rejects())).hasSize(1 + (int) report.rejected());
    return result;
  }

  @Test
  void gtdSample() throws IOException {
    Path file = sample("gtd-sample-us-2000-2017.csv");
    EventImport.Result result =
        run(
            new GtdDataset(),
            file,
            Aggregation.parseBy("year,country", Aggregation.monthlyEventsByCountry()));
    ImportReport report = result.report();
    assertThat(report.layout()).isEqualTo(GtdDataset.LAYOUT);
    assertThat(report.encoding()).isEqualTo("ISO-8859-1");
    assertThat(report.rowsRead()).isEqualTo(475);
    assertThat(report.accepted()).isEqualTo(475);
    assertThat(report.firstDate().getYear()).isEqualTo(2000);
    assertThat(report.lastDate().getYear()).isEqualTo(2017);
    List<String> lines = Files.readAllLines(result.series());
    assertThat(lines)
        .hasSize(1 + 18)
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "replication,date,metric,key,value|0,20\\d\\d-01-01,observed_events,United States,\\d+"));
    long total =
        lines.stream()
            .skip(1)
            .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
            .sum();
    assertThat(total).isEqualTo(475);
  }

  @Test
  void acledLowercaseV6Sample() throws IOException {
    Path file = sample("acled-africa-2016-lowercase-v6.csv");
    Aggregation byMonth = Aggregation.monthlyEventsByCountry();
    Aggregation isTripoli =
        new Aggregation(
            Period.MONTH,
            List.of(GroupField.COUNTRY),
            List.of(ObservedMetric.EVENTS, ObservedMetric.FATALITIES),
            Pattern.compile("Islamic State"),
            null,
            null,
            null,
            false);
    EventImport.Result result = run(new AcledDataset(), file, byMonth);
    ImportReport report = result.report();
    assertThat(report.layout()).isEqualTo(AcledDataset.V6_LOWERCASE);
    assertThat(report.rowsRead()).isEqualTo(500);
    assertThat(report.accepted()).isEqualTo(500);
    assertThat(report.firstDate()).isEqualTo(LocalDate.of(2016, 6, 17));
    assertThat(report.lastDate()).isEqualTo(LocalDate.of(2016, 7, 2));
    assertThat(result.aggregation().matched()).isEqualTo(500);

    EventImport.Result filtered = run(new AcledDataset(), file, isTripoli);
    assertThat(filtered.aggregation().matched()).isEqualTo(9);
    assertThat(Files.readAllLines(filtered.series()))
        .anyMatch(l -> l.contains(",observed_events,Libya,"));
  }

  @Test
  void acled31ColumnSample() throws IOException {
    Path file = sample("acled-2020-31col.csv");
    EventImport.Result result =
        run(
            new AcledDataset(),
            file,
            Aggregation.parseBy("week,country", Aggregation.monthlyEventsByCountry()));
    ImportReport report = result.report();
    assertThat(report.layout()).isEqualTo(AcledDataset.COLUMNS_31);
    assertThat(report.encoding()).isEqualTo("UTF-8");
    assertThat(report.rowsRead()).isEqualTo(5071);
    assertThat(report.accepted()).isEqualTo(5070);
    assertThat(report.rejectedByReason())
        .containsExactly(java.util.Map.entry(RejectReason.MISSING_VALUE, 1L));
    assertThat(report.firstDate()).isEqualTo(LocalDate.of(2020, 4, 27));
    assertThat(report.lastDate()).isEqualTo(LocalDate.of(2020, 5, 9));
  }
}
