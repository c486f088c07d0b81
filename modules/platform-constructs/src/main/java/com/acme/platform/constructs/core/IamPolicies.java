package com.acme.platform.constructs.core;

import java.util.List;
import java.util.Map;

/** IAM policy documents more than one construct builds, so every role's trust policy reads the same. */
public final class IamPolicies {
  private IamPolicies() {}

  /**
   * The trust policy that lets one AWS service assume a role.
   *
   * @param servicePrincipal the service, for example {@code ecs-tasks.amazonaws.com}
   * @return the policy document, for {@link JsonDocs#toJson(Object)}
   */
  public static Map<String, Object> assumeRoleBy(String servicePrincipal) {
    return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
        "Effect", "Allow",
        "Principal", Map.of("Service", servicePrincipal),
        "Action", "sts:AssumeRole")));
  }
}
