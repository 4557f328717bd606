package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusableHeaderTest {
  @TempDir Path dir;

  @Test
  void namesFileLayoutsMissingColumnsAndNearMisses() throws IOException {
    List<String> header = new ArrayList<>(EventFixtures.ACLED_CURRENT);
    header.set(header.indexOf("event_date"), "event_dat");
    header.set(header.indexOf("fatalities"), "Fatalities");
    Path file =
        EventFixtures.write(dir.resolve("bad.csv"), StandardCharsets.UTF_8, "\n", header, "a,b");
    Path out = dir.resolve("observed.csv");

    assertThatThrownBy(
            () ->
                EventImport.run(
                    new AcledDataset(),
                    file,
                    null,
                    Aggregation.monthlyEventsByCountry(),
                    out,
                    EventImport.DEFAULT_MAX_REJECT_SHARE))
        .isInstanceOf(UnusableHeaderException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("matches no ACLED layout")
        .hasMessageContaining("acled-current")
        .hasMessageContaining("acled-31col")
        .hasMessageContaining("acled-v6-lowercase")
        .hasMessageContaining("acled-v6-uppercase")
        .hasMessageContaining(
            "Closest is acled-current, which lacks the required columns "
                + "event_date (did you mean \"event_dat\"?), fatalities (did you mean \"Fatalities\"?)");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("observed.rejects.csv")).doesNotExist();
  }

  @Test
  void suggestsTheRightDatasetWhenTheHeaderBelongsToAnother() throws IOException {
    Path file =
        EventFixtures.write(
            dir.resolve("gtd.csv"), StandardCharsets.UTF_8, "\n", EventFixtures.GTD_HEADER);
    assertThatThrownBy(() -> EventReader.open(new UcdpDataset(), file))
        .isInstanceOf(UnusableHeaderException.class)
        .hasMessageContaining("matches no UCDP layout")
        .hasMessageContaining("The header looks like gtd: import it as gtd.");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> EventReader.open(new GtdDataset(), file))
        .isInstanceOf(UnusableHeaderException.class)
        .hasMessageContaining("empty.csv: the file is empty");
  }

  /**
   * Issue 10: a UTF-16 export with a byte-order mark (a spreadsheet's "Unicode text") is read as
   * UTF-16.
   */
  @Test
  void aUtf16FileWithAByteOrderMarkIsDetected() throws IOException {
    String text = "\uFEFF" + String.join(",", EventFixtures.ACLED_CURRENT) + "\n";
    for (java.nio.charset.Charset cs :
        List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      Path file = dir.resolve("acled-" + cs.name() + ".csv");
      Files.write(file, text.getBytes(cs));
      assertThat(TextEncoding.detect(file)).isEqualTo(StandardCharsets.UTF_16);
      try (EventReader reader = EventReader.open(new AcledDataset(), file)) {
        assertThat(reader.layout().id()).isEqualTo("acled-current");
      }
    }
  }

  /** Without the mark, read as Latin-1, the header has NULs: the message names the likely cause. */
  @Test
  void anUndetectedUtf16FileGetsAnEncodingHint() throws IOException {
    Path file = dir.resolve("utf16.csv");
    Files.write(
        file,
        (String.join(",", EventFixtures.ACLED_CURRENT) + "\n").getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(
            () -> EventReader.open(new AcledDataset(), file, StandardCharsets.ISO_8859_1))
        .isInstanceOf(UnusableHeaderException.class)
        .hasMessageContaining("--encoding");
  }
}
