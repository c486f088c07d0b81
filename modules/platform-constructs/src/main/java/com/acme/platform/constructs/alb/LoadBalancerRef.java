package com.acme.platform.constructs.alb;

import java.util.Objects;

/**
 * What service routing needs to know about an application load balancer. {@link PlatformLoadBalancer#ref()} returns
 * one; teams with an existing ALB build one from its attributes.
 *
 * @param loadBalancerArn the load balancer ARN
 * @param dnsName the load balancer's DNS name
 * @param listenerArn the listener that carries service rules: HTTPS when a certificate is configured, else HTTP
 * @param securityGroupId the load balancer's security group, which container instances must admit
 * @param vpcId the VPC target groups are created in
 */
public record LoadBalancerRef(String loadBalancerArn, String dnsName, String listenerArn, String securityGroupId,
    String vpcId) {
  /** Checks presence. */
  public LoadBalancerRef {
    Objects.requireNonNull(loadBalancerArn, "LoadBalancerRef.loadBalancerArn");
    Objects.requireNonNull(dnsName, "LoadBalancerRef.dnsName");
    Objects.requireNonNull(listenerArn, "LoadBalancerRef.listenerArn");
    Objects.requireNonNull(securityGroupId, "LoadBalancerRef.securityGroupId");
    Objects.requireNonNull(vpcId, "LoadBalancerRef.vpcId");
  }
}
