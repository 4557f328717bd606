package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polemos.io.scenario.BundledScenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ScenarioCommandsTest {

  @Test
  void scenariosListsTheBundledOnes() {
    CliRun run = CliRun.of("scenarios");
    assertThat(run.exitCode()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).matches("ID +NAME +HORIZON +REGIONS +FACTIONS +SOURCES");
    assertThat(run.out())
        .containsPattern("(?m)^minimal +Minimal example +2014-06-10\\.\\.2015-06-09 +3 +2 +1$");
    assertThat(lines).hasSize(1 + BundledScenarios.ids().size());
  }

  @Test
  void showPrintsTheBundledYamlWithComments() {
    CliRun run = CliRun.of("scenario", "show", "minimal");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(BundledScenarios.source("minimal"));
  }

  @Test
  void showAsJson() {
    CliRun run = CliRun.of("scenario", "show", "minimal", "--format", "json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{\n  \"schemaVersion\": 1,\n  \"id\": \"minimal\",");
  }

  @Test
  void showUnknownIdSuggests() {
    CliRun run = CliRun.of("scenario", "show", "minmal");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "polemos scenario show: no bundled scenario \"minmal\" (did you mean "
                + "\"minimal\"?); bundled: ")
        .endsWith(" (see 'polemos scenario show --help')\n");
  }

  @Test
  void showWithBadFormatIsAUsageError() {
    CliRun run = CliRun.of("scenario", "show", "minimal", "--format", "xml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void scenarioWithoutSubcommandIsAUsageError() {
    CliRun run = CliRun.of("scenario");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("polemos scenario: missing subcommand: show (see 'polemos scenario --help')\n");
  }

  @Test
  void topLevelHelpListsTheSubcommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("validate", "scenarios", "scenario", "Exit status");
  }

  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("disk on fire\nsecond line");
    }
  }

  @Test
  void unexpectedFailureIsOneLineWithoutStackTrace() {
    CommandLine cmd = Main.commandLine().addSubcommand(new Boom());
    java.io.StringWriter err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err, true));
    int code = cmd.execute("boom");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("polemos boom: disk on fire; second line\n");
  }
}
