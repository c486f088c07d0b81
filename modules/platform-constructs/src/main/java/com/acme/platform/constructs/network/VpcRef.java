package com.acme.platform.constructs.network;

import com.acme.platform.constructs.core.Checks;
import java.util.List;

/**
 * What other constructs need to know about a VPC. {@link PlatformVpc#ref()} returns one; teams with an existing VPC
 * build one from its attributes.
 *
 * @param vpcId the VPC id
 * @param cidrBlock the VPC's IPv4 CIDR block, for security-group rules that admit the whole VPC
 * @param publicSubnetIds subnets with a route to the internet gateway (load balancers go here)
 * @param privateSubnetIds subnets without public addresses (container instances go here)
 */
public record VpcRef(String vpcId, String cidrBlock, List<String> publicSubnetIds, List<String> privateSubnetIds) {
  /**
   * Checks that every value is present (names the missing ones) and copies the lists.
   *
   * @param vpcId see {@link VpcRef#vpcId()}
   * @param cidrBlock see {@link VpcRef#cidrBlock()}
   * @param publicSubnetIds see {@link VpcRef#publicSubnetIds()}
   * @param privateSubnetIds see {@link VpcRef#privateSubnetIds()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing; it lists every
   *     missing value, not only the first
   */
  public VpcRef {
    Checks checks = Checks.of("VpcRef");
    checks.required("vpcId", vpcId);
    checks.required("cidrBlock", cidrBlock);
    checks.required("publicSubnetIds", publicSubnetIds);
    checks.required("privateSubnetIds", privateSubnetIds);
    checks.throwIfAny();
    publicSubnetIds = List.copyOf(publicSubnetIds);
    privateSubnetIds = List.copyOf(privateSubnetIds);
  }
}
