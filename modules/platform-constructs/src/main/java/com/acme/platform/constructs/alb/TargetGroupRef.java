package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;

/**
 * A target group that ECS services can register their tasks in, with the load balancer that sends traffic to it.
 * {@link ServiceRouting#targetGroupRef()} returns one; teams with an existing target group build one from its
 * attributes.
 *
 * @param targetGroupArn the target group ARN (target type {@code instance}). Prefer an ARN that refers to the
 *     listener rule forwarding to the group, as {@link ServiceRouting#targetGroupRef()} does: ECS refuses to
 *     create a service on a target group that no load balancer uses yet.
 * @param loadBalancer the load balancer whose security group must reach the tasks
 */
public record TargetGroupRef(String targetGroupArn, LoadBalancerRef loadBalancer) {
  /**
   * Checks that both values are present.
   *
   * @param targetGroupArn see {@link TargetGroupRef#targetGroupArn()}
   * @param loadBalancer see {@link TargetGroupRef#loadBalancer()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if a value is missing
   */
  public TargetGroupRef {
    Checks checks = Checks.of("TargetGroupRef");
    checks.required("targetGroupArn", targetGroupArn);
    checks.required("loadBalancer", loadBalancer);
    checks.throwIfAny();
  }
}
