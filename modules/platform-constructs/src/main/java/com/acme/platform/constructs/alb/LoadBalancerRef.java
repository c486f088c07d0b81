package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.core.Checks;

/**
 * What service routing needs to know about an application load balancer. {@link PlatformLoadBalancer#ref()} returns
 * one; teams with an existing ALB build one from its attributes.
 *
 * @param name the load balancer's name, a plain string (not a token): the ids of the security group rules that
 *     admit it to container instances derive from it, so they stay stable
 * @param loadBalancerArn the load balancer ARN
 * @param dnsName the load balancer's DNS name
 * @param listenerArn the listener that carries service rules: HTTPS when a certificate is configured, else HTTP
 * @param securityGroupId the load balancer's security group, which container instances must admit
 * @param vpcId the VPC target groups are created in
 */
public record LoadBalancerRef(String name, String loadBalancerArn, String dnsName, String listenerArn,
    String securityGroupId, String vpcId) {
  /**
   * Checks that every value is present, naming the missing ones.
   *
   * @param name see {@link LoadBalancerRef#name()}
   * @param loadBalancerArn see {@link LoadBalancerRef#loadBalancerArn()}
   * @param dnsName see {@link LoadBalancerRef#dnsName()}
   * @param listenerArn see {@link LoadBalancerRef#listenerArn()}
   * @param securityGroupId see {@link LoadBalancerRef#securityGroupId()}
   * @param vpcId see {@link LoadBalancerRef#vpcId()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing; it lists every
   *     missing value, not only the first
   */
  public LoadBalancerRef {
    Checks checks = Checks.of("LoadBalancerRef");
    if (checks.required("name", name)) {
      checks.check(!Checks.isToken(name), "name", "must be a plain string known at synth, got a token");
    }
    checks.required("loadBalancerArn", loadBalancerArn);
    checks.required("dnsName", dnsName);
    checks.required("listenerArn", listenerArn);
    checks.required("securityGroupId", securityGroupId);
    checks.required("vpcId", vpcId);
    checks.throwIfAny();
  }
}
