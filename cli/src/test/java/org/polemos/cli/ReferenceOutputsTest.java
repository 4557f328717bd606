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
 * Pins the bytes of the bundled scenarios' outputs across restructurings (issue 11: mechanism-owned parameters,
 * named mechanisms, the wiring phase). The SHA-256 values were taken at commit f8a506e (main before issue 11)
 * with {@code ./polemos run <scenario> --seed 11 --replications 20 --threads 2 --out DIR --no-report}; see
 * docs/ARCHITECTURE.md, "Reference outputs". A change of the model's behaviour (not of its structure) changes
 * them on purpose: re-record them then, in the same commit, and say why in its message.
 *
 * <p>summary.csv was re-recorded once since: issue 9 omits cells with n = 0. The new values are the f8a506e
 * summaries with exactly those rows removed (checked by filtering the old file), so the restructuring still
 * changed no value.
 */
class ReferenceOutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "levant-2014, 61f23033b5d466e2fe22d3c444eeecc96ccf6d55d54c3dcd440082ff78d37822,"
          + " 98561c02032b6208b1aa28cbeb1c64a974e891c192b7f610db2208624153d12a,"
          + " 1d8fe9e562ae61b0ae7fbc5de2860430f51917f18872adf5e74d62f467d2bcaa",
      "minimal, e199c21f1fd9f262ba98f404395b7ec743ffd0505690902f4429a4e7c0b82938,"
          + " d6414a064d9a3e3b7f8b23b4411053eae37c4446d3099df22d4bb698e4213f63,"
          + " b10161a405e1faf2d4e9f635cc318089bab414b5fe9f9614a24452bf067a6b63"})
  void outputsOfTheBundledScenariosAreUnchanged(String scenario, String series, String summary, String events)
      throws Exception {
    Path out = tmp.resolve(scenario);
    CliRun run = CliRun.of("run", scenario, "--seed", "11", "--replications", "20", "--threads", "2", "--out",
        out.toString(), "--no-report", "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(sha256(out.resolve("series.csv"))).as(scenario + " series.csv").isEqualTo(series);
    assertThat(sha256(out.resolve("summary.csv"))).as(scenario + " summary.csv").isEqualTo(summary);
    assertThat(sha256(out.resolve("events.ndjson"))).as(scenario + " events.ndjson").isEqualTo(events);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
