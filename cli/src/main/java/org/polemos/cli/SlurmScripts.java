package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.polemos.io.results.AtomicOutput;

/**
 * The three scripts of {@code polemos slurm} (docs/CLUSTER.md): {@value #SHARDS_SCRIPT}, a job
 * array of the experiment's shards; {@value #MERGE_SCRIPT}, the merge; {@value #SUBMIT_SCRIPT},
 * which submits the shards not yet complete and then the merge.
 */
final class SlurmScripts {
  static final String SHARDS_SCRIPT = "shards.sbatch";
  static final String MERGE_SCRIPT = "merge.sbatch";
  static final String SUBMIT_SCRIPT = "submit.sh";

  private SlurmScripts() {}

  /**
   * Writes the scripts into {@code dir} (absolute) for {@code experimentLine} (kind and arguments,
   * quoted) in {@code shards} shards; {@code launcher}: how the nodes start Polemos, or null for
   * this Java and class path.
   */
  static void write(
      Path dir,
      String experimentLine,
      List<String> args,
      int shards,
      String name,
      String launcher,
      SlurmOptions options)
      throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("shards"));
    String polemos = launcher != null ? launcher : defaultLauncher();
    boolean hasThreads =
        args.stream()
            .anyMatch(
                a ->
                    a.equals("-t")
                        || a.startsWith("--threads")
                        || (a.startsWith("-t") && !a.startsWith("--")));
    boolean hasNoProgress = args.contains("--no-progress");
    int cpusPerTask = options.cpusPerTask;
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
                options.directives(
                    name, cwd, dir.resolve("logs").resolve("shard-%a.out"), cpusPerTask))
            .append("#SBATCH --array=0-")
            .append(shards - 1)
            .append('\n')
            .append("set -euo pipefail\n")
            .append("i=\"${SLURM_ARRAY_TASK_ID:?submit with sbatch --array (see submit.sh)}\"\n")
            .append("exec ")
            .append(polemos)
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
                options.directives(
                    name + "-merge", cwd, dir.resolve("logs").resolve("merge-%j.out"), 1))
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
            .append(polemos)
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
