package org.polemos.io.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polemos.io.figures.PublicFigure;
import org.polemos.io.figures.PublicFiguresReader;

/**
 * Observed figures for calibration, read by the one reader of the layout {@code
 * date_from,date_to,quantity,key,unit,low,high,source} ({@link PublicFiguresReader}). Problems are
 * reported as {@code file:line:col}.
 */
public final class ObservedFiguresReader {
  public static final String HEADER = PublicFiguresReader.HEADER;

  public List<ObservedFigure> read(Path path, String displayName) {
    List<ObservedFigure> figures = new ArrayList<>();
    for (PublicFigure f : PublicFiguresReader.read(path, displayName)) {
      figures.add(
          new ObservedFigure(
              f.from(),
              f.to(),
              f.quantity(),
              f.key(),
              f.unit(),
              f.low(),
              f.high(),
              f.source(),
              (int) f.line()));
    }
    return figures;
  }
}
