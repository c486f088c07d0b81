package com.acme.platform.constructs.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Collects the problems of one props object and throws them together.
 *
 * <p>Every props type runs its checks through one instance when it is built (in the constructor behind its
 * {@code Builder.build()}) and ends with {@link #throwIfAny()}. Values that are Terraform tokens (known only at apply time) are never checked.
 */
public final class Checks {
  private final Supplier<String> subject;
  private final List<Problem> problems = new ArrayList<>();

  private Checks(Supplier<String> subject) {
    this.subject = subject;
  }

  /**
   * Starts collecting problems for one subject.
   *
   * @param subject the props type or construct path, used as the prefix of every message
   * @return a new, empty collector
   */
  public static Checks of(String subject) {
    return new Checks(() -> subject);
  }

  /**
   * Starts collecting problems for a subject named only when there is a problem to report: a construct's path, for
   * example, is a round trip to jsii's Node.js process that a check that passes should not pay for.
   *
   * @param subject computes the prefix of every message; called at most once, and only when a check failed
   * @return the checks
   */
  public static Checks of(Supplier<String> subject) {
    return new Checks(subject);
  }

  /**
   * Records a problem when {@code ok} is false.
   *
   * @param ok whether the value is acceptable
   * @param field the field path
   * @param message what is wrong and what is allowed
   * @return this collector
   */
  public Checks check(boolean ok, String field, String message) {
    if (!ok) {
      problems.add(new Problem(field, message));
    }
    return this;
  }

  /**
   * Requires a value to be present.
   *
   * @param field the field path
   * @param value the value received
   * @return whether the value is present, so that callers can skip further checks of a missing value
   */
  public boolean required(String field, Object value) {
    boolean present = value != null && !(value instanceof String s && s.isBlank());
    check(present, field, "is required");
    return present;
  }

  /**
   * Requires a present string to match a pattern. Tokens and missing values are not checked.
   *
   * @param field the field path
   * @param value the value received
   * @param pattern what a valid value matches in full
   * @param allowed what is allowed, in the user's words
   * @return this collector
   */
  public Checks matches(String field, String value, Pattern pattern, String allowed) {
    if (value != null && !isToken(value) && !pattern.matcher(value).matches()) {
      problems.add(new Problem(field, "must be " + allowed + ", got " + quote(value)));
    }
    return this;
  }

  /**
   * Requires a present string to be a KMS key or alias ARN ({@link AwsPatterns#KMS_KEY_OR_ALIAS_ARN}): for settings
   * the service keeps as given. Tokens and missing values are not checked.
   *
   * @param field the field path
   * @param value the value received
   * @return this collector
   */
  public Checks kmsKeyOrAliasArn(String field, String value) {
    return matches(field, value, AwsPatterns.KMS_KEY_OR_ALIAS_ARN, AwsPatterns.KMS_KEY_OR_ALIAS_ARN_ALLOWED);
  }

  /**
   * Requires a present string to be a KMS key ARN, not an alias ARN ({@link AwsPatterns#KMS_KEY_ONLY_ARN}, which says
   * where an alias does not work and why). Tokens and missing values are not checked.
   *
   * @param field the field path
   * @param value the value received
   * @return this collector
   */
  public Checks kmsKeyArn(String field, String value) {
    return matches(field, value, AwsPatterns.KMS_KEY_ONLY_ARN, AwsPatterns.KMS_KEY_ONLY_ARN_ALLOWED);
  }

  /**
   * Requires a present number to lie in {@code [min, max]}.
   *
   * @param field the field path
   * @param value the value received
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return this collector
   */
  public Checks between(String field, Number value, long min, long max) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      problems.add(new Problem(field, "must be between " + min + " and " + max + ", got " + value));
    }
    return this;
  }

  /**
   * Requires a present number to be at least {@code min}.
   *
   * @param field the field path
   * @param value the value received
   * @param min the smallest allowed value
   * @return this collector
   */
  public Checks atLeast(String field, Number value, long min) {
    if (value != null && value.longValue() < min) {
      problems.add(new Problem(field, "must be >= " + min + ", got " + value));
    }
    return this;
  }

  /**
   * Requires a present string to be one of the allowed values.
   *
   * @param field the field path
   * @param value the value received
   * @param allowed the allowed values
   * @return this collector
   */
  public Checks oneOf(String field, String value, Collection<String> allowed) {
    if (value != null && !isToken(value) && !allowed.contains(value)) {
      problems.add(new Problem(field, "must be one of " + allowed + ", got " + quote(value)));
    }
    return this;
  }

  /**
   * Requires a collection to have at least {@code min} elements.
   *
   * @param field the field path
   * @param values the values received
   * @param min the smallest allowed size
   * @return this collector
   */
  public Checks sizeAtLeast(String field, Collection<?> values, int min) {
    if (values != null && values.size() < min) {
      problems.add(new Problem(field, "must have at least " + min + " entries, got " + values.size()));
    }
    return this;
  }

  /**
   * Adds problems found elsewhere (for example by a nested value) under a field prefix.
   *
   * @param prefix the field path of the nested value
   * @param nested the nested problems
   * @return this collector
   */
  public Checks addAll(String prefix, List<Problem> nested) {
    nested.forEach(p -> problems.add(new Problem(prefix + "." + p.field(), p.message())));
    return this;
  }

  /**
   * The problems recorded so far.
   *
   * @return an unmodifiable copy, in the order recorded
   */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Whether no problem has been recorded so far.
   *
   * @return {@code true} when no problem has been recorded
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * Throws every recorded problem at once.
   *
   * @throws InvalidPropsException when at least one problem was recorded
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidPropsException(subject.get(), problems);
    }
  }

  /**
   * Whether a string holds a Terraform token (a value known only at apply time).
   *
   * @param value any string
   * @return true for unresolved tokens
   */
  public static boolean isToken(String value) {
    // cdktf encodes unresolved values in Java strings as ${TfToken[...]}; checking the marker locally avoids a
    // round trip to the jsii kernel for every props object.
    return value != null && value.contains("${TfToken[");
  }

  /**
   * Quotes a received value for a message, so that empty strings and spaces stay visible.
   *
   * @param value any value
   * @return the value in double quotes, or {@code null}
   */
  public static String quote(Object value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
