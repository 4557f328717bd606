package org.polemos.model.validation;

/**
 * One thing wrong with a scenario.
 *
 * @param path where, in the file's own terms: {@code corridors[2].entryRegion}, {@code
 *     regions[0].forces.isis}
 * @param message what is wrong, as a sentence fragment a researcher can act on
 */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
