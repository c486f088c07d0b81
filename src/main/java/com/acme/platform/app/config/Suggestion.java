package com.acme.platform.app.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys: the allowed name closest to what was typed, when it is close enough. */
final class Suggestion {
  /** At most this many single-character edits apart; more is a different word, not a typo. */
  private static final int MAX_EDITS = 2;

  private Suggestion() {}

  /**
   * The allowed name closest to {@code typed}, ignoring case.
   *
   * @param typed what the user wrote
   * @param allowed the names that would be accepted
   * @return the closest one within {@value #MAX_EDITS} edits, if any
   */
  static Optional<String> closest(String typed, Collection<String> allowed) {
    String best = null;
    int bestDistance = MAX_EDITS + 1;
    for (String candidate : allowed) {
      int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
