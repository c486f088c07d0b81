package com.acme.platform.constructs.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateBucketTest {
  private static final String KMS_KEY = "arn:aws:kms:eu-west-1:111111111111:key/abcd";

  private Synth defaults;
  private Synth allOptions;
  private Synth lockTableDefaults;
  private String bucketAddress;
  private String publicAccessBlockAddress;
  private String versioningAddress;
  private String lockTableResourceName;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> {
      StateBucket state = new StateBucket(stack, "State", "acme-terraform-state");
      bucketAddress = state.getBucketResourceAddress();
      publicAccessBlockAddress = "aws_s3_bucket_public_access_block."
          + state.getPublicAccessBlock().getFriendlyUniqueId();
      versioningAddress = "aws_s3_bucket_versioning." + state.getVersioning().getFriendlyUniqueId();
      assertThat(state.getLockTable()).isNull();
      assertThat(state.getLockTableName()).isNull();
      assertThat(state.getBucketName()).isEqualTo("acme-terraform-state");
      // The provider's arn attribute: in the partition of the provider's region, not a literal arn:aws:.
      assertThat(state.getBucketArn()).contains("TfToken");
    });
    allOptions = Synth.stack(stack -> {
      StateBucket state = new StateBucket(stack, "State", allOptionsProps());
      assertThat(state.getLockTable()).isNotNull();
      assertThat(state.getLockTableName()).isEqualTo("sandbox-terraform-locks");
      lockTableResourceName = state.getLockTable().getFriendlyUniqueId();
    });
    lockTableDefaults = Synth.stack(stack -> new StateBucket(stack, "State", StateBucketProps.builder()
        .bucketName("acme-terraform-state").lockTableName("acme-terraform-locks").build()));
  }

  @Test
  void bucket_defaults_namedPreventDestroyNoForceDestroy() {
    defaults.assertHasResourceWithProperties("aws_s3_bucket", Map.of(
        "bucket", "acme-terraform-state",
        "force_destroy", false));
    assertThat(defaults.only("aws_s3_bucket").at("/lifecycle/prevent_destroy").isBoolean()).isTrue();
    assertThat(defaults.only("aws_s3_bucket").at("/lifecycle/prevent_destroy").booleanValue()).isTrue();
    assertThat(defaults.count("aws_dynamodb_table")).isZero();
  }

  @Test
  void settings_defaults_versionedAes256PrivateOwnerEnforced() {
    String bucketRef = "${" + bucketAddress + ".id}";
    defaults.assertHasResourceWithProperties("aws_s3_bucket_versioning", Map.of(
        "bucket", bucketRef,
        "versioning_configuration", Map.of("status", "Enabled")));
    defaults.assertHasResourceWithProperties("aws_s3_bucket_server_side_encryption_configuration", Map.of(
        "bucket", bucketRef,
        "rule", List.of(Map.of("apply_server_side_encryption_by_default", Map.of("sse_algorithm", "AES256")))));
    JsonNode rule = defaults.only("aws_s3_bucket_server_side_encryption_configuration").at("/rule/0");
    assertThat(rule.has("bucket_key_enabled")).as("bucket key only with KMS").isFalse();
    assertThat(rule.at("/apply_server_side_encryption_by_default").has("kms_master_key_id")).isFalse();
    defaults.assertHasResourceWithProperties("aws_s3_bucket_public_access_block", Map.of(
        "bucket", bucketRef,
        "block_public_acls", true,
        "block_public_policy", true,
        "ignore_public_acls", true,
        "restrict_public_buckets", true));
    defaults.assertHasResourceWithProperties("aws_s3_bucket_ownership_controls", Map.of(
        "bucket", bucketRef,
        "rule", Map.of("object_ownership", "BucketOwnerEnforced")));
  }

  @Test
  void lifecycle_defaults_expireNoncurrentAfter90DaysAndAbortUploadsAfter7() {
    defaults.assertHasResourceWithProperties("aws_s3_bucket_lifecycle_configuration", Map.of(
        "bucket", "${" + bucketAddress + ".id}",
        "rule", List.of(Map.of(
            "id", "expire-noncurrent-versions",
            "status", "Enabled",
            "filter", Map.of("prefix", ""),
            "noncurrent_version_expiration", Map.of("noncurrent_days", 90),
            "abort_incomplete_multipart_upload", Map.of("days_after_initiation", 7)))));
    assertThat(defaults.only("aws_s3_bucket_lifecycle_configuration").get("depends_on").toString())
        .isEqualTo("[\"" + versioningAddress + "\"]");
  }

  @Test
  void policy_defaults_denyNonTlsOnBucketAndObjectsAfterPublicAccessBlock() {
    JsonNode policy = defaults.only("aws_s3_bucket_policy");
    assertThat(policy.get("bucket").asText()).isEqualTo("${" + bucketAddress + ".id}");
    assertThat(policy.get("policy").asText()).isEqualTo("{\"Statement\":[{"
        + "\"Action\":\"s3:*\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}},"
        + "\"Effect\":\"Deny\","
        + "\"Principal\":\"*\","
        + "\"Resource\":[\"${" + bucketAddress + ".arn}\",\"${" + bucketAddress + ".arn}/*\"],"
        + "\"Sid\":\"DenyInsecureTransport\"}],"
        + "\"Version\":\"2012-10-17\"}");
    assertThat(policy.get("depends_on").toString()).isEqualTo("[\"" + publicAccessBlockAddress + "\"]");
  }

  @Test
  void bucketResourceAddress_defaults_matchesSynthesizedLogicalId() {
    assertThat(bucketAddress).startsWith("aws_s3_bucket.");
    String logicalId = bucketAddress.substring("aws_s3_bucket.".length());
    assertThat(defaults.json().at("/resource/aws_s3_bucket").has(logicalId))
        .as("%s in %s", logicalId, defaults.json().at("/resource/aws_s3_bucket"))
        .isTrue();
  }

  @Test
  void bucket_allOptions_kmsWithBucketKeyAnd30DaysAndDestroyable() {
    allOptions.assertHasResourceWithProperties("aws_s3_bucket", Map.of(
        "bucket", "sandbox-terraform-state",
        "force_destroy", false,
        "lifecycle", Map.of("prevent_destroy", false)));
    allOptions.assertHasResourceWithProperties("aws_s3_bucket_server_side_encryption_configuration", Map.of(
        "rule", List.of(Map.of(
            "apply_server_side_encryption_by_default", Map.of("sse_algorithm", "aws:kms", "kms_master_key_id", KMS_KEY),
            "bucket_key_enabled", true))));
    allOptions.assertHasResourceWithProperties("aws_s3_bucket_lifecycle_configuration", Map.of(
        "rule", List.of(Map.of("noncurrent_version_expiration", Map.of("noncurrent_days", 30)))));
    allOptions.assertHasResourceWithProperties("aws_s3_bucket_versioning", Map.of(
        "versioning_configuration", Map.of("status", "Enabled")));
    assertThat(allOptions.json().at("/resource/aws_s3_bucket_policy").size()).isEqualTo(1);
  }

  @Test
  void lockTable_allOptions_onDemandLockIdRecoverableEncrypted() {
    allOptions.assertHasResourceWithProperties("aws_dynamodb_table", Map.of(
        "name", "sandbox-terraform-locks",
        "billing_mode", "PAY_PER_REQUEST",
        "hash_key", "LockID",
        "attribute", List.of(Map.of("name", "LockID", "type", "S")),
        "point_in_time_recovery", Map.of("enabled", true),
        "server_side_encryption", Map.of("enabled", true),
        "deletion_protection_enabled", false,
        "lifecycle", Map.of("prevent_destroy", false)));
    assertThat(allOptions.json().at("/resource/aws_dynamodb_table").has(lockTableResourceName)).isTrue();
  }

  @Test
  void lockTable_preventDestroyDefault_deletionProtectedAndPreventDestroy() {
    lockTableDefaults.assertHasResourceWithProperties("aws_dynamodb_table", Map.of(
        "name", "acme-terraform-locks",
        "deletion_protection_enabled", true,
        "lifecycle", Map.of("prevent_destroy", true)));
  }

  @Test
  void props_defaults_appliedInCompactConstructor() {
    StateBucketProps props = StateBucketProps.of("acme-terraform-state");
    assertThat(props.noncurrentVersionExpiryDays()).isEqualTo(90);
    assertThat(props.preventDestroy()).isTrue();
    assertThat(props.kmsKeyArn()).isNull();
    assertThat(props.lockTableName()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "acme-terraform-state-111111111111", "0-state-9",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void bucketName_valid_accepted(String name) {
    assertThat(StateBucketProps.of(name).bucketName()).isEqualTo(name);
  }

  @Test
  void fails_missingBucketName() {
    assertThatThrownBy(() -> StateBucketProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateBucketProps.bucketName is required");
  }

  @Test
  void fails_bucketNameTooShort() {
    assertThat(problems("ab")).containsExactly("bucketName must be 3 to 63 characters long, got 2 (\"ab\")");
  }

  @Test
  void fails_bucketNameTooLong() {
    String name = "a".repeat(64);
    assertThat(problems(name))
        .containsExactly("bucketName must be 3 to 63 characters long, got 64 (\"" + name + "\")");
  }

  @Test
  void fails_bucketNameInvalidCharacters() {
    assertThat(problems("Acme_State")).containsExactly(
        "bucketName must contain only lowercase letters, digits, '.' and '-', got \"Acme_State\"");
  }

  @Test
  void fails_bucketNameStartsOrEndsWithHyphen() {
    assertThat(problems("-acme-state")).containsExactly(
        "bucketName must begin and end with a letter or digit, got \"-acme-state\"");
    assertThat(problems("acme-state-")).containsExactly(
        "bucketName must begin and end with a letter or digit, got \"acme-state-\"");
  }

  @Test
  void fails_bucketNameAdjacentPeriods() {
    assertThat(problems("acme..state")).containsExactly(
        "bucketName must not contain two adjacent periods, got \"acme..state\"",
        dotMessage("acme..state"));
  }

  @Test
  void fails_bucketNameIpAddress() {
    assertThat(problems("192.168.5.4")).containsExactly(
        "bucketName must not be formatted as an IP address (such as 192.168.5.4), got \"192.168.5.4\"",
        dotMessage("192.168.5.4"));
  }

  @Test
  void fails_bucketNameReservedPrefixes() {
    assertThat(problems("xn--state")).containsExactly(
        "bucketName must not start with 'xn--' (a prefix reserved by Amazon S3), got \"xn--state\"");
    assertThat(problems("sthree-state")).containsExactly(
        "bucketName must not start with 'sthree-' (a prefix reserved by Amazon S3), got \"sthree-state\"");
    assertThat(problems("amzn-s3-demo-state")).containsExactly(
        "bucketName must not start with 'amzn-s3-demo-' (a prefix reserved by Amazon S3), got \"amzn-s3-demo-state\"");
  }

  @Test
  void fails_bucketNameReservedSuffixes() {
    assertThat(problems("state-s3alias")).containsExactly("bucketName must not end with '-s3alias'"
        + " (a suffix Amazon S3 reserves for access point aliases), got \"state-s3alias\"");
    assertThat(problems("state--ol-s3")).containsExactly("bucketName must not end with '--ol-s3'"
        + " (a suffix Amazon S3 reserves for Object Lambda Access Point aliases), got \"state--ol-s3\"");
    assertThat(problems("state.mrap")).containsExactly("bucketName must not end with '.mrap'"
        + " (a suffix Amazon S3 reserves for Multi-Region Access Point names), got \"state.mrap\"",
        dotMessage("state.mrap"));
    assertThat(problems("state--x-s3")).containsExactly("bucketName must not end with '--x-s3'"
        + " (a suffix Amazon S3 reserves for directory buckets), got \"state--x-s3\"");
  }

  @Test
  void fails_bucketNameWithDot_explainsTlsAndSuggestsHyphen() {
    assertThat(problems("acme.terraform.state")).containsExactly(
        "bucketName must not contain '.': Terraform's S3 backend uses virtual-hosted-style HTTPS"
            + " (https://<bucket>.s3.<region>.amazonaws.com) and the wildcard TLS certificate does not match"
            + " a bucket name with dots; use '-' instead, got \"acme.terraform.state\"");
  }

  @Test
  void fails_bucketNameToken() {
    assertThatThrownBy(() -> StateBucketProps.of("${TfToken[TOKEN.1]}"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateBucketProps.bucketName must be a plain string known at synth time (the S3 backend block"
            + " cannot reference a resource), got a token");
  }

  @Test
  void fails_lockTableName() {
    assertThatThrownBy(() -> StateBucketProps.builder().bucketName("acme-terraform-state").lockTableName("tf").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateBucketProps.lockTableName must be 3 to 255 characters: letters, digits, '_', '.' and '-',"
            + " got \"tf\"");
    assertThatThrownBy(() -> StateBucketProps.builder().bucketName("acme-terraform-state")
        .lockTableName("terraform locks").build())
        .hasMessage("StateBucketProps.lockTableName must be 3 to 255 characters: letters, digits, '_', '.' and '-',"
            + " got \"terraform locks\"");
    assertThat(StateBucketProps.builder().bucketName("acme-terraform-state")
        .lockTableName("Terraform_Locks.v1-" + "x".repeat(236)).build().lockTableName()).hasSize(255);
  }

  @Test
  void fails_everyOtherProblemReportedTogether() {
    assertThatThrownBy(() -> StateBucketProps.builder().bucketName("acme-terraform-state").kmsKeyArn("my-key")
        .noncurrentVersionExpiryDays(0).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Problem::toString)
            .containsExactly(
                "kmsKeyArn must be a KMS key or alias ARN (arn:<partition>:kms:<region>:<account>:key/<id> or"
                    + " :alias/<name>), got \"my-key\"",
                "noncurrentVersionExpiryDays must be between 1 and 3650, got 0"));
    assertThatThrownBy(() -> StateBucketProps.builder().bucketName("acme-terraform-state")
        .noncurrentVersionExpiryDays(3651).build())
        .hasMessage("StateBucketProps.noncurrentVersionExpiryDays must be between 1 and 3650, got 3651");
  }

  private static StateBucketProps allOptionsProps() {
    return StateBucketProps.builder()
        .bucketName("sandbox-terraform-state")
        .kmsKeyArn(KMS_KEY)
        .noncurrentVersionExpiryDays(30)
        .lockTableName("sandbox-terraform-locks")
        .preventDestroy(false)
        .build();
  }

  private static List<String> problems(String bucketName) {
    try {
      StateBucketProps.of(bucketName);
    } catch (InvalidPropsException e) {
      assertThat(e.getSubject()).isEqualTo("StateBucketProps");
      return e.getProblems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected " + bucketName + " to be rejected");
  }

  private static String dotMessage(String name) {
    return "bucketName must not contain '.': Terraform's S3 backend uses virtual-hosted-style HTTPS"
        + " (https://<bucket>.s3.<region>.amazonaws.com) and the wildcard TLS certificate does not match"
        + " a bucket name with dots; use '-' instead, got \"" + name + "\"";
  }

  // ---- toBuilder ----

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    StateBucketProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
    assertThat(StateBucketProps.of("acme-terraform-state").toBuilder().build())
        .isEqualTo(StateBucketProps.of("acme-terraform-state"));
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    StateBucketProps props = StateBucketProps.of("acme-terraform-state");
    StateBucketProps copy = props.toBuilder().lockTableName("acme-terraform-locks").preventDestroy(false).build();
    assertThat(copy.lockTableName()).isEqualTo("acme-terraform-locks");
    assertThat(copy.preventDestroy()).isFalse();
    assertThat(props.lockTableName()).isNull();
    assertThat(props.preventDestroy()).isTrue();
    assertThat(copy).isNotEqualTo(props);
  }

  @Test
  void toString_listsEveryPropertyLikeARecord() {
    assertThat(StateBucketProps.of("acme-terraform-state")).hasToString("StateBucketProps["
        + "bucketName=acme-terraform-state, kmsKeyArn=null, noncurrentVersionExpiryDays=90, lockTableName=null,"
        + " preventDestroy=true]");
  }
}
