package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help for every command: no warnings, the help subcommand, unknown words refused with a
 * suggestion, layout.
 */
class HelpTest {

  /**
   * Every command path below {@code polemos}, e.g. ["run"], ["scenario", "show"], ["import",
   * "acled"].
   */
  private static List<List<String>> commandPaths(CommandLine command, List<String> prefix) {
    List<List<String>> paths = new ArrayList<>();
    paths.add(prefix);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.addAll(commandPaths(sub, path));
              }
            });
    return paths;
  }

  @Test
  void everyCommandsHelpPrintsNoWarning() {
    List<List<String>> paths = commandPaths(Main.commandLine(), List.of());
    assertThat(paths)
        .hasSizeGreaterThan(12)
        .contains(
            List.of("run"), List.of("compare"), List.of("calibrate"), List.of("import", "acled"));
    PrintStream original = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      for (List<String> path : paths) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", args).isZero();
        assertThat(run.out()).as("%s", args).contains("Usage: polemos").doesNotContain("WARN");
        assertThat(run.err()).as("%s", args).isEmpty();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .as("picocli warnings on System.err")
        .isEmpty();
  }

  @Test
  void percentSignsAreShown() {
    assertThat(help("200", "run", "--help")).contains("95% t interval", "5/50/95% quantiles");
    assertThat(help("200", "compare", "--help")).contains("95% t interval");
    assertThat(help("200", "calibrate", "--help")).contains("90% interval");
  }

  @Test
  void helpSubcommandPrintsACommandsHelp() {
    CliRun help = CliRun.of("help", "run");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(CliRun.of("run", "--help").out());
    assertThat(CliRun.of("help").out()).contains("Usage: polemos", "help");
  }

  @Test
  void unknownOptionGetsADidYouMean() {
    CliRun run = CliRun.of("run", "minimal", "--replicatons", "5");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "polemos run: unknown option --replicatons (did you mean \"--replications\"?)"
                + " (see 'polemos run --help')"
                + System.lineSeparator());
    // A typo in a required option is reported as the typo, not as the required option missing.
    assertThat(CliRun.of("sweep", "x.yaml", "--outt", "d").err())
        .contains("polemos sweep: unknown option --outt (did you mean \"--out\"?)");
    assertThat(CliRun.of("sweep", "x.yaml", "--treads=2", "--out", "d").err())
        .contains("unknown option --treads (did you mean \"--threads\"?)");
    assertThat(CliRun.of("sweep", "x.yaml").err()).contains("Missing required option: '--out=DIR'");
  }

  @Test
  void unknownCommandWithHelpIsUnknown() {
    CliRun run = CliRun.of("forecast", "--help");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("polemos: unknown command \"forecast\"; commands: run, validate,");
    CliRun typo = CliRun.of("swep", "--help");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown command \"swep\" (did you mean \"sweep\"?)");
    assertThat(CliRun.of("scenario", "shwo", "--help").err())
        .contains("polemos scenario: unknown command \"shwo\"");
  }

  private static String help(String columns, String... args) {
    CommandLine cl = Main.commandLine();
    HelpLayout.apply(cl, columns);
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void helpUsesTheGivenWidthAndNeverWrapsAnExample() {
    for (List<String> path : commandPaths(Main.commandLine(), List.of())) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      String narrow = help("60", args.toArray(String[]::new));
      CommandLine command = Main.commandLine();
      for (String name : path) {
        command = command.getSubcommands().get(name);
      }
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        if (line.strip().startsWith("polemos ")) {
          assertThat(narrow).as("%s: example kept whole", args).contains(String.format(line));
        }
      }
    }
    String wide = help("150", "run", "--help");
    String narrow = help("80", "run", "--help");
    assertThat(wide.lines().mapToInt(String::length).max().orElseThrow())
        .isGreaterThan(80)
        .isLessThanOrEqualTo(150);
    assertThat(wide.lines().count()).isLessThan(narrow.lines().count());
    assertThat(HelpLayout.width("abc")).isNull();
    assertThat(HelpLayout.width("20")).isNull();
    assertThat(HelpLayout.width(" 132 ")).isEqualTo(132);
  }
}
