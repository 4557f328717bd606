package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "import";
    System.arraycopy(args, 0, all, 1, args.length);
    return cl.execute(all);
  }

  private static final String HEADER =
      "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
          + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
          + "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
          + "notes,fatalities,tags,timestamp";

  private static String row(
      String id, String date, String actor1, String country, String fatalities) {
    return id
        + ","
        + date
        + ",2015,1,Political violence,Battles,Armed clash,"
        + actor1
        + ",,1,Group Z,,2,12,,368,Middle East,"
        + country
        + ",Region,,,Town,33.1,44.2,1,Src,National,"
        + "\"note, with comma\","
        + fatalities
        + ",,1600000000";
  }

  private Path acled() throws IOException {
    return Files.write(
        dir.resolve("acled.csv"),
        String.join(
                "\n",
                HEADER,
                row("A1", "2015-01-05", "Group A", "Iraq", "3"),
                row("A2", "2015-01-06", "Group B", "Iraq", "1"),
                row("A3", "2015-03-07", "Group A", "Syria", "2"),
                "A4,2015-13-01,broken", // wrong column count
                row("A5", "2015-02-30", "Group A", "Iraq", "1"))
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void importsAndReportsRejectsWithExitZero() throws IOException {
    Path observed = dir.resolve("observed.csv");
    int code =
        run(
            "acled",
            acled().toString(),
            "--by",
            "month,country",
            "--metric",
            "events,fatalities",
            "--actor",
            "Group A",
            "--out",
            observed.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "layout     acled-current",
            "rows read  5",
            "accepted   3",
            "rejected   2",
            "wrong_column_count 1",
            "bad_date 1",
            "counted 2 events (1 filtered out");
    assertThat(Files.readAllLines(observed))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,observed_events,Iraq,1",
            "0,2015-01-01,observed_events,Syria,0",
            "0,2015-01-01,observed_fatalities,Iraq,3",
            "0,2015-01-01,observed_fatalities,Syria,0",
            "0,2015-02-01,observed_events,Iraq,0",
            "0,2015-02-01,observed_events,Syria,0",
            "0,2015-02-01,observed_fatalities,Iraq,0",
            "0,2015-02-01,observed_fatalities,Syria,0",
            "0,2015-03-01,observed_events,Iraq,0",
            "0,2015-03-01,observed_events,Syria,1",
            "0,2015-03-01,observed_fatalities,Iraq,0",
            "0,2015-03-01,observed_fatalities,Syria,2");
    assertThat(Files.readAllLines(dir.resolve("observed.rejects.csv"))).hasSize(3);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unusableHeaderExitsOneWithOneLineAndNoStackTrace() throws IOException {
    Path file = Files.writeString(dir.resolve("x.csv"), "eventid,iyear\n1,2001\n");
    int code = run("acled", file.toString(), "--out", dir.resolve("o.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("polemos import acled: " + file + ": unusable header")
        .doesNotContain("\tat ")
        .hasLineCount(1);
    assertThat(dir.resolve("o.csv")).doesNotExist();
  }

  @Test
  void missingFileExitsOne() {
    int code =
        run("gtd", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o.csv").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("no such file").hasLineCount(1);
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    String file = acled().toString();
    String o = dir.resolve("o.csv").toString();
    assertThat(run("acled", file)).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
    assertThat(run("acled", file, "--out", o, "--by", "month,contry")).isEqualTo(2);
    assertThat(err.toString()).contains("did you mean \"country\"?");
    assertThat(run("acled", file, "--out", o, "--metric", "fatality")).isEqualTo(2);
    assertThat(run("acled", file, "--out", o, "--actor", "(")).isEqualTo(2);
    assertThat(run("acled", file, "--out", o, "--from", "2015-1-1")).isEqualTo(2);
    assertThat(run("nato", file)).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing the dataset");
    assertThat(dir.resolve("o.csv")).doesNotExist();
  }

  @Test
  void asAndKeyWriteTheNamedSeries() throws IOException {
    Path observed = dir.resolve("observed.csv");
    int code =
        run(
            "acled",
            acled().toString(),
            "--by",
            "month",
            "--actor",
            "Group A",
            "--metric",
            "fatalities",
            "--as",
            "deaths_per_month",
            "--key",
            "islamic-state",
            "--out",
            observed.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(observed))
        .containsExactly(
            "replication,date,metric,key,value",
            "0,2015-01-01,deaths_per_month,islamic-state,3",
            "0,2015-02-01,deaths_per_month,islamic-state,0",
            "0,2015-03-01,deaths_per_month,islamic-state,2");
  }

  @Test
  void asAndKeyConflictsAreUsageErrors() throws IOException {
    String file = acled().toString();
    String o = dir.resolve("o.csv").toString();
    assertThat(
            run(
                "acled",
                file,
                "--out",
                o,
                "--metric",
                "events,fatalities",
                "--as",
                "deaths_per_month"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--as deaths_per_month names one metric but --metric asks for 2");
    assertThat(run("acled", file, "--out", o, "--by", "month,country", "--key", "islamic-state"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--key islamic-state gives every row one key, but --by also groups by country");
    assertThat(run("acled", file, "--out", o, "--by", "month", "--key", "Islamic State"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--key: \"Islamic State\" is not a valid key");
    assertThat(run("acled", file, "--out", o, "--as", "")).isEqualTo(2);
    assertThat(err.toString()).contains("--as: \"\" is not a valid metric name");
    assertThat(dir.resolve("o.csv")).doesNotExist();
  }

  @Test
  void helpShowsExamples() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("gtd", "acled", "ucdp", "polemos import acled acled.csv --by month,country");
    assertThat(run("acled", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--actor=REGEX",
            "--event-type=REGEX",
            "Example",
            "--as=METRIC",
            "--key=KEY",
            "--as deaths_per_month --key islamic-state");
  }

  @Test
  void outInAMissingDirectoryIsRefused() throws IOException {
    Path missing = dir.resolve("no/such/dir/x.csv");
    assertThat(run("acled", acled().toString(), "--out", missing.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--out "
                + missing
                + ": the directory "
                + dir.resolve("no/such/dir")
                + " does not exist; create it first");
    assertThat(dir.resolve("no")).doesNotExist();
    assertThat(run("acled", acled().toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is a directory");
  }

  @Test
  void mostRowsRejectedForOneReasonExitsOneAndSaysWhy() throws IOException {
    Path file =
        Files.write(
            dir.resolve("months.csv"),
            String.join(
                    "\n",
                    HEADER,
                    row("A1", "01-Janvier-2015", "Group A", "Iraq", "3"),
                    row("A2", "02-Fevrier-2015", "Group B", "Iraq", "1"),
                    row("A3", "2015-03-07", "Group A", "Syria", "2"))
                .getBytes(StandardCharsets.UTF_8));
    Path observed = dir.resolve("observed.csv");
    assertThat(run("acled", file.toString(), "--out", observed.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("rejected   2", "bad_date 2");
    assertThat(err.toString())
        .contains(
            "polemos import acled: " + file + ": 2 of 3 rows (67%) rejected as bad_date",
            "expected layout: acled-current",
            "first example, line 2: event_date \"01-Janvier-2015\"",
            "A1,01-Janvier-2015,2015,1,")
        .doesNotContain("\tat ");
    assertThat(observed).doesNotExist();
    assertThat(dir.resolve("observed.rejects.csv")).exists();

    assertThat(
            run("acled", file.toString(), "--out", observed.toString(), "--max-reject-share", "1"))
        .isZero();
    assertThat(observed).exists();
    assertThat(
            run(
                "acled",
                file.toString(),
                "--out",
                observed.toString(),
                "--max-reject-share",
                "1.5"))
        .isEqualTo(2);
  }

  @Test
  void aRegisteredDatasetIsListedAndImported() throws IOException {
    // ToyEventDataset is registered by cli/src/test/resources/META-INF/services, as an extension
    // would be.
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("gtd", "acled", "ucdp", "toy", ToyEventDataset.TITLE);
    Path file =
        Files.writeString(
            dir.resolve("toy.csv"), "uid,day,nation\n1,2015-03-04,Iraq\n2,2015-03-09,Iraq\n");
    Path observed = dir.resolve("toy-observed.csv");
    assertThat(run("toy", file.toString(), "--by", "month,country", "--out", observed.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("layout     toy-v1");
    assertThat(Files.readAllLines(observed))
        .containsExactly(
            "replication,date,metric,key,value", "0,2015-03-01,observed_events,Iraq,2");
    assertThat(run("toy", "--help")).isZero();
    assertThat(out.toString()).contains("toy-v1: toy export (uid, day, nation)");
  }
}
