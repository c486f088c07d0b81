package com.acme.platform.constructs.policy;

import static com.acme.platform.constructs.policy.JsonValues.allows;
import static com.acme.platform.constructs.policy.JsonValues.block;
import static com.acme.platform.constructs.policy.JsonValues.blocks;
import static com.acme.platform.constructs.policy.JsonValues.isFalse;
import static com.acme.platform.constructs.policy.JsonValues.isTrue;
import static com.acme.platform.constructs.policy.JsonValues.number;
import static com.acme.platform.constructs.policy.JsonValues.statements;
import static com.acme.platform.constructs.policy.JsonValues.strings;
import static com.acme.platform.constructs.policy.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The rules of data at rest and its keys: S3, CloudWatch Logs and alarms, SNS, KMS and ECR. */
final class DataRules {
  private static final String BUCKET = "aws_s3_bucket";
  private static final String REPOSITORY = "aws_ecr_repository";

  private DataRules() {}

  static List<PolicyRule> rules() {
    return List.of(
        PolicyRule.builder().id("s3-encryption").checkovId("CKV_AWS_19")
            .tfsecId("aws-s3-enable-bucket-encryption").trivyId("AVD-AWS-0088")
            .title("S3 buckets have default encryption configured")
            .fix("add an aws_s3_bucket_server_side_encryption_configuration (AES256, or aws:kms where the writers "
                + "support it; load balancer access logs need AES256)")
            .resourceTypes(BUCKET)
            .check((r, s) -> {
              boolean inline = !blocks(r.config(), "server_side_encryption_configuration").isEmpty();
              boolean configured = companions(r, s, "aws_s3_bucket_server_side_encryption_configuration").stream()
                  .flatMap(c -> blocks(c.config(), "rule").stream())
                  .anyMatch(rule -> text(block(rule, "apply_server_side_encryption_by_default"), "sse_algorithm")
                      != null);
              return inline || configured ? List.of() : List.of("the bucket has no default encryption configured");
            }).build(),
        PolicyRule.builder().id("s3-public-access-block").checkovId("CKV2_AWS_6")
            .tfsecId("aws-s3-specify-public-access-block").trivyId("AVD-AWS-0094")
            .title("S3 buckets block every kind of public access")
            .fix("add an aws_s3_bucket_public_access_block with block_public_acls, block_public_policy, "
                + "ignore_public_acls and restrict_public_buckets all true")
            .resourceTypes(BUCKET)
            .check((r, s) -> {
              List<StackResource> blocksFound = companions(r, s, "aws_s3_bucket_public_access_block");
              if (blocksFound.isEmpty()) {
                return List.of("the bucket has no public access block");
              }
              List<String> off = new ArrayList<>();
              for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                  "restrict_public_buckets")) {
                if (!isTrue(blocksFound.get(0).config().get(flag))) {
                  off.add(flag);
                }
              }
              return off.isEmpty() ? List.of() : List.of("the public access block leaves " + String.join(", ", off)
                  + " off");
            }).build(),
        PolicyRule.builder().id("s3-tls-only")
            .title("S3 bucket policies deny requests that do not use TLS")
            .fix("add an aws_s3_bucket_policy statement that denies s3:* when aws:SecureTransport is false")
            .resourceTypes(BUCKET)
            .check((r, s) -> {
              List<JsonNode> documents = new ArrayList<>();
              JsonNode inline = JsonValues.embedded(r.config(), "policy");
              if (inline != null) {
                documents.add(inline);
              }
              for (StackResource policy : companions(r, s, "aws_s3_bucket_policy")) {
                JsonNode parsed = JsonValues.embedded(policy.config(), "policy");
                if (parsed == null) {
                  return List.of(); // a policy only Terraform can render: not checkable here
                }
                documents.add(parsed);
              }
              boolean denies = documents.stream().flatMap(d -> statements(d).stream())
                  .anyMatch(DataRules::deniesInsecureTransport);
              return denies ? List.of() : List.of("no bucket policy denies requests without TLS");
            }).build(),
        PolicyRule.builder().id("s3-versioning").checkovId("CKV_AWS_21")
            .tfsecId("aws-s3-enable-versioning").trivyId("AVD-AWS-0090")
            .title("S3 buckets keep object versions")
            .fix("add an aws_s3_bucket_versioning with status \"Enabled\" (and a lifecycle rule that expires "
                + "noncurrent versions)")
            .resourceTypes(BUCKET)
            .check((r, s) -> {
              boolean inline = isTrue(block(r.config(), "versioning").get("enabled"));
              boolean enabled = companions(r, s, "aws_s3_bucket_versioning").stream()
                  .anyMatch(v -> "Enabled".equals(text(block(v.config(), "versioning_configuration"), "status")));
              return inline || enabled ? List.of() : List.of("versioning is not enabled");
            }).build(),
        PolicyRule.builder().id("s3-lifecycle").checkovId("CKV2_AWS_61")
            .title("S3 buckets have a lifecycle configuration")
            .fix("add an aws_s3_bucket_lifecycle_configuration with an enabled rule (expiry of old objects and "
                + "noncurrent versions, abort of incomplete uploads)")
            .resourceTypes(BUCKET)
            .check((r, s) -> {
              boolean inline = blocks(r.config(), "lifecycle_rule").stream().anyMatch(l -> isTrue(l.get("enabled")));
              boolean configured = companions(r, s, "aws_s3_bucket_lifecycle_configuration").stream()
                  .flatMap(c -> blocks(c.config(), "rule").stream())
                  .anyMatch(rule -> "Enabled".equals(text(rule, "status")));
              return inline || configured ? List.of() : List.of("the bucket has no enabled lifecycle rule");
            }).build(),
        PolicyRule.builder().id("logs-retention").checkovId("CKV_AWS_66")
            .title("CloudWatch log groups expire their events")
            .fix("set retention_in_days")
            .resourceTypes("aws_cloudwatch_log_group")
            .check((r, s) -> {
              Long days = number(r.config().get("retention_in_days"));
              return days == null || days == 0 ? List.of("events are kept forever (no retention_in_days)")
                  : List.of();
            }).build(),
        PolicyRule.builder().id("logs-kms").checkovId("CKV_AWS_158")
            .tfsecId("aws-cloudwatch-log-group-customer-key").trivyId("AVD-AWS-0017")
            .title("CloudWatch log groups are encrypted with a KMS key")
            .fix("set kms_key_id to a KMS key of the environment whose key policy lets CloudWatch Logs use it")
            .resourceTypes("aws_cloudwatch_log_group")
            .check((r, s) -> text(r.config(), "kms_key_id") == null
                ? List.of("the log group is not encrypted with a KMS key (no kms_key_id)") : List.of())
            .build(),
        PolicyRule.builder().id("cloudwatch-alarm-actions-enabled").checkovId("CKV_AWS_319")
            .title("CloudWatch alarms have their actions enabled")
            .fix("remove actions_enabled = false")
            .resourceTypes("aws_cloudwatch_metric_alarm")
            .check((r, s) -> isFalse(r.config().get("actions_enabled"))
                ? List.of("the alarm's actions are disabled, so nobody is notified") : List.of())
            .build(),
        PolicyRule.builder().id("sns-encryption").checkovId("CKV_AWS_26")
            .tfsecId("aws-sns-enable-topic-encryption").trivyId("AVD-AWS-0095")
            .title("SNS topics are encrypted at rest")
            .fix("set kms_master_key_id (alias/aws/sns, or a key of the environment)")
            .resourceTypes("aws_sns_topic")
            .check((r, s) -> text(r.config(), "kms_master_key_id") == null
                ? List.of("the topic is not encrypted (no kms_master_key_id)") : List.of())
            .build(),
        PolicyRule.builder().id("kms-rotation").checkovId("CKV_AWS_7")
            .tfsecId("aws-kms-auto-rotate-keys").trivyId("AVD-AWS-0065")
            .title("Symmetric KMS keys rotate automatically")
            .fix("set enable_key_rotation to true")
            .resourceTypes("aws_kms_key")
            .check((r, s) -> {
              String spec = text(r.config(), "customer_master_key_spec");
              boolean symmetric = spec == null || "SYMMETRIC_DEFAULT".equals(spec);
              return symmetric && !isTrue(r.config().get("enable_key_rotation"))
                  ? List.of("key rotation is off (enable_key_rotation is not true)") : List.of();
            }).build(),
        PolicyRule.builder().id("kms-key-policy").checkovId("CKV2_AWS_64")
            .title("KMS keys have an explicit key policy")
            .fix("set policy on the key (or add an aws_kms_key_policy) granting exactly the services and roles "
                + "that use it")
            .resourceTypes("aws_kms_key")
            .check((r, s) -> text(r.config(), "policy") == null
                && s.referring(r, "key_id", null, "aws_kms_key_policy").isEmpty()
                ? List.of("the key has the default key policy (no policy)") : List.of())
            .build(),
        PolicyRule.builder().id("ecr-scan-on-push").checkovId("CKV_AWS_163")
            .tfsecId("aws-ecr-enable-image-scans").trivyId("AVD-AWS-0030")
            .title("ECR repositories scan images on push")
            .fix("set image_scanning_configuration.scan_on_push to true")
            .resourceTypes(REPOSITORY)
            .check((r, s) -> isTrue(block(r.config(), "image_scanning_configuration").get("scan_on_push"))
                ? List.of() : List.of("pushed images are not scanned"))
            .build(),
        PolicyRule.builder().id("ecr-immutable-tags").checkovId("CKV_AWS_51")
            .tfsecId("aws-ecr-enforce-immutable-repository").trivyId("AVD-AWS-0031")
            .title("ECR image tags are immutable")
            .fix("set image_tag_mutability to \"IMMUTABLE\" (ServiceRepositoryProps.immutableTags)")
            .resourceTypes(REPOSITORY)
            .check((r, s) -> "IMMUTABLE".equals(text(r.config(), "image_tag_mutability")) ? List.of()
                : List.of("image tags can be overwritten (image_tag_mutability is not IMMUTABLE)"))
            .build(),
        PolicyRule.builder().id("ecr-kms-encryption").checkovId("CKV_AWS_136")
            .tfsecId("aws-ecr-repository-customer-key").trivyId("AVD-AWS-0033")
            .title("ECR repositories are encrypted with KMS")
            .fix("set encryption_configuration.encryption_type to \"KMS\" (with a key of the registry account)")
            .resourceTypes(REPOSITORY)
            .check((r, s) -> {
              String type = text(block(r.config(), "encryption_configuration"), "encryption_type");
              return "KMS".equals(type) ? List.of()
                  : List.of("images are encrypted with " + (type == null ? "the default AES256" : type)
                      + ", not KMS");
            }).build(),
        PolicyRule.builder().id("ecr-no-public-policy").checkovId("CKV_AWS_32")
            .tfsecId("aws-ecr-no-public-access").trivyId("AVD-AWS-0032")
            .title("ECR repository policies do not allow everyone")
            .fix("name the accounts or roles that may pull instead of the principal \"*\"")
            .resourceTypes("aws_ecr_repository_policy")
            .check((r, s) -> {
              JsonNode policy = JsonValues.embedded(r.config(), "policy");
              for (JsonNode statement : statements(policy)) {
                if (allows(statement) && IamRules.principals(statement).contains("*")) {
                  return List.of("the policy allows the principal \"*\"");
                }
              }
              return List.of();
            }).build());
  }

  /** The resources of a type that configure a bucket (their {@code bucket} refers to it or names it). */
  private static List<StackResource> companions(StackResource bucket, StackDocument s, String type) {
    return s.referring(bucket, "bucket", "bucket", type);
  }

  private static boolean deniesInsecureTransport(JsonNode statement) {
    if (!"Deny".equals(text(statement, "Effect"))) {
      return false;
    }
    JsonNode value = statement.path("Condition").path("Bool").get("aws:SecureTransport");
    return strings(value).contains("false");
  }
}
