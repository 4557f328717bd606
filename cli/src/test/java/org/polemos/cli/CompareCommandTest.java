package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path tmp;

  private Path run(String name, String... extra) {
    Path dir = tmp.resolve(name);
    String[] args = new String[6 + extra.length];
    System.arraycopy(
        new String[] {"run", "minimal", "-n", "20", "--out", dir.toString()}, 0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return dir;
  }

  @Test
  void identicalScenariosGiveExactlyZeroDifferences() throws Exception {
    Path a = run("a", "--no-progress");
    Path b = run("b", "--no-progress");
    Path out = tmp.resolve("same.csv");
    CliRun r = CliRun.of("compare", a.toString(), b.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .startsWith("date,metric,key,n,mean_a,mean_b,mean_diff,sd_diff,ci_low,ci_high");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (!f[4].equals("NaN")) {
        assertThat(f[6]).as(line).isEqualTo("0");
      }
    }
    assertThat(r.out()).contains("No difference");
  }

  /**
   * Common random numbers: the paired interval of a lever's effect is narrower than the unpaired
   * one.
   */
  @Test
  void pairedIntervalIsNarrowerThanUnpairedForALeverThatMatters() throws Exception {
    Path a = run("base", "--no-progress");
    Path b = run("tight", "--no-progress", "--set", "corridors.tal-abyad.interdiction=0.5");
    Path out = tmp.resolve("diff.csv");
    CliRun r = CliRun.of("compare", a.toString(), b.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String last =
        Files.readAllLines(out).stream()
            .filter(l -> l.startsWith("2015-06-09,foreign_arrivals_cumulative,all,"))
            .findFirst()
            .orElseThrow();
    String[] f = last.split(",");
    double paired = Double.parseDouble(f[9]) - Double.parseDouble(f[8]);
    double unpaired = Double.parseDouble(f[11]) - Double.parseDouble(f[10]);
    assertThat(Double.parseDouble(f[6])).isNegative();
    assertThat(paired).isLessThan(unpaired);
    assertThat(r.out()).contains("foreign_arrivals_cumulative");
  }

  /**
   * The console lists effects largest relative change first, in one number format, and a page is
   * written.
   */
  @Test
  void consoleSummaryIsSortedByEffectInOneFormatAndComparePageIsWritten() throws Exception {
    Path a = run("base2", "--no-progress");
    Path b = run("tight2", "--no-progress", "--set", "corridors.tal-abyad.interdiction=0.5");
    Path out = tmp.resolve("cmp.csv");
    CliRun r =
        CliRun.of("compare", a.toString(), b.toString(), "--out", out.toString(), "--top", "1000");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).endsWith(out + ", " + tmp.resolve("cmp.html"));
    List<Double> changes = new java.util.ArrayList<>();
    boolean naSeen = false;
    for (String line : lines.subList(3, lines.size())) {
      String change = line.substring(line.lastIndexOf(' ') + 1);
      // one number format: no exponents, no raw Java doubles
      assertThat(line).doesNotContainPattern("\\de[+-]?\\d").doesNotContain("NaN", "Infinity");
      if (change.equals("n/a")) {
        naSeen = true;
        continue;
      }
      assertThat(naSeen).as("rows without a relative change come last").isFalse();
      changes.add(
          Math.abs(
              Double.parseDouble(change.replace("%", "").replace(",", "").replace("\u2212", "-"))));
    }
    assertThat(changes).hasSizeGreaterThan(1);
    assertThat(changes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    String html = Files.readString(tmp.resolve("cmp.html"));
    assertThat(html)
        .contains("Effects at", "foreign_arrivals_cumulative", "id=\"report-data\"")
        .doesNotContain("<script src");
  }

  @Test
  void runsWithDifferentSeedsAreRefusedClearly() {
    Path a = run("s1", "--no-progress");
    Path b = run("s2", "--no-progress", "--seed", "99");
    CliRun r =
        CliRun.of("compare", a.toString(), b.toString(), "--out", tmp.resolve("x.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("seeds differ").doesNotContain("Exception");
  }
}
