package org.polemos.io.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Did-you-mean suggestions by edit distance. Mirrors org.polemos.model.validation.Suggestions#closest; kept here
 * until that lands so io can be built and tested on its own.
 */
final class Suggest {
  private Suggest() {
  }

  /**
   * The candidate closest to {@code wrong} (case-insensitive Damerau-Levenshtein distance), if it is close
   * enough to be a plausible typo: at most 1 edit for short words, a third of the length for longer ones.
   */
  static Optional<String> closest(String wrong, Collection<String> candidates) {
    if (wrong == null || wrong.isEmpty()) {
      return Optional.empty();
    }
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = c.equals(w) ? 0 : distance(w, c);
      if (c.replace("-", "").replace("_", "").equals(w.replace("-", "").replace("_", ""))) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, Math.max(w.length(), best == null ? 0 : best.length()) / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
