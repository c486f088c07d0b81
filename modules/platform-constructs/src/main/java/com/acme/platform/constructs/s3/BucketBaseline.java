package com.acme.platform.constructs.s3;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.JsonDocs;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * What every bucket the library creates has ({@link com.acme.platform.constructs.state.StateBucket},
 * {@link AccessLogBucket}), built in one place: S3's naming rules, versioning, default encryption, a public access
 * block with all four settings, ACLs disabled, and a policy statement that refuses requests without TLS. Each method
 * creates its resource under the given scope with a fixed construct id, so the buckets' Terraform addresses stay the
 * same.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html">Security best
 * practices for Amazon S3</a>.
 */
public final class BucketBaseline {
  /** Bucket name characters: lowercase letters, digits, '.' and '-'. */
  static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9.-]*");
  /** Something that looks like an IPv4 address, for example 192.168.5.4. */
  static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  /** Prefixes that S3 reserves, in the order they are checked. */
  static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  /** Suffixes that S3 reserves, each with what AWS reserves it for. */
  static final List<List<String>> RESERVED_SUFFIXES = List.of(
      List.of("-s3alias", "access point aliases"),
      List.of("--ol-s3", "Object Lambda Access Point aliases"),
      List.of(".mrap", "Multi-Region Access Point names"),
      List.of("--x-s3", "directory buckets"));

  private BucketBaseline() {}

  /**
   * Records every S3 naming rule a bucket name breaks. Tokens are not checked.
   *
   * @param checks where problems are recorded
   * @param field the props field
   * @param name the bucket name
   */
  public static void checkBucketName(Checks checks, String field, String name) {
    if (Checks.isToken(name)) {
      return;
    }
    String got = ", got " + Checks.quote(name);
    checks.check(name.length() >= 3 && name.length() <= 63, field,
        "must be 3 to 63 characters long, got " + name.length() + " (" + Checks.quote(name) + ")");
    checks.check(BUCKET_CHARS.matcher(name).matches(), field,
        "must contain only lowercase letters, digits, '.' and '-'" + got);
    checks.check(!name.isEmpty() && isLetterOrDigit(name.charAt(0)) && isLetterOrDigit(name.charAt(name.length() - 1)),
        field, "must begin and end with a letter or digit" + got);
    checks.check(!name.contains(".."), field, "must not contain two adjacent periods" + got);
    checks.check(!IP_ADDRESS.matcher(name).matches(), field,
        "must not be formatted as an IP address (such as 192.168.5.4)" + got);
    for (String prefix : RESERVED_PREFIXES) {
      checks.check(!name.startsWith(prefix), field,
          "must not start with '" + prefix + "' (a prefix reserved by Amazon S3)" + got);
    }
    for (List<String> suffix : RESERVED_SUFFIXES) {
      checks.check(!name.endsWith(suffix.get(0)), field,
          "must not end with '" + suffix.get(0) + "' (a suffix Amazon S3 reserves for " + suffix.get(1) + ")" + got);
    }
  }

  private static boolean isLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * Turns versioning on (checkov CKV_AWS_21), as construct {@code Versioning}.
   *
   * @param scope the bucket's construct
   * @param bucket the bucket name or id
   * @return the {@code aws_s3_bucket_versioning} resource
   */
  public static S3BucketVersioningA versioning(Construct scope, String bucket) {
    return S3BucketVersioningA.Builder.create(scope, "Versioning")
        .bucket(bucket)
        .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
        .build();
  }

  /**
   * Default encryption, as construct {@code Encryption}: SSE-S3 ({@code AES256}) without a key, SSE-KMS with a
   * bucket key with one (checkov CKV_AWS_145 asks for KMS).
   *
   * @param scope the bucket's construct
   * @param bucket the bucket name or id
   * @param kmsKeyArn a KMS key or alias ARN, or {@code null} for SSE-S3
   * @return the {@code aws_s3_bucket_server_side_encryption_configuration} resource
   */
  public static S3BucketServerSideEncryptionConfigurationA encryption(Construct scope, String bucket,
      String kmsKeyArn) {
    var byDefault = S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder();
    var rule = S3BucketServerSideEncryptionConfigurationRuleA.builder();
    if (kmsKeyArn == null) {
      rule.applyServerSideEncryptionByDefault(byDefault.sseAlgorithm("AES256").build());
    } else {
      rule.applyServerSideEncryptionByDefault(byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(kmsKeyArn).build())
          .bucketKeyEnabled(true);
    }
    return S3BucketServerSideEncryptionConfigurationA.Builder.create(scope, "Encryption")
        .bucket(bucket)
        .rule(List.of(rule.build()))
        .build();
  }

  /**
   * A public access block with all four settings on (checkov CKV_AWS_53 to CKV_AWS_56, CKV2_AWS_6), as construct
   * {@code PublicAccessBlock}.
   *
   * @param scope the bucket's construct
   * @param bucket the bucket name or id
   * @return the {@code aws_s3_bucket_public_access_block} resource
   */
  public static S3BucketPublicAccessBlock blockPublicAccess(Construct scope, String bucket) {
    return S3BucketPublicAccessBlock.Builder.create(scope, "PublicAccessBlock")
        .bucket(bucket)
        .blockPublicAcls(true)
        .blockPublicPolicy(true)
        .ignorePublicAcls(true)
        .restrictPublicBuckets(true)
        .build();
  }

  /**
   * {@code BucketOwnerEnforced} object ownership: ACLs disabled, the bucket owner owns every object (checkov
   * CKV2_AWS_65), as construct {@code OwnershipControls}.
   *
   * @param scope the bucket's construct
   * @param bucket the bucket name or id
   * @return the {@code aws_s3_bucket_ownership_controls} resource
   */
  public static S3BucketOwnershipControls enforceBucketOwner(Construct scope, String bucket) {
    return S3BucketOwnershipControls.Builder.create(scope, "OwnershipControls")
        .bucket(bucket)
        .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
        .build();
  }

  /**
   * The bucket policy statement that denies every request not sent over TLS (checkov CKV_AWS_379).
   *
   * @param bucketArn the bucket ARN
   * @return the statement, for {@link #policy(List)}
   */
  public static Map<String, Object> denyInsecureTransport(String bucketArn) {
    return Map.of(
        "Sid", "DenyInsecureTransport",
        "Effect", "Deny",
        "Principal", "*",
        "Action", "s3:*",
        "Resource", List.of(bucketArn, bucketArn + "/*"),
        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
  }

  /**
   * A bucket policy document of statements, as JSON with sorted keys.
   *
   * @param statements the statements, in order
   * @return the JSON text
   */
  public static String policy(List<Map<String, Object>> statements) {
    return JsonDocs.toJson(Map.of("Version", "2012-10-17", "Statement", statements));
  }
}
