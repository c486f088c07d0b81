package com.acme.platform.terraform;

import java.util.List;

/**
 * What the check found for one stack.
 *
 * @param stack the stack name
 * @param init how {@code terraform init} went
 * @param validate how {@code terraform validate} went
 * @param plan how {@code terraform plan} went
 * @param resourcesToAdd how many resources the plan creates; {@code null} when there is no plan
 * @param failure Terraform's own lines about the step that failed, headed by that step; empty when none failed
 * @param warnings the {@code Warning:} blocks of {@code terraform validate}; they do not fail the check
 * @param networkAttempts the HTTP(S) requests terraform tried to send (it gets none); empty when it stayed offline
 * @param seconds how long the stack took, copy to plan
 */
public record StackResult(String stack, Outcome init, Outcome validate, Outcome plan, Integer resourcesToAdd,
    List<String> failure, List<String> warnings, List<String> networkAttempts, double seconds) {

  /** The result of one terraform step. */
  public enum Outcome {
    /** The step succeeded. */
    OK("ok"),
    /** The step failed. */
    FAILED("FAILED"),
    /** The step did not run because an earlier one failed. */
    NOT_RUN("-");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** How the table shows it. */
    public String label() {
      return label;
    }
  }

  /** Copies the lists so that a result cannot change after it was made. */
  public StackResult {
    failure = List.copyOf(failure);
    warnings = List.copyOf(warnings);
    networkAttempts = List.copyOf(networkAttempts);
  }

  /** Whether every step succeeded without a network request. */
  public boolean passed() {
    return plan == Outcome.OK && failure.isEmpty() && networkAttempts.isEmpty();
  }
}
