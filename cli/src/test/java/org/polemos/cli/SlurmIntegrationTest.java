package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polemos slurm --submit} on a real single-node Slurm that this test starts and stops
 * itself: munged (own key and socket), slurmctld and slurmd in the foreground as child processes,
 * with a slurm.conf written here (proctrack/linuxproc, task/none, state under a temporary
 * directory, free ports), so it needs no system configuration and leaves nothing running. It skips,
 * saying why, where Slurm and munge are not installed or the test does not run as root (slurmd
 * must); .ci/run installs them.
 *
 * <p>Checks: the merged directory equals a local run byte for byte; after one array task is
 * cancelled mid-way (scancel while its part file is being written) and the same command
 * resubmitted, only that shard runs again and the merged directory is still identical.
 */
class SlurmIntegrationTest {
  private static final long WAIT_SECONDS = 240;
  private static final List<String> EXPERIMENT =
      List.of("run", "minimal", "-n", "48", "--keep-series", "4");

  @TempDir static Path tmp;
  private static Path conf;
  private static final List<Process> daemons = new ArrayList<>();

  @BeforeAll
  static void startSlurm() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel")) {
      if (find(tool).isEmpty()) {
        missing.add(tool);
      }
    }
    Assumptions.assumeTrue(
        missing.isEmpty(),
        "Slurm is not installed (missing "
            + String.join(", ", missing)
            + "): the Slurm integration test is skipped; install the Debian packages slurm-wlm and munge (.ci/run does)");
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "the Slurm integration test needs root (slurmd runs jobs as their user): skipped");
    // stop the daemons even if this JVM is ended early (the normal stop is stopSlurm)
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> List.copyOf(daemons).forEach(Process::destroy)));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path munge = Files.createDirectories(tmp.resolve("munge"));
    Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path keyDir = Files.createDirectories(tmp.resolve("munge-key"));
    Files.setPosixFilePermissions(keyDir, PosixFilePermissions.fromString("rwx------"));
    byte[] key = new byte[1024];
    new SecureRandom().nextBytes(key);
    Path keyFile = Files.write(keyDir.resolve("munge.key"), key);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
    Path socket = munge.resolve("munge.socket");
    daemons.add(
        start(
            tmp.resolve("munged.out"),
            find("munged").get().toString(),
            "--foreground",
            "--force",
            "--key-file=" + keyFile,
            "--socket=" + socket,
            "--pid-file=" + munge.resolve("munged.pid"),
            "--log-file=" + munge.resolve("munged.log"),
            "--seed-file=" + munge.resolve("munged.seed")));
    waitFor(() -> Files.exists(socket), "munged to create its socket");

    String host = run(List.of("hostname", "-s")).strip();
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path spool = Files.createDirectories(tmp.resolve("spool"));
    conf = tmp.resolve("slurm.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "ClusterName=polemostest",
            "SlurmctldHost=" + host + "(127.0.0.1)",
            "SlurmUser=root",
            "SlurmdUser=root",
            "SlurmctldPort=" + freePort(),
            "SlurmdPort=" + freePort(),
            "AuthType=auth/munge",
            "AuthInfo=socket=" + socket,
            "CredType=cred/munge",
            "StateSaveLocation=" + state,
            "SlurmdSpoolDir=" + spool,
            "SlurmctldPidFile=" + tmp.resolve("slurmctld.pid"),
            "SlurmdPidFile=" + tmp.resolve("slurmd.pid"),
            "SlurmctldLogFile=" + tmp.resolve("slurmctld.log"),
            "SlurmdLogFile=" + tmp.resolve("slurmd.log"),
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "MpiDefault=none",
            "SchedulerType=sched/builtin",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "ReturnToService=2",
            "NodeName=" + host + " NodeAddr=127.0.0.1 CPUs=2 RealMemory=4096 State=UNKNOWN",
            "PartitionName=polemos Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
            ""));
    daemons.add(
        start(
            tmp.resolve("slurmctld.out"),
            find("slurmctld").get().toString(),
            "-D",
            "-f",
            conf.toString()));
    daemons.add(
        start(
            tmp.resolve("slurmd.out"),
            find("slurmd").get().toString(),
            "-D",
            "-f",
            conf.toString()));
    waitFor(
        () ->
            run(List.of(find("sinfo").get().toString(), "-h", "-o", "%T"))
                .strip()
                .startsWith("idle"),
        "the node to be idle (sinfo)");
  }

  @AfterAll
  static void stopSlurm() throws Exception {
    if (conf != null && !daemons.isEmpty()) {
      try {
        run(List.of(find("scancel").get().toString(), "--user=root"));
        waitFor(() -> queue().isEmpty(), "the queue to empty");
      } catch (AssertionError | IOException e) {
        // the daemons are stopped below whatever happened
      }
    }
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    daemons.clear();
  }

  @Test
  void slurmJobArrayMergesToTheLocalBytesAndResumesAfterACancelledTask() throws Exception {
    Path local = tmp.resolve("local");
    // the scripts give each task --threads (its CPUs, 1 here) and --no-progress: the local run does
    // the same
    List<String> localArgs = new ArrayList<>(EXPERIMENT);
    localArgs.addAll(List.of("--threads", "1", "--no-progress", "--out", local.toString()));
    CliRun reference = CliRun.of(localArgs.toArray(String[]::new));
    assertThat(reference.exitCode()).as(reference.err()).isZero();

    // 1. submit, wait, compare
    Path first = tmp.resolve("cluster1");
    String out1 = submit(first);
    assertThat(out1).contains("submitted 4 of 4 shards (0,1,2,3)");
    waitFor(
        () -> Files.isDirectory(first.resolve("merged")) && queue().isEmpty(),
        "the merged directory");
    assertSameBytes(local, first.resolve("merged"));

    // 2. submit again, cancel one array task while it writes its part file, resubmit the same
    // command
    Path second = tmp.resolve("cluster2");
    String out2 = submit(second);
    Matcher m = Pattern.compile("as job array (\\d+)").matcher(out2);
    assertThat(m.find()).as(out2).isTrue();
    String array = m.group(1);
    int[] cancelled = {-1};
    waitFor(
        () -> {
          for (int i = 0; i < 4; i++) {
            Path dir = second.resolve("shards").resolve("" + i);
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve("shard.json"))) {
              try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(".units.part."))) {
                  cancelled[0] = i;
                  return true;
                }
              }
            }
          }
          return false;
        },
        "an array task to be mid-way");
    run(List.of(find("scancel").get().toString(), array + "_" + cancelled[0]));
    waitFor(
        () -> queue().isEmpty(),
        "the other tasks to end and the merge to be dropped (afterok never met)");
    assertThat(second.resolve("merged")).doesNotExist();
    Path broken = second.resolve("shards").resolve("" + cancelled[0]);
    assertThat(broken.resolve("shard.json")).doesNotExist();
    List<Long> kept = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path part = second.resolve("shards").resolve(i + "/units.part");
      kept.add(
          i == cancelled[0] || !Files.exists(part)
              ? -1L
              : Files.getLastModifiedTime(part).toMillis());
    }
    String out3 = submit(second);
    assertThat(out3).contains("(" + cancelled[0] + ")").doesNotContain("4 of 4");
    waitFor(
        () -> Files.isDirectory(second.resolve("merged")) && queue().isEmpty(),
        "the merged directory");
    for (int i = 0; i < 4; i++) {
      if (kept.get(i) >= 0) {
        assertThat(
                Files.getLastModifiedTime(second.resolve("shards").resolve(i + "/units.part"))
                    .toMillis())
            .as("shard " + i + " was complete and must not run again")
            .isEqualTo(kept.get(i));
      }
    }
    assertSameBytes(local, second.resolve("merged"));
    assertThat(submit(second)).contains("is complete; nothing to submit");
  }

  /** Runs {@code polemos slurm ... --submit} as its own process, with this cluster's SLURM_CONF. */
  private static String submit(Path dir) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                javaExecutable(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "slurm"));
    command.addAll(EXPERIMENT);
    command.addAll(
        List.of(
            "--shards",
            "4",
            "--out",
            dir.toString(),
            "--time",
            "00:10:00",
            "--mem",
            "1G",
            "--cpus-per-task",
            "1",
            "--partition",
            "polemos",
            "--submit"));
    return run(command);
  }

  private static void assertSameBytes(Path local, Path merged) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(local)) {
      files = walk.filter(Files::isRegularFile).map(local::relativize).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(merged)) {
      assertThat(walk.filter(Files::isRegularFile).map(merged::relativize).sorted().toList())
          .isEqualTo(files);
    }
    String localStart =
        org.polemos.io.results.RunManifest.read(local.resolve("manifest.json")).startedAt();
    String mergedStart =
        org.polemos.io.results.RunManifest.read(merged.resolve("manifest.json")).startedAt();
    for (Path f : files) {
      byte[] actual = Files.readAllBytes(merged.resolve(f));
      byte[] expected = Files.readAllBytes(local.resolve(f));
      if (f.toString().equals("manifest.json") || f.toString().equals("report.html")) {
        // only when each started, how long each took and the --out each was given may differ
        // (docs/CLUSTER.md)
        actual =
            ShardMergeTest.withoutWallTime(
                    new String(actual, StandardCharsets.UTF_8)
                        .replace(mergedStart, localStart)
                        .replace(merged.toString(), local.toString()))
                .getBytes(StandardCharsets.UTF_8);
        expected =
            ShardMergeTest.withoutWallTime(new String(expected, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
      }
      assertThat(actual).as(f.toString()).isEqualTo(expected);
    }
  }

  private static List<String> queue() throws IOException {
    String text = run(List.of(find("squeue").get().toString(), "-h", "-o", "%i %T"));
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Condition condition, String what) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      try {
        if (condition.holds()) {
          return;
        }
        Thread.sleep(50);
      } catch (IOException e) {
        // a daemon not answering yet: try again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      } catch (Exception e) {
        throw new AssertionError("waiting for " + what + ": " + e, e);
      }
    }
    throw new AssertionError(
        "gave up after " + WAIT_SECONDS + " s waiting for " + what + "; logs in " + tmp);
  }

  /**
   * Runs a command with this cluster's SLURM_CONF; its output, or an IOException naming its
   * failure.
   */
  private static String run(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (conf != null) {
      pb.environment().put("SLURM_CONF", conf.toString());
    }
    pb.environment().put("CI", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  private static Process start(Path log, String... command) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (conf != null) {
      pb.environment().put("SLURM_CONF", conf.toString());
    }
    return pb.start();
  }

  private static Optional<Path> find(String tool) {
    List<String> dirs =
        new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, tool))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
