package org.polemos.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The resources {@code polemos slurm} asks of the cluster (a picocli mixin): time, memory, CPUs,
 * partition and job name, checked against Slurm's formats and written as {@code #SBATCH} lines.
 */
final class SlurmOptions {
  private static final Pattern TIME = Pattern.compile("\\d+(-\\d+)?(:\\d{1,2}){0,2}");
  private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  @Option(
      names = "--time",
      paramLabel = "T",
      defaultValue = "01:00:00",
      description =
          "Time limit of each task and of the merge (Slurm format, e.g. 30, 02:00:00, 1-00:00:00). "
              + "Default: ${DEFAULT-VALUE}.")
  String time;

  @Option(
      names = "--mem",
      paramLabel = "M",
      defaultValue = "2G",
      description =
          "Memory of each task and of the merge (e.g. 2G, 4000M). Default: ${DEFAULT-VALUE}.")
  String mem;

  @Option(
      names = "--cpus-per-task",
      paramLabel = "C",
      defaultValue = "1",
      description = "CPUs per shard task, used as its --threads. Default: ${DEFAULT-VALUE}.")
  int cpusPerTask;

  @Option(
      names = "--partition",
      paramLabel = "P",
      description = "Slurm partition. Default: the cluster's.")
  String partition;

  @Option(
      names = "--job-name",
      paramLabel = "NAME",
      description = "Job name. Default: polemos-<experiment>.")
  String jobName;

  /** Checks the values (one line each); returns the job name for an experiment of {@code kind}. */
  String check(String kind, CommandLine cmd) {
    if (cpusPerTask < 1) {
      throw new CommandLine.ParameterException(
          cmd, "--cpus-per-task must be at least 1, was " + cpusPerTask);
    }
    check("--time", time, TIME, cmd);
    check("--mem", mem, MEMORY, cmd);
    if (partition != null) {
      check("--partition", partition, NAME, cmd);
    }
    String name = jobName != null ? jobName : "polemos-" + kind;
    check("--job-name", name, NAME, cmd);
    return name;
  }

  /** The {@code #SBATCH} lines of a job named {@code name} with {@code cpus} CPUs per task. */
  String directives(String name, Path cwd, Path log, int cpus) {
    StringBuilder s = new StringBuilder();
    s.append("#SBATCH --job-name=").append(name).append('\n');
    s.append("#SBATCH --time=").append(time).append('\n');
    s.append("#SBATCH --mem=").append(mem).append('\n');
    s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
    if (partition != null) {
      s.append("#SBATCH --partition=").append(partition).append('\n');
    }
    s.append("#SBATCH --chdir=").append(cwd).append('\n');
    s.append("#SBATCH --output=").append(log).append('\n');
    return s.toString();
  }

  private static void check(String option, String value, Pattern pattern, CommandLine cmd) {
    if (!pattern.matcher(value).matches()) {
      throw new CommandLine.ParameterException(
          cmd, option + " " + value + ": not a Slurm value (see --help)");
    }
  }
}
