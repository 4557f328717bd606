import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.polemos.io.shard.PartFile;
import org.polemos.model.result.EventRecord;
import org.polemos.sim.experiment.SummaryStatistics;

/**
 * The CPU cost of a part file's rows, in this thread (docs/PERFORMANCE.md, "Shards", round 4): reading
 * it with a visitor that only adds the values up; reading it and writing a copy with {@code
 * PartFile.Writer} (the copy less the read is what a shard pays to write); and reading it into a
 * {@code SummaryStatistics} (the summary work, which the single process does as it runs and a sharded
 * run does in the merge, not in the shards). The API is the same in every version of the part format,
 * so the same file runs against any jar, each reading the parts its own version wrote.
 *
 * <p>Usage: {@code java -cp polemos.jar docs/perf/PartCost.java SHARD_DIR/units.part ROUNDS}
 */
public class PartCost {
  static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  interface Rows {
    void row(int replication, LocalDate date, String metric, String key, double value)
        throws IOException;
  }

  static long replay(Path part, Rows rows) throws IOException {
    long[] count = {0};
    try (PartFile.Reader reader = new PartFile.Reader(part)) {
      PartFile.Visitor visitor =
          new PartFile.Visitor() {
            @Override
            public void beginUnit(int point, int replication) {}

            @Override
            public void series(int rep, LocalDate date, String metric, String key, double value) {
              count[0]++;
              try {
                rows.row(rep, date, metric, key, value);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void event(EventRecord event) {}

            @Override
            public void endUnit() {}
          };
      while (reader.next(visitor)) {
        // every unit
      }
    }
    return count[0];
  }

  public static void main(String[] args) throws Exception {
    Path part = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path copy = Files.createTempDirectory("part-cost").resolve(PartFile.NAME);
    System.out.println("round rows read_ns_per_row write_ns_per_row summary_ns_per_row");
    for (int round = 1; round <= rounds; round++) {
      double[] sum = {0};
      long t0 = cpu();
      long rows = replay(part, (r, d, m, k, v) -> sum[0] += v);
      long t1 = cpu();
      long[] unit = {-1};
      try (PartFile.Writer writer = new PartFile.Writer(copy)) {
        // units are rebuilt from the rows (a unit per replication), events left out
        replay(
            part,
            (r, d, m, k, v) -> {
              if (r != unit[0]) {
                if (unit[0] >= 0) {
                  writer.endUnit();
                }
                writer.beginUnit(0, r);
                unit[0] = r;
              }
              writer.series(r, d, m, k, v);
            });
        if (unit[0] >= 0) {
          writer.endUnit();
        }
        writer.commit();
      }
      long t2 = cpu();
      SummaryStatistics statistics = new SummaryStatistics();
      replay(part, statistics::series);
      long t3 = cpu();
      double read = (t1 - t0) / (double) rows;
      System.out.printf(
          "%d %d %.1f %.1f %.1f%n",
          round, rows, read, (t2 - t1) / (double) rows - read, (t3 - t2) / (double) rows - read);
      Files.delete(copy);
    }
    Files.delete(copy.getParent());
  }
}
