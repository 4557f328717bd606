package org.polemos.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polemos.io.events.Aggregation;
import org.polemos.io.events.EventDataset;
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
    ImportOutput.check(out, input, spec.commandLine());
    return ImportOutput.run(
        dataset,
        input,
        charset,
        aggregation,
        out,
        maxRejectShare,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
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
