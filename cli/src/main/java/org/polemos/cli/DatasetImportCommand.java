package org.polemos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polemos.io.events.Aggregation;
import org.polemos.io.events.EventDataset;
import org.polemos.io.events.EventImport;
import org.polemos.io.events.RejectsWriter;
import org.polemos.io.events.TooManyRejectsException;
import org.polemos.io.events.UnusableHeaderException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polemos import <dataset>}: the same options for every registered dataset (added as
 * subcommands of {@link ImportCommand}).
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class DatasetImportCommand implements Callable<Integer> {
  private final EventDataset dataset;

  @Spec CommandSpec spec;

  DatasetImportCommand(EventDataset dataset) {
    this.dataset = dataset;
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV export to read.")
  Path input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description =
          "Series file to write (replaced atomically); rejected rows go to the same name with"
              + " .rejects.csv instead of .csv.")
  Path out;

  @Mixin ImportAggregationOptions aggregationOptions = new ImportAggregationOptions();

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description =
          "Text encoding of FILE. Default: UTF-8 if the file is valid UTF-8, else ISO-8859-1.")
  String encoding;

  @Option(
      names = "--max-reject-share",
      paramLabel = "SHARE",
      defaultValue = "0.25",
      description =
          "Fail (exit 1, no series written) when more than this share of the rows (0 to 1) is rejected"
              + " for one reason, which usually means a layout read wrongly; 1 accepts any. Default: ${DEFAULT-VALUE}.")
  double maxRejectShare;

  @Override
  public Integer call() {
    Aggregation aggregation = aggregationOptions.aggregation(spec.commandLine());
    Charset charset = charset();
    if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--max-reject-share must be in [0, 1], was " + maxRejectShare);
    }
    Path outDirectory = out.toAbsolutePath().getParent();
    if (Files.isDirectory(out)) {
      throw new ParameterException(
          spec.commandLine(),
          "--out "
              + out
              + ": is a directory; name the series file"
              + " to write, e.g. "
              + out.resolve("observed.csv"));
    }
    if (outDirectory != null && !Files.isDirectory(outDirectory)) {
      throw new ParameterException(
          spec.commandLine(),
          "--out " + out + ": the directory " + outDirectory + " does not exist; create it first");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = "polemos import " + dataset.id();
    // An import never overwrites its own input, neither with the series nor with the rejects
    // file.
    Outputs.requireNotInput("--out", out, spec.commandLine(), List.of(input));
    Outputs.requireNotInput(
        "--out " + out + ": its rejects file",
        RejectsWriter.beside(out),
        spec.commandLine(),
        List.of(input));
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

  private Charset charset() {
    if (encoding == null) {
      return null;
    }
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ParameterException(
          spec.commandLine(), "--encoding: unknown charset \"" + encoding + "\"");
    }
  }
}
