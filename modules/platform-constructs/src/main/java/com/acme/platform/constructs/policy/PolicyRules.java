package com.acme.platform.constructs.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's policy rules: the common AWS checks of checkov and tfsec/trivy that apply to what an ECS-on-EC2
 * platform emits (ECS, EC2 and networking, load balancers, S3, CloudWatch, SNS, KMS, ECR, IAM). The README's
 * policy table lists each with its scanner ids, the default that satisfies it and how to waive it.
 */
public final class PolicyRules {
  private static final List<PolicyRule> ALL = build();

  private PolicyRules() {}

  /**
   * Every rule, grouped by area in a fixed order (the order findings of one resource are reported in).
   *
   * @return the rules
   */
  public static List<PolicyRule> all() {
    return ALL;
  }

  /**
   * The rule with an id.
   *
   * @param id our rule id, for example {@code lb-access-logs}
   * @return the rule, or empty when there is none with that id
   */
  public static Optional<PolicyRule> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private static List<PolicyRule> build() {
    List<PolicyRule> rules = new ArrayList<>();
    rules.addAll(EcsRules.rules());
    rules.addAll(NetworkRules.rules());
    rules.addAll(LoadBalancerRules.rules());
    rules.addAll(DataRules.rules());
    rules.addAll(IamRules.rules());
    return List.copyOf(rules);
  }
}
