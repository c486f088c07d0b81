package com.acme.platform.constructs.core;

import java.util.List;

/** The retention periods CloudWatch Logs accepts, checked in one place for every log group the library creates. */
public final class LogRetention {
  /** The retention periods CloudWatch Logs accepts, in days. */
  public static final List<Integer> DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private LogRetention() {}

  /**
   * Records a problem when a retention period is not one CloudWatch Logs accepts.
   *
   * @param checks where the problem is recorded
   * @param field the props field
   * @param days the value; {@code null} is not checked
   */
  public static void check(Checks checks, String field, Integer days) {
    checks.check(days == null || DAYS.contains(days), field, "must be one of " + DAYS + ", got " + days);
  }
}
