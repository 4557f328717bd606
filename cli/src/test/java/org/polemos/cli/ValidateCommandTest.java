package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.scenario.BundledScenarios;

class ValidateCommandTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void validFileIsOk() throws Exception {
    Path file = write("minimal.yaml", BundledScenarios.source("minimal"));
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(file + ": ok\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidFilePrintsEveryDiagnosticAndExitsOne() throws Exception {
    Path good = write("good.yaml", BundledScenarios.source("minimal"));
    Path bad =
        write(
            "bad.yaml",
            BundledScenarios.source("minimal")
                .replace("areaKm2: 19600 ", "areaKm: 19600  ")
                .replace("kind: state", "kind: nonstate"));
    CliRun run = CliRun.of("validate", bad.toString(), good.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().split("\n"))
        .containsExactly(
            bad
                + ":29:11 factions[1].kind: unknown value \"nonstate\"; expected one of: organisation, state, "
                + "non-state, coalition (did you mean \"non-state\"?)",
            bad + ":41:5 regions[0].areaKm: unknown field \"areaKm\" (did you mean \"areaKm2\"?)",
            good + ": ok");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void missingFileIsInvalidInput() {
    Path missing = dir.resolve("nothere.yaml");
    CliRun run = CliRun.of("validate", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(missing + ": no such file\n");
  }

  @Test
  void hostileFileIsOneLine() throws Exception {
    Path file = dir.resolve("binary.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', 0, 1, 2});
    CliRun run = CliRun.of("validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            file
                + ":1:4: not a text file: NUL byte at offset 3; scenario files are "
                + "UTF-8 text\n");
  }

  @Test
  void noFileIsAUsageError() {
    CliRun run = CliRun.of("validate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "polemos validate: Missing required parameter: 'FILE' (see 'polemos validate --help')\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("validate", "--strict", "x.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("polemos validate: unknown option --strict")
        .doesNotContain("\tat ");
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    CliRun run = CliRun.of("validate", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: polemos validate", "Examples:", "Exit status:", "no such file");
  }
}
