package com.acme.platform.app.stacks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Terraform addresses that earlier versions of this app used, so that a resource that moved in the construct tree
 * gets a {@code moved} block instead of being destroyed and created again on the next apply.
 *
 * <p>Up to 0.1 the rule admitting a load balancer to a cluster's instances lived in the cluster
 * ({@code <ClusterX>/From<Lb>}); it now lives in the stack's {@code LoadBalancerIngress}. Creating the new rule while
 * the old one still exists would fail (EC2 rejects a duplicate rule), so the state must move instead.
 */
final class LegacyAddresses {
  private LegacyAddresses() {}

  /**
   * The address of the ingress rule of one cluster and load balancer as the app created it before.
   *
   * @param clusterName the cluster's name in the environment file
   * @param loadBalancerName the load balancer's name in the environment file
   * @return {@code aws_vpc_security_group_ingress_rule.<logical id>}
   */
  static String clusterIngress(String clusterName, String loadBalancerName) {
    String cluster = "Cluster" + Names.pascal(clusterName);
    String rule = "From" + Names.pascal(loadBalancerName);
    return "aws_vpc_security_group_ingress_rule." + cluster + "_" + rule + "_" + pathHash(cluster + "/" + rule);
  }

  /** cdktf's logical ids end in the first 8 hex digits of the MD5 of the construct path inside the stack. */
  private static String pathHash(String path) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(path.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5, which every Java runtime must provide", e);
    }
  }
}
