package org.polemos.io.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.csv.CsvException;
import org.polemos.io.csv.CsvRows;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.scenario.ScenarioFileException;

/**
 * The one reader of the public-figures layout {@code
 * date_from,date_to,quantity,key,unit,low,high,source}, used by the report (overlays), calibration
 * (targets) and anything else that compares the model with reported figures.
 *
 * <p>Rules: the header exactly as above (a UTF-8 byte-order mark is ignored); RFC 4180 fields (a
 * quoted field may hold commas and newlines); blank lines skipped; fields stripped of surrounding
 * spaces; dates {@code YYYY-MM-DD} with {@code date_to} not before {@code date_from}; {@code low}
 * and {@code high} finite numbers with {@code high >= low}; quantity not empty. Every problem in
 * the file is reported, each as {@code file:line:col: message}, through one {@link
 * ScenarioFileException}.
 */
public final class PublicFiguresReader {
  /** The header line of the layout. */
  public static final String HEADER = "date_from,date_to,quantity,key,unit,low,high,source";

  private PublicFiguresReader() {}

  /** Reads {@code file}, naming it {@code displayName} in messages. */
  public static List<PublicFigure> read(Path file, String displayName) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, displayName);
    } catch (IOException e) {
      throw new ScenarioFileException(
          List.of(
              new Diagnostic(
                  displayName,
                  0,
                  0,
                  "",
                  Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file")));
    }
  }

  /** Reads {@code file}, naming it by its path. */
  public static List<PublicFigure> read(Path file) {
    return read(file, file.toString());
  }

  /** Reads a class-path resource ({@code owner.getResourceAsStream(name)}). */
  public static List<PublicFigure> resource(Class<?> owner, String name) {
    InputStream stream = owner.getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException("resource " + name + " is missing from the class path");
    }
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return read(reader, name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name + ": " + e.getMessage(), e);
    }
  }

  /** Reads the figures from {@code source}, naming it {@code name} in messages. */
  public static List<PublicFigure> read(Reader source, String name) throws IOException {
    List<Diagnostic> problems = new ArrayList<>();
    List<PublicFigure> figures = new ArrayList<>();
    try (CsvRows rows = new CsvRows(source, name)) {
      String[] header = rows.next();
      if (header == null || !String.join(",", header).strip().equals(HEADER)) {
        throw new ScenarioFileException(
            List.of(new Diagnostic(name, 1, 1, "", "the first line must be the header " + HEADER)));
      }
      String[] f;
      while ((f = rows.next()) != null) {
        int line = (int) rows.line();
        if (f.length != 8) {
          problems.add(new Diagnostic(name, line, 1, "", "expected 8 fields, found " + f.length));
          continue;
        }
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i].strip();
        }
        try {
          LocalDate from = LocalDate.parse(f[0]);
          LocalDate to = LocalDate.parse(f[1]);
          double low = Double.parseDouble(f[5]);
          double high = Double.parseDouble(f[6]);
          String problem =
              to.isBefore(from)
                  ? "date_to " + to + " is before date_from " + from
                  : !Double.isFinite(low) || !Double.isFinite(high)
                      ? "low and high must be finite numbers"
                      : high < low
                          ? "high " + f[6] + " is below low " + f[5]
                          : f[2].isEmpty() ? "quantity is empty" : null;
          if (problem != null) {
            problems.add(new Diagnostic(name, line, 1, "", problem));
            continue;
          }
          figures.add(new PublicFigure(from, to, f[2], f[3], f[4], low, high, f[7], line));
        } catch (DateTimeParseException | NumberFormatException e) {
          problems.add(new Diagnostic(name, line, 1, "", "bad date or number: " + e.getMessage()));
        }
      }
    } catch (CsvException e) {
      problems.add(new Diagnostic(name, (int) e.line(), 0, "", e.reason()));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioFileException(problems);
    }
    return figures;
  }
}
