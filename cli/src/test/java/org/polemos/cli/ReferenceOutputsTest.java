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
 */
class ReferenceOutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "levant-2014, 2c59cb92ddd7bf6fa4496d1eb519e7a1da5809d2a5a6f83a708da7921fed2603,"
        + " 68ba1ec34f5c320016f44b8640485c0dc378dcf82cedbd43c8db9c8bea70eb1e,"
        + " 1484ee213fea10f5d3de9ae79d326907b44378a2bb8bf04ba22d61d46d90139d",
    "minimal, cdce8c8d49c4170d91e4bb4b1f741e11460207a3f33581c07769a0bb557a6542,"
        + " e35ddc5ddbac5ccd8dd5534cbed1da44152c528b9f849f41f511251d44a972fb,"
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
