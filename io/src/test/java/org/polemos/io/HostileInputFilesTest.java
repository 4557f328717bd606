package org.polemos.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.experiment.SweepFileReader;
import org.polemos.io.results.Csv;
import org.polemos.io.results.SeriesCsvReader;
import org.polemos.io.results.SeriesCsvWriter;
import org.polemos.io.results.SummaryCsv;
import org.polemos.io.results.TableCsvWriter;
import org.polemos.io.scenario.ScenarioFileException;
import org.polemos.io.scenario.ScenarioReader;

/**
 * Issue 10 and issue 11 item 6: hostile input files, one YAML layer, CSV read with the CSV library.
 */
class HostileInputFilesTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aKeyWithALineBreakReadsBackAsWritten() throws Exception {
    Path series = dir.resolve("series.csv");
    try (SeriesCsvWriter w = new SeriesCsvWriter(series)) {
      w.row(0, LocalDate.of(2014, 6, 10), "arrivals", "multi\nline, \"quoted\"", 1.5);
      w.row(0, LocalDate.of(2014, 6, 10), "arrivals", "plain", -2);
      w.commit();
    }
    try (SeriesCsvReader r = new SeriesCsvReader(series)) {
      SeriesCsvReader.Row first = r.next();
      assertThat(first.key()).isEqualTo("multi\nline, \"quoted\"");
      assertThat(first.value()).isEqualTo(1.5);
      SeriesCsvReader.Row second = r.next();
      assertThat(second.key()).isEqualTo("plain");
      assertThat(second.line()).isEqualTo(4); // the first record spans lines 2 and 3
      assertThat(r.next()).isNull();
    }
    Path summary = dir.resolve("summary.csv");
    try (TableCsvWriter w = SummaryCsv.open(summary)) {
      SummaryCsv.write(
          w, new SummaryCsv.Row(LocalDate.of(2015, 1, 1), "m", "a\r\nb", 3, 1, 0, 1, 1, 1, 1, 1));
      w.commit();
    }
    List<String> keys = new ArrayList<>();
    SummaryCsv.read(summary, row -> keys.add(row.key()));
    assertThat(keys).containsExactly("a\r\nb");
  }

  @Test
  void formulaPrefixesAreNeutralisedAndNumbersKept() {
    assertThat(Csv.field("=1+1")).isEqualTo("'=1+1");
    assertThat(Csv.field("+cmd")).isEqualTo("'+cmd");
    assertThat(Csv.field("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(Csv.field("=HYPERLINK(\"x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    assertThat(Csv.field("-5")).isEqualTo("-5");
    assertThat(Csv.field("+1.5e3")).isEqualTo("+1.5e3");
    assertThat(Csv.field("islamic-state")).isEqualTo("islamic-state");
  }

  @Test
  void experimentFilesGetTheHostileInputLimits() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 25; i++) {
      bomb.append("b").append(i).append(": [*a, *a]\n");
    }
    Path lol = file("lol.yaml", bomb.toString());
    InputFileException e =
        catchThrowableOfType(InputFileException.class, () -> new SweepFileReader().read(lol));
    assertThat(e).isNotInstanceOf(ScenarioFileException.class);
    assertThat(e.diagnostics()).singleElement().asString().contains("aliases to mappings or lists");
    Path dup = file("dup.yaml", "base: minimal\nseed: 1\nseed: 2\n");
    InputFileException d =
        catchThrowableOfType(InputFileException.class, () -> new SweepFileReader().read(dup));
    assertThat(d.diagnostics().get(0).toString())
        .startsWith(dup + ":3:1 seed: duplicate key \"seed\"");
    Path binary = dir.resolve("bin.yaml");
    Files.write(binary, new byte[] {'a', ':', ' ', 0, 1, 2});
    InputFileException b =
        catchThrowableOfType(InputFileException.class, () -> new SweepFileReader().read(binary));
    assertThat(b.diagnostics().get(0).message()).contains("not a text file");
  }

  @Test
  void nanLiteralAndBinaryValuesAreExplainedInWords() {
    ScenarioReader reader = new ScenarioReader();
    ScenarioFileException nan =
        catchThrowableOfType(
            ScenarioFileException.class,
            () -> reader.read("s.json", "{\"schemaVersion\": 1, \"seed\": NaN}".getBytes(UTF_8)));
    assertThat(nan.diagnostics().get(0).message())
        .isEqualTo(
            "malformed JSON: NaN is not a number in JSON; give a finite number (NaN and infinities are never valid values)");
    ScenarioFileException bin =
        catchThrowableOfType(
            ScenarioFileException.class,
            () ->
                reader.read(
                    "s.yaml", "schemaVersion: 1\nname: !!binary aGVsbG8=\n".getBytes(UTF_8)));
    assertThat(bin.diagnostics().get(bin.diagnostics().size() - 1).toString())
        .isEqualTo(
            "s.yaml:2:7 name: binary data (a !!binary value) is not supported; write the value as plain"
                + " text or a number");
  }

  @Test
  void aUtf16ScenarioSaysSo() {
    byte[] utf16 = "\uFEFFschemaVersion: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    ScenarioFileException e =
        catchThrowableOfType(
            ScenarioFileException.class, () -> new ScenarioReader().read("u.yaml", utf16));
    assertThat(e.diagnostics().get(0).message()).contains("UTF-16");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      Assumptions.abort("mkfifo is not available: " + e.getMessage());
      return;
    }
    assertThat(mk.waitFor()).isZero();
    ScenarioFileException e =
        catchThrowableOfType(ScenarioFileException.class, () -> new ScenarioReader().read(fifo));
    assertThat(e.diagnostics()).singleElement().asString().contains("is not a regular file");
    InputFileException s =
        catchThrowableOfType(InputFileException.class, () -> new SweepFileReader().read(fifo));
    assertThat(s.diagnostics()).singleElement().asString().contains("is not a regular file");
  }

  @Test
  @Timeout(
      value = 60,
      unit = TimeUnit.SECONDS) // a hang guard, not a speed test: the refusal is immediate
  void aVeryLongYamlLineIsRefusedAtItsLine() throws Exception {
    String minimal =
        new org.polemos.io.scenario.ScenarioWriter()
            .toYaml(org.polemos.io.scenario.BundledScenarios.load("minimal"));
    String text = minimal.replaceFirst("\nnotes: ", "\nnotes: " + "x".repeat(1_000_000) + " ");
    ScenarioFileException e =
        catchThrowableOfType(
            ScenarioFileException.class,
            () -> new ScenarioReader().read("long.yaml", text.getBytes(UTF_8)));
    assertThat(e.diagnostics())
        .singleElement()
        .asString()
        .matches(
            "long\\.yaml:\\d+:1: line \\d+ is \\d{7}"
                + " characters long, more than the limit of 250000 for YAML scenario files.*");
  }

  @Test
  void aTextAtItsLimitIsWrittenAndReadBack() {
    org.polemos.model.Scenario minimal = org.polemos.io.scenario.BundledScenarios.load("minimal");
    StringBuilder text = new StringBuilder();
    String[] pieces = {"\"", "'", "\\", "\n", "\t", "#", ": ", "- ", "é", "☪", "x"};
    java.util.Random random = new java.util.Random(3);
    while (text.length() < org.polemos.model.validation.Limits.MAX_TEXT_LENGTH - 1) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    org.polemos.model.Scenario big = minimal.with("name", text.toString());
    assertThat(big.validate()).isEmpty();
    for (org.polemos.io.scenario.ScenarioFormat format :
        org.polemos.io.scenario.ScenarioFormat.values()) {
      String written = new org.polemos.io.scenario.ScenarioWriter().write(big, format);
      assertThat(new ScenarioReader().read("big", written.getBytes(UTF_8), format)).isEqualTo(big);
    }
    org.polemos.model.Scenario over =
        minimal.with("name", "x".repeat(org.polemos.model.validation.Limits.MAX_TEXT_LENGTH + 1));
    assertThat(over.validate())
        .singleElement()
        .asString()
        .contains("name")
        .contains("at most 100000 characters");
  }
}
