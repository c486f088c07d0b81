package com.acme.platform.constructs.state;

import com.acme.platform.constructs.s3.BucketBaseline;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * The S3 bucket that holds an account's Terraform state, created once per account by the bootstrap stack.
 *
 * <p>Versioning and server-side encryption are always on: there is no prop to turn them off. The bucket also gets a
 * public access block (all four settings), {@code BucketOwnerEnforced} object ownership (ACLs disabled), a bucket
 * policy that denies every request not sent over TLS, a lifecycle rule that expires noncurrent versions (old state
 * and old lock files) and aborts incomplete multipart uploads after 7 days, and {@code lifecycle.prevent_destroy}
 * unless {@link StateBucketProps#preventDestroy()} is {@code false}. {@code force_destroy} is always {@code false}.
 *
 * <p>Creates {@code aws_s3_bucket}, {@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_server_side_encryption_configuration}, {@code aws_s3_bucket_public_access_block},
 * {@code aws_s3_bucket_ownership_controls}, {@code aws_s3_bucket_policy},
 * {@code aws_s3_bucket_lifecycle_configuration} and, when {@link StateBucketProps#lockTableName()} is set,
 * {@code aws_dynamodb_table}.
 *
 * <p>The bucket policy names the bucket by the provider's {@code arn} attribute, which is in the partition of the
 * provider's region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}).
 *
 * <p>See <a href="https://developer.hashicorp.com/terraform/language/backend/s3">the Terraform S3 backend</a> and
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html">Security best
 * practices for Amazon S3</a>.
 */
public final class StateBucket extends Construct {
  /** Days after which the lifecycle rule aborts an incomplete multipart upload. */
  static final int ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

  private final StateBucketProps props;
  private final S3Bucket bucket;
  private final S3BucketVersioningA versioning;
  private final S3BucketServerSideEncryptionConfigurationA encryption;
  private final S3BucketPublicAccessBlock publicAccessBlock;
  private final S3BucketOwnershipControls ownershipControls;
  private final S3BucketPolicy policy;
  private final S3BucketLifecycleConfiguration lifecycle;
  private final DynamodbTable lockTable;

  /**
   * Creates the state bucket and, when configured, the lock table.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the bucket's properties
   */
  public StateBucket(Construct scope, String id, StateBucketProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.bucket = S3Bucket.Builder.create(this, "Resource")
        .bucket(props.bucketName())
        .forceDestroy(false)
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build())
        .build();
    String bucketRef = bucket.getId();
    this.versioning = BucketBaseline.versioning(this, bucketRef);
    this.encryption = BucketBaseline.encryption(this, bucketRef, props.kmsKeyArn());
    this.publicAccessBlock = BucketBaseline.blockPublicAccess(this, bucketRef);
    this.ownershipControls = BucketBaseline.enforceBucketOwner(this, bucketRef);
    // S3 evaluates a new bucket policy against the public access block, so the block goes first.
    this.policy = S3BucketPolicy.Builder.create(this, "Policy")
        .bucket(bucketRef)
        .policy(BucketBaseline.policy(List.of(BucketBaseline.denyInsecureTransport(getBucketArn()))))
        .dependsOn(List.of(publicAccessBlock))
        .build();
    // Noncurrent-version rules act on a versioned bucket: configure them after versioning is enabled.
    this.lifecycle = S3BucketLifecycleConfiguration.Builder.create(this, "Lifecycle")
        .bucket(bucketRef)
        .rule(List.of(S3BucketLifecycleConfigurationRule.builder()
            .id("expire-noncurrent-versions")
            .status("Enabled")
            .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
            .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                .noncurrentDays(props.noncurrentVersionExpiryDays()).build())
            .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                .daysAfterInitiation(ABORT_INCOMPLETE_UPLOAD_DAYS).build())
            .build()))
        .dependsOn(List.of(versioning))
        .build();
    this.lockTable = props.lockTableName() == null ? null
        : DynamodbTable.Builder.create(this, "LockTable")
            .name(props.lockTableName())
            .billingMode("PAY_PER_REQUEST")
            .hashKey("LockID")
            .attribute(List.of(DynamodbTableAttribute.builder().name("LockID").type("S").build()))
            .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
            .serverSideEncryption(DynamodbTableServerSideEncryption.builder().enabled(true).build())
            .deletionProtectionEnabled(props.preventDestroy())
            .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build())
            .build();
  }

  /**
   * Creates a state bucket with every default.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param bucketName the bucket name
   */
  public StateBucket(Construct scope, String id, String bucketName) {
    this(scope, id, StateBucketProps.of(bucketName));
  }

  /**
   * The props this bucket was built from.
   *
   * @return the validated props
   */
  public StateBucketProps getProps() {
    return props;
  }

  /**
   * The underlying bucket, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_s3_bucket} resource
   */
  public S3Bucket getBucket() {
    return bucket;
  }

  /**
   * The bucket name (a plain string, known at synth), for the stacks' S3 backend {@code bucket}.
   *
   * @return the bucket name
   */
  public String getBucketName() {
    return props.bucketName();
  }

  /**
   * The bucket ARN, {@code arn:<partition>:s3:::NAME}, in the partition of the provider's region; a token until
   * apply.
   *
   * @return the bucket ARN
   */
  public String getBucketArn() {
    return bucket.getArn();
  }

  /**
   * The Terraform address of the bucket resource in the synthesized JSON, {@code aws_s3_bucket.<logical id>}, for
   * hints such as {@code terraform import <address> <bucket name>} when the bucket already exists.
   *
   * @return the Terraform resource address
   */
  public String getBucketResourceAddress() {
    return S3Bucket.TF_RESOURCE_TYPE + "." + bucket.getFriendlyUniqueId();
  }

  /**
   * The DynamoDB lock table, or {@code null} when {@link StateBucketProps#lockTableName()} is not set (stacks then
   * lock with S3-native lock files).
   *
   * @return the {@code aws_dynamodb_table} resource, or {@code null}
   */
  public DynamodbTable getLockTable() {
    return lockTable;
  }

  /**
   * The lock table name (a plain string), or {@code null} when there is no lock table.
   *
   * @return the lock table name, or {@code null}
   */
  public String getLockTableName() {
    return props.lockTableName();
  }

  /**
   * The versioning configuration (always {@code Enabled}).
   *
   * @return the {@code aws_s3_bucket_versioning} resource
   */
  public S3BucketVersioningA getVersioning() {
    return versioning;
  }

  /**
   * The default server-side encryption configuration (SSE-S3, or SSE-KMS with a bucket key).
   *
   * @return the {@code aws_s3_bucket_server_side_encryption_configuration} resource
   */
  public S3BucketServerSideEncryptionConfigurationA getEncryption() {
    return encryption;
  }

  /**
   * The public access block (all four settings on).
   *
   * @return the {@code aws_s3_bucket_public_access_block} resource
   */
  public S3BucketPublicAccessBlock getPublicAccessBlock() {
    return publicAccessBlock;
  }

  /**
   * The object ownership controls ({@code BucketOwnerEnforced}: ACLs disabled).
   *
   * @return the {@code aws_s3_bucket_ownership_controls} resource
   */
  public S3BucketOwnershipControls getOwnershipControls() {
    return ownershipControls;
  }

  /**
   * The bucket policy that denies requests not sent over TLS.
   *
   * @return the {@code aws_s3_bucket_policy} resource
   */
  public S3BucketPolicy getPolicy() {
    return policy;
  }

  /**
   * The lifecycle configuration that expires noncurrent versions and aborts incomplete multipart uploads.
   *
   * @return the {@code aws_s3_bucket_lifecycle_configuration} resource
   */
  public S3BucketLifecycleConfiguration getLifecycle() {
    return lifecycle;
  }
}
