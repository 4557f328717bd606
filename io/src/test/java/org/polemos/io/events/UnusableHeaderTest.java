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
    Path file = EventFixtures.write(dir.resolve("bad.csv"), StandardCharsets.UTF_8, "\n", header, "a,b");
    Path out = dir.resolve("observed.csv");

    assertThatThrownBy(() -> EventImport.run(new AcledDataset(), file, null, Aggregation.monthlyEventsByCountry(), out,
        EventImport.DEFAULT_MAX_REJECT_SHARE))
        .isInstanceOf(UnusableHeaderException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("matches no ACLED layout")
        .hasMessageContaining("acled-current").hasMessageContaining("acled-31col")
        .hasMessageContaining("acled-v6-lowercase").hasMessageContaining("acled-v6-uppercase")
        .hasMessageContaining("Closest is acled-current, which lacks the required columns "
            + "event_date (did you mean \"event_dat\"?), fatalities (did you mean \"Fatalities\"?)");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("observed.rejects.csv")).doesNotExist();
  }

  @Test
  void suggestsTheRightDatasetWhenTheHeaderBelongsToAnother() throws IOException {
    Path file = EventFixtures.write(dir.resolve("gtd.csv"), StandardCharsets.UTF_8, "\n", EventFixtures.GTD_HEADER);
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
}
