package com.acme.platform.constructs.policy;

/**
 * An accepted violation of one rule by one resource, with the reason it is accepted.
 *
 * <p>Waivers are audited: {@link PolicyCheckProps} refuses a waiver without a reason or naming a rule it does not
 * know, and {@link PolicyCheck} reports a waiver whose resource is not in the stack, or whose resource passes the
 * rule, so that waivers do not outlive what they were for.
 *
 * @param resource the Terraform address of the resource, {@code <type>.<name>}, for example
 *     {@code aws_lb.LoadBalancerPublic_8B4D150F}. Required.
 * @param rule our rule id, for example {@code lb-access-logs}. Required.
 * @param reason why the violation is acceptable, shown wherever the waiver is listed. Required, not blank.
 */
public record Waiver(String resource, String rule, String reason) {
  /**
   * The waiver in one line, as summaries list it.
   *
   * @return {@code <resource>: <rule>: <reason>}
   */
  @Override
  public String toString() {
    return resource + ": " + rule + ": " + reason;
  }
}
