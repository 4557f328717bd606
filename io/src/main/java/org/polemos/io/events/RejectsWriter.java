package org.polemos.io.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.polemos.io.results.AtomicOutput;
import org.polemos.io.results.Csv;

/**
 * Writes rejected rows as CSV {@code line,reason,detail,excerpt}, atomically: the file appears only
 * on {@link #commit()}.
 */
public final class RejectsWriter implements Consumer<Rejection>, AutoCloseable {
  /** The header line, without line terminator. */
  public static final String HEADER = "line,reason,detail,excerpt";

  private final AtomicOutput output;
  private final Writer writer;

  public RejectsWriter(Path target) throws IOException {
    this.output = AtomicOutput.open(target);
    this.writer = output.writer();
    writer.write(HEADER);
    writer.write('\n');
  }

  /** The rejects file beside an output: {@code observed.csv} gives {@code observed.rejects.csv}. */
  public static Path beside(Path out) {
    String name = out.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return out.resolveSibling(stem + ".rejects.csv");
  }

  @Override
  public void accept(Rejection rejection) {
    try {
      writer.write(
          rejection.line()
              + ","
              + rejection.reason().code()
              + ","
              + Csv.field(rejection.detail())
              + ","
              + Csv.field(rejection.excerpt())
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void commit() throws IOException {
    output.commit();
  }

  @Override
  public void close() throws IOException {
    output.close();
  }
}
