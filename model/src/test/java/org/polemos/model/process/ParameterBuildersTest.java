package org.polemos.model.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ExternalOperationsParameters.CapacityBasis;
import org.polemos.model.process.ExternalOperationsParameters.ExitRoute;

/**
 * The builders of the large parameter records ({@code defaults()}, {@code builder()}, {@code
 * toBuilder()}): each has a setter for every field of its record, a setter changes its own field
 * and no other, a field never set gets the default it gets when omitted from a file, and {@code
 * toBuilder().build()} gives the record back. Each record is checked against a sample in which
 * every field differs from its default, built with the canonical constructor (not the builder).
 */
class ParameterBuildersTest {

  /**
   * Asserts that for every component {@code c} of {@code from}'s record type, a builder from {@code
   * builder} with only {@code c} set to {@code to.c()} builds a record whose {@code c} is {@code
   * to.c()} and whose other components are {@code from}'s, except the components {@code follows}
   * maps {@code c} to (a field that, unset, follows {@code c}).
   */
  static void assertEachSetterChangesItsFieldAlone(
      Record from, Supplier<Object> builder, Record to, Map<String, String> follows)
      throws Exception {
    RecordComponent[] components = from.getClass().getRecordComponents();
    for (RecordComponent c : components) {
      Object b = builder.get();
      Object value = c.getAccessor().invoke(to);
      assertThat(value)
          .as("the sample's %s differs from the start", c.getName())
          .isNotEqualTo(c.getAccessor().invoke(from));
      setter(b.getClass(), c.getName()).invoke(b, value);
      Record built = (Record) b.getClass().getMethod("build").invoke(b);
      for (RecordComponent d : components) {
        Object actual = d.getAccessor().invoke(built);
        if (d.getName().equals(c.getName())) {
          assertThat(actual).as("%s set", c.getName()).isEqualTo(value);
        } else if (!d.getName().equals(follows.get(c.getName()))) {
          assertThat(actual)
              .as("%s after setting %s", d.getName(), c.getName())
              .isEqualTo(d.getAccessor().invoke(from));
        }
      }
    }
  }

  /** The builder's one-argument method named {@code name}. */
  static Method setter(Class<?> builder, String name) {
    List<Method> found =
        Arrays.stream(builder.getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1)
            .toList();
    assertThat(found).as("setter %s of %s", name, builder.getName()).hasSize(1);
    return found.get(0);
  }

  /** The record's builder ({@code toBuilder()}) with nothing changed. */
  static Object toBuilder(Record r) {
    try {
      return r.getClass().getMethod("toBuilder").invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Every field of the record differs from its default. */
  static final ExternalOperationsParameters OPERATIONS =
      new ExternalOperationsParameters(
          new DistributionSpec.Fixed(5),
          new DistributionSpec.Fixed(30),
          0.5,
          12.0,
          0.25,
          Map.of("fr", 3),
          40,
          new DistributionSpec.Fixed(3),
          true,
          0.1,
          0.2,
          1.5,
          new DistributionSpec.Fixed(7),
          25,
          4.0,
          0.3,
          0.02,
          Map.of("tn", List.of("french")),
          List.of(
              new ExitRoute(
                  "aegean",
                  List.of("fr"),
                  List.of("c"),
                  LocalDate.of(2015, 6, 1),
                  null,
                  new DistributionSpec.Fixed(10),
                  0.05,
                  1)),
          0.4,
          2.0,
          CapacityBasis.AREA);

  @Test
  void externalOperationsBuilderSetsEachFieldAloneFromTheDefaultsAndFromASample() throws Exception {
    ExternalOperationsParameters defaults = ExternalOperationsParameters.defaults();
    assertThat(Processes.defaults().get(ExternalOperationsParameters.class)).isEqualTo(defaults);
    assertThat(ExternalOperationsParameters.builder().build()).isEqualTo(defaults);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(OPERATIONS.toBuilder().build()).isEqualTo(OPERATIONS);
    // unset, inspiredPlotDays follows plotDays (as when omitted from a file)
    Map<String, String> follows = Map.of("plotDays", "inspiredPlotDays");
    assertEachSetterChangesItsFieldAlone(
        defaults, ExternalOperationsParameters::builder, OPERATIONS, follows);
    assertEachSetterChangesItsFieldAlone(defaults, () -> toBuilder(defaults), OPERATIONS, follows);
    assertEachSetterChangesItsFieldAlone(
        OPERATIONS, () -> toBuilder(OPERATIONS), defaults, Map.of());
  }

  @Test
  void anInspiredPlotDurationLeftUnsetFollowsThePlotDurationAndOneSetDoesNot() {
    DistributionSpec longer = new DistributionSpec.Fixed(120);
    ExternalOperationsParameters omitted =
        ExternalOperationsParameters.builder().plotDays(longer).build();
    assertThat(omitted.inspiredPlotDays()).isSameAs(longer);
    ExternalOperationsParameters again =
        omitted.toBuilder().plotDays(new DistributionSpec.Fixed(60)).build();
    assertThat(again.inspiredPlotDays()).isSameAs(again.plotDays());
    ExternalOperationsParameters set =
        ExternalOperationsParameters.builder()
            .inspiredPlotDays(new DistributionSpec.Fixed(7))
            .build()
            .toBuilder()
            .plotDays(longer)
            .build();
    assertThat(set.inspiredPlotDays()).isEqualTo(new DistributionSpec.Fixed(7));
    assertThat(set.plotDays()).isSameAs(longer);
  }

  /** Every field of the record differs from its default. */
  static final TerritoryParameters TERRITORY =
      new TerritoryParameters(0.2, 0.3, 2.0, 0.4, 0.5, 1.5, 0.6, 0.7, 0.1);

  @Test
  void territoryBuilderSetsEachFieldAloneFromTheDefaultsAndFromASample() throws Exception {
    TerritoryParameters defaults = TerritoryParameters.defaults();
    assertThat(Processes.defaults().get(TerritoryParameters.class)).isEqualTo(defaults);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(TERRITORY.toBuilder().build()).isEqualTo(TERRITORY);
    assertEachSetterChangesItsFieldAlone(
        defaults, TerritoryParameters::builder, TERRITORY, Map.of());
    assertEachSetterChangesItsFieldAlone(TERRITORY, () -> toBuilder(TERRITORY), defaults, Map.of());
  }

  /** Every field of the record differs from its default. */
  static final AttritionParameters ATTRITION =
      new AttritionParameters(
          0.1, 1.0, 3.0, 0.4, 0.6, 0.2, 0.5, 0.3, Map.of("fr", 0.7), Map.of("tn", 0.8), 0.25);

  @Test
  void attritionBuilderSetsEachFieldAloneFromTheDefaultsAndFromASample() throws Exception {
    AttritionParameters defaults = AttritionParameters.defaults();
    assertThat(Processes.defaults().get(AttritionParameters.class)).isEqualTo(defaults);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(ATTRITION.toBuilder().build()).isEqualTo(ATTRITION);
    assertEachSetterChangesItsFieldAlone(
        defaults, AttritionParameters::builder, ATTRITION, Map.of());
    assertEachSetterChangesItsFieldAlone(ATTRITION, () -> toBuilder(ATTRITION), defaults, Map.of());
  }

  /** Every field of the record differs from its default. */
  static final EconomyParameters ECONOMY =
      new EconomyParameters(
          0.5,
          30,
          0.6,
          20_000,
          3,
          0.2,
          1_000_000,
          List.of(new EconomyParameters.OilPrice(LocalDate.of(2015, 1, 1), 40)),
          0.3,
          0.2,
          0.1,
          500.0,
          1.0,
          0.5,
          20.0,
          30.0);

  @Test
  void economyBuilderSetsEachFieldAloneFromTheDefaultsAndFromASample() throws Exception {
    EconomyParameters defaults = EconomyParameters.defaults();
    assertThat(Processes.defaults().get(EconomyParameters.class)).isEqualTo(defaults);
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(ECONOMY.toBuilder().build()).isEqualTo(ECONOMY);
    assertEachSetterChangesItsFieldAlone(defaults, EconomyParameters::builder, ECONOMY, Map.of());
    assertEachSetterChangesItsFieldAlone(ECONOMY, () -> toBuilder(ECONOMY), defaults, Map.of());
  }
}
