package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polemos.io.experiment.ObservedFigure;
import org.polemos.io.hindcast.HindcastPage;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.sim.experiment.ProperScores;

/**
 * Scores a hindcast's predictive replications against its figures and writes hindcast.csv,
 * hindcast-in-sample.csv and hindcast.html (docs/EXPERIMENTS.md).
 */
final class HindcastOutput {
  static final String[] COLUMNS = {
    "quantity",
    "key",
    "date_from",
    "date_to",
    "observed_low",
    "observed_high",
    "pred_mean",
    "pred_p05",
    "pred_p25",
    "pred_p50",
    "pred_p75",
    "pred_p95",
    "crps",
    "in50",
    "in90"
  };

  private HindcastOutput() {}

  /**
   * Writes the three files into {@code out}; {@code y[replication][figure]} are the predictive
   * numbers of {@code figures}. Returns the one-line summary of the scored figures.
   */
  static String write(
      Path out,
      String title,
      LocalDate cutoff,
      List<HindcastFigures.Scored> figures,
      double[][] y,
      int draws)
      throws IOException {
    List<HindcastPage.Row> page = new ArrayList<>();
    double crpsSum = 0;
    int n = 0;
    int in50 = 0;
    int in90 = 0;
    try (TableCsvWriter scoredCsv =
            new TableCsvWriter(out.resolve("hindcast.csv"), List.of(COLUMNS));
        TableCsvWriter inSample =
            new TableCsvWriter(out.resolve("hindcast-in-sample.csv"), List.of(COLUMNS))) {
      for (int t = 0; t < figures.size(); t++) {
        ObservedFigure f = figures.get(t).target().figure();
        double[] sample = new double[draws];
        for (int i = 0; i < draws; i++) {
          sample[i] = y[i][t];
        }
        double value = (f.low() + f.high()) / 2;
        double crps = ProperScores.crps(sample, value);
        boolean i50 = ProperScores.inCentralInterval(sample, value, 0.5);
        boolean i90 = ProperScores.inCentralInterval(sample, value, 0.9);
        double[] q = {
          ProperScores.quantile(sample, 0.05),
          ProperScores.quantile(sample, 0.25),
          ProperScores.quantile(sample, 0.5),
          ProperScores.quantile(sample, 0.75),
          ProperScores.quantile(sample, 0.95)
        };
        boolean scored = figures.get(t).scored();
        (scored ? scoredCsv : inSample)
            .row(
                f.quantity(),
                f.key(),
                f.dateFrom().toString(),
                f.dateTo().toString(),
                f.low(),
                f.high(),
                ProperScores.mean(sample),
                q[0],
                q[1],
                q[2],
                q[3],
                q[4],
                crps,
                i50 ? 1 : 0,
                i90 ? 1 : 0);
        if (scored) {
          crpsSum += crps;
          n++;
          in50 += i50 ? 1 : 0;
          in90 += i90 ? 1 : 0;
        }
        page.add(
            new HindcastPage.Row(
                f.quantity(),
                f.key(),
                f.unit(),
                f.dateFrom(),
                f.dateTo(),
                f.low(),
                f.high(),
                q[0],
                q[1],
                q[2],
                q[3],
                q[4],
                crps,
                scored));
      }
      scoredCsv.commit();
      inSample.commit();
    }
    String summary =
        String.format(
            Locale.ROOT,
            "hindcast after %s: %d figures, mean CRPS %.4g, 50%% interval "
                + "coverage %d/%d (%.0f%%), 90%% interval coverage %d/%d (%.0f%%)",
            cutoff,
            n,
            crpsSum / n,
            in50,
            n,
            100.0 * in50 / n,
            in90,
            n,
            100.0 * in90 / n);
    HindcastPage.write(out.resolve("hindcast.html"), title, cutoff, summary, page);
    return summary;
  }
}
