package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;

/**
 * What a service needs to know about the ECS cluster it runs on. {@link Ec2Cluster#ref()} returns one.
 *
 * @param clusterName the cluster name (a plain string: service autoscaling resource ids are built from it)
 * @param clusterArn the cluster ARN (may be a token)
 * @param capacityProviderName the EC2 capacity provider services place tasks with
 * @param instanceSecurityGroupId the container instances' security group, which load balancers must be allowed into
 */
public record ClusterRef(String clusterName, String clusterArn, String capacityProviderName,
    String instanceSecurityGroupId) {
  /**
   * Checks that every value is present, naming the missing ones.
   *
   * @param clusterName see {@link ClusterRef#clusterName()}
   * @param clusterArn see {@link ClusterRef#clusterArn()}
   * @param capacityProviderName see {@link ClusterRef#capacityProviderName()}
   * @param instanceSecurityGroupId see {@link ClusterRef#instanceSecurityGroupId()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing; it lists every
   *     missing value, not only the first
   */
  public ClusterRef {
    Checks checks = Checks.of("ClusterRef");
    if (checks.required("clusterName", clusterName)) {
      checks.check(!Checks.isToken(clusterName), "clusterName", "must be a plain string known at synth, got a token");
    }
    checks.required("clusterArn", clusterArn);
    checks.required("capacityProviderName", capacityProviderName);
    checks.required("instanceSecurityGroupId", instanceSecurityGroupId);
    checks.throwIfAny();
  }
}
