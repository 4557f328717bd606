package org.polemos.io.scenario;

/** Field paths in the file's own terms: {@code regions[0].forces.islamic-state}. */
final class FieldPath {
  private FieldPath() {}

  static String field(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
