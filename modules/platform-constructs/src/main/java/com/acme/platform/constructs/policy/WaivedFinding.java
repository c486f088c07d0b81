package com.acme.platform.constructs.policy;

/**
 * A finding that a waiver accepts.
 *
 * @param finding the finding
 * @param waiver the waiver that accepts it
 * @param waiverIndex the waiver's position in {@link PolicyCheckProps#waivers()}
 */
public record WaivedFinding(PolicyFinding finding, Waiver waiver, int waiverIndex) {
  /**
   * The waived finding in one line.
   *
   * @return {@code <stack>: <resource address>: <rule id> (<checkov id>) waived: <reason>}
   */
  @Override
  public String toString() {
    return finding.stackName() + ": " + finding.address() + ": " + finding.rule().label() + " waived: "
        + waiver.reason();
  }
}
