package com.acme.platform.constructs.network;

import java.util.List;
import java.util.Objects;

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
  /** Checks presence and copies the lists. */
  public VpcRef {
    Objects.requireNonNull(vpcId, "VpcRef.vpcId");
    Objects.requireNonNull(cidrBlock, "VpcRef.cidrBlock");
    publicSubnetIds = List.copyOf(Objects.requireNonNull(publicSubnetIds, "VpcRef.publicSubnetIds"));
    privateSubnetIds = List.copyOf(Objects.requireNonNull(privateSubnetIds, "VpcRef.privateSubnetIds"));
  }
}
