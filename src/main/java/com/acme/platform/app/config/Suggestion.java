package com.acme.platform.app.config;

import com.acme.platform.constructs.core.EditDistance;
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
      int d = EditDistance.between(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }
}
