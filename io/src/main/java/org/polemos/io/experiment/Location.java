package org.polemos.io.experiment;

import org.polemos.io.scenario.Diagnostic;

/**
 * Where something was written in an experiment file, for problems found after reading (e.g. unknown
 * metrics).
 */
public record Location(String file, int line, int column, String path) {

  /** A diagnostic at this location. */
  public Diagnostic problem(String message) {
    return new Diagnostic(file, line, column, path, message);
  }

  static Location of(SpecReader reader, YamlTree.YNode node, String path) {
    return new Location(
        reader.file, node == null ? 0 : node.line(), node == null ? 0 : node.column(), path);
  }
}
