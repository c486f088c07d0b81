package com.acme.platform.constructs.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of checking one stack.
 *
 * @param stackName the stack
 * @param findings violations no waiver accepts, sorted by resource address and then in rule order
 * @param waived violations a waiver accepts, in the same order
 * @param waiverProblems waivers that waive nothing, in waiver order
 */
public record PolicyReport(String stackName, List<PolicyFinding> findings, List<WaivedFinding> waived,
    List<WaiverProblem> waiverProblems) {
  /**
   * Copies the lists.
   *
   * @param stackName see {@link PolicyReport#stackName()}
   * @param findings see {@link PolicyReport#findings()}
   * @param waived see {@link PolicyReport#waived()}
   * @param waiverProblems see {@link PolicyReport#waiverProblems()}
   */
  public PolicyReport {
    findings = List.copyOf(findings);
    waived = List.copyOf(waived);
    waiverProblems = List.copyOf(waiverProblems);
  }

  /**
   * Whether the stack passes: no finding without a waiver, and no waiver that waives nothing.
   *
   * @return true when the stack passes
   */
  public boolean passed() {
    return findings.isEmpty() && waiverProblems.isEmpty();
  }

  /**
   * What fails the check, one line each: the findings, then the waiver problems.
   *
   * @return the lines; empty when the stack passes
   */
  public List<String> errors() {
    List<String> lines = new ArrayList<>();
    findings.forEach(f -> lines.add(f.toString()));
    waiverProblems.forEach(p -> lines.add(p.toString()));
    return lines;
  }
}
