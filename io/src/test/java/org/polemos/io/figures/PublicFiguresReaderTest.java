package org.polemos.io.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polemos.io.scenario.ScenarioFileException;

class PublicFiguresReaderTest {
  @TempDir Path tmp;

  private static List<PublicFigure> read(String rows) throws Exception {
    return PublicFiguresReader.read(
        new StringReader(PublicFiguresReader.HEADER + "\n" + rows), "f.csv");
  }

  @Test
  void readsQuotedFieldsWithCommasAndNewlinesAndKeepsTheLineEachRowStartsOn() throws Exception {
    List<PublicFigure> figures =
        read(
            """
        2015-01-01,2015-01-31,territory_held,organisation,km2,90800,90800,IHS

        2014-08-01,2014-09-12,fighters_total,organisation,persons,20000,31500,"CIA, estimate
        (Sept 2014)"
        2015-12-01,2015-12-31,foreign_fighters_by_source, Saudi Arabia ,persons,2500,2500,Soufan
        """);
    assertThat(figures).hasSize(3);
    assertThat(figures.get(0).line()).isEqualTo(2);
    assertThat(figures.get(1).source()).isEqualTo("CIA, estimate\n(Sept 2014)");
    assertThat(figures.get(1).line()).isEqualTo(4);
    assertThat(figures.get(1).from()).isEqualTo(LocalDate.of(2014, 8, 1));
    assertThat(figures.get(1).high()).isEqualTo(31500);
    assertThat(figures.get(2).line()).isEqualTo(6);
    assertThat(figures.get(2).key()).isEqualTo("Saudi Arabia");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("bom.csv"),
            "\uFEFF" + PublicFiguresReader.HEADER + "\n2015-01-01,2015-01-01,q,k,u,1,2,s\n");
    assertThat(PublicFiguresReader.read(file)).hasSize(1);
  }

  @Test
  void reportsEveryBadRowWithItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    """
        2015-01-01,2014-01-01,q,k,u,1,1,s
        2015-01-01,2015-01-01,q,k,u,5,1,s
        2015-01-01,2015-01-01,q,k,u,1,1
        2015-13-01,2015-01-01,q,k,u,1,1,s
        2015-01-01,2015-01-01,q,k,u,NaN,1,s
        """))
        .isInstanceOfSatisfying(
            ScenarioFileException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Object::toString)
                    .containsExactly(
                        "f.csv:2:1: date_to 2014-01-01 is before date_from 2015-01-01",
                        "f.csv:3:1: high 1 is below low 5",
                        "f.csv:4:1: expected 8 fields, found 7",
                        "f.csv:5:1: bad date or number: Text '2015-13-01' could not be parsed: Invalid value for "
                            + "MonthOfYear (valid values 1 - 12): 13",
                        "f.csv:6:1: low and high must be finite numbers"));
  }

  @Test
  void aWrongHeaderAndAnUnterminatedQuoteAreLocated() {
    assertThatThrownBy(() -> PublicFiguresReader.read(new StringReader("a,b\n"), "f.csv"))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage("f.csv:1:1: the first line must be the header " + PublicFiguresReader.HEADER);
    assertThatThrownBy(() -> read("2015-01-01,2015-01-01,q,k,u,1,1,\"open\n"))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessageStartingWith("f.csv:2: malformed CSV");
  }

  @Test
  void aMissingFileIsOneLine() {
    assertThatThrownBy(() -> PublicFiguresReader.read(tmp.resolve("none.csv"), "none.csv"))
        .isInstanceOf(ScenarioFileException.class)
        .hasMessage("none.csv: no such file");
  }
}
