package com.acme.platform.constructs.core;

import java.util.Objects;

/**
 * The ARN partition of an AWS region, so that no construct writes {@code arn:aws:} for a region where ARNs start
 * differently: {@code cn-*} regions are in {@code aws-cn}, {@code us-gov-*} regions in {@code aws-us-gov}, every
 * other region in {@code aws}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM identifiers: ARNs</a>.
 */
public final class Partition {
  private Partition() {}

  /**
   * The partition a region belongs to.
   *
   * @param region an AWS region such as {@code eu-west-1} or {@code cn-north-1}
   * @return {@code aws}, {@code aws-cn} or {@code aws-us-gov}
   */
  public static String ofRegion(String region) {
    Objects.requireNonNull(region, "region");
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /**
   * The DNS suffix of a region's partition, as regional service principals end: {@code logs.cn-north-1} is
   * {@code logs.cn-north-1.amazonaws.com.cn}.
   *
   * @param region an AWS region such as {@code eu-west-1} or {@code cn-north-1}
   * @return {@code amazonaws.com.cn} in {@code aws-cn}, otherwise {@code amazonaws.com}
   */
  public static String dnsSuffix(String region) {
    return "aws-cn".equals(ofRegion(region)) ? "amazonaws.com.cn" : "amazonaws.com";
  }

  /**
   * The ARN of an AWS managed IAM policy in a region's partition.
   *
   * @param region the region the policy is used in
   * @param policyPath the path after {@code policy/}, for example {@code service-role/AmazonECSTaskExecutionRolePolicy}
   * @return {@code arn:<partition>:iam::aws:policy/<policyPath>}
   */
  public static String managedPolicyArn(String region, String policyPath) {
    return "arn:" + ofRegion(region) + ":iam::aws:policy/" + policyPath;
  }

  /**
   * The ARN of an account's root principal, as resource policies name whole accounts.
   *
   * @param region the region whose partition the account is in
   * @param accountId the 12-digit account id
   * @return {@code arn:<partition>:iam::<accountId>:root}
   */
  public static String accountRootArn(String region, String accountId) {
    return "arn:" + ofRegion(region) + ":iam::" + accountId + ":root";
  }
}
