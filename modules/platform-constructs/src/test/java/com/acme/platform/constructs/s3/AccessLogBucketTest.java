package com.acme.platform.constructs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogBucketTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Synth defaults;
  private Synth newRegion;
  private Synth allOptions;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> new AccessLogBucket(stack, "AccessLogs",
        AccessLogBucketProps.of("qa-lb-access-logs-111111111111", "eu-west-1", "111111111111")));
    newRegion = Synth.stack(stack -> new AccessLogBucket(stack, "AccessLogs",
        AccessLogBucketProps.of("qa-lb-logs", "me-central-1", "111111111111")));
    allOptions = Synth.stack(stack -> new AccessLogBucket(stack, "AccessLogs", AccessLogBucketProps.builder()
        .bucketName("gov-lb-logs").awsRegion("us-gov-west-1").accountId("333333333333").expirationDays(30)
        .forceDestroy(true).build()));
  }

  private static JsonNode statements(Synth synth) throws Exception {
    return MAPPER.readTree(synth.only("aws_s3_bucket_policy").get("policy").asText()).get("Statement");
  }

  @Test
  void bucket_defaults_sseS3VersionedPrivateOwnerEnforced() {
    defaults.assertHasResourceWithProperties("aws_s3_bucket", Map.of(
        "bucket", "qa-lb-access-logs-111111111111", "force_destroy", false));
    // SSE-S3: the only default encryption Elastic Load Balancing can write with.
    defaults.assertHasResourceWithProperties("aws_s3_bucket_server_side_encryption_configuration", Map.of(
        "rule", List.of(Map.of("apply_server_side_encryption_by_default", Map.of("sse_algorithm", "AES256")))));
    defaults.assertHasResourceWithProperties("aws_s3_bucket_versioning", Map.of(
        "versioning_configuration", Map.of("status", "Enabled")));
    defaults.assertHasResourceWithProperties("aws_s3_bucket_public_access_block", Map.of(
        "block_public_acls", true, "block_public_policy", true, "ignore_public_acls", true,
        "restrict_public_buckets", true));
    defaults.assertHasResourceWithProperties("aws_s3_bucket_ownership_controls", Map.of(
        "rule", Map.of("object_ownership", "BucketOwnerEnforced")));
  }

  @Test
  void policy_defaults_tlsOnlyAndRegionsElbAccountUnderAwsLogsOfTheAccount() throws Exception {
    JsonNode statements = statements(defaults);
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).get("Sid").asText()).isEqualTo("DenyInsecureTransport");
    assertThat(statements.get(0).get("Condition").toString()).isEqualTo("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}");
    assertThat(statements.get(1).toString()).matches("\\{\"Action\":\"s3:PutObject\",\"Effect\":\"Allow\","
        + "\"Principal\":\\{\"AWS\":\"arn:aws:iam::156460612806:root\"},\"Resource\":"
        + "\"\\$\\{aws_s3_bucket\\.AccessLogs_[0-9A-F]{8}\\.arn}/\\*/AWSLogs/111111111111/\\*\","
        + "\"Sid\":\"ElbLogDelivery\"}");
    assertThat(defaults.only("aws_s3_bucket_policy").get("depends_on").toString()).contains(
        "aws_s3_bucket_public_access_block.");
  }

  @Test
  void policy_regionOpenedAfterAugust2022_servicePrincipal() throws Exception {
    assertThat(statements(newRegion).get(1).get("Principal").toString())
        .isEqualTo("{\"Service\":\"logdelivery.elasticloadbalancing.amazonaws.com\"}");
  }

  @Test
  void policy_govCloud_partitionOfTheRegion() throws Exception {
    assertThat(statements(allOptions).get(1).get("Principal").toString())
        .isEqualTo("{\"AWS\":\"arn:aws-us-gov:iam::048591011584:root\"}");
    assertThat(statements(allOptions).get(1).get("Resource").asText()).endsWith("/*/AWSLogs/333333333333/*");
  }

  @Test
  void lifecycle_defaults_expireAfter90Days() {
    defaults.assertHasResourceWithProperties("aws_s3_bucket_lifecycle_configuration", Map.of("rule", List.of(Map.of(
        "id", "expire-access-logs", "status", "Enabled", "expiration", Map.of("days", 90),
        "noncurrent_version_expiration", Map.of("noncurrent_days", 1),
        "abort_incomplete_multipart_upload", Map.of("days_after_initiation", 7)))));
  }

  @Test
  void allOptions_expiryAndForceDestroy() {
    allOptions.assertHasResourceWithProperties("aws_s3_bucket", Map.of("bucket", "gov-lb-logs", "force_destroy", true));
    allOptions.assertHasResourceWithProperties("aws_s3_bucket_lifecycle_configuration", Map.of("rule", List.of(
        Map.of("expiration", Map.of("days", 30)))));
  }

  @Test
  void fails_invalidProps_listsEveryProblem() {
    assertThatThrownBy(() -> AccessLogBucketProps.builder().bucketName("Logs_Bucket").awsRegion("eu")
        .accountId("1").expirationDays(0).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("AccessLogBucketProps.bucketName must contain only lowercase letters, digits, '.' and '-', got"
            + " \"Logs_Bucket\"\n"
            + "AccessLogBucketProps.awsRegion must be an AWS region such as eu-west-1, got \"eu\"\n"
            + "AccessLogBucketProps.accountId must be 12 digits, got \"1\"\n"
            + "AccessLogBucketProps.expirationDays must be between 1 and 3650, got 0");
  }

  @Test
  void props_toBuilder_roundTrips() {
    AccessLogBucketProps props = AccessLogBucketProps.of("qa-logs", "eu-west-1", "111111111111");
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }
}
