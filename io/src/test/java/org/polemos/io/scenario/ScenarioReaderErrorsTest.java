package org.polemos.io.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile scenario files: each class of problem gives one exact, located message. */
class ScenarioReaderErrorsTest {

  private final ScenarioReader reader = new ScenarioReader();

  /** The diagnostics, as printed, for {@code content} read under {@code name}. */
  private List<String> errors(String name, String content) {
    return errors(name, content.getBytes(UTF_8));
  }

  private List<String> errors(String name, byte[] content) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(name, content));
    assertThat(thrown)
        .as("only ScenarioFileException may escape")
        .isInstanceOf(ScenarioFileException.class);
    List<String> lines =
        ((ScenarioFileException) thrown).diagnostics().stream().map(Diagnostic::toString).toList();
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain("com.fasterxml", "org.yaml", "Exception", "\tat ", "Source: "));
    return lines;
  }

  static String minimal() {
    return BundledScenarios.source("minimal");
  }

  @Test
  void emptyFile() {
    assertThat(errors("empty.yaml", ""))
        .containsExactly(
            "empty.yaml: the file is empty; a scenario file starts with \"schemaVersion: 1\"");
    assertThat(errors("blank.yaml", " \n\t\n"))
        .containsExactly(
            "blank.yaml: the file is empty; a scenario file starts with \"schemaVersion: 1\"");
  }

  @Test
  void commentsOnly() {
    assertThat(errors("comments.yaml", "# nothing here\n\n   # or here\n"))
        .containsExactly(
            "comments.yaml: the file holds no content, only comments; a scenario file starts with \"schemaVersion: 1\"");
  }

  @Test
  void proseIsNotYaml() {
    assertThat(errors("prose.yaml", "The quick brown fox: jumps: over\n the lazy dog\n"))
        .containsExactly("prose.yaml:1:27: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void unbalancedBracketsInYaml() {
    assertThat(errors("unbalanced.yaml", "schemaVersion: 1\nregions: [a, b\nid: x\n"))
        .containsExactly(
            "unbalanced.yaml:3:3: malformed YAML: expected ',' or ']', but got : "
                + "(while parsing a flow sequence at line 2, column 10)");
  }

  @Test
  void unbalancedBracketsInJson() {
    assertThat(errors("bad.json", "{\"schemaVersion\": 1, \"id\": [1,2}\n"))
        .containsExactly(
            "bad.json:1:32: malformed JSON: Unexpected close marker '}': expected ']' "
                + "(for Array starting at line 1, column 28)");
  }

  @Test
  void jsonIsSniffedWhenTheNameSaysNothing() {
    assertThat(errors("scenario.txt", "{\"schemaVersion\": 1,,}"))
        .containsExactly(
            "scenario.txt:1:21: malformed "
                + "JSON: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
  }

  @Test
  void nulByte() {
    assertThat(errors("nul.yaml", "schemaVersion: 1\nid: x\u0000\n"))
        .containsExactly(
            "nul.yaml:2:6: not a text file: NUL byte at offset 22; scenario files are UTF-8 text");
  }

  @Test
  void invalidUtf8() {
    byte[] content = {'i', 'd', ':', ' ', (byte) 0xFF, (byte) 0xFE, 'x'};
    assertThat(errors("latin.yaml", content))
        .containsExactly(
            "latin.yaml:1:5: not a text file: byte 0xFF at offset 4 is not valid UTF-8; scenario files are UTF-8 text");
  }

  @Test
  void binaryFileLikeAnImage() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertThat(errors("map.yaml", png))
        .singleElement()
        .asString()
        .isEqualTo(
            "map.yaml:1:1: not a text file: byte 0x89 at offset 0 is not valid UTF-8; scenario files are UTF-8 text");
  }

  @Test
  void tooLargeInMemory() {
    byte[] big = new byte[ScenarioReader.MAX_BYTES + 1];
    assertThat(errors("big.yaml", big))
        .containsExactly(
            "big.yaml: the file is 2097153 bytes, larger than the limit of 2097152 bytes (2 MiB) for scenario files");
  }

  @Test
  void tooLargeFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(1L << 34); // 16 GiB, sparse: reading it would exhaust memory
    }
    ScenarioFileException e =
        catchThrowableOfType(ScenarioFileException.class, () -> reader.read(file));
    assertThat(e.diagnostics())
        .singleElement()
        .asString()
        .isEqualTo(
            file
                + ": the file is 17179869184 bytes, larger than the limit of 2097152 bytes (2 MiB) for scenario files");
  }

  @Test
  void missingFileAndDirectory(@TempDir Path dir) {
    Path missing = dir.resolve("nothere.yaml");
    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage(dir + ": is a directory, not a scenario file");
  }

  @Test
  void topLevelNotAMapping() {
    assertThat(errors("list.yaml", "- a\n- b\n"))
        .containsExactly(
            "list.yaml:1:1: the top level must be a mapping "
                + "of scenario fields (schemaVersion: 1, id: ..., name: ...), found a list");
    assertThat(errors("scalar.yaml", "just words\n"))
        .containsExactly(
            "scalar.yaml:1:1: the top level must be a "
                + "mapping of scenario fields (schemaVersion: 1, id: ..., name: ...), found string \"just words\"");
  }

  @Test
  void newerSchemaVersion() {
    assertThat(errors("v2.yaml", "schemaVersion: 2\nid: x\n"))
        .containsExactly(
            "v2.yaml:1:16 schemaVersion: version 2 is newer than this version of Polemos reads (1); upgrade Polemos");
  }

  @Test
  void unknownSchemaVersion() {
    assertThat(errors("v0.yaml", "schemaVersion: 0\n"))
        .containsExactly(
            "v0.yaml:1:16 schemaVersion: unknown version 0; this version of Polemos reads schemaVersion 1");
    assertThat(errors("vs.yaml", "schemaVersion: one\n"))
        .containsExactly(
            "vs.yaml:1:16 schemaVersion: expected the whole number 1, found string \"one\"");
  }

  @Test
  void missingSchemaVersionIsReportedWithTheOtherProblems() {
    String text = minimal().replace("schemaVersion: 1 ", "");
    assertThat(errors("noversion.yaml", text))
        .containsExactly(
            "noversion.yaml:6:1: missing schemaVersion; start the file with \"schemaVersion: 1\"");
  }

  @Test
  void duplicateKeysReportBothLines() {
    String text =
        minimal().replace("  outputStep: monthly", "  outputStep: monthly\n  end: 2016-01-01");
    assertThat(errors("dup.yaml", text))
        .containsExactly(
            "dup.yaml:15:3 calendar.end: duplicate key \"end\" (first at line 13); each key may appear once");
  }

  @Test
  void secondYamlDocument() {
    assertThat(errors("two.yaml", minimal() + "---\nid: again\n"))
        .containsExactly(
            "two.yaml:156:1: a second YAML document starts here; a scenario file holds exactly one");
  }

  @Test
  void deepNestingYaml() {
    String text = "schemaVersion: 1\nid: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertThat(errors("deep.yaml", text))
        .containsExactly(
            "deep.yaml:2:69: the document nests deeper than 64 levels, the limit for scenario files");
  }

  @Test
  void deepNestingBlockYaml() {
    StringBuilder text = new StringBuilder("schemaVersion: 1\n");
    for (int i = 0; i < 70; i++) {
      text.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertThat(errors("deep-block.yaml", text.toString()))
        .singleElement()
        .asString()
        .startsWith("deep-block.yaml:66:")
        .endsWith(": the document nests deeper than 64 levels, the limit for " + "scenario files");
  }

  @Test
  void deepNestingJson() {
    String text =
        "{\"schemaVersion\": 1, \"id\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(errors("deep.json", text))
        .containsExactly(
            "deep.json:1:92: the document nests deeper than 64 levels, the limit for scenario files");
  }

  @Test
  void billionLaughs() {
    StringBuilder text =
        new StringBuilder("schemaVersion: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String previous = "a";
    for (String name : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      text.append(name)
          .append(": &")
          .append(name)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous)))
          .append("]\n");
      previous = name;
    }
    assertThat(errors("lol.yaml", text.toString()))
        .containsExactly(
            "lol.yaml:5:14 d[2]: more than 20 aliases to mappings or lists; the limit guards against alias bombs");
  }

  @Test
  void aliasExpansionBudget() {
    // Few aliases, each to a big list: the expanded size is what is bounded.
    // (over 8 lines: a YAML line may be at most 250,000 characters)
    String big = "[" + ("1,".repeat(50_000) + "\n").repeat(8) + "1]";
    String text = "schemaVersion: 1\na: &a " + big + "\nb: [*a, *a, *a]\n";
    assertThat(errors("wide.yaml", text))
        .containsExactly(
            "wide.yaml:11:9: the document has more than 1000000 values once aliases are expanded; "
                + "the limit guards against alias bombs");
  }

  @Test
  void recursiveAlias() {
    assertThat(errors("rec.yaml", "schemaVersion: 1\na: &a [*a]\n"))
        .containsExactly(
            "rec.yaml:2:8 a[0]: alias *a refers to the mapping or list that contains it; recursive aliases are not allowed");
  }

  @Test
  void aliasesWithinLimitsAreExpanded() {
    String text =
        minimal()
            .replace(
                "transitDelayDays: {type: lognormal, mu: 2.3, sigma: 0.5}",
                "transitDelayDays: &delay {type: lognormal, mu: 2.3, sigma: 0.5}")
            .replace("plotDays: {type: exponential, mean: 60}", "plotDays: *delay");
    var scenario = reader.read("alias.yaml", text.getBytes(UTF_8));
    assertThat(
            scenario
                .processes()
                .get(org.polemos.model.process.ExternalOperationsParameters.class)
                .plotDays())
        .isEqualTo(scenario.corridors().get(0).transitDelayDays());
  }

  /**
   * Bad values of the fields of issue 13's grip on foreigners are located (file, line, column,
   * path): the foreign stock at the start, exit control, per-source return shares (with an unknown
   * source), support staff deaths and detention on capture.
   */
  @Test
  void badValuesOfTheGripOnForeignersAreLocated() {
    String text =
        minimal()
            .replace(
                "    intelligenceEffectiveness: 0.5    # probability a plot directed at this country is foiled\n",
                "    intelligenceEffectiveness: 0.5    # probability a plot directed at this country is foiled\n"
                    + "    fightersAtStart: -5\n")
            .replace(
                "    returneeArrestProbability: 0.5    # probability a returnee is arrested on return\n",
                "    returneeArrestProbability: 0.5    # probability a returnee is arrested on return\n"
                    + "    exitStopBase: 1.5\n"
                    + "    returnShareBySource: {tunisa: 0.5}\n"
                    + "    supportDeathRatio: -1\n"
                    + "  territory:\n"
                    + "    foreignDetainedOnCapture: 2\n");
    assertThat(text).contains("fightersAtStart: -5", "exitStopBase: 1.5", "territory:");
    int stock = lineOf(text, "fightersAtStart");
    int exit = lineOf(text, "exitStopBase");
    assertThat(errors("grip.yaml", text))
        .containsExactlyInAnyOrder(
            "grip.yaml:" + stock + ":22 sources[0].fightersAtStart: must be >= 0, was -5",
            "grip.yaml:"
                + exit
                + ":19 processes.attrition.exitStopBase: must be in [0, 1], was 1.5",
            "grip.yaml:"
                + (exit + 1)
                + ":35 processes.attrition.returnShareBySource.tunisa: unknown source \"tunisa\" (did you mean \"tunisia\"?)",
            "grip.yaml:"
                + (exit + 2)
                + ":24 processes.attrition.supportDeathRatio: must be >= 0, was -1",
            "grip.yaml:"
                + (exit + 4)
                + ":31 processes.territory.foreignDetainedOnCapture: must be in [0, 1], was 2");
  }

  private static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment);
  }
}
