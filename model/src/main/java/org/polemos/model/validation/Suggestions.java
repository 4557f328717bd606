package org.polemos.model.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions for misspelt ids, codes and field names.
 *
 * <p>A candidate is suggested, in this order of preference, when it equals the wrong string
 * ignoring case; when its Levenshtein distance to it is at most 2 (and smaller than the wrong
 * string's length); when one is a prefix of the other ignoring case (the shorter being at least 3
 * characters long); or when it is the only candidate that starts with the same letter and contains
 * the wrong string's letters in order, as an abbreviation does ("isis" for "islamic-state"). Among
 * equally good candidates the first in iteration order wins.
 */
public final class Suggestions {
  /** The largest edit distance still suggested. */
  public static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** The candidate closest to {@code wrong}, if any is close enough; never {@code wrong} itself. */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    if (wrong == null || wrong.isEmpty() || candidates == null || candidates.isEmpty()) {
      return Optional.empty();
    }
    String lower = wrong.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (candidate != null
          && !candidate.equals(wrong)
          && candidate.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(candidate);
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(wrong)) {
        continue;
      }
      int distance = levenshtein(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance <= MAX_DISTANCE && distance < wrong.length() && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(wrong)) {
        continue;
      }
      String c = candidate.toLowerCase(Locale.ROOT);
      if (Math.min(c.length(), lower.length()) >= 3
          && (c.startsWith(lower) || lower.startsWith(c))) {
        return Optional.of(candidate);
      }
    }
    String abbreviated = null;
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(wrong) || lower.length() < 3) {
        continue;
      }
      String c = candidate.toLowerCase(Locale.ROOT);
      if (!c.isEmpty() && c.charAt(0) == lower.charAt(0) && isSubsequence(lower, c)) {
        if (abbreviated != null) {
          return Optional.empty();
        }
        abbreviated = candidate;
      }
    }
    return Optional.ofNullable(abbreviated);
  }

  /** {@code " (did you mean \"x\"?)"} when a suggestion exists, else the empty string. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
  }

  /**
   * The Levenshtein edit distance (insertions, deletions, substitutions) between {@code a} and
   * {@code b}.
   */
  public static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int i = 0;
    for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
      if (shorter.charAt(i) == longer.charAt(j)) {
        i++;
      }
    }
    return i == shorter.length();
  }
}
