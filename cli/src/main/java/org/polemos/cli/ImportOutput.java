package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.polemos.io.events.Aggregation;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventImport;
import org.polemos.io.events.RejectsWriter;
import org.polemos.io.events.TooManyRejectsException;
import org.polemos.io.events.UnusableHeaderException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The series file of {@code polemos import <dataset>}: the checks of --out before reading, and the
 * import with its report (problems: one line on standard error, exit 1).
 */
final class ImportOutput {
  private ImportOutput() {}

  /**
   * Refuses an --out that is a directory, lies in a missing directory, or would overwrite the input
   * (with the series or the rejects file).
   */
  static void check(Path out, Path input, CommandLine cmd) {
    Path outDirectory = out.toAbsolutePath().getParent();
    if (Files.isDirectory(out)) {
      throw new ParameterException(
          cmd,
          "--out "
              + out
              + ": is a directory; name the series file"
              + " to write, e.g. "
              + out.resolve("observed.csv"));
    }
    if (outDirectory != null && !Files.isDirectory(outDirectory)) {
      throw new ParameterException(
          cmd,
          "--out " + out + ": the directory " + outDirectory + " does not exist; create it first");
    }
    // An import never overwrites its own input, neither with the series nor with the rejects
    // file.
    Outputs.requireNotInput("--out", out, cmd, List.of(input));
    Outputs.requireNotInput(
        "--out " + out + ": its rejects file", RejectsWriter.beside(out), cmd, List.of(input));
  }

  /** Imports {@code input} into {@code out}; the exit status. */
  static int run(
      EventDataset dataset,
      Path input,
      Charset charset,
      Aggregation aggregation,
      Path out,
      double maxRejectShare,
      PrintWriter stdout,
      PrintWriter err) {
    String name = "polemos import " + dataset.id();
    try {
      EventImport.Result result =
          EventImport.run(dataset, input, charset, aggregation, out, maxRejectShare);
      stdout.print(result.report().format());
      stdout.println(result.aggregation().format());
      stdout.println(
          "wrote "
              + result.series()
              + " and "
              + result.rejects()
              + " ("
              + result.report().rejected()
              + " rejected rows)");
      stdout.flush();
      return 0;
    } catch (UnusableHeaderException e) {
      err.println(name + ": " + e.getMessage());
    } catch (TooManyRejectsException e) {
      stdout.print(e.report().format());
      stdout.flush();
      err.println(name + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      err.println(name + ": no such file: " + e.getFile());
    } catch (IOException | UncheckedIOException e) {
      err.println(
          name + ": cannot read or write: " + ErrorHandlers.oneLine(ErrorHandlers.describe(e)));
    } catch (RuntimeException e) {
      err.println(name + ": failed: " + ErrorHandlers.oneLine(ErrorHandlers.describe(e)));
    }
    err.flush();
    return 1;
  }
}
