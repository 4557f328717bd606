package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the bytes of the bundled scenarios' outputs across restructurings (issue 11: mechanism-owned
 * parameters, named mechanisms, the wiring phase). The SHA-256 values were taken at commit f8a506e
 * (main before issue 11) with {@code ./polemos run <scenario> --seed 11 --replications 20 --threads
 * 2 --out DIR --no-report}; see docs/ARCHITECTURE.md, "Reference outputs". A change of the model's
 * behaviour (not of its structure) changes them on purpose: re-record them then, in the same
 * commit, and say why in its message.
 *
 * <p>summary.csv was re-recorded once since: issue 9 omits cells with n = 0. The new values are the
 * f8a506e summaries with exactly those rows removed (checked by filtering the old file), so the
 * restructuring still changed no value.
 *
 * <p>Re-recorded for issue 12 (places, stochastic combat, sieges, underground, the metrics {@code
 * fighters_underground} and {@code region_share_held}): minimal's events are unchanged, its series
 * and summary gain the new metrics.
 *
 * <p>Re-recorded for issue 14, step 1 (money that runs out): revenue gains the {@code loot} stream
 * and the metrics {@code spending_usd} and {@code unfunded_usd} are new; levant-2014's economy has
 * new parameters (dated oil price, displacement, war and family spending, looting, cash lost) and a
 * {@code cash-strikes} intervention, and its pay cuts now act on desertion and recruitment, so its
 * series, summary and events change; minimal's events are unchanged.
 *
 * <p>Re-recorded for issue 14, step 2 (detection as terror queues): a plot is now foiled when an
 * intelligence team detects it (exponential time) before its duration runs out, instead of a
 * Bernoulli draw and a uniform time, so the random draws and the outcomes' timing change in both
 * scenarios; levant-2014 gains intelligenceServers and an encrypted-communication intervention (new
 * events). minimal's events are unchanged.
 *
 * <p>Re-recorded for issue 14, step 3 (the external operations branch as an organisation): the
 * share of recruits assigned to operations abroad no longer rises with the area lost (both
 * scenarios drop territorialShiftSensitivity), the branch has training places, operatives travel in
 * cells by corridors open at the time and make one plot per cell, and the plot metrics count plots
 * (cells) rather than people; levant-2014's role shares and cell sizes change. minimal's events are
 * unchanged.
 */
class ReferenceOutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "levant-2014, 586169acf9d936a12c064520dc37079527fede19e3659c846503bca63070f784,"
        + " 1dddf7eb9b5fa291f53e05249b63483ab98bf6494d5968b617876a94805f433a,"
        + " e6a9d498c63fc2ba5620df1f58d03cb57009dbf509b50bd18b913317c8b19c9a",
    "minimal, e43515bdb5c5d402be7a4672e855f540f812a9041d90b4c8b388c82fe5393613,"
        + " 42e3ef457524cff8eaad5c249d438148d226ff1a691a364d3ffdc00136680cab,"
        + " b10161a405e1faf2d4e9f635cc318089bab414b5fe9f9614a24452bf067a6b63"
  })
  void outputsOfTheBundledScenariosAreUnchanged(
      String scenario, String series, String summary, String events) throws Exception {
    Path out = tmp.resolve(scenario);
    CliRun run =
        CliRun.of(
            "run",
            scenario,
            "--seed",
            "11",
            "--replications",
            "20",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--no-report",
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(sha256(out.resolve("series.csv"))).as(scenario + " series.csv").isEqualTo(series);
    assertThat(sha256(out.resolve("summary.csv"))).as(scenario + " summary.csv").isEqualTo(summary);
    assertThat(sha256(out.resolve("events.ndjson")))
        .as(scenario + " events.ndjson")
        .isEqualTo(events);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
