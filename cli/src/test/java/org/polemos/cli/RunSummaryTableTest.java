package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTableTest {
  private static List<LocalDate> monthly(LocalDate start, LocalDate end) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusMonths(1)) {
      dates.add(d);
    }
    if (!dates.get(dates.size() - 1).equals(end)) {
      dates.add(end);
    }
    return dates;
  }

  @Test
  void rowsFallOnTheCalendarYears() {
    assertThat(RunSummaryTable.rows(monthly(LocalDate.of(2014, 1, 1), LocalDate.of(2017, 12, 31))))
        .containsExactly(
            LocalDate.of(2014, 1, 1),
            LocalDate.of(2015, 1, 1),
            LocalDate.of(2016, 1, 1),
            LocalDate.of(2017, 1, 1),
            LocalDate.of(2017, 12, 31));
    // Mid-year start, samples on the 20th: the sample nearest 1 January is 20 December, not 20
    // January.
    assertThat(RunSummaryTable.rows(monthly(LocalDate.of(2014, 6, 20), LocalDate.of(2016, 6, 19))))
        .containsExactly(
            LocalDate.of(2014, 6, 20),
            LocalDate.of(2014, 12, 20),
            LocalDate.of(2015, 12, 20),
            LocalDate.of(2016, 6, 19));
    // Weekly samples from a Wednesday: the nearest to 1 January 2015 is 31 December 2014.
    List<LocalDate> weekly = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2014, 10, 1);
        d.isBefore(LocalDate.of(2015, 3, 1));
        d = d.plusWeeks(1)) {
      weekly.add(d);
    }
    assertThat(RunSummaryTable.rows(weekly))
        .containsExactly(
            LocalDate.of(2014, 10, 1), LocalDate.of(2014, 12, 31), weekly.get(weekly.size() - 1));
  }

  @Test
  void moneyIsRoundedToThreeSignificantDigits() {
    assertThat(RunSummaryTable.number(1_234_567_890.12, true)).isEqualTo("1.23 bn");
    assertThat(RunSummaryTable.number(45_678_901, true)).isEqualTo("45.7 M");
    assertThat(RunSummaryTable.number(999_600, true)).isEqualTo("1.00 M");
    assertThat(RunSummaryTable.number(123_456, true)).isEqualTo("123 k");
    assertThat(RunSummaryTable.number(-2_500, true)).isEqualTo("-2.50 k");
    assertThat(RunSummaryTable.number(512.4, true)).isEqualTo("512");
    assertThat(RunSummaryTable.number(2_345_678_901_234.0, true)).isEqualTo("2346 bn");
    assertThat(RunSummaryTable.number(12_345.6, false)).isEqualTo("12,346");
  }

  @Test
  void aValueThatIsZeroUpToRoundingPrintsZeroNotMinusZero() {
    assertThat(RunSummaryTable.number(-1e-10, false)).isEqualTo("0");
    assertThat(RunSummaryTable.number(-0.0, false)).isEqualTo("0");
    assertThat(RunSummaryTable.number(-0.4, true)).isEqualTo("0");
    assertThat(RunSummaryTable.number(-0.6, false)).isEqualTo("-1");
  }

  @Test
  void quantilesInterpolateLinearly() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assertThat(RunSummaryTable.quantile(sorted, 0.05)).isEqualTo(1.5);
    assertThat(RunSummaryTable.quantile(sorted, 0.95)).isEqualTo(10.5);
    assertThat(RunSummaryTable.quantile(new double[] {4}, 0.95)).isEqualTo(4);
  }

  @Test
  void aRunPrintsMeansWithTheirRangeAndNoNaN() {
    CliRun run =
        CliRun.of(
            "run",
            "minimal",
            "-n",
            "4",
            "--out",
            System.getProperty("java.io.tmpdir")
                + "/polemos-summary-table-"
                + ProcessHandle.current().pid(),
            "--no-progress",
            "--no-report");
    try {
      assertThat(run.exitCode()).as(run.err()).isZero();
      // minimal starts on 2014-06-10 with monthly samples: 2015-01-10 is the sample nearest 1
      // January 2015.
      assertThat(run.out())
          .contains("mean of 4 replications, (p05..p95) across them where they differ)")
          .containsPattern("\\n  2015-01-10 .* [0-9,]+ \\([0-9,]+\\.\\.[0-9,]+\\) ")
          .containsPattern(" [0-9.]+ [kM]")
          .doesNotContain("NaN");
    } finally {
      deleteQuietly(
          java.nio.file.Path.of(
              System.getProperty("java.io.tmpdir"),
              "polemos-summary-table-" + ProcessHandle.current().pid()));
    }
  }

  private static void deleteQuietly(java.nio.file.Path dir) {
    try (var files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : files.toList()) {
        java.nio.file.Files.deleteIfExists(f);
      }
      java.nio.file.Files.deleteIfExists(dir);
    } catch (java.io.IOException e) {
      // a temporary directory
    }
  }
}
