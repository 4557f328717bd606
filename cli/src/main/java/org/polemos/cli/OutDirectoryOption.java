package org.polemos.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The required {@code -o/--out} output directory of sensitivity, calibrate and hindcast (a picocli
 * mixin).
 */
final class OutDirectoryOption {

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "Output directory; must be new or empty.")
  Path out;
}
