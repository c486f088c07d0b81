package com.acme.platform.constructs.policy;

/**
 * A waiver that waives nothing: its resource is not in the stack, or its resource passes (or is not checked by)
 * its rule. Such a waiver is an error, so that it is removed instead of silently covering a later violation.
 *
 * @param stackName the stack
 * @param waiver the waiver
 * @param waiverIndex the waiver's position in {@link PolicyCheckProps#waivers()}
 * @param field the waiver field the problem is about: {@code resource} or {@code rule}
 * @param problem what is wrong and what to do
 */
public record WaiverProblem(String stackName, Waiver waiver, int waiverIndex, String field, String problem) {
  /**
   * The problem in one line.
   *
   * @return {@code <stack>: waivers[<i>].<field>: <problem>}
   */
  @Override
  public String toString() {
    return stackName + ": waivers[" + waiverIndex + "]." + field + ": " + problem;
  }
}
