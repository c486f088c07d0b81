package com.acme.platform.constructs.policy;

/**
 * One resource that breaks one rule.
 *
 * @param stackName the stack
 * @param address the resource's Terraform address
 * @param rule the rule it breaks
 * @param problem what is wrong, in the user's terms (several problems of one resource are joined with "; ")
 */
public record PolicyFinding(String stackName, String address, PolicyRule rule, String problem) {
  /**
   * What is wrong and how to fix it, without the stack and address.
   *
   * @return {@code <rule id> (<checkov id>): <what is wrong>. Fix: <how>}
   */
  public String message() {
    return rule.label() + ": " + problem + ". Fix: " + rule.fix();
  }

  /**
   * The finding in one line.
   *
   * @return {@code <stack>: <resource address>: <rule id> (<checkov id>): <what is wrong>. Fix: <how>}
   */
  @Override
  public String toString() {
    return stackName + ": " + address + ": " + message();
  }
}
