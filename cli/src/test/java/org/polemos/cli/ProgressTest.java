package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

  @ParameterizedTest
  @CsvSource({
    "true, false, true, NONE",
    "false, true, true, NONE",
    "false, false, true, BAR",
    "false, false, false, LINES",
    "true, true, false, NONE"
  })
  void modeFollowsFlagCiAndTerminal(
      boolean disabled, boolean ci, boolean terminal, Progress.Mode expected) {
    assertThat(Progress.choose(disabled, ci, terminal)).isEqualTo(expected);
  }

  @Test
  void plainLinesGiveCountsRateAndTimeLeft() {
    StringWriter text = new StringWriter();
    Progress p = Progress.of(Progress.Mode.LINES, "sweep", "points", new PrintWriter(text));
    assertThat(p.line(30, 120, 10_000_000_000L))
        .isEqualTo("sweep: 30/120 points (25%), 3.0/s, about 30 s left");
    assertThat(p.line(120, 120, 60_000_000_000L)).isEqualTo("sweep: 120/120 points (100%), 2.0/s");
    assertThat(p.line(1, 1000, 60_000_000_000L)).endsWith("about 16.7 h left");
    p.replicationDone(3, 3);
    assertThat(text.toString()).startsWith("sweep: 3/3 points (100%)");
  }

  @Test
  void noneWritesNothing() {
    StringWriter text = new StringWriter();
    Progress p = Progress.of(Progress.Mode.NONE, "run", "replications", new PrintWriter(text));
    p.replicationDone(1, 1);
    assertThat(text.toString()).isEmpty();
  }
}
