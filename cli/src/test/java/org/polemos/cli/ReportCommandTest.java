package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ReportCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path runDirectory() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(
        dir.resolve("series.csv"),
        "replication,date,metric,key,value\n"
            + "0,2014-01-31,territory_km2,islamic-state,1000\n0,2014-02-28,territory_km2,islamic-state,1200\n"
            + "1,2014-01-31,territory_km2,islamic-state,1100\n1,2014-02-28,territory_km2,islamic-state,1300\n");
    // written last by 'polemos run': without it the directory is an unfinished run
    new org.polemos.io.results.RunManifest(
            "minimal",
            "0",
            1,
            2,
            1,
            "test",
            java.util.List.of("polemos"),
            "now",
            java.util.Map.of("series", "series.csv"))
        .write(dir.resolve("manifest.json"));
    return dir;
  }

  @Test
  void writesTheReport() throws Exception {
    Path dir = runDirectory();
    Path out = tmp.resolve("page.html");
    Result result = run(dir.toString(), "--out", out.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo(out.toString());
    assertThat(Files.readString(out)).contains("Territory held by faction");
  }

  @Test
  void missingInputsAreOneLineAndExitOne() throws Exception {
    Result missing = run(tmp.resolve("nothing").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err().strip())
        .startsWith("polemos report: " + tmp.resolve("nothing") + ": no such run directory")
        .doesNotContain("\n")
        .doesNotContain("Exception");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Result noSeries = run(empty.toString());
    assertThat(noSeries.code()).isEqualTo(1);
    assertThat(noSeries.err()).contains("not a finished run directory (no manifest.json");

    Path observed = tmp.resolve("observed.csv");
    Files.writeString(
        observed, "replication,date,metric,key,value\n0,2014-01-31,fighters,islamic-state,x\n");
    Result malformed = run(runDirectory().toString(), "--observed", observed.toString());
    assertThat(malformed.code()).isEqualTo(1);
    assertThat(malformed.err().strip())
        .isEqualTo("polemos report: " + observed + ":2: value 'x' is not a number");
  }

  @Test
  void anUnfinishedRunIsRefusedInOneLine() throws Exception {
    Path dir = runDirectory();
    Files.delete(dir.resolve("manifest.json"));
    Result result = run(dir.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().strip())
        .startsWith("polemos report: " + dir + ": not a finished run directory (no manifest.json")
        .doesNotContain("\n");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("a", "--bogus").code()).isEqualTo(2);
  }
}
