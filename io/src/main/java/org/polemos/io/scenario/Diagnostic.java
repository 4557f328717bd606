package org.polemos.io.scenario;

/**
 * One problem found in a scenario file, with where it is.
 *
 * <p>{@link #toString()} gives the form printed to users: {@code file:line:col path.to.field:
 * message}. Parts that are unknown are left out: a line or column of 0 or less, an empty path, a
 * null or empty file name. Control characters are escaped ({@link org.polemos.io.text.Printable}),
 * so the form is always one safe line.
 *
 * @param file the file's display name (usually the path as the user gave it)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the field in the file's own terms, e.g. {@code corridors[2].entryRegion}; empty for
 *     the whole file
 * @param message what is wrong, as a sentence fragment a researcher can act on
 */
public record Diagnostic(String file, int line, int column, String path, String message) {

  public Diagnostic {
    file = file == null ? "" : file;
    path = path == null ? "" : path;
    message = message == null ? "" : message;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    if (!path.isEmpty()) {
      out.append(out.length() > 0 ? " " : "").append(path);
    }
    if (out.length() > 0) {
      out.append(": ");
    }
    // Printed on a terminal: an id with a line break or an escape sequence must not split or hijack
    // the line.
    return org.polemos.io.text.Printable.of(out.append(message).toString());
  }
}
