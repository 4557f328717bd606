package org.polemos.io.events;

import java.io.IOException;

/**
 * The file's header matches none of the layouts of the dataset (or the file is empty): the only
 * fatal input problem. The message names the file, the expected layouts and the missing required
 * columns.
 */
public final class UnusableHeaderException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnusableHeaderException(String message) {
    super(message);
  }
}
