package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polemos slurm} accepts every sharded experiment, including those whose command requires
 * --out (sweep, sensitivity, hindcast): slurm gives each shard task its --out, so the experiment is
 * given without one.
 */
class SlurmExperimentsTest {
  @TempDir Path tmp;

  @Test
  void aSweepIsGivenWithoutItsOut() throws Exception {
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        """
        base: minimal
        seed: 3
        replications: 2
        parameters:
          - path: corridors.tal-abyad.interdiction
            values: [0.05, 0.3]
        """);
    Path dir = tmp.resolve("cluster");
    CliRun r =
        CliRun.of(
            "slurm",
            "sweep",
            sweep.toString(),
            "--shards",
            "2",
            "--out",
            dir.toString(),
            "--polemos",
            "/opt/polemos/polemos");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve(SlurmScripts.SHARDS_SCRIPT)))
        .contains("exec /opt/polemos/polemos sweep " + sweep + " --shard \"$i/2\" --out ");
  }

  @Test
  void aSweepThatDoesNotExistIsStillOneUsageLine() {
    CliRun r =
        CliRun.of(
            "slurm",
            "sweep",
            tmp.resolve("no-such.yaml").toString(),
            "--shards",
            "2",
            "--out",
            tmp.resolve("c").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no-such.yaml: no such file").hasLineCount(1);
    assertThat(tmp.resolve("c")).doesNotExist();
  }
}
