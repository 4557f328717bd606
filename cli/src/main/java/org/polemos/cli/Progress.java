package org.polemos.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polemos.sim.experiment.Replications;

/**
 * Reports progress of long work on standard error: a live bar on a terminal, a plain line every few
 * seconds when standard error is not a terminal (logs, pipes), nothing with {@code --no-progress}
 * or when the {@code CI} environment variable is set.
 */
final class Progress implements Replications.Progress, AutoCloseable {
  private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

  private final Mode mode;
  private final String task;
  private final String unit;
  private final PrintWriter err;
  private final long startNanos = System.nanoTime();
  private long lastLineNanos = startNanos;
  private ProgressBar bar;

  enum Mode {
    NONE,
    BAR,
    LINES
  }

  private Progress(Mode mode, String task, String unit, PrintWriter err) {
    this.mode = mode;
    this.task = task;
    this.unit = unit;
    this.err = err;
  }

  /**
   * Chooses the mode from the environment: {@code disabled} (the user's flag), CI, and whether
   * there is a terminal.
   */
  static Progress of(boolean disabled, String task, String unit, PrintWriter err) {
    return new Progress(
        choose(disabled, System.getenv("CI") != null, System.console() != null), task, unit, err);
  }

  /** A progress reporter in a given mode (tests). */
  static Progress of(Mode mode, String task, String unit, PrintWriter err) {
    return new Progress(mode, task, unit, err);
  }

  /** None when disabled or on CI, a bar on a terminal, plain lines otherwise. */
  static Mode choose(boolean disabled, boolean ci, boolean terminal) {
    if (disabled || ci) {
      return Mode.NONE;
    }
    return terminal ? Mode.BAR : Mode.LINES;
  }

  Mode mode() {
    return mode;
  }

  @Override
  public void replicationDone(int done, int total) {
    switch (mode) {
      case NONE -> {}
      case BAR -> {
        if (bar == null) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName(task)
                  .setInitialMax(total)
                  .setUnit(" " + unit, 1)
                  .setStyle(ProgressBarStyle.ASCII)
                  .showSpeed()
                  .setUpdateIntervalMillis(250)
                  .continuousUpdate()
                  .build();
        }
        bar.stepTo(done);
      }
      case LINES -> {
        long now = System.nanoTime();
        if (now - lastLineNanos >= PLAIN_INTERVAL_NANOS || done == total) {
          lastLineNanos = now;
          err.println(line(done, total, now - startNanos));
          err.flush();
        }
      }
    }
  }

  /** {@code task: 120/1000 replications (12%), 35.2/s, about 25 s left}. */
  String line(int done, int total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String left =
        rate > 0 && done < total
            ? String.format(", about %s left", human((total - done) / rate))
            : "";
    return String.format(
        "%s: %d/%d %s (%d%%), %.1f/s%s",
        task, done, total, unit, total == 0 ? 100 : 100L * done / total, rate, left);
  }

  private static String human(double seconds) {
    if (seconds < 90) {
      return Math.round(seconds) + " s";
    }
    if (seconds < 5400) {
      return Math.round(seconds / 60) + " min";
    }
    return String.format("%.1f h", seconds / 3600);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
