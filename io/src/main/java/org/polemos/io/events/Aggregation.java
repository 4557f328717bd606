package org.polemos.io.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.polemos.model.validation.Suggestions;

/**
 * How events become observed series: the period, the fields making up the key, the metrics, and the
 * filters.
 *
 * @param period counting period; rows are dated by the period's first day
 * @param groupBy fields whose values, joined by {@code |}, form the key (empty list: key is empty)
 * @param metrics metrics to write, in this order within a date
 * @param actor keeps events where this pattern is found in actor1 or actor2; null keeps all
 * @param eventType keeps events where this pattern is found in the event type or sub-event type;
 *     null keeps all
 * @param from keeps events dated on or after this day; null: no bound
 * @param to keeps events dated on or before this day; null: no bound
 * @param sparse write only the (period, key) cells that have events instead of filling gaps with
 *     zeros
 * @param metricName name of the written metric instead of {@code observed_events} / {@code
 *     observed_fatalities} (to match a simulated or derived series, e.g. {@code deaths_per_month});
 *     null for the default. Only with a single metric.
 * @param key constant key of every row instead of the grouped values (e.g. a faction or source id
 *     of the scenario); null for the grouped values. Only when {@code groupBy} is empty (the period
 *     alone).
 */
public record Aggregation(
    Period period,
    List<GroupField> groupBy,
    List<ObservedMetric> metrics,
    Pattern actor,
    Pattern eventType,
    LocalDate from,
    LocalDate to,
    boolean sparse,
    String metricName,
    String key) {

  /**
   * What {@link #metricName} and {@link #key} must look like: lowercase letters, digits, {@code _}
   * and {@code -}.
   */
  public static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public Aggregation {
    Objects.requireNonNull(period, "period");
    groupBy = List.copyOf(groupBy);
    metrics = metrics.stream().distinct().sorted().toList();
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("at least one metric is needed");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (metricName != null) {
      checkToken("--as", "metric name", metricName);
      if (metrics.size() != 1) {
        throw new IllegalArgumentException(
            "--as "
                + metricName
                + " names one metric but --metric asks for "
                + metrics.size()
                + " ("
                + String.join(",", metrics.stream().map(ObservedMetric::id).toList())
                + "); import them one at a time, each with its own --as");
      }
    }
    if (key != null) {
      checkToken("--key", "key", key);
      if (!groupBy.isEmpty()) {
        throw new IllegalArgumentException(
            "--key "
                + key
                + " gives every row one key, but --by also groups by "
                + String.join(",", groupBy.stream().map(GroupField::id).toList())
                + "; drop those fields from --by"
                + " (keep the period alone, e.g. --by month) or drop --key");
      }
    }
  }

  /** The same without {@link #metricName} and {@link #key}: default metric names, grouped keys. */
  public Aggregation(
      Period period,
      List<GroupField> groupBy,
      List<ObservedMetric> metrics,
      Pattern actor,
      Pattern eventType,
      LocalDate from,
      LocalDate to,
      boolean sparse) {
    this(period, groupBy, metrics, actor, eventType, from, to, sparse, null, null);
  }

  private static void checkToken(String option, String what, String value) {
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          option
              + ": \""
              + value
              + "\" is not a valid "
              + what
              + "; use lowercase"
              + " letters, digits, _ and - (starting with a letter or digit), e.g. "
              + (option.equals("--as") ? "deaths_per_month" : "islamic-state"));
    }
  }

  /**
   * A copy writing the metric {@code name} and the constant key {@code constantKey} (either may be
   * null).
   */
  public Aggregation named(String name, String constantKey) {
    return new Aggregation(
        period, groupBy, metrics, actor, eventType, from, to, sparse, name, constantKey);
  }

  /** The metric name written for {@code metric}: {@link #metricName} when set, else the default. */
  public String metricNameOf(ObservedMetric metric) {
    return metricName != null ? metricName : metric.metric();
  }

  /**
   * The key written for the grouped value {@code grouped}: {@link #key} when set, else {@code
   * grouped}.
   */
  public String keyOf(String grouped) {
    return key != null ? key : grouped;
  }

  /** Monthly event counts by country, unfiltered. */
  public static Aggregation monthlyEventsByCountry() {
    return new Aggregation(
        Period.MONTH,
        List.of(GroupField.COUNTRY),
        List.of(ObservedMetric.EVENTS),
        null,
        null,
        null,
        null,
        false);
  }

  /** A copy with another period and key fields. */
  public Aggregation by(Period newPeriod, List<GroupField> fields) {
    return new Aggregation(
        newPeriod, fields, metrics, actor, eventType, from, to, sparse, metricName, key);
  }

  /**
   * Parses a {@code --by} list: exactly one period ({@code day}, {@code week}, {@code month},
   * {@code year}) and any group fields, in any order ({@code month,country,admin1}); the fields
   * keep their order in the key.
   *
   * @throws IllegalArgumentException naming the unknown word, with a suggestion
   */
  public static Aggregation parseBy(String spec, Aggregation base) {
    Period period = null;
    List<GroupField> fields = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Arrays.stream(Period.values()).forEach(p -> words.add(p.id()));
    Arrays.stream(GroupField.values()).forEach(f -> words.add(f.id()));
    for (String raw : spec.split(",")) {
      String word = raw.strip().toLowerCase(Locale.ROOT).replace('-', '_');
      if (word.isEmpty()) {
        continue;
      }
      Period p =
          Arrays.stream(Period.values()).filter(x -> x.id().equals(word)).findFirst().orElse(null);
      GroupField f =
          Arrays.stream(GroupField.values())
              .filter(x -> x.id().equals(word))
              .findFirst()
              .orElse(null);
      if (p != null) {
        if (period != null) {
          throw new IllegalArgumentException(
              "--by names two periods (" + period.id() + ", " + p.id() + ")");
        }
        period = p;
      } else if (f != null) {
        if (fields.contains(f)) {
          throw new IllegalArgumentException("--by names " + f.id() + " twice");
        }
        fields.add(f);
      } else {
        throw new IllegalArgumentException(
            "--by: unknown word \""
                + raw.strip()
                + "\""
                + Suggestions.didYouMean(word, words)
                + "; use one of day, week, month, year and any of country, admin1, location, actor1, actor2,"
                + " event_type, sub_event_type");
      }
    }
    if (period == null) {
      throw new IllegalArgumentException(
          "--by needs a period: day, week, month or year (e.g. month,country)");
    }
    return base.by(period, fields);
  }
}
