package com.acme.platform.constructs.network;

/**
 * How many NAT gateways a {@link PlatformVpc} creates for the egress of its private subnets.
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html">NAT gateways</a>.
 */
public enum NatGateways {
  /**
   * No NAT gateway: private subnets have no route to the internet. Instances there need VPC endpoints (for example
   * for ECR, ECS, CloudWatch Logs and S3) to reach AWS services.
   */
  NONE,
  /**
   * One NAT gateway in the first availability zone, shared by every private subnet. Cheaper, but egress of all zones
   * depends on that one zone.
   */
  SINGLE,
  /** One NAT gateway per availability zone; each private subnet uses the one in its own zone. */
  PER_AZ
}
