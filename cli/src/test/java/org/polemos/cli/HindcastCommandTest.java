package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.experiment.Observation;
import org.polemos.sim.experiment.ObservationCollector;
import org.polemos.sim.random.RandomStreams;

class HindcastCommandTest {
  @TempDir Path tmp;
  private static final Engine ENGINE =
      Guice.createInjector(new PolemosModule()).getInstance(Engine.class);

  private static final String CAL =
      """
      base: minimal-short.yaml
      seed: 3
      replications: 1
      method: abc-smc
      abc: {population: 30, generations: 3}
      parameters:
        - {path: sources.tunisia.annualPropensity, prior: uniform, min: 0.01, max: 0.06}
      observed: figures.csv
      targets:
        - {quantity: arrivals, metric: foreign_arrivals_cumulative, metricKey: all, aggregate: at-end}
      """;

  /**
   * A synthetic hindcast where the truth is drawn from the model itself: the posterior is the true
   * parameter set, and each of 200 later figures is an independent replication of the model at it.
   * The 90% (50%) central predictive intervals (from 1,000 predictive replications) must then cover
   * 90% (50%) of the figures within the 99% binomial interval for 200 figures: 0.9 +- 0.055 and 0.5
   * +- 0.091. The quantiles estimated from 1,000 draws add an sd of about 0.01 (0.016 for the 50%
   * interval), so the false-failure rate is about 2% per interval; and arrivals are whole numbers,
   * so figures on an interval's end count as inside, raising coverage by up to a few points.
   * Deterministic for its seeds.
   */
  @Test
  void coverageOfASyntheticHindcastIsWithinTheBinomialIntervalOfNominal() throws Exception {
    // Daily samples and the mean over two months: a nearly continuous quantity (whole-number
    // arrivals would put
    // many figures exactly on an interval's end, where they count as inside, and inflate the
    // coverage).
    Path scenario = AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        scenario, Files.readString(scenario).replace("outputStep: monthly", "outputStep: daily"));
    Scenario daily =
        new org.polemos.io.scenario.ScenarioReader()
            .read(scenario)
            .with(AbcCalibrationTest.PROPENSITY, 0.03);
    StringBuilder later =
        new StringBuilder("date_from,date_to,quantity,key,unit,low,high,source\n");
    for (int j = 0; j < 200; j++) {
      ObservationCollector c =
          new ObservationCollector(
              List.of(
                  new Observation(
                      "foreign_arrivals_cumulative",
                      "all",
                      Observation.Aggregate.MEAN,
                      LocalDate.parse("2014-07-11"),
                      LocalDate.parse(AbcCalibrationTest.END))),
              Engine.sampleDates(daily.calendar()));
      ENGINE.run(daily.with("seed", 5000L + j), 0, RandomStreams.of(5000L + j), c);
      double v = c.summaries().get(0).mean();
      later
          .append("2014-07-11,")
          .append(AbcCalibrationTest.END)
          .append(",arrivals_mean,,persons,")
          .append(v)
          .append(',')
          .append(v)
          .append(",truth ")
          .append(j)
          .append('\n');
    }
    Files.writeString(tmp.resolve("later.csv"), later.toString());
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-07-10,2014-07-10,arrivals,,persons,100,100,in-sample figure\n"
            + "2014-06-11,2014-07-10,arrivals_mean,,persons,100,100,in-sample figure\n");
    Files.writeString(
        tmp.resolve("cal.yaml"),
        CAL
            + "  - {quantity: arrivals_mean, metric: foreign_arrivals_cumulative,"
            + " metricKey: all, aggregate: mean}\n");
    Files.writeString(
        tmp.resolve("truth.csv"), "weight,sources.tunisia.annualPropensity\n1,0.03\n");
    Path out = tmp.resolve("out");
    CliRun r =
        CliRun.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--observed",
            tmp.resolve("later.csv").toString(),
            "--no-calibrate",
            "--posterior",
            tmp.resolve("truth.csv").toString(),
            "--draws",
            "1000",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("hindcast.csv"));
    assertThat(rows.get(0))
        .isEqualTo(
            "quantity,key,date_from,date_to,observed_low,observed_high,pred_mean,pred_p05,"
                + "pred_p25,pred_p50,pred_p75,pred_p95,crps,in50,in90");
    assertThat(rows).hasSize(201);
    int in50 = 0;
    int in90 = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      in50 += Integer.parseInt(f[13]);
      in90 += Integer.parseInt(f[14]);
      assertThat(Double.parseDouble(f[12])).isNotNegative();
    }
    assertThat(in90 / 200.0).isBetween(0.9 - 0.055, 0.9 + 0.055);
    assertThat(in50 / 200.0).isBetween(0.5 - 0.091, 0.5 + 0.091);
    assertThat(r.out())
        .contains("hindcast after 2014-07-31: 200 figures, mean CRPS ")
        .contains("90% interval coverage " + in90 + "/200");
    assertThat(Files.readAllLines(out.resolve("hindcast-in-sample.csv"))).hasSize(3);
    assertThat(Files.readString(out.resolve("hindcast.html")))
        .contains("cutoff 2014-07-31")
        .contains("<svg");
    assertThat(Files.readAllLines(out.resolve("posterior-draws.csv"))).hasSize(1001);
  }

  /**
   * The calibrating form: ABC on the figures up to the cutoff only, then the later figures scored.
   */
  @Test
  void calibratesOnTheFiguresUpToTheCutoffAndScoresTheRest() throws Exception {
    Path scenario = AbcCalibrationTest.shortMinimal(tmp);
    double july = AbcCalibrationTest.arrivals(scenario, 0.04, 1);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-07-10,2014-07-10,arrivals,,persons,"
            + july
            + ","
            + july
            + ",generated\n"
            + "2014-08-10,2014-08-10,arrivals,,persons,1,1,after the cutoff: must not be used for calibration\n");
    Files.writeString(tmp.resolve("cal.yaml"), CAL);
    Path out = tmp.resolve("out");
    CliRun r =
        CliRun.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--draws",
            "50",
            "--out",
            out.toString(),
            "--threads",
            "2",
            "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("hindcast.csv"));
    assertThat(rows).hasSize(2);
    String[] f = rows.get(1).split(",");
    assertThat(f[3]).isEqualTo("2014-08-10");
    // calibrated on July only: the August prediction is far above the (deliberately wrong) figure
    // of 1
    assertThat(Double.parseDouble(f[7])).isGreaterThan(50);
    assertThat(f[14]).isEqualTo("0");
    assertThat(Files.readString(out.resolve("calibration/generations/fingerprint.txt")))
        .contains("2014-07-10")
        .doesNotContain("2014-08-10");
    assertThat(out.resolve("calibration/posterior.csv")).exists();
    assertThat(Files.readAllLines(out.resolve("calibration/identifiability.csv"))).hasSize(2);
  }

  @Test
  void usageErrorsAreOneLine() throws Exception {
    AbcCalibrationTest.shortMinimal(tmp);
    Files.writeString(
        tmp.resolve("figures.csv"),
        "date_from,date_to,quantity,key,unit,low,high,source\n"
            + "2014-07-10,2014-07-10,arrivals,,persons,100,100,x\n");
    Files.writeString(tmp.resolve("cal.yaml"), CAL);
    CliRun noLater =
        CliRun.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-07-31",
            "--out",
            tmp.resolve("o").toString());
    assertThat(noLater.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noLater.err())
        .contains("no figure after the cutoff 2014-07-31 to score")
        .doesNotContain("Exception");
    CliRun badDate =
        CliRun.of(
            "hindcast",
            tmp.resolve("cal.yaml").toString(),
            "--cutoff",
            "2014-13-01",
            "--out",
            tmp.resolve("o").toString());
    assertThat(badDate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDate.err()).contains("--cutoff 2014-13-01: expected a date");
  }
}
