package org.polemos.examples.reintegration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.cli.Main;
import org.polemos.io.events.EventDatasets;
import org.polemos.io.report.ChartCatalogue;
import org.polemos.io.report.ChartSpec;
import picocli.CommandLine;

/**
 * The extension's report chart and event dataset, found through their service files as the {@code
 * polemos} command finds them: the chart is in report.html of a run that has the metric, and {@code
 * polemos import reintegration-reports} reads the bundled example file.
 */
class ReintegrationChartAndImportTest {
  @TempDir Path tmp;

  /** Standard output and error of one command line, and its exit code. */
  private record Cli(int code, String out, String err) {}

  private static Cli cli(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void theChartIsInTheCatalogueAfterTheBuiltInOnes() {
    List<String> ids = ChartCatalogue.all().stream().map(ChartSpec::id).toList();
    assertThat(ids).contains("territory", ReintegrationCharts.ID);
    assertThat(ids.indexOf(ReintegrationCharts.ID)).isGreaterThan(ids.indexOf("territory"));
  }

  @Test
  void theReportOfARunShowsTheChartWithTheMetricsSeries() throws Exception {
    Path run = tmp.resolve("run");
    Cli r = cli("run", "minimal", "-n", "2", "--out", run.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(run.resolve("report.html"));
    assertThat(html)
        .contains("<section class=\"chart\" id=\"reintegration\">")
        .contains("Returnees in the reintegration programme (people)")
        .contains("href=\"#reintegration\"");
    // the chart's data has a line per key of the metric, labelled as the catalogue says
    assertThat(html)
        .contains("\"label\":\"eligible\"")
        .contains("\"label\":\"waiting\"")
        .contains("\"label\":\"not completed\"");
  }

  @Test
  void importListsTheDatasetAndReadsTheBundledExampleFile() throws Exception {
    assertThat(EventDatasets.ids()).contains(ProgrammeReports.ID);
    Cli help = cli("import", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains(ProgrammeReports.ID, "Reintegration programme reports");

    Path file = Path.of("data", "reintegration-reports-example.csv");
    assertThat(file).as("the example file, relative to examples/extension").isRegularFile();
    Path observed = tmp.resolve("reports-observed.csv");
    Cli r =
        cli(
            "import",
            ProgrammeReports.ID,
            file.toString(),
            "--by",
            "month,country",
            "--out",
            observed.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("layout     reports-v1");
    // 6 rows: February 2015 has two reports from Country A and one from B; March one and two
    assertThat(Files.readAllLines(observed))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-02-01,observed_events,Country A,2",
            "0,2015-02-01,observed_events,Country B,1",
            "0,2015-03-01,observed_events,Country A,1",
            "0,2015-03-01,observed_events,Country B,2");
  }

  @Test
  void aRowWithABadDateIsRejectedAndTheOthersCounted() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("reports.csv"),
            "report_id,published,country\n"
                + "a,2015-02-03,Country A\n"
                + "b,2015-02-04,Country A\n"
                + "c,2015-02-05,Country A\n"
                + "d,3 Feb 2015,Country A\n");
    Path observed = tmp.resolve("observed.csv");
    Cli r =
        cli(
            "import",
            ProgrammeReports.ID,
            file.toString(),
            "--by",
            "month,country",
            "--out",
            observed.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // rows read = accepted + rejected; the rejected one is in the rejects file beside the output
    assertThat(Files.readString(tmp.resolve("observed.rejects.csv")))
        .contains("bad_date")
        .contains("3 Feb 2015")
        .contains("is not a date");
    assertThat(Files.readAllLines(observed))
        .containsExactly(
            "replication,date,metric,key,value", "0,2015-02-01,observed_events,Country A,3");
  }
}
