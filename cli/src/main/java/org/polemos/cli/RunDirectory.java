package org.polemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polemos.io.results.RunManifest;

/**
 * The one rule for when a run directory is finished, used by every command that reads one ({@code
 * report}, {@code compare}): {@code polemos run} writes {@value #MANIFEST} after every table it
 * lists, so a directory is complete only when its manifest exists, parses, and every file it lists
 * is present. The report is the one exception: it is written after the manifest (it shows it) and
 * can be rebuilt with {@code polemos report}.
 *
 * <p>A run killed in its final phase leaves final-named tables without a manifest; such a directory
 * is refused here with a line that says so, rather than read as if it were finished.
 */
final class RunDirectory {
  /** Written last by {@code polemos run}. */
  static final String MANIFEST = "manifest.json";

  /** The role of the report in the manifest's files: rebuilt on demand, not required. */
  private static final String REPORT = "report";

  private RunDirectory() {}

  /** A run directory that is missing, unfinished or damaged. */
  static final class Unfinished extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unfinished(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The manifest of the finished run in {@code dir}.
   *
   * @throws Unfinished when {@code dir} is not a run directory or its run did not finish
   */
  static RunManifest requireComplete(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new Unfinished(dir + ": no such run directory");
    }
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new Unfinished(
          dir
              + ": not a finished run directory (no "
              + MANIFEST
              + ", which 'polemos run' writes"
              + " last; the run was interrupted or this is not a run directory); run it again");
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(file);
    } catch (IOException | RuntimeException e) {
      throw new Unfinished(
          file + ": not a readable run manifest (" + ErrorHandlers.describe(e) + ")");
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> f : manifest.files().entrySet()) {
      if (!f.getKey().equals(REPORT) && !Files.isRegularFile(dir.resolve(f.getValue()))) {
        missing.add(f.getValue());
      }
    }
    if (!missing.isEmpty()) {
      throw new Unfinished(
          dir
              + ": damaged run directory: "
              + String.join(", ", missing)
              + " listed in "
              + MANIFEST
              + " but missing");
    }
    return manifest;
  }

  /**
   * Every file of the finished run in {@code dir} that a command may read: the manifest and what it
   * lists.
   */
  static List<Path> inputs(Path dir, RunManifest manifest) {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve(MANIFEST));
    for (String name : manifest.files().values()) {
      files.add(dir.resolve(name));
    }
    return files;
  }
}
