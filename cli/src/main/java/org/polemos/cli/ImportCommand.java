package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.polemos.io.events.Aggregation;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventDatasets;
import org.polemos.io.events.EventImport;
import org.polemos.io.events.Layout;
import org.polemos.io.events.ObservedMetric;
import org.polemos.io.events.RejectsWriter;
import org.polemos.io.events.TooManyRejectsException;
import org.polemos.io.events.UnusableHeaderException;
import org.polemos.model.validation.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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
      CommandLine sub = new CommandLine(new DatasetImport(dataset), factory);
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

  /** {@code polemos import <dataset>}: the same options for every dataset. */
  @Command(mixinStandardHelpOptions = true, sortOptions = false)
  static final class DatasetImport implements Callable<Integer> {
    private final EventDataset dataset;

    @Spec CommandSpec spec;

    DatasetImport(EventDataset dataset) {
      this.dataset = dataset;
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV export to read.")
    Path input;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description =
            "Series file to write (replaced atomically); rejected rows go to the same name with"
                + " .rejects.csv instead of .csv.")
    Path out;

    @Option(
        names = "--by",
        paramLabel = "LIST",
        defaultValue = "month,country",
        description =
            "One period (day, week, month, year) and any of country, admin1, location, actor1,"
                + " actor2, event_type, sub_event_type; key = their values joined by |. Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(
        names = "--metric",
        paramLabel = "LIST",
        split = ",",
        defaultValue = "events",
        description = "events, fatalities or both (comma-separated). Default: ${DEFAULT-VALUE}.")
    List<String> metrics = new ArrayList<>();

    @Option(
        names = "--as",
        paramLabel = "METRIC",
        description =
            "Write the metric METRIC instead of observed_events/observed_fatalities (only with a single"
                + " --metric), to match a series of the report, e.g. deaths_per_month.")
    String as;

    @Option(
        names = "--key",
        paramLabel = "KEY",
        description =
            "Write KEY as the key of every row (a faction or source id of the scenario, e.g."
                + " islamic-state) instead of the grouped values; only when --by names the period alone.")
    String key;

    @Option(
        names = "--actor",
        paramLabel = "REGEX",
        description =
            "Keep events where REGEX is found in actor1 or actor2 (Java regex; (?i) for any case).")
    String actor;

    @Option(
        names = "--event-type",
        paramLabel = "REGEX",
        description = "Keep events where REGEX is found in the event type or sub-event type.")
    String eventType;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "Keep events on or after DATE (YYYY-MM-DD).")
    String from;

    @Option(
        names = "--to",
        paramLabel = "DATE",
        description = "Keep events on or before DATE (YYYY-MM-DD).")
    String to;

    @Option(
        names = "--sparse",
        description =
            "Write only periods and keys with events instead of filling the gaps with zeros.")
    boolean sparse;

    @Option(
        names = "--encoding",
        paramLabel = "CHARSET",
        description =
            "Text encoding of FILE. Default: UTF-8 if the file is valid UTF-8, else ISO-8859-1.")
    String encoding;

    @Option(
        names = "--max-reject-share",
        paramLabel = "SHARE",
        defaultValue = "0.25",
        description =
            "Fail (exit 1, no series written) when more than this share of the rows (0 to 1) is rejected"
                + " for one reason, which usually means a layout read wrongly; 1 accepts any. Default: ${DEFAULT-VALUE}.")
    double maxRejectShare;

    @Override
    public Integer call() {
      Aggregation aggregation = aggregation();
      Charset charset = charset();
      if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
        throw new ParameterException(
            spec.commandLine(), "--max-reject-share must be in [0, 1], was " + maxRejectShare);
      }
      Path outDirectory = out.toAbsolutePath().getParent();
      if (Files.isDirectory(out)) {
        throw new ParameterException(
            spec.commandLine(),
            "--out "
                + out
                + ": is a directory; name the series file"
                + " to write, e.g. "
                + out.resolve("observed.csv"));
      }
      if (outDirectory != null && !Files.isDirectory(outDirectory)) {
        throw new ParameterException(
            spec.commandLine(),
            "--out "
                + out
                + ": the directory "
                + outDirectory
                + " does not exist; create it first");
      }
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String name = "polemos import " + dataset.id();
      // An import never overwrites its own input, neither with the series nor with the rejects
      // file.
      Outputs.requireNotInput("--out", out, spec.commandLine(), List.of(input));
      Outputs.requireNotInput(
          "--out " + out + ": its rejects file",
          RejectsWriter.beside(out),
          spec.commandLine(),
          List.of(input));
      try {
        EventImport.Result result =
            EventImport.run(dataset, input, charset, aggregation, out, maxRejectShare);
        stdout.print(result.report().format());
        stdout.println(result.aggregation().format());
        stdout.println(
            "wrote "
                + result.series()
                + " and "
                + result.rejects()
                + " ("
                + result.report().rejected()
                + " rejected rows)");
        stdout.flush();
        return 0;
      } catch (UnusableHeaderException e) {
        err.println(name + ": " + e.getMessage());
      } catch (TooManyRejectsException e) {
        stdout.print(e.report().format());
        stdout.flush();
        err.println(name + ": " + e.getMessage());
      } catch (NoSuchFileException e) {
        err.println(name + ": no such file: " + e.getFile());
      } catch (IOException | UncheckedIOException e) {
        err.println(
            name + ": cannot read or write: " + ErrorHandlers.oneLine(ErrorHandlers.describe(e)));
      } catch (RuntimeException e) {
        err.println(name + ": failed: " + ErrorHandlers.oneLine(ErrorHandlers.describe(e)));
      }
      err.flush();
      return 1;
    }

    private Aggregation aggregation() {
      CommandLine cl = spec.commandLine();
      List<ObservedMetric> chosen = new ArrayList<>();
      List<String> names = List.of("events", "fatalities");
      for (String m : metrics) {
        String word = m.strip().toLowerCase(Locale.ROOT);
        ObservedMetric metric =
            switch (word) {
              case "events" -> ObservedMetric.EVENTS;
              case "fatalities" -> ObservedMetric.FATALITIES;
              default ->
                  throw new ParameterException(
                      cl,
                      "--metric: unknown metric \""
                          + m
                          + "\""
                          + Suggestions.didYouMean(word, names)
                          + "; use events or fatalities");
            };
        chosen.add(metric);
      }
      try {
        Aggregation base =
            new Aggregation(
                Aggregation.monthlyEventsByCountry().period(),
                List.of(),
                chosen,
                pattern("--actor", actor),
                pattern("--event-type", eventType),
                date("--from", from),
                date("--to", to),
                sparse);
        return Aggregation.parseBy(by, base).named(as, key);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, e.getMessage());
      }
    }

    private Pattern pattern(String option, String regex) {
      if (regex == null) {
        return null;
      }
      try {
        return Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new ParameterException(
            spec.commandLine(),
            option + ": invalid regular expression \"" + regex + "\": " + e.getDescription());
      }
    }

    private LocalDate date(String option, String text) {
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(), option + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
      }
    }

    private Charset charset() {
      if (encoding == null) {
        return null;
      }
      try {
        return Charset.forName(encoding);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new ParameterException(
            spec.commandLine(), "--encoding: unknown charset \"" + encoding + "\"");
      }
    }
  }
}
