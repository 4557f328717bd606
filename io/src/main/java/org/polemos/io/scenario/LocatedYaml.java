package org.polemos.io.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.polemos.io.InputFileException;

/**
 * The one way input files in YAML or JSON are read: scenario files through {@link ScenarioReader},
 * experiment files (sweep, calibration, sensitivity) through {@link #read(Path, long)}. Both build
 * the located {@link Node} tree with every hostile-input limit of {@link ScenarioReader} (size
 * checked before reading, UTF-8 text only, nesting, alias count and expanded size capped, one
 * document, each key once) and refuse what is not a regular file (a directory, a FIFO, a device)
 * before opening it, so no read can hang.
 */
public final class LocatedYaml {
  private LocatedYaml() {}

  /**
   * The located tree of the experiment file {@code file}, at most {@code maxBytes} bytes.
   *
   * @throws InputFileException with every problem found (duplicate keys included)
   */
  public static Node read(Path file, long maxBytes) {
    String name = file.toString();
    byte[] content = bytes(file, name, maxBytes, "experiment");
    TreeReader reader = new TreeReader(name, "experiment");
    Node root;
    try {
      root = reader.read(content, ScenarioFormat.byName(name));
    } catch (ScenarioFileException e) {
      throw new InputFileException(e.diagnostics());
    }
    if (!reader.problems().isEmpty()) {
      throw new InputFileException(reader.problems());
    }
    return root;
  }

  /**
   * The bytes of a regular file of at most {@code maxBytes}, or a one-line problem naming the file.
   */
  static byte[] bytes(Path file, String name, long maxBytes, String kind) {
    try {
      if (Files.isDirectory(file)) {
        throw InputFileException.of(name, "is a directory, not a " + kind + " file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw InputFileException.of(
            name, "is not a regular file (a pipe, device or socket); give a file");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw InputFileException.of(
            name,
            kind.equals("scenario")
                ? TreeReader.tooLarge(size)
                : "the file is "
                    + size
                    + " bytes, larger than the limit of "
                    + maxBytes
                    + " bytes for "
                    + kind
                    + " files");
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (content.length > maxBytes) {
          throw InputFileException.of(
              name, "the file grew beyond the limit of " + maxBytes + " bytes while read");
        }
        return content;
      }
    } catch (NoSuchFileException e) {
      throw InputFileException.of(name, "no such file");
    } catch (AccessDeniedException e) {
      throw InputFileException.of(name, "permission denied");
    } catch (IOException e) {
      throw InputFileException.of(name, "cannot read: " + TreeReader.clean(e.getMessage()));
    }
  }

  /**
   * Used by {@link ScenarioReader}: the same checks, problems as a {@link ScenarioFileException}.
   */
  static byte[] scenarioBytes(Path file) {
    try {
      return bytes(file, file.toString(), ScenarioReader.MAX_BYTES, "scenario");
    } catch (InputFileException e) {
      throw new ScenarioFileException(List.copyOf(e.diagnostics()));
    }
  }
}
