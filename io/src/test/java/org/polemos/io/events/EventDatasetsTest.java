package org.polemos.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset registry: the built-ins, and a new dataset added by one class and one service-file
 * line.
 */
class EventDatasetsTest {
  @TempDir Path dir;

  /** A dataset as an extension would write it: one layout, one row mapping. */
  public static final class ToyDataset implements EventDataset {
    static final Layout LAYOUT =
        new Layout("toy-v1", "toy export (uid, day, nation)", List.of("uid", "day", "nation"));

    @Override
    public String id() {
      return "toy";
    }

    @Override
    public String title() {
      return "a toy dataset";
    }

    @Override
    public List<Layout> layouts() {
      return List.of(LAYOUT);
    }

    @Override
    public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
      return new ConflictEvent(
          id(),
          row.required("uid"),
          Fields.isoDate("day", row.get("day")),
          DatePrecision.DAY,
          row.required("nation"),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          row.line());
    }
  }

  private ClassLoader withServiceFile(String... classNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(EventDataset.class.getName()), String.join("\n", classNames) + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void builtInsAreRegistered() {
    assertThat(EventDatasets.ids()).containsExactly("gtd", "acled", "ucdp");
    assertThat(EventDatasets.find("acled")).get().isInstanceOf(AcledDataset.class);
    assertThat(EventDatasets.find("hindcast")).isEmpty();
  }

  @Test
  void aNewDatasetIsOneClassAndOneRegistration() throws IOException {
    List<EventDataset> all = EventDatasets.load(withServiceFile(ToyDataset.class.getName()));
    assertThat(all).extracting(EventDataset::id).containsExactly("gtd", "acled", "ucdp", "toy");

    Path file = dir.resolve("toy.csv");
    Files.writeString(file, "nation,uid,day\nIraq,1,2015-03-04\nSyria,2,not-a-date\n");
    EventFixtures.Read read = EventFixtures.read(all.get(3), file);
    assertThat(read.report().layout()).isEqualTo(ToyDataset.LAYOUT);
    assertThat(read.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.dataset()).isEqualTo("toy");
              assertThat(e.country()).isEqualTo("Iraq");
            });
    assertThat(read.rejects())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_DATE));
  }

  @Test
  void twoDatasetsWithOneIdAreRefused() throws IOException {
    ClassLoader loader = withServiceFile(ToyDataset.class.getName(), ToyDataset.class.getName());
    // ServiceLoader drops a repeated provider name, so register a subclass-free duplicate under
    // another name.
    assertThat(EventDatasets.load(loader)).extracting(EventDataset::id).containsOnlyOnce("toy");
    ClassLoader duplicate = withServiceFile(DuplicateGtd.class.getName());
    assertThatThrownBy(() -> EventDatasets.load(duplicate))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two event datasets have the id gtd");
  }

  /** Claims the GTD's id. */
  public static final class DuplicateGtd implements EventDataset {
    @Override
    public String id() {
      return "gtd";
    }

    @Override
    public String title() {
      return "a second gtd";
    }

    @Override
    public List<Layout> layouts() {
      return List.of(GtdDataset.LAYOUT);
    }

    @Override
    public ConflictEvent map(EventRow row, Layout layout) throws RowProblem {
      throw new RowProblem(RejectReason.MISSING_VALUE, "never");
    }
  }
}
