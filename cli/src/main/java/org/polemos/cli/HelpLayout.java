package org.polemos.cli;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's help is laid out: at the terminal's width (the {@code COLUMNS} environment
 * variable when set, else what picocli detects, else 80), with the footer (examples, exit status)
 * printed line by line as written, so an example command is never wrapped across lines.
 */
final class HelpLayout {
  /** picocli refuses narrower help. */
  private static final int MINIMUM_WIDTH = 55;

  private HelpLayout() {}

  /** Applies the layout to {@code root} and every subcommand below it. */
  static void apply(CommandLine root, String columns) {
    Integer width = width(columns);
    if (width != null) {
      root.setUsageHelpAutoWidth(false);
      root.setUsageHelpWidth(width);
    } else {
      root.setUsageHelpAutoWidth(true);
    }
    applyFooter(root);
  }

  /**
   * {@code columns} as a help width, or null when unset or not a number (picocli then detects the
   * terminal).
   */
  static Integer width(String columns) {
    if (columns == null || columns.isBlank()) {
      return null;
    }
    try {
      int width = Integer.parseInt(columns.strip());
      return width < MINIMUM_WIDTH ? null : width;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void applyFooter(CommandLine command) {
    command
        .getHelpSectionMap()
        .put(
            UsageMessageSpec.SECTION_KEY_FOOTER,
            help -> {
              List<String> lines = new ArrayList<>();
              for (String line : help.commandSpec().usageMessage().footer()) {
                lines.add(format(line));
              }
              return lines.isEmpty()
                  ? ""
                  : String.join(System.lineSeparator(), lines) + System.lineSeparator();
            });
    for (CommandLine sub : command.getSubcommands().values()) {
      applyFooter(sub);
    }
  }

  /** A footer line as picocli would format it ({@code %%} is a percent sign), without wrapping. */
  private static String format(String line) {
    try {
      return String.format(line);
    } catch (IllegalFormatException e) {
      return line;
    }
  }
}
