package com.acme.platform.constructs.policy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells environment variables that look like secrets: a name with a secret-like word in it, or a value shaped like
 * an AWS access key id. The policy rule {@code ecs-no-secrets-in-environment} uses it; input checks that want to
 * refuse such variables early can use the same test, so both agree.
 */
public final class SecretLikeValues {
  /** Words of a variable name (split at {@code _}, {@code -} and {@code .}) that mark a secret. */
  private static final Set<String> WORDS = Set.of("PASSWORD", "PASSWD", "PWD", "SECRET", "SECRETS", "TOKEN",
      "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY");
  /** Two-word names that mark a secret. */
  private static final Pattern PAIRS = Pattern.compile(".*(API_KEY|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|AUTH_KEY).*");
  /** AWS access key ids (long-term and temporary). */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile(".*\\b(AKIA|ASIA)[A-Z0-9]{16}\\b.*");

  private SecretLikeValues() {}

  /**
   * Whether an environment variable looks like it carries a secret.
   *
   * @param name the variable name, for example {@code DB_PASSWORD}
   * @param value its value; may be null
   * @return true for secret-like names (containing PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY,
   *     CREDENTIALS, ...) and for values that contain an AWS access key id
   */
  public static boolean looksSecret(String name, String value) {
    if (name != null) {
      String upper = name.toUpperCase(Locale.ROOT);
      for (String word : upper.split("[_.-]")) {
        if (WORDS.contains(word)) {
          return true;
        }
      }
      if (PAIRS.matcher(upper).matches()) {
        return true;
      }
    }
    return value != null && ACCESS_KEY_ID.matcher(value).matches();
  }
}
