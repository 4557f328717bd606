package org.polemos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventDatasets;
import org.polemos.io.events.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polemos import <dataset> FILE ... --out FILE}: reads an event dataset export and writes
 * observed series in the tidy layout of the simulation's series.csv (see docs/IMPORTING.md). The
 * datasets are the registered {@link EventDataset}s ({@link EventDatasets}): one subcommand each,
 * added by {@link #addDatasets}.
 */
@Command(
    name = "import",
    header =
        "Turn event files (GTD, ACLED, UCDP GED, or a registered dataset) into observed series.",
    mixinStandardHelpOptions = true,
    description = {
      "Imports conflict event data (CSV exports of a registered dataset, listed under Commands) as observed",
      "series (replication 0, metrics observed_events / observed_fatalities) to overlay on simulated ones."
    },
    footer = {
      "",
      "Examples:",
      "  polemos import acled acled.csv --by month,country --out observed.csv",
      "  polemos import gtd gtd.csv --by year,country --metric events,fatalities --out gtd-observed.csv",
      "  polemos import ucdp ged.csv --by month,country,admin1 --from 2014-01-01 --to 2017-12-31 --out ged.csv",
      "  polemos import acled acled.csv --by month --actor \"Islamic State\" --metric fatalities --as deaths_per_month --key islamic-state --out observed.csv",
      "  (--as/--key name the rows like a simulated series so that the report overlays them on its chart;",
      "   see docs/IMPORTING.md and docs/REPORT.md; a new dataset is one class: docs/IMPORTING.md)",
      "",
      "Exit status: 0 imported (rows may have been rejected: see the report and <out>.rejects.csv),",
      "1 unusable header, unreadable input, or more than --max-reject-share of the rows rejected for one reason,",
      "2 usage error."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing the dataset: one of " + String.join(", ", EventDatasets.ids()));
  }

  /**
   * Adds one subcommand per registered dataset to {@code importCommand}, the command line of this
   * command.
   */
  static void addDatasets(CommandLine importCommand, CommandLine.IFactory factory) {
    for (EventDataset dataset : EventDatasets.all()) {
      CommandLine sub = new CommandLine(new DatasetImportCommand(dataset), factory);
      CommandSpec subSpec = sub.getCommandSpec();
      subSpec
          .usageMessage()
          .description("Imports " + dataset.title() + ".", "Layouts recognised from the header:");
      List<String> layouts = new ArrayList<>();
      for (Layout layout : dataset.layouts()) {
        layouts.add("  " + layout.id() + ": " + layout.description());
      }
      List<String> description = new ArrayList<>(List.of(subSpec.usageMessage().description()));
      description.addAll(layouts);
      subSpec.usageMessage().description(description.toArray(String[]::new));
      if (!dataset.examples().isEmpty()) {
        List<String> footer =
            new ArrayList<>(List.of("", "Example" + (dataset.examples().size() > 1 ? "s:" : ":")));
        for (String example : dataset.examples()) {
          footer.add("  " + example);
        }
        subSpec.usageMessage().footer(footer.toArray(String[]::new));
      }
      importCommand.addSubcommand(dataset.id(), sub);
    }
  }
}
