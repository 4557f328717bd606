package org.polemos.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetWritersTest {
  @TempDir Path dir;

  @Test
  void seriesReadsBackEveryRowWithItsTypes() throws Exception {
    Path file = dir.resolve("series.parquet");
    List<Object[]> written = new ArrayList<>();
    LocalDate start = LocalDate.of(2014, 1, 31);
    try (ParquetSeriesWriter writer = new ParquetSeriesWriter(file)) {
      for (int replication = 0; replication < 3; replication++) {
        for (int month = 0; month < 40; month++) {
          LocalDate date = start.plusMonths(month);
          for (String key : new String[] {"islamic-state", "iraqi-forces", ""}) {
            double value =
                key.isEmpty()
                    ? (month == 7 ? Double.NaN : month * 0.25)
                    : 1000.5 * month + replication;
            String metric = key.isEmpty() ? "momentum" : "territory_km2";
            writer.row(replication, date, metric, key, value);
            written.add(new Object[] {replication, date, metric, key, value});
          }
        }
      }
      assertThat(file).doesNotExist();
      writer.commit();
    }
    assertThat(file).exists();
    assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".partial")))
        .isEmpty();

    ParquetTestReader.Table table = ParquetTestReader.read(file);
    assertThat(table.schema().getColumns())
        .extracting(c -> c.getPath()[0])
        .containsExactly("replication", "date", "metric", "key", "value");
    assertThat(table.schema().getType("replication").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT32);
    assertThat(table.schema().getType("date").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.dateType());
    assertThat(table.schema().getType("metric").getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.stringType());
    assertThat(table.schema().getType("value").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.DOUBLE);
    assertThat(table.rows()).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      Map<String, Object> row = table.rows().get(i);
      Object[] expected = written.get(i);
      assertThat(row.get("replication")).isEqualTo(expected[0]);
      assertThat(row.get("date")).isEqualTo(expected[1]);
      assertThat(row.get("metric")).isEqualTo(expected[2]);
      assertThat(row.get("key")).isEqualTo(expected[3]);
      assertThat((Double) row.get("value")).isEqualTo((Double) expected[4]);
    }
  }

  @Test
  void summaryReadsBackWithItsTypes() throws Exception {
    Path file = dir.resolve("summary.parquet");
    try (ParquetSummaryWriter writer = new ParquetSummaryWriter(file)) {
      writer.row(
          LocalDate.of(2014, 1, 31),
          "fighters",
          "islamic-state",
          20,
          1.5,
          0.25,
          1.4,
          1.6,
          1.1,
          1.5,
          1.9);
      writer.row(
          LocalDate.of(2014, 2, 28),
          "treasury_usd",
          "",
          20,
          3e8,
          Double.NaN,
          2e8,
          4e8,
          1e8,
          3e8,
          5e8);
      writer.commit();
    }
    ParquetTestReader.Table table = ParquetTestReader.read(file);
    assertThat(table.schema().getColumns())
        .extracting(c -> c.getPath()[0])
        .containsExactly(
            "date", "metric", "key", "n", "mean", "sd", "ci_low", "ci_high", "p05", "p50", "p95");
    assertThat(table.rows()).hasSize(2);
    Map<String, Object> first = table.rows().get(0);
    assertThat(first)
        .containsEntry("date", LocalDate.of(2014, 1, 31))
        .containsEntry("metric", "fighters")
        .containsEntry("key", "islamic-state")
        .containsEntry("n", 20)
        .containsEntry("mean", 1.5)
        .containsEntry("sd", 0.25)
        .containsEntry("ci_low", 1.4)
        .containsEntry("ci_high", 1.6)
        .containsEntry("p05", 1.1)
        .containsEntry("p50", 1.5)
        .containsEntry("p95", 1.9);
    Map<String, Object> second = table.rows().get(1);
    assertThat(second).containsEntry("key", "").containsEntry("p95", 5e8);
    assertThat((Double) second.get("sd")).isNaN();
  }

  @Test
  void closingWithoutCommitLeavesNoFile() throws Exception {
    Path file = dir.resolve("series.parquet");
    try (ParquetSeriesWriter writer = new ParquetSeriesWriter(file)) {
      writer.row(0, LocalDate.of(2014, 1, 1), "momentum", "", 1.0);
    }
    assertThat(dir).isEmptyDirectory();
  }

  /**
   * The writers must work without Hadoop's classes, which are on this class path only for reading
   * back.
   */
  @Test
  void writingNeedsNoHadoopClass() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("hadoop-client")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    Path file = dir.resolve("isolated.parquet");
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> writerClass = isolated.loadClass(ParquetSeriesWriter.class.getName());
      assertThat(writerClass.getClassLoader()).isSameAs(isolated);
      Constructor<?> constructor = writerClass.getConstructor(Path.class);
      Object writer = constructor.newInstance(file);
      Method row =
          writerClass.getMethod(
              "row", int.class, LocalDate.class, String.class, String.class, double.class);
      row.invoke(writer, 1, LocalDate.of(2015, 6, 30), "fighters", "islamic-state", 31500.0);
      writerClass.getMethod("commit").invoke(writer);
      writerClass.getMethod("close").invoke(writer);
      assertThat(isolated.getResource("org/apache/hadoop/conf/Configuration.class")).isNull();
    }
    assertThat(ParquetTestReader.read(file).rows())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("date", LocalDate.of(2015, 6, 30))
                    .containsEntry("value", 31500.0));
  }
}
