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
 * scenarios; levant-2014 gains intelligenceServers and an encrypted-communication intervention
 * (new events). minimal's events are unchanged.
 */
class ReferenceOutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "levant-2014, 226504323ebfddd02f6f18623e0ffeee3b61ac69ee97eb826a2ee389629101cb,"
        + " cf1e28e6188a3cfdd7c4ffd355f0fff9ac84d766184b547f6bd2716b5a67cb66,"
        + " b97183a3e8ff1dc5eb581a415e9e8a13cf613f799e45f12fb729882185bc1947",
    "minimal, d29496c1fdfaa08aa449d631184b48822afee1577b660db226b40c999ef655d2,"
        + " 8f26dcba5ae48b63b03211f02f7699886c7558f2a7ba493ec537a413b0376126,"
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
