package org.polemos.io.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.csv.CsvRows;

/**
 * Reads an observed-series file in the tidy layout of {@code series.csv}: header {@code
 * replication,date,metric,key,value}, one observed value per line, matched to the simulated series
 * with the same metric and key. The replication column is ignored. Blank lines are skipped.
 */
public final class ObservedFile {
  private ObservedFile() {}

  /** The points of {@code file}; a malformed line is reported as {@code FILE:LINE: reason}. */
  public static List<ObservedPoint> read(Path file) throws IOException {
    String label = "observed (" + file.getFileName() + ")";
    List<ObservedPoint> points = new ArrayList<>();
    try (CsvRows rows =
        new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
      String[] header = rows.next();
      if (header == null
          || !String.join(",", header).strip().equals("replication,date,metric,key,value")) {
        throw new ReportException(
            file + ":1: expected the header replication,date,metric,key,value");
      }
      String[] fields;
      while ((fields = rows.next()) != null) {
        points.add(parse(fields, rows.where(), label));
      }
    } catch (NoSuchFileException e) {
      throw new ReportException("observed file not found: " + file, e);
    }
    return points;
  }

  private static ObservedPoint parse(String[] fields, String where, String label) {
    if (fields.length != 5) {
      throw new ReportException(
          where + "expected 5 fields (replication,date,metric,key,value), found " + fields.length);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(fields[1].strip());
    } catch (DateTimeParseException e) {
      throw new ReportException(where + "date '" + fields[1] + "' is not YYYY-MM-DD", e);
    }
    String metric = fields[2].strip();
    if (metric.isEmpty()) {
      throw new ReportException(where + "metric is empty");
    }
    double value;
    try {
      value = CsvRows.number(fields[4].strip());
    } catch (NumberFormatException e) {
      throw new ReportException(where + "value '" + fields[4] + "' is not a number", e);
    }
    if (!Double.isFinite(value)) {
      throw new ReportException(where + "value '" + fields[4] + "' is not a finite number");
    }
    return new ObservedPoint(metric, fields[3].strip(), date, date, value, value, label, "");
  }
}
