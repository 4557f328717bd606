package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts 'polemos slurm' writes, and submit.sh's skipping of complete shards, with a stand-in
 * sbatch.
 */
class SlurmCommandTest {
  @TempDir Path tmp;

  @Test
  void writesAJobArrayAMergeJobAndASubmitScript() throws Exception {
    Path dir = tmp.resolve("cluster");
    CliRun r =
        CliRun.of(
            "slurm",
            "run",
            "minimal",
            "-n",
            "100",
            "--set",
            "corridors.tal-abyad.interdiction=0.6",
            "--shards",
            "5",
            "--out",
            dir.toString(),
            "--time",
            "00:20:00",
            "--mem",
            "3G",
            "--cpus-per-task",
            "2",
            "--partition",
            "short",
            "--polemos",
            "/opt/polemos/polemos");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String shards = Files.readString(dir.resolve("shards.sbatch"));
    assertThat(shards)
        .contains(
            "#SBATCH --array=0-4\n",
            "#SBATCH --time=00:20:00\n",
            "#SBATCH --mem=3G\n",
            "#SBATCH --cpus-per-task=2\n",
            "#SBATCH --partition=short\n",
            "#SBATCH --job-name=polemos-run\n",
            "#SBATCH --chdir=" + Path.of("").toAbsolutePath() + "\n",
            "exec /opt/polemos/polemos run minimal -n 100 --set corridors.tal-abyad.interdiction=0.6 --shard \"$i/5\" "
                + "--out "
                + dir
                + "/shards/\"$i\" --threads \"${SLURM_CPUS_PER_TASK:-2}\" --no-progress\n");
    String merge = Files.readString(dir.resolve("merge.sbatch"));
    assertThat(merge)
        .contains(
            "#SBATCH --kill-on-invalid-dep=yes\n",
            "#SBATCH --cpus-per-task=1\n",
            "#SBATCH --partition=short\n",
            "exec /opt/polemos/polemos merge " + dir + "/merged \"${shards[@]}\"\n");
    assertThat(Files.readString(dir.resolve("submit.sh")))
        .contains("--dependency=\"afterok:$array\"");
    assertThat(Files.getPosixFilePermissions(dir.resolve("submit.sh")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(r.out()).contains("submit with: bash " + dir.resolve("submit.sh"));
  }

  @Test
  void submitSkipsCompleteShardsAndChainsTheMergeAfterTheArray() throws Exception {
    Path dir = tmp.resolve("cluster");
    CliRun r =
        CliRun.of("slurm", "run", "minimal", "-n", "8", "--shards", "4", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("sbatch.log");
    Path sbatch = bin.resolve("sbatch");
    Files.writeString(
        sbatch,
        "#!/bin/bash\necho \"$*\" >> "
            + log
            + "\necho $((100 + $(wc -l < "
            + log
            + ")))\\;cluster\n");
    Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(dir.resolve("shards/1"));
    Files.writeString(dir.resolve("shards/1/shard.json"), "{}");
    Files.createDirectories(dir.resolve("shards/3"));
    Files.writeString(dir.resolve("shards/3/shard.json"), "{}");
    String out = bash(dir.resolve("submit.sh"), bin);
    assertThat(out)
        .contains(
            "submitted 2 of 4 shards (0,2) as job array 101", "submitted the merge as job 102");
    assertThat(Files.readAllLines(log))
        .containsExactly(
            "--parsable --array=0,2 " + dir.toAbsolutePath() + "/shards.sbatch",
            "--parsable --dependency=afterok:101 " + dir.toAbsolutePath() + "/merge.sbatch");
    Files.createDirectories(dir.resolve("shards/0"));
    Files.writeString(dir.resolve("shards/0/shard.json"), "{}");
    Files.createDirectories(dir.resolve("shards/2"));
    Files.writeString(dir.resolve("shards/2/shard.json"), "{}");
    assertThat(bash(dir.resolve("submit.sh"), bin)).contains("all 4 shards are complete");
    assertThat(Files.readAllLines(log).get(2))
        .isEqualTo("--parsable " + dir.toAbsolutePath() + "/merge.sbatch");
    Files.createDirectories(dir.resolve("merged"));
    assertThat(bash(dir.resolve("submit.sh"), bin)).contains("is complete; nothing to submit");
    assertThat(Files.readAllLines(log)).hasSize(3);
  }

  private static String bash(Path script, Path bin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void refusesWhatTheScriptsCannotRun() {
    Path dir = tmp.resolve("c");
    for (List<String> bad :
        List.of(
            List.of("slurm", "calibrate", "x.yaml", "--shards", "2", "--out", dir.toString()),
            List.of(
                "slurm", "sweep", "no-such-sweep.yaml", "--shards", "2", "--out", dir.toString()),
            List.of("slurm", "run", "minimal", "--out", dir.toString(), "--shards", "2", "-o", "x"),
            List.of(
                "slurm",
                "run",
                "minimal",
                "--shard",
                "1/2",
                "--shards",
                "2",
                "--out",
                dir.toString()),
            List.of("slurm", "run", "minimal", "--bogus", "--shards", "2", "--out", dir.toString()),
            List.of("slurm", "run", "minimal", "--shards", "0", "--out", dir.toString()),
            List.of(
                "slurm",
                "run",
                "minimal",
                "--shards",
                "2",
                "--out",
                dir.toString(),
                "--time",
                "soon"),
            List.of(
                "slurm",
                "run",
                "minimal",
                "--shards",
                "2",
                "--out",
                dir.toString(),
                "--mem",
                "2 GB"))) {
      CliRun r = CliRun.of(bad.toArray(String[]::new));
      assertThat(r.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(bad.toString()).hasLineCount(1);
    }
    assertThat(dir).doesNotExist();
  }
}
