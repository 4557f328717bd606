package org.polemos.io.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name in its target directory and moved into place only by {@link
 * #commit()}, so an interrupted run never leaves a file that looks complete. Closing without
 * committing deletes the temporary file, and so does an interruption by SIGINT or SIGTERM ({@link
 * InterruptCleanup}). Temporary names are {@code .<name>.<hex>.partial} in the target's directory
 * ({@link #isTemporary}).
 */
public final class AtomicOutput implements AutoCloseable {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private Writer writer;
  private boolean committed;
  private boolean closed;

  private AtomicOutput(Path target) throws IOException {
    this.target = target;
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    // Not Files.createTempFile: that makes the file owner-only, and results are meant to be shared.
    this.temporary =
        Files.createFile(
            directory.resolve(
                "."
                    + target.getFileName()
                    + "."
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
                    + ".partial"));
    InterruptCleanup.track(temporary);
    try {
      this.stream = Files.newOutputStream(temporary);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      InterruptCleanup.release(temporary);
      throw e;
    }
  }

  /**
   * Whether {@code name} is the name of an output's temporary file (left behind only by a killed
   * process).
   */
  public static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".partial");
  }

  /** Opens a new output that will replace {@code target} on commit. */
  public static AtomicOutput open(Path target) throws IOException {
    return new AtomicOutput(target);
  }

  /** Writes {@code text} to {@code target} atomically in one call. */
  public static void writeString(Path target, String text) throws IOException {
    try (AtomicOutput out = open(target)) {
      out.writer().write(text);
      out.commit();
    }
  }

  /** The raw byte stream (use either this or {@link #writer()}). */
  public OutputStream stream() {
    return stream;
  }

  /** A buffered UTF-8 writer over the stream. */
  public Writer writer() {
    if (writer == null) {
      writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }
    return writer;
  }

  /** Flushes, closes and moves the file into place. */
  public void commit() throws IOException {
    if (committed) {
      return;
    }
    closeStreams();
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
    InterruptCleanup.release(temporary);
  }

  private void closeStreams() throws IOException {
    if (!closed) {
      closed = true;
      if (writer != null) {
        writer.close();
      } else {
        stream.close();
      }
    }
  }

  /** Discards the temporary file unless {@link #commit()} was called. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      closeStreams();
    } finally {
      Files.deleteIfExists(temporary);
      InterruptCleanup.release(temporary);
    }
  }

  /** Unchecked variant of {@link #close()} for use in lambdas. */
  public void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
