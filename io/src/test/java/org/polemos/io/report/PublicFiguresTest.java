package org.polemos.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polemos.io.figures.PublicFigure;
import org.polemos.io.figures.PublicFiguresReader;

class PublicFiguresTest {
  private static ScenarioInfo scenario() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("tunisia", "Tunisia");
    sources.put("saudi-arabia", "Saudi Arabia");
    return new ScenarioInfo(
        "levant-2014",
        "Levant",
        Map.of("islamic-state", "Islamic State"),
        "islamic-state",
        sources,
        Map.of(),
        "monthly",
        List.of());
  }

  private static PublicFigures.Mapping map(String rows) throws Exception {
    List<PublicFigure> figures =
        PublicFiguresReader.read(
            new StringReader("date_from,date_to,quantity,key,unit,low,high,source\n" + rows),
            "test");
    return PublicFigures.map(figures, scenario(), date -> date.lengthOfMonth());
  }

  @Test
  void mapsQuantitiesToMetrics() throws Exception {
    PublicFigures.Mapping mapping =
        map(
            """
        2015-01-01,2015-01-01,territory_held,organisation,km2,90800,90800,IHS Conflict Monitor
        2014-08-01,2014-09-12,fighters_total,organisation,persons,20000,31500,CIA estimate (Sept 2014)
        2015-12-01,2015-12-31,foreign_fighters_cumulative,,persons,27000,31000,Soufan Group (Dec 2015)
        2015-12-01,2015-12-31,foreign_fighters_by_source,Saudi Arabia,persons,2500,2500,Soufan Group (Dec 2015)
        2015-12-01,2015-12-31,foreign_fighters_by_source,Atlantis,persons,1,1,Nobody
        2014-10-01,2014-10-31,foreign_fighter_inflow,,persons_per_month,1000,1000,US officials via AFP (Oct 2014)
        2014-06-01,2014-10-31,oil_revenue,,usd_per_day,1000000,1000000,US Treasury (Oct 2014)
        2015-12-01,2015-12-31,oil_revenue,,usd_per_month,40000000,40000000,US Treasury (Dec 2015)
        2014-06-01,2014-06-30,foreign_fighters_total_all_groups,,persons,12000,12000,Soufan Group (June 2014)
        """);
    assertThat(mapping.points())
        .extracting(p -> p.metric() + "/" + p.key())
        .containsExactly(
            "territory_km2/islamic-state",
            "fighters/islamic-state",
            "foreign_arrivals_men_cumulative/all",
            "foreign_arrivals_men_cumulative/saudi-arabia",
            ReportMetrics.INFLOW_MONTHLY + "/all",
            "revenue_usd/oil",
            "revenue_usd/oil");
    ObservedPoint fighters = mapping.points().get(1);
    assertThat(fighters.low()).isEqualTo(20000);
    assertThat(fighters.high()).isEqualTo(31500);
    assertThat(fighters.midpoint()).isEqualTo(LocalDate.of(2014, 8, 22));
    assertThat(fighters.source()).isEqualTo("CIA estimate (Sept 2014)");
    // 1 M USD per day, middle of the period in August: 31 days per monthly output period
    assertThat(mapping.points().get(5).low()).isEqualTo(31_000_000.0);
    // 40 M USD per month in December stays 40 M per month
    assertThat(mapping.points().get(6).high()).isEqualTo(40_000_000.0);
    assertThat(mapping.unmapped())
        .extracting(u -> u.figure().key() + u.figure().quantity())
        .containsExactly("Atlantisforeign_fighters_by_source", "foreign_fighters_total_all_groups");
  }

  @Test
  void theReferenceScenariosPresentationNamesItsFiguresAndMostRowsMap() throws Exception {
    List<PublicFigure> figures =
        Presentation.forRun(Path.of("no-such-run"), "levant-2014").figures();
    assertThat(figures).hasSizeGreaterThan(15);
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name :
        List.of("Tunisia", "Saudi Arabia", "Russia", "Turkey", "Jordan", "France", "Germany")) {
      sources.put(name.toLowerCase().replace(' ', '-'), name);
    }
    ScenarioInfo levant =
        new ScenarioInfo(
            "levant-2014",
            "Levant",
            Map.of(),
            "islamic-state",
            sources,
            Map.of(),
            "monthly",
            List.of());
    PublicFigures.Mapping mapping = PublicFigures.map(figures, levant, date -> 30);
    assertThat(mapping.points()).hasSizeGreaterThanOrEqualTo(17);
    assertThat(mapping.points())
        .anyMatch(
            p ->
                p.metric().equals("foreign_arrivals_men_cumulative")
                    && p.key().equals("tunisia")
                    && p.low() == 6000);
  }
}
