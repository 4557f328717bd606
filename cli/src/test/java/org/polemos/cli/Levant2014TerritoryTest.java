package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;

/** In-sample acceptance checks of levant-2014's territory over 200 replications (issue 12). */
class Levant2014TerritoryTest {
  static Scenario scenario;
  static List<Levant2014Outcomes.Run> runs;

  @BeforeAll
  static void run() throws IOException {
    scenario = BundledScenarios.load("levant-2014");
    runs = Levant2014Outcomes.run(scenario, 200);
    String summary = Levant2014Outcomes.summary(scenario, runs);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/levant-2014-territory.txt"), summary);
  }

  @Test
  void summaryWritten() {
  }
}
