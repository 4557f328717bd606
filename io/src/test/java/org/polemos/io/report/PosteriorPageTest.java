package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The posterior page of an ABC-SMC calibration directory, on a synthetic posterior whose particles
 * and (unnormalised) weights the test knows: every parameter is listed, the embedded marginals are
 * the particles' normalised weights binned (so each sums to 1), pairs carry the weighted
 * correlation, the diagnostics are charted, and bad input is one located message.
 */
class PosteriorPageTest {
  static final String A = "factions.islamic-state.parameters.morale";
  static final String B = "processes.combat.airStrikeEffect";
  static final String C = "sources.tunisia.annualPropensity";
  static final int N = 300;

  @TempDir Path dir;
  double[] weights = new double[N];
  double[][] values = new double[N][3];

  @BeforeEach
  void writeCalibrationDirectory() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder posterior = new StringBuilder("weight," + A + "," + B + "," + C + "\n");
    for (int i = 0; i < N; i++) {
      weights[i] = 0.1 + random.nextDouble() * 3; // not normalised: the page must normalise
      values[i][0] = 0.5 + 1.1 * random.nextDouble();
      values[i][1] = 2 * values[i][0]; // exactly linear in A: correlation 1
      values[i][2] = Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(60)); // log-uniform
      posterior.append(weights[i]);
      for (double v : values[i]) {
        posterior.append(',').append(v);
      }
      posterior.append('\n');
    }
    Files.writeString(dir.resolve("posterior.csv"), posterior);
    Files.writeString(
        dir.resolve("abc-diagnostics.csv"),
        """
        generation,tolerance,simulations,accepted,considered,acceptance_rate,ess
        0,Inf,300,300,300,1,300
        1,0.8,700,300,650,0.46153846153846156,281.5
        2,0.5,1500,300,1400,0.21428571428571427,240.25
        """);
    Files.writeString(
        dir.resolve("posterior-summary.csv"),
        "path,prior,prior_low,prior_high,mean,sd,p05,p50,p95\n"
            + A
            + ",uniform,0.5,1.6,1,0.3,0.6,1,1.5\n"
            + B
            + ",uniform,1,3.2,2,0.6,1.2,2,3\n"
            + C
            + ",log-uniform,0.001,0.06,0.01,0.01,0.002,0.008,0.05\n");
  }

  private JsonNode data(String html) throws Exception {
    String open = "<script id=\"report-data\" type=\"application/json\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  @Test
  void everyParameterIsListedInTheTableAndTheData() throws Exception {
    String html = PosteriorPage.render(dir);
    JsonNode parameters = data(html).path("posterior").path("parameters");
    assertThat(parameters).extracting(p -> p.path("path").asText()).containsExactly(A, B, C);
    for (String path : List.of(A, B, C)) {
      assertThat(html).contains("<code>" + path + "</code>");
    }
    assertThat(html).contains("window.polemosCorner").doesNotContain("src=\"http");
  }

  @Test
  void eachMarginalIsTheNormalisedWeightOfTheParticlesInEachBinAndSumsToOne() throws Exception {
    JsonNode post = data(PosteriorPage.render(dir)).path("posterior");
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    JsonNode embedded = post.path("weights");
    assertThat(embedded).hasSize(N);
    for (int i = 0; i < N; i++) {
      assertThat(embedded.get(i).asDouble()).isCloseTo(weights[i] / total, within(1e-15));
    }
    for (int c = 0; c < 3; c++) {
      JsonNode p = post.path("parameters").get(c);
      JsonNode edges = p.path("edges");
      JsonNode marginal = p.path("marginal");
      assertThat(marginal).hasSize(PosteriorPage.bins(N));
      assertThat(edges).hasSize(marginal.size() + 1);
      double sum = 0;
      for (int k = 0; k < marginal.size(); k++) {
        double lo = edges.get(k).asDouble();
        double hi = edges.get(k + 1).asDouble();
        assertThat(hi).isGreaterThan(lo);
        boolean last = k == marginal.size() - 1;
        double expected = 0;
        for (int i = 0; i < N; i++) {
          double v = values[i][c];
          if (v >= lo && (v < hi || (last && v <= hi))) {
            expected += weights[i] / total;
          }
        }
        assertThat(marginal.get(k).asDouble())
            .as("parameter %d bin %d", c, k)
            .isCloseTo(expected, within(1e-12));
        sum += marginal.get(k).asDouble();
      }
      assertThat(sum).as("parameter %d", c).isCloseTo(1.0, within(1e-12));
      // every particle is inside the edges
      for (int i = 0; i < N; i++) {
        assertThat(values[i][c])
            .isBetween(edges.get(0).asDouble(), edges.get(edges.size() - 1).asDouble());
      }
    }
  }

  @Test
  void binsSpanThePriorBoxLinearlyOrOnALogarithmicAxisForALogUniformPrior() throws Exception {
    JsonNode parameters = data(PosteriorPage.render(dir)).path("posterior").path("parameters");
    JsonNode a = parameters.get(0).path("edges");
    assertThat(a.get(0).asDouble()).isEqualTo(0.5);
    assertThat(a.get(a.size() - 1).asDouble()).isEqualTo(1.6);
    assertThat(a.get(2).asDouble() - a.get(1).asDouble())
        .isCloseTo(a.get(1).asDouble() - a.get(0).asDouble(), within(1e-12));
    JsonNode c = parameters.get(2);
    assertThat(c.path("log").asBoolean()).isTrue();
    JsonNode e = c.path("edges");
    assertThat(e.get(0).asDouble()).isEqualTo(0.001);
    assertThat(e.get(e.size() - 1).asDouble()).isEqualTo(0.06);
    for (int k = 1; k < e.size() - 1; k++) {
      assertThat(e.get(k + 1).asDouble() / e.get(k).asDouble())
          .isCloseTo(e.get(1).asDouble() / e.get(0).asDouble(), within(1e-9));
    }
    // a uniform prior puts 1/bins of its mass in each bin: the dashed reference line
    assertThat(parameters.get(0).path("priorMass").asDouble())
        .isCloseTo(1.0 / PosteriorPage.bins(N), within(1e-15));
  }

  @Test
  void pairsCarryTheWeightedCorrelationAndTheirCellsSumToOne() throws Exception {
    JsonNode pairs = data(PosteriorPage.render(dir)).path("posterior").path("pairs");
    assertThat(pairs).hasSize(3); // (A,B), (A,C), (B,C)
    for (JsonNode pair : pairs) {
      assertThat(pair.path("x").asInt()).isLessThan(pair.path("y").asInt());
      double sum = 0;
      for (JsonNode row : pair.path("cells")) {
        for (JsonNode cell : row) {
          sum += cell.asDouble();
        }
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
    }
    JsonNode ab = pairs.get(0);
    assertThat(ab.path("x").asInt()).isZero();
    assertThat(ab.path("y").asInt()).isOne();
    assertThat(ab.path("correlation").asDouble()).isCloseTo(1.0, within(1e-12));
    // independent draws: small correlation (|r| < 0.2 fails with probability ~5e-4 for 300 draws)
    assertThat(Math.abs(pairs.get(1).path("correlation").asDouble())).isLessThan(0.2);
  }

  @Test
  void theDiagnosticsAreChartedPerGenerationWithNoToleranceForThePrior() throws Exception {
    String html = PosteriorPage.render(dir);
    JsonNode charts = data(html).path("charts");
    assertThat(charts).hasSize(3);
    assertThat(charts.get(0).path("x").toString()).isEqualTo("[0.0,1.0,2.0]");
    assertThat(charts.get(0).path("series").get(0).path("mean").toString())
        .isEqualTo("[null,0.8,0.5]");
    assertThat(charts.get(1).path("series").get(0).path("mean").get(2).asDouble())
        .isCloseTo(100 * 300.0 / 1400, within(1e-9));
    assertThat(charts.get(2).path("series").get(0).path("mean").get(1).asDouble()).isEqualTo(281.5);
    assertThat(html).contains("none (the prior)").contains("300 / 1400");
  }

  @Test
  void theReportOfACalibrationDirectoryIsThePosteriorPage() throws Exception {
    assertThat(ExperimentPage.isExperiment(dir)).isTrue();
    assertThat(ReportBuilder.forRun(dir).render()).isEqualTo(PosteriorPage.render(dir));
    Path written = PosteriorPage.write(dir, dir.resolve(PosteriorPage.FILE));
    assertThat(Files.readString(written)).isEqualTo(PosteriorPage.render(dir));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }
  }

  @Test
  void aBadWeightIsOneLocatedMessage() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("posterior.csv"));
    lines.set(2, "heavy" + lines.get(2).substring(lines.get(2).indexOf(',')));
    Files.write(dir.resolve("posterior.csv"), lines);
    assertThatThrownBy(() -> PosteriorPage.render(dir))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("posterior.csv:3: column 'weight': 'heavy' is not a finite number");
  }

  @Test
  void aBadDiagnosticsValueIsOneLocatedMessage() throws Exception {
    Path file = dir.resolve("abc-diagnostics.csv");
    Files.writeString(file, Files.readString(file).replace(",281.5", ",many"));
    assertThatThrownBy(() -> PosteriorPage.render(dir))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining(file + ":3: column 'ess': 'many' is not a finite number");
  }

  @Test
  void aDirectoryWithoutDiagnosticsIsNotAPosterior() throws Exception {
    Files.delete(dir.resolve("abc-diagnostics.csv"));
    assertThat(PosteriorPage.isPosterior(dir)).isFalse();
    assertThatThrownBy(() -> PosteriorPage.render(dir))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("holds no ABC-SMC posterior");
  }

  @Test
  void withoutTheSummaryTheBinsSpanTheParticlesAndStillSumToOne() throws Exception {
    Files.delete(dir.resolve("posterior-summary.csv"));
    JsonNode p = data(PosteriorPage.render(dir)).path("posterior").path("parameters").get(2);
    assertThat(p.path("log").asBoolean()).isFalse(); // prior unknown: linear axis
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] v : values) {
      min = Math.min(min, v[2]);
      max = Math.max(max, v[2]);
    }
    JsonNode e = p.path("edges");
    assertThat(e.get(0).asDouble()).isEqualTo(min);
    assertThat(e.get(e.size() - 1).asDouble()).isEqualTo(max);
    double sum = 0;
    for (JsonNode m : p.path("marginal")) {
      sum += m.asDouble();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }
}
