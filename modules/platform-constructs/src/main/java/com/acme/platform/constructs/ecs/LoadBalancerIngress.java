package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.alb.LoadBalancerRef;
import com.acme.platform.constructs.core.StackLookup;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.HashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * The security group rules that let load balancers reach container instances, one per cluster, load balancer and
 * host port range in a stack.
 *
 * <p>Several services of one cluster behind one load balancer need the same rule, and EC2 rejects a duplicate rule,
 * so rules are shared: they live in one construct at the stack's root ({@value #ID}), with ids built from the
 * cluster name, the load balancer name and the ports ({@code Ingress-<cluster>-from-<loadBalancer>-<ports>}), so
 * that adding or removing a service never replaces the rule another service uses.
 */
final class LoadBalancerIngress extends Construct {
  static final String ID = "LoadBalancerIngress";

  // Rules by id, kept in Java like the construct itself (StackLookup): searching the construct tree is a round trip
  // to jsii per question, and every service attachment would ask.
  private final Map<String, VpcSecurityGroupIngressRule> rules = new HashMap<>();

  private LoadBalancerIngress(Construct stack) {
    super(stack, ID);
    StackLookup.register(this);
  }

  /**
   * The rule admitting {@code loadBalancer} to {@code cluster}'s instances on {@code fromPort-toPort}, created the
   * first time it is asked for.
   */
  static VpcSecurityGroupIngressRule allow(Construct inStack, ClusterRef cluster, LoadBalancerRef loadBalancer,
      int fromPort, int toPort) {
    LoadBalancerIngress found = StackLookup.find(inStack, LoadBalancerIngress.class);
    LoadBalancerIngress ingress = found != null ? found : new LoadBalancerIngress(TerraformStack.of(inStack));
    String ports = fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort;
    // Cluster and load balancer names are plain AWS names (letters, digits, '-', '_'), readable as they are.
    String id = "Ingress-" + cluster.clusterName() + "-from-" + loadBalancer.name() + "-" + ports;
    String kind = fromPort == toPort ? "fixed host port " + fromPort : "dynamic host ports " + ports;
    return ingress.rules.computeIfAbsent(id, ruleId -> VpcSecurityGroupIngressRule.Builder.create(ingress, ruleId)
        .securityGroupId(cluster.instanceSecurityGroupId())
        .description("TCP " + ports + " (" + kind + ") from load balancer " + loadBalancer.name())
        .ipProtocol("tcp")
        .fromPort(fromPort)
        .toPort(toPort)
        .referencedSecurityGroupId(loadBalancer.securityGroupId())
        .build());
  }
}
