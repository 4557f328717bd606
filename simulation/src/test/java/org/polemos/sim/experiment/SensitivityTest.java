package org.polemos.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polemos.model.Scenario;
import org.polemos.sim.Engine;
import org.polemos.sim.SimulationModule;
import org.polemos.sim.TestScenarios;

/**
 * Sensitivity studies from Java, without the command line: design sizes, parameter values, a
 * parameter that cannot act on the output (the border closure starts in March 2015, the output is
 * read in December 2014) gets zero effects and the last rank, thread-independence, and the errors.
 *
 * <p>The zero effects are exact (the parameter is not read before the output date), so they hold
 * for every seed. The positive effect of the Tunisian propensity would fail only if every
 * elementary effect (or every Sobol row) gave exactly equal arrivals at different propensities;
 * over seeds that rate is far below 1e-6 (each of the 4 or 8 differences would have to be exactly 0
 * out of hundreds of arrivals). Seeded, so each run is deterministic.
 */
class SensitivityTest {
  private static final Engine ENGINE =
      Guice.createInjector(new SimulationModule()).getInstance(Engine.class);
  private static final Scenario BASE = TestScenarios.minimal();
  private static final List<Sensitivity.Parameter> PARAMETERS =
      List.of(
          new Sensitivity.Parameter("interventions.border.intensity", 0.0, 0.6),
          new Sensitivity.Parameter("sources.tn.annualPropensity", 0.01, 0.05));
  private static final List<Sensitivity.Output> ARRIVALS =
      List.of(
          new Sensitivity.Output("foreign_arrivals_cumulative", "all", LocalDate.of(2014, 12, 10)));

  private static Sensitivity morris() {
    return Sensitivity.morris(BASE, PARAMETERS, ARRIVALS, 3, 2, 4, 4, 1);
  }

  @Test
  void morrisPointsAreTrajectoriesOfTheParameterRangesWithTheStudysSeed() {
    Sensitivity study = morris();
    assertThat(study.size()).isEqualTo(4 * (2 + 1));
    for (int p = 0; p < study.size(); p++) {
      double[] v = study.values(p);
      assertThat(v[0]).isBetween(0.0, 0.6);
      assertThat(v[1]).isBetween(0.01, 0.05);
      Scenario s = study.scenario(p);
      assertThat(s.seed()).isEqualTo(3);
      assertThat(s.getDouble("sources.tn.annualPropensity")).isEqualTo(v[1]);
    }
    // consecutive points of a trajectory differ in exactly one parameter (one elementary step)
    for (int t = 0; t < 4; t++) {
      for (int s = 0; s < 2; s++) {
        double[] a = study.values(t * 3 + s);
        double[] b = study.values(t * 3 + s + 1);
        int changed = (a[0] != b[0] ? 1 : 0) + (a[1] != b[1] ? 1 : 0);
        assertThat(changed).as("trajectory %d step %d", t, s).isEqualTo(1);
      }
    }
  }

  @Test
  void morrisGivesAParameterThatCannotActYetZeroEffectsAndTheLastRank() {
    Sensitivity.Result r = morris().run(ENGINE, 2, Sensitivity.Progress.NONE);
    assertThat(r.sobol()).isEmpty();
    assertThat(r.morris()).hasSize(1);
    Sensitivity.MorrisOutput m = r.morris().get(0);
    // the output is read at the last sample date not after the date asked for
    List<LocalDate> dates = Engine.sampleDates(BASE.calendar());
    LocalDate read = m.cell().date();
    assertThat(dates).contains(read);
    assertThat(read).isBeforeOrEqualTo(LocalDate.of(2014, 12, 10));
    assertThat(dates.get(dates.indexOf(read) + 1)).isAfter(LocalDate.of(2014, 12, 10));
    assertThat(m.cell().metric()).isEqualTo("foreign_arrivals_cumulative");
    assertThat(m.effects().get(0).muStar()).isZero();
    assertThat(m.effects().get(0).sigma()).isZero();
    assertThat(m.muStarIntervals().get(0).high()).isZero();
    assertThat(m.effects().get(1).muStar()).isPositive();
    assertThat(m.ranking()).containsExactly(1, 0);
    assertThat(r.values()).hasSize(12);
    assertThat(r.outputs()).hasSize(12);
  }

  @Test
  void theResultDoesNotDependOnTheNumberOfThreads() {
    Sensitivity.Result one = morris().run(ENGINE, 1, Sensitivity.Progress.NONE);
    Sensitivity.Result two = morris().run(ENGINE, 2, Sensitivity.Progress.NONE);
    assertThat(two.outputs()).usingRecursiveComparison().isEqualTo(one.outputs());
    assertThat(two.morris()).usingRecursiveComparison().isEqualTo(one.morris());
  }

  @Test
  void sobolGivesAParameterThatCannotActYetZeroIndices() {
    Sensitivity study = Sensitivity.sobol(BASE, PARAMETERS, ARRIVALS, 3, 1, 8, 1);
    assertThat(study.size()).isEqualTo(8 * (2 + 2));
    int[] progress = new int[2];
    Sensitivity.Result r =
        study.run(
            ENGINE,
            2,
            (done, total) -> {
              progress[0] = done;
              progress[1] = total;
            });
    assertThat(progress).containsExactly(32, 32);
    assertThat(r.morris()).isEmpty();
    Sensitivity.SobolOutput s = r.sobol().get(0);
    assertThat(s.indices().get(0).s1()).isZero();
    assertThat(s.indices().get(0).st()).isZero();
    assertThat(s.indices().get(1).st()).isPositive();
    assertThat(s.ranking()).containsExactly(1, 0);
  }

  @Test
  void anOutputWithoutADateIsReadAtTheLastSampleDate() {
    Sensitivity study =
        Sensitivity.morris(
            BASE,
            PARAMETERS,
            List.of(new Sensitivity.Output("territory_km2", "is", null)),
            3,
            1,
            2,
            4,
            1);
    List<LocalDate> dates = Engine.sampleDates(BASE.calendar());
    assertThat(study.cells().get(0).date()).isEqualTo(dates.get(dates.size() - 1));
  }

  @Test
  void anInvalidDesignPointStopsTheStudyNamingItsValues() {
    Sensitivity study =
        Sensitivity.morris(
            BASE,
            List.of(new Sensitivity.Parameter("corridors.tal-abyad.interdiction", 0.5, 3.0)),
            ARRIVALS,
            3,
            1,
            2,
            4,
            1);
    assertThatThrownBy(() -> study.run(ENGINE, 1, Sensitivity.Progress.NONE))
        .isInstanceOf(Sensitivity.InvalidPointException.class)
        .hasMessageContaining("the design point [")
        .hasMessageContaining("interdiction");
  }

  @Test
  void anOutputKeyTheSeriesLackIsReportedWithTheKeysThereAre() {
    Sensitivity study =
        Sensitivity.morris(
            BASE,
            PARAMETERS,
            List.of(
                ARRIVALS.get(0),
                new Sensitivity.Output("foreign_arrivals_cumulative", "nowhere", null)),
            3,
            1,
            2,
            4,
            1);
    assertThatThrownBy(() -> study.run(ENGINE, 1, Sensitivity.Progress.NONE))
        .isInstanceOfSatisfying(
            Sensitivity.MissingKeyException.class,
            e -> {
              assertThat(e.output()).isEqualTo(1);
              assertThat(e.keys()).contains("all");
            });
  }

  @Test
  void aStudyNeedsReplicationsParametersAndOutputs() {
    assertThatThrownBy(() -> Sensitivity.morris(BASE, PARAMETERS, ARRIVALS, 3, 0, 2, 4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replications");
    assertThatThrownBy(() -> Sensitivity.morris(BASE, List.of(), ARRIVALS, 3, 1, 2, 4, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sensitivity.sobol(BASE, PARAMETERS, List.of(), 3, 1, 8, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
