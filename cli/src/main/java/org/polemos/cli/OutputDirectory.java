package org.polemos.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * An output directory held by one command for as long as it writes: {@code run}, {@code sweep},
 * {@code calibrate} and {@code sensitivity} claim their {@code --out} here, so two commands started
 * together on one directory never mix their files; the second is refused.
 *
 * <p>The claim is an operating-system lock on {@value #LOCK} inside the directory. The system
 * releases it when the process ends, even on kill -9, so an interrupted command never blocks the
 * next one; the lock file itself is deleted on {@link #close()}. Temporary files an interrupted
 * command left ({@code .NAME.*.partial}) do not count as content and are removed once the lock is
 * held.
 */
final class OutputDirectory implements AutoCloseable {
  /** The lock file's name. */
  static final String LOCK = ".polemos.lock";

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputDirectory(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates or claims {@code dir}, which must be new or empty (stale temporary files aside). */
  static OutputDirectory claimEmpty(Path dir, CommandLine cmd) throws IOException {
    OutputDirectory claimed = lock(dir, cmd);
    try {
      if (!contents(dir).isEmpty()) {
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
          names =
              entries
                  .map(p -> p.getFileName().toString())
                  .filter(n -> !n.equals(LOCK))
                  .sorted()
                  .toList();
        }
        throw new CommandLine.ParameterException(
            cmd,
            "--out " + dir + ": " + Experiments.notEmpty(names) + "; choose another or remove it");
      }
      claimed.deleteStale();
      return claimed;
    } catch (RuntimeException | IOException e) {
      claimed.close();
      throw e;
    }
  }

  /** Creates or claims {@code dir} whatever it holds (a sweep resuming its own directory). */
  static OutputDirectory claim(Path dir, CommandLine cmd) throws IOException {
    OutputDirectory claimed = lock(dir, cmd);
    try {
      claimed.deleteStale();
      return claimed;
    } catch (RuntimeException | IOException e) {
      claimed.close();
      throw e;
    }
  }

  private static OutputDirectory lock(Path dir, CommandLine cmd) throws IOException {
    if (dir.toString().isBlank()) {
      throw new CommandLine.ParameterException(cmd, "--out must name a directory, was empty");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(
          cmd, "--out " + dir + ": exists and is not a directory");
    }
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this same process (another command run in-process)
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new CommandLine.ParameterException(
          cmd,
          "--out "
              + dir
              + ": another polemos command is writing to"
              + " this directory; wait for it to finish or choose another");
    }
    return new OutputDirectory(dir, channel, lock);
  }

  /**
   * Removes the temporary files a killed command left (only while holding the lock: no one else
   * writes).
   */
  private void deleteStale() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        if (stale(p)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The entries of {@code dir} other than the lock and temporary files. */
  static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !p.getFileName().toString().equals(LOCK) && !stale(p)).toList();
    }
  }

  private static boolean stale(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".partial") && Files.isRegularFile(p);
  }

  /**
   * Releases the lock and deletes the lock file; an empty directory this command created is left in
   * place.
   */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(dir.resolve(LOCK));
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
