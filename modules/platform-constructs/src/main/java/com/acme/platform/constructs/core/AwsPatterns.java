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
  /**
   * A KMS key or alias ARN: for settings the service keeps as given (an S3 bucket's default encryption, the S3
   * backend's state encryption).
   */
  public static final Pattern KMS_KEY_OR_ALIAS_ARN =
      Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+");
  /** What {@link #KMS_KEY_OR_ALIAS_ARN} allows, in the words of an error message ("must be ..."). */
  public static final String KMS_KEY_OR_ALIAS_ARN_ALLOWED =
      "a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id> or :alias/<name>)";
  /**
   * A KMS key ARN, never an alias ARN: for settings where an alias does not work. CloudWatch Logs refuses an alias
   * for a log group's key; ECR repositories and EBS volumes report the key's own ARN back, so with an alias every plan
   * would show a change that replaces the repository (deleting its images) or the volume (deleting its data).
   */
  public static final Pattern KMS_KEY_ONLY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+");
  /** What {@link #KMS_KEY_ONLY_ARN} allows, in the words of an error message ("must be ..."). */
  public static final String KMS_KEY_ONLY_ARN_ALLOWED =
      "a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); an alias ARN does not work here";
  /**
   * A KMS key or alias ARN.
   *
   * @deprecated the name reads as "key only"; use {@link #KMS_KEY_OR_ALIAS_ARN}, or {@link #KMS_KEY_ONLY_ARN} where an
   *     alias does not work
   */
  @Deprecated(forRemoval = true)
  public static final Pattern KMS_KEY_ARN = KMS_KEY_OR_ALIAS_ARN;
  /** An IAM managed policy ARN, AWS-managed or customer-managed. */
  public static final Pattern MANAGED_POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(?:\\d{12}|aws):policy/[\\w+=,.@/-]+");

  private AwsPatterns() {}
}
