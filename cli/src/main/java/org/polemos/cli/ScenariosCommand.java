package org.polemos.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.scenario.BundledScenarios;
import org.polemos.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polemos scenarios}: lists the bundled scenarios. */
@Command(
    name = "scenarios",
    header = "List the bundled scenarios.",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the bundled scenarios: id, name, horizon, and how many regions,",
      "factions and sources each has."
    },
    footer = {
      "",
      "Examples:",
      "  polemos scenarios",
      "  polemos scenario show minimal > mine.yaml",
      ""
    })
final class ScenariosCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "HORIZON", "REGIONS", "FACTIONS", "SOURCES"});
    for (String id : BundledScenarios.ids()) {
      Scenario s = BundledScenarios.load(id);
      rows.add(
          new String[] {
            id,
            s.name(),
            s.calendar().start() + ".." + s.calendar().end(),
            String.valueOf(s.regions().size()),
            String.valueOf(s.factions().size()),
            String.valueOf(s.sources().size())
          });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i >= 3;
        String cell =
            numeric
                ? " ".repeat(widths[i] - row[i].length()) + row[i]
                : row[i] + " ".repeat(widths[i] - row[i].length());
        line.append(cell).append(i < row.length - 1 ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
