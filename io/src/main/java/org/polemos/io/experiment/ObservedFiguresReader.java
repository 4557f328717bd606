package org.polemos.io.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.results.Csv;
import org.polemos.io.scenario.Diagnostic;
import org.polemos.io.InputFileException;

/**
 * Reads observed figures in the layout {@code date_from,date_to,quantity,key,unit,low,high,source} (one reported
 * interval per row; low = high for a point figure). Problems are reported as {@code file:line:col}.
 */
public final class ObservedFiguresReader {
  public static final String HEADER = "date_from,date_to,quantity,key,unit,low,high,source";

  public List<ObservedFigure> read(Path path, String displayName) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputFileException(List.of(new Diagnostic(displayName, 0, 0, "",
          Files.exists(path) ? "cannot read: " + e.getMessage() : "no such file")));
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new InputFileException(List.of(new Diagnostic(displayName, 1, 1, "",
          "the first line must be the header " + HEADER)));
    }
    List<ObservedFigure> figures = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int number = i + 1;
      List<String> f;
      try {
        f = Csv.parseLine(line);
      } catch (IllegalArgumentException e) {
        problems.add(new Diagnostic(displayName, number, 0, "", e.getMessage()));
        continue;
      }
      if (f.size() != 8) {
        problems.add(new Diagnostic(displayName, number, 1, "", "expected 8 fields, found " + f.size()));
        continue;
      }
      try {
        LocalDate from = LocalDate.parse(f.get(0));
        LocalDate to = LocalDate.parse(f.get(1));
        double low = Double.parseDouble(f.get(5));
        double high = Double.parseDouble(f.get(6));
        if (to.isBefore(from) || high < low) {
          problems.add(new Diagnostic(displayName, number, 1, "", "date_to before date_from or high below low"));
          continue;
        }
        figures.add(new ObservedFigure(from, to, f.get(2), f.get(3), f.get(4), low, high, f.get(7), number));
      } catch (DateTimeParseException | NumberFormatException e) {
        problems.add(new Diagnostic(displayName, number, 1, "", "bad date or number: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputFileException(problems);
    }
    return figures;
  }
}
