package org.polemos.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.polemos.io.events.Aggregation;
import org.polemos.io.events.ObservedMetric;
import org.polemos.model.validation.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code polemos import <dataset>} that choose what is counted and how it is grouped
 * (a picocli mixin): period and grouping, metrics, filters, naming of the rows.
 */
final class ImportAggregationOptions {
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

  /**
   * The aggregation the options ask for; a bad value is a usage error of {@code cl}, naming the
   * option.
   */
  Aggregation aggregation(CommandLine cl) {
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
              pattern(cl, "--actor", actor),
              pattern(cl, "--event-type", eventType),
              date(cl, "--from", from),
              date(cl, "--to", to),
              sparse);
      return Aggregation.parseBy(by, base).named(as, key);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
  }

  private static Pattern pattern(CommandLine cl, String option, String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ParameterException(
          cl, option + ": invalid regular expression \"" + regex + "\": " + e.getDescription());
    }
  }

  private static LocalDate date(CommandLine cl, String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(cl, option + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
    }
  }
}
