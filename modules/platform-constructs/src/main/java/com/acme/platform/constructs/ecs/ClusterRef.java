package com.acme.platform.constructs.ecs;

import java.util.Objects;

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
  /** Checks presence. */
  public ClusterRef {
    Objects.requireNonNull(clusterName, "ClusterRef.clusterName");
    Objects.requireNonNull(clusterArn, "ClusterRef.clusterArn");
    Objects.requireNonNull(capacityProviderName, "ClusterRef.capacityProviderName");
    Objects.requireNonNull(instanceSecurityGroupId, "ClusterRef.instanceSecurityGroupId");
  }
}
