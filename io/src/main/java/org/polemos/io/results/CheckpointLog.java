package org.polemos.io.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only log of finished work: each line is written and forced to disk ({@code fsync})
 * before {@link #append} returns, so after a crash (kill -9 included) every line read back was
 * complete. A last line without its newline (a write cut short) is ignored on reading.
 */
public final class CheckpointLog implements AutoCloseable {
  private final FileChannel channel;

  private CheckpointLog(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens {@code file} for appending, creating it if needed; a torn last line is cut off first. */
  public static CheckpointLog open(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    long size = channel.size();
    if (size > 0) {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end != bytes.length) {
        channel.truncate(end);
        channel.force(true);
      }
    }
    channel.position(channel.size());
    return new CheckpointLog(channel);
  }

  /** The complete lines of {@code file} (none when it does not exist). */
  public static List<String> read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.exists(file)) {
      return lines;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int start = 0;
    int newline;
    while ((newline = text.indexOf('\n', start)) >= 0) {
      lines.add(text.substring(start, newline));
      start = newline + 1;
    }
    return lines;
  }

  /** Appends one line and forces it to disk. */
  public void append(String line) throws IOException {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a checkpoint line must not contain a newline");
    }
    ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
