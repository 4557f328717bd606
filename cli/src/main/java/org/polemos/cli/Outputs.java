package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Checks on an output file option before anything is written: named, and never one of the command's
 * inputs.
 */
final class Outputs {
  private Outputs() {}

  /**
   * Refuses {@code out} when it is empty or names the same file as one of {@code inputs} (after
   * resolving links and {@code ..}), so that no command overwrites what it reads.
   */
  static void requireNotInput(String option, Path out, CommandLine cmd, Iterable<Path> inputs) {
    if (out == null) {
      return;
    }
    if (out.toString().isBlank()) {
      throw new CommandLine.ParameterException(
          cmd, option + " must name a file or directory, was empty");
    }
    Path target = canonical(out);
    for (Path input : inputs) {
      if (input != null && canonical(input).equals(target)) {
        throw new CommandLine.ParameterException(
            cmd,
            option
                + " "
                + out
                + " is also an input of this command ("
                + input
                + "); writing it would destroy what is being read; choose another file");
      }
    }
  }

  /**
   * The real path of an existing file, else the absolute normalised path (its existing parent
   * resolved).
   */
  static Path canonical(Path p) {
    Path absolute = p.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(absolute.getFileName());
      }
    } catch (IOException e) {
      // fall back to the normalised path
    }
    return absolute;
  }
}
