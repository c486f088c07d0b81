package com.acme.platform.constructs.core;

import java.util.regex.Pattern;

/** The shapes of AWS identifiers that several props types (and apps building them) check, defined once. */
public final class AwsPatterns {
  /** A 12-digit AWS account id. */
  public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  /** A region name such as {@code eu-west-1}, {@code ap-southeast-2} or {@code us-gov-west-1}. */
  public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  /** An availability zone name: a region name plus a letter, such as {@code eu-west-1a}. */
  public static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");
  /** A KMS key or alias ARN: what S3, ECR, EFS and EBS accept. */
  public static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+");
  /** What {@link #KMS_KEY_ARN} allows, in the words of an error message ("must be ..."). */
  public static final String KMS_KEY_ARN_ALLOWED =
      "a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id> or :alias/<name>)";
  /** A KMS key ARN, never an alias ARN: what CloudWatch Logs accepts for a log group's key. */
  public static final Pattern KMS_KEY_ONLY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+");
  /** What {@link #KMS_KEY_ONLY_ARN} allows, in the words of an error message ("must be ..."). */
  public static final String KMS_KEY_ONLY_ARN_ALLOWED =
      "a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>; CloudWatch Logs takes no alias)";
  /** An IAM managed policy ARN, AWS-managed or customer-managed. */
  public static final Pattern MANAGED_POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(?:\\d{12}|aws):policy/[\\w+=,.@/-]+");

  private AwsPatterns() {}
}
