package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polemos.model.Region;
import org.polemos.model.Scenario;

/**
 * Writing then reading gives an equal scenario, in both formats, for every bundled scenario and
 * tricky values.
 */
class ScenarioRoundTripTest {

  private final ScenarioReader reader = new ScenarioReader();
  private final ScenarioWriter writer = new ScenarioWriter();

  static Stream<Arguments> bundledInBothFormats() {
    return BundledScenarios.ids().stream()
        .flatMap(
            id ->
                Stream.of(
                    Arguments.of(id, ScenarioFormat.YAML), Arguments.of(id, ScenarioFormat.JSON)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("bundledInBothFormats")
  void bundledScenarioRoundTrips(String id, ScenarioFormat format) {
    Scenario scenario = BundledScenarios.load(id);
    String text = writer.write(scenario, format);
    assertThat(
            reader.read(
                id + (format == ScenarioFormat.JSON ? ".json" : ".yaml"), text.getBytes(UTF_8)))
        .isEqualTo(scenario);
    // Writing is stable: a second round gives the same text.
    assertThat(writer.write(reader.read("again", text.getBytes(UTF_8), format), format))
        .isEqualTo(text);
  }

  @Test
  void yamlStartsWithTheSchemaVersionAndLeavesOutEmptyOptionalFields() {
    String yaml = writer.toYaml(BundledScenarios.load("minimal"));
    assertThat(yaml)
        .startsWith("schemaVersion: 1\nid: minimal\n")
        .doesNotContain("---", "notes: \"\"", "faction: \"\"", "faction: ''");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extensions")
  void writesFilesAtomicallyByExtension(String name, @TempDir Path dir) throws Exception {
    Scenario scenario = BundledScenarios.load("minimal");
    Path file = dir.resolve(name);
    Files.writeString(file, "old content that must be replaced whole");
    writer.write(scenario, file);
    assertThat(reader.read(file)).isEqualTo(scenario);
    assertThat(Files.readString(file).startsWith("{")).isEqualTo(name.endsWith(".json"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  static Stream<String> extensions() {
    return Stream.of("s.yaml", "s.yml", "s.json", "s.scenario");
  }

  /**
   * Seeded: strings YAML likes to misread (booleans, nulls, numbers, dates, comments, quotes, line
   * breaks).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void trickyStringsAndNumbersRoundTrip(long seed) {
    Random random = new Random(seed);
    List<String> tricky =
        List.of(
            "yes",
            "no",
            "on",
            "off",
            "true",
            "null",
            "~",
            "",
            " ",
            "123",
            "0x1F",
            "1e3",
            "2014-06-10",
            "# not a comment",
            "a: b",
            "- item",
            "[x]",
            "{y}",
            "'single'",
            "\"double\"",
            "tab\there",
            "line one\nline two\n",
            "trailing space ",
            " leading",
            "ünïcödé ☪ 伊斯兰",
            "*alias",
            "&anchor",
            "!tag",
            "%directive",
            "@at",
            "`tick`",
            "back\\slash",
            "---",
            "...",
            "NO",
            ".inf",
            "-.5");
    Scenario base = BundledScenarios.load("minimal");
    for (int round = 0; round < 20; round++) {
      String a = tricky.get(random.nextInt(tricky.size()));
      String b =
          tricky.get(random.nextInt(tricky.size())) + tricky.get(random.nextInt(tricky.size()));
      // Magnitudes only: the reader validates, and areas, populations and capacities must be
      // positive.
      double number =
          Math.abs(
                  switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextGaussian() * 1e6;
                    case 2 ->
                        Double.longBitsToDouble(
                            random.nextLong() & 0x7FEFFFFFFFFFFFFFL); // any finite positive
                    default -> Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
                  })
              + Double.MIN_VALUE;
      // within the bounds of docs/SCENARIO-FORMAT.md, keeping all the digits of the mantissa
      while (number > org.polemos.model.validation.Limits.MAX_AREA_KM2) {
        number /= 1024;
      }
      long population =
          Math.floorMod(
              random.nextLong(), (long) org.polemos.model.validation.Limits.MAX_POPULATION);
      Region r = base.regions().get(0);
      Region changed =
          new Region(
              r.id(),
              a,
              r.country(),
              population,
              number,
              number / 3,
              r.defensibility(),
              r.neighbours(),
              r.controller(),
              r.forces(),
              b);
      List<Region> regions = new java.util.ArrayList<>(base.regions());
      regions.set(0, changed);
      Scenario scenario =
          new Scenario(
              base.id(),
              b,
              a,
              base.calendar(),
              random.nextLong(),
              base.factions(),
              regions,
              base.sources(),
              base.corridors(),
              base.interventions(),
              base.processes(),
              a + b);
      for (ScenarioFormat format : ScenarioFormat.values()) {
        String text = writer.write(scenario, format);
        assertThat(reader.read("t", text.getBytes(UTF_8), format))
            .as("%s:\n%s", format, text)
            .isEqualTo(scenario);
      }
    }
  }

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 10);
  }

  @Test
  void numbersAreWrittenReadably() {
    assertThat(ScenarioWriter.number(0.00001)).isEqualTo("0.00001");
    assertThat(ScenarioWriter.number(50_000_000)).isEqualTo("50000000.0");
    assertThat(ScenarioWriter.number(0)).isEqualTo("0.0");
    assertThat(ScenarioWriter.number(1e300)).isEqualTo("1.0E+300");
    assertThat(ScenarioWriter.number(-2.5e-300)).isEqualTo("-2.5E-300");
  }
}
