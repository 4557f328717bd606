package org.polemos.io.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an interrupted process (SIGINT, SIGTERM: Ctrl-C or a scheduler stopping it) removes on its
 * way out: the temporary files of every {@link AtomicOutput} not yet committed or closed, then the
 * cleanup actions registered with {@link #onInterrupt} (e.g. a run removing the outputs of its
 * unfinished run directory). One JVM shutdown hook, installed on first use, does it. On a normal
 * exit nothing is registered any more, so the hook does nothing. (SIGKILL cannot be caught: then
 * {@code .partial} files may remain, and the commands name them when refusing a directory.)
 */
public final class InterruptCleanup {
  private static final Set<Path> TEMPORARIES = ConcurrentHashMap.newKeySet();
  private static final Set<Runnable> ACTIONS = ConcurrentHashMap.newKeySet();
  private static volatile boolean installed;

  private InterruptCleanup() {}

  private static void install() {
    if (!installed) {
      synchronized (InterruptCleanup.class) {
        if (!installed) {
          Runtime.getRuntime()
              .addShutdownHook(new Thread(InterruptCleanup::run, "polemos-interrupt-cleanup"));
          installed = true;
        }
      }
    }
  }

  /** Removes {@code temporary} if the process is interrupted before {@link #release}. */
  static void track(Path temporary) {
    install();
    TEMPORARIES.add(temporary);
  }

  /** {@code temporary} was committed or deleted. */
  static void release(Path temporary) {
    TEMPORARIES.remove(temporary);
  }

  /**
   * Runs {@code action} if the process is interrupted before the returned handle is closed; close
   * it once the work it guards is complete (or has failed and cleaned up itself).
   */
  public static Registration onInterrupt(Runnable action) {
    install();
    ACTIONS.add(action);
    return () -> ACTIONS.remove(action);
  }

  /** A registered cleanup action; closing it unregisters the action. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** What the hook does; also called by tests. */
  static void run() {
    for (Path temporary : new ArrayList<>(TEMPORARIES)) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException | RuntimeException e) {
        // best effort: the process is going away
      }
    }
    TEMPORARIES.clear();
    List<Runnable> actions = new ArrayList<>(ACTIONS);
    ACTIONS.clear();
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // best effort
      }
    }
  }
}
