package com.acme.platform.constructs.core;

import java.util.Objects;

/**
 * One thing wrong with one input field.
 *
 * @param field the field path inside its subject, for example {@code keepLastImages} or {@code routing.priority}
 * @param message what is wrong, the value received and what is allowed, for example
 *     {@code must be >= 1, got 0}
 */
public record Problem(String field, String message) {
  /**
   * Checks that both parts are present.
   *
   * @param field see {@link Problem#field()}
   * @param message see {@link Problem#message()}
   * @throws NullPointerException if either part is null
   */
  public Problem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The field and the message as one line: {@code keepLastImages must be >= 1, got 0}. */
  @Override
  public String toString() {
    return field + " " + message;
  }
}
