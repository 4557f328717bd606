package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.polemos.model.validation.ScenarioFieldException;
import org.polemos.sim.experiment.Replications;
import picocli.CommandLine;

/**
 * Issue 10: a failure inside a run that a scenario field is to blame for is one line naming the
 * field, the day and the replication, with exit status 1 (invalid input); any other failure stays
 * an internal error (exit status 3). Both without a stack trace.
 */
class RunFailureMessageTest {

  private static String[] handle(Exception e, int[] status) {
    CommandLine cmd = Main.commandLine().getSubcommands().get("run");
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    status[0] = ErrorHandlers.onExecutionError(e, cmd, null);
    return err.toString().split("\\R");
  }

  @Test
  void aBlamedFieldIsNamedInOneLineWithExitStatus1() {
    ScenarioFieldException blamed =
        new ScenarioFieldException(
                "corridors.tal-abyad.transitDelayDays",
                "a draw was Infinity (parameters too extreme)")
            .withContext("simulated day 40 (2014-07-20)");
    int[] status = new int[1];
    String[] lines = handle(new Replications.ReplicationFailedException(7, blamed), status);
    assertThat(status[0]).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(lines).hasSize(1);
    assertThat(lines[0])
        .startsWith(
            "polemos run: scenario field corridors.tal-abyad.transitDelayDays: simulated day 40"
                + " (2014-07-20): a draw was Infinity")
        .contains("(replication 7)")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aFailureNoFieldIsBlamedForStaysAnInternalError() {
    int[] status = new int[1];
    String[] lines =
        handle(
            new Replications.ReplicationFailedException(
                7, new IllegalStateException("simulated day 3 (2014-06-04): boom")),
            status);
    assertThat(status[0]).isEqualTo(ExitCodes.FAILURE);
    assertThat(lines).hasSize(1);
    assertThat(lines[0]).doesNotContain("scenario field");
  }

  @Test
  void controlCharactersInAFieldPathAreEscaped() {
    int[] status = new int[1];
    String[] lines =
        handle(new ScenarioFieldException("sources.a\nb\u001b[31m.atRiskPool", "x"), status);
    assertThat(lines).hasSize(1);
    assertThat(lines[0]).doesNotContain("\u001b");
  }
}
