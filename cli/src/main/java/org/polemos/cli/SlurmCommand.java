package org.polemos.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.polemos.io.results.AtomicOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
  static final String SHARDS_SCRIPT = "shards.sbatch";
  static final String MERGE_SCRIPT = "merge.sbatch";
  static final String SUBMIT_SCRIPT = "submit.sh";
  private static final Pattern TIME = Pattern.compile("\\d+(-\\d+)?(:\\d{1,2}){0,2}");
  private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

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
    String kind = experiment.get(0);
    List<String> args = experiment.subList(1, experiment.size());
    CommandLine root = Main.commandLine(injector);
    CommandLine target = root.getSubcommands().get(kind);
    if (target == null || !(target.getCommand() instanceof ShardOption.Sharded)) {
      throw new CommandLine.ParameterException(
          cmd,
          "EXPERIMENT must start with run, sweep, sensitivity or hindcast, was \"" + kind + "\"");
    }
    for (String a : args) {
      if (a.equals("--shard") || a.startsWith("--shard=") || a.equals("--resume")) {
        throw new CommandLine.ParameterException(
            cmd, a + ": the scripts choose each task's shard; leave it out");
      }
    }
    if (!ShardOption.withoutShardAndOut(args).equals(args)) {
      throw new CommandLine.ParameterException(
          cmd,
          "the experiment's --out: give only slurm's --out DIR (the shards"
              + " go to DIR/shards, the merged result to DIR/merged)");
    }
    try {
      root.parseArgs(experiment.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new CommandLine.ParameterException(cmd, "experiment '" + kind + "': " + e.getMessage());
    }
    Path input =
        target.getCommand() instanceof SweepCommand s
            ? s.file
            : target.getCommand() instanceof SensitivityCommand s ? s.file : null;
    if (input != null && !Files.isRegularFile(input)) {
      throw new CommandLine.ParameterException(
          cmd, "experiment '" + kind + "': " + input + ": no such file");
    }
    if (shards < 1) {
      throw new CommandLine.ParameterException(cmd, "--shards must be at least 1, was " + shards);
    }
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

    Path dir = out.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("shards"));
    String launcher = polemos != null ? polemos : defaultLauncher();
    boolean hasThreads =
        args.stream()
            .anyMatch(
                a ->
                    a.equals("-t")
                        || a.startsWith("--threads")
                        || (a.startsWith("-t") && !a.startsWith("--")));
    boolean hasNoProgress = args.contains("--no-progress");

    StringBuilder experimentLine = new StringBuilder(kind);
    for (String a : args) {
      experimentLine.append(' ').append(quote(a));
    }
    String header =
        "# Written by 'polemos slurm' (Polemos "
            + Version.VERSION
            + ") for:\n#   polemos "
            + experimentLine
            + "\n# in "
            + cwd
            + ", as "
            + shards
            + " shards. docs/CLUSTER.md explains the flow.\n";

    StringBuilder shardScript =
        new StringBuilder("#!/bin/bash\n")
            .append(header)
            .append(
                "# One array task per shard; submit.sh submits only the shards not yet complete.\n")
            .append(
                directives(
                    name, "shards", cwd, dir.resolve("logs").resolve("shard-%a.out"), cpusPerTask))
            .append("#SBATCH --array=0-")
            .append(shards - 1)
            .append('\n')
            .append("set -euo pipefail\n")
            .append("i=\"${SLURM_ARRAY_TASK_ID:?submit with sbatch --array (see submit.sh)}\"\n")
            .append("exec ")
            .append(launcher)
            .append(' ')
            .append(experimentLine)
            .append(" --shard \"$i/")
            .append(shards)
            .append("\" --out ")
            .append(quote(dir.resolve("shards") + "/"))
            .append("\"$i\"")
            .append(hasThreads ? "" : " --threads \"${SLURM_CPUS_PER_TASK:-" + cpusPerTask + "}\"")
            .append(hasNoProgress ? "" : " --no-progress")
            .append('\n');

    StringBuilder mergeScript =
        new StringBuilder("#!/bin/bash\n")
            .append(header)
            .append(
                "# Runs after every shard task succeeded (submit.sh gives it --dependency=afterok).\n")
            .append(
                directives(
                    name + "-merge", "merge", cwd, dir.resolve("logs").resolve("merge-%j.out"), 1))
            .append("#SBATCH --kill-on-invalid-dep=yes\n")
            .append("set -euo pipefail\n")
            .append("if [ -d ")
            .append(quote(dir.resolve("merged").toString()))
            .append(" ]; then\n")
            .append("  echo \"polemos: ")
            .append(dir.resolve("merged"))
            .append(" is already complete\"; exit 0\nfi\n")
            .append("shards=()\n")
            .append("for ((i = 0; i < ")
            .append(shards)
            .append("; i++)); do shards+=(")
            .append(quote(dir.resolve("shards") + "/"))
            .append("\"$i\"); done\n")
            .append("exec ")
            .append(launcher)
            .append(" merge ")
            .append(quote(dir.resolve("merged").toString()))
            .append(" \"${shards[@]}\"\n");

    String submitScript =
        "#!/bin/bash\n"
            + header
            + "# Submits the shards that are not complete as a job array, then the merge after them (afterok).\n"
            + "# Run it again after a failure or a cancellation, once those jobs have ended: complete shards are kept.\n"
            + "set -euo pipefail\n"
            + "dir="
            + quote(dir.toString())
            + "\n"
            + "n="
            + shards
            + "\n"
            + "if [ -d \"$dir/merged\" ]; then echo \"polemos: $dir/merged is complete; nothing to submit\"; exit 0; fi\n"
            + "todo=()\n"
            + "for ((i = 0; i < n; i++)); do [ -f \"$dir/shards/$i/shard.json\" ] || todo+=(\"$i\"); done\n"
            + "dependency=()\n"
            + "if [ \"${#todo[@]}\" -gt 0 ]; then\n"
            + "  list=$(IFS=,; echo \"${todo[*]}\")\n"
            + "  array=$(sbatch --parsable --array=\"$list\" \"$dir/"
            + SHARDS_SCRIPT
            + "\")\n"
            + "  array=\"${array%%;*}\"\n"
            + "  echo \"polemos: submitted ${#todo[@]} of $n shards ($list) as job array $array\"\n"
            + "  dependency=(--dependency=\"afterok:$array\")\n"
            + "else\n"
            + "  echo \"polemos: all $n shards are complete\"\n"
            + "fi\n"
            + "merge=$(sbatch --parsable \"${dependency[@]}\" \"$dir/"
            + MERGE_SCRIPT
            + "\")\n"
            + "echo \"polemos: submitted the merge as job ${merge%%;*}; the result will be $dir/merged\"\n";

    writeScript(dir.resolve(SHARDS_SCRIPT), shardScript.toString());
    writeScript(dir.resolve(MERGE_SCRIPT), mergeScript.toString());
    writeScript(dir.resolve(SUBMIT_SCRIPT), submitScript);
    PrintWriter stdout = cmd.getOut();
    stdout.println(
        "slurm: wrote "
            + dir.resolve(SHARDS_SCRIPT)
            + ", "
            + MERGE_SCRIPT
            + " and "
            + SUBMIT_SCRIPT
            + " ("
            + shards
            + " shards of: polemos "
            + experimentLine
            + ")");
    if (!submit) {
      stdout.println("slurm: submit with: bash " + dir.resolve(SUBMIT_SCRIPT));
      stdout.flush();
      return ExitCodes.OK;
    }
    stdout.flush();
    return submit(dir.resolve(SUBMIT_SCRIPT), cmd);
  }

  /** Runs submit.sh, passing its output on; a failure of sbatch is one line and exit 1. */
  static int submit(Path script, CommandLine cmd) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run bash " + script + ": " + e.getMessage());
    }
    String last = "";
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        cmd.getOut().println(line);
        last = line;
      }
    }
    int code = process.waitFor();
    cmd.getOut().flush();
    if (code != 0) {
      cmd.getErr()
          .println("slurm: submitting failed (" + script + " exit " + code + "): " + last.strip());
      cmd.getErr().flush();
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.OK;
  }

  private String directives(String name, String what, Path cwd, Path log, int cpus) {
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

  private static void writeScript(Path target, String text) throws IOException {
    AtomicOutput.writeString(target, text);
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: run the scripts with bash explicitly
    }
  }

  /**
   * This Java and class path, so the nodes run the same Polemos (the cluster shares the file
   * system).
   */
  private static String defaultLauncher() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder s = new StringBuilder(quote(java)).append(" ${POLEMOS_JAVA_OPTS:-}");
    return s.append(" -cp ")
        .append(quote(System.getProperty("java.class.path")))
        .append(' ')
        .append(Main.class.getName())
        .toString();
  }

  /** Single-quotes a shell word unless it is plainly safe. */
  static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
