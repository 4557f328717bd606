package org.polemos.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos slurm}: writes the Slurm scripts that run an experiment's shards as a job array
 * and merge them when all succeeded, and submits them with {@code --submit}. The scripts only call
 * {@code polemos ... --shard I/N} and {@code polemos merge}, which any scheduler can call the same
 * way (docs/CLUSTER.md).
 */
@Command(
    name = "slurm",
    header =
        "Write (and submit) a Slurm job array of an experiment's shards and the job that merges them.",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Writes to DIR, for the experiment given (run, sweep, sensitivity or hindcast and its",
      "arguments, without --out):",
      "  shards.sbatch  a job array: task I runs the experiment with",
      "                 --shard I/N --out DIR/shards/I",
      "  merge.sbatch   polemos merge DIR/merged DIR/shards/0 ... DIR/shards/N-1",
      "  submit.sh      submits the shards not yet complete as an array, then the",
      "                 merge with --dependency=afterok on it; run it again after",
      "                 a failure: complete shards are skipped",
      "Job output goes to DIR/logs. --submit runs submit.sh (which calls sbatch).",
      "DIR/merged holds exactly what the experiment writes without shards."
    },
    footer = {
      "",
      "Exit status: 0 done; 1 sbatch failed; 2 usage error; 3 unexpected failure.",
      "",
      "Examples:",
      "  polemos slurm sweep examples/minimal-sweep.yaml --shards 8 \\",
      "      --out cluster/grid --time 00:30:00 --submit",
      "  polemos slurm run levant-2014 -n 10000 --keep-series 50 --shards 40 \\",
      "      --out cluster/levant --cpus-per-task 4 --mem 4G --partition short",
      "  bash cluster/levant/submit.sh     # resubmit after a failure",
      ""
    })
final class SlurmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPERIMENT",
      description =
          "run, sweep, sensitivity or hindcast, then its arguments as you would give them (no --out, no"
              + " --shard).")
  List<String> experiment;

  @Option(
      names = "--shards",
      paramLabel = "N",
      required = true,
      description =
          "Number of shards (array tasks); at most the cluster's MaxArraySize (often 1001).")
  int shards;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Directory for the scripts, logs, shards and the merged result.")
  Path out;

  @Mixin SlurmOptions slurmOptions;

  @Option(
      names = "--polemos",
      paramLabel = "COMMAND",
      description =
          "How the compute nodes start Polemos, e.g. '/home/me/polemos/polemos'. Default: this Java and "
              + "class path.")
  String polemos;

  @Option(
      names = "--submit",
      description = "Submit at once (runs DIR/submit.sh, which calls sbatch).")
  boolean submit;

  private final Injector injector;

  @Inject
  SlurmCommand(Injector injector) {
    this.injector = injector;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandLine cmd = spec.commandLine();
    SlurmExperiment.check(experiment, injector, cmd);
    if (shards < 1) {
      throw new CommandLine.ParameterException(cmd, "--shards must be at least 1, was " + shards);
    }
    String kind = experiment.get(0);
    String name = slurmOptions.check(kind, cmd);
    List<String> args = experiment.subList(1, experiment.size());
    StringBuilder experimentLine = new StringBuilder(kind);
    for (String a : args) {
      experimentLine.append(' ').append(SlurmScripts.quote(a));
    }
    Path dir = out.toAbsolutePath().normalize();
    SlurmScripts.write(dir, experimentLine.toString(), args, shards, name, polemos, slurmOptions);
    Path submitScript = dir.resolve(SlurmScripts.SUBMIT_SCRIPT);
    PrintWriter stdout = cmd.getOut();
    stdout.println(
        "slurm: wrote "
            + dir.resolve(SlurmScripts.SHARDS_SCRIPT)
            + ", "
            + SlurmScripts.MERGE_SCRIPT
            + " and "
            + SlurmScripts.SUBMIT_SCRIPT
            + " ("
            + shards
            + " shards of: polemos "
            + experimentLine
            + ")");
    if (!submit) {
      stdout.println("slurm: submit with: bash " + submitScript);
      stdout.flush();
      return ExitCodes.OK;
    }
    stdout.flush();
    return SlurmSubmit.submit(submitScript, cmd);
  }
}
