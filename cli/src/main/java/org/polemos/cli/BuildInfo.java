package org.polemos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code a run used, for its manifest: the git commit of the repository the running code was
 * built in ({@code git rev-parse HEAD} there, with {@code +dirty} when tracked files differ from
 * it), or, where there is no git repository or no git, the SHA-256 of the running jar.
 */
final class BuildInfo {
  /** The git commit (40 hex digits, maybe followed by {@code +dirty}), or null. */
  final String gitCommit;

  /** SHA-256 of the running jar when there is no git commit, else null. */
  final String codeSha256;

  private static volatile BuildInfo current;

  private BuildInfo(String gitCommit, String codeSha256) {
    this.gitCommit = gitCommit;
    this.codeSha256 = codeSha256;
  }

  /** The build information of the running code, found once. */
  static BuildInfo current() {
    BuildInfo info = current;
    if (info == null) {
      Path code = codeLocation();
      String commit = code == null ? null : gitCommit(code);
      info =
          new BuildInfo(
              commit,
              commit == null && code != null && Files.isRegularFile(code) ? sha256(code) : null);
      current = info;
    }
    return info;
  }

  private static Path codeLocation() {
    try {
      return Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The commit of the git work tree holding {@code code}, or null when there is none or git is
   * missing.
   */
  static String gitCommit(Path code) {
    Path dir = Files.isDirectory(code) ? code : code.getParent();
    if (dir == null) {
      return null;
    }
    String head = git(dir, "rev-parse", "--verify", "HEAD");
    if (head == null || !head.matches("[0-9a-f]{40}")) {
      return null;
    }
    String status = git(dir, "status", "--porcelain", "--untracked-files=no");
    return status == null || status.isEmpty() ? head : head + "+dirty";
  }

  private static String git(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
