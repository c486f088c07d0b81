package com.acme.platform.constructs.s3;

import com.acme.platform.constructs.core.StackLookup;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * The S3 bucket an environment's load balancers write their access logs to (checkov CKV_AWS_91 asks for access
 * logs). {@link com.acme.platform.constructs.alb.PlatformLoadBalancer}s of the same stack log to it by default once
 * it exists ({@link #find(Construct)}); create it before them.
 *
 * <p>The bucket has everything {@link BucketBaseline} gives every bucket (versioning, a public access block, ACLs
 * disabled, a policy that refuses requests without TLS) and:
 * <ul>
 *   <li>default encryption SSE-S3 ({@code AES256}): the only server-side encryption Elastic Load Balancing can
 *       write with, so a KMS key (checkov CKV_AWS_145) is not possible here;</li>
 *   <li>a bucket policy statement that lets the region's log delivery write {@code s3:PutObject} under
 *       {@code <prefix>/AWSLogs/<accountId>/} only: the region's Elastic Load Balancing account for regions opened
 *       before August 2022, the {@code logdelivery.elasticloadbalancing.amazonaws.com} service principal for
 *       newer ones;</li>
 *   <li>a lifecycle rule that deletes logs after {@link AccessLogBucketProps#expirationDays()}, removes noncurrent
 *       versions a day later and aborts incomplete multipart uploads after 7 days (checkov CKV2_AWS_61,
 *       CKV_AWS_300).</li>
 * </ul>
 *
 * <p>Creates {@code aws_s3_bucket}, {@code aws_s3_bucket_versioning},
 * {@code aws_s3_bucket_server_side_encryption_configuration}, {@code aws_s3_bucket_public_access_block},
 * {@code aws_s3_bucket_ownership_controls}, {@code aws_s3_bucket_policy} and
 * {@code aws_s3_bucket_lifecycle_configuration}. See
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html">Enable
 * access logs for your Application Load Balancer</a>.
 */
public final class AccessLogBucket extends Construct {
  /** Days after which the lifecycle rule aborts an incomplete multipart upload. */
  static final int ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

  private final AccessLogBucketProps props;
  private final S3Bucket bucket;
  private final S3BucketPolicy policy;
  private final S3BucketLifecycleConfiguration lifecycle;

  /**
   * Creates the bucket and its configuration.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the bucket's properties
   */
  public AccessLogBucket(Construct scope, String id, AccessLogBucketProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    this.bucket = S3Bucket.Builder.create(this, "Resource")
        .bucket(props.bucketName())
        .forceDestroy(props.forceDestroy())
        .build();
    String bucketRef = bucket.getId();
    String bucketArn = bucket.getArn();
    var versioning = BucketBaseline.versioning(this, bucketRef);
    BucketBaseline.encryption(this, bucketRef, null);
    var publicAccessBlock = BucketBaseline.blockPublicAccess(this, bucketRef);
    BucketBaseline.enforceBucketOwner(this, bucketRef);
    // S3 evaluates a new bucket policy against the public access block, so the block goes first.
    this.policy = S3BucketPolicy.Builder.create(this, "Policy")
        .bucket(bucketRef)
        .policy(BucketBaseline.policy(List.of(BucketBaseline.denyInsecureTransport(bucketArn),
            logDelivery(bucketArn, props))))
        .dependsOn(List.of(publicAccessBlock))
        .build();
    this.lifecycle = S3BucketLifecycleConfiguration.Builder.create(this, "Lifecycle")
        .bucket(bucketRef)
        .rule(List.of(S3BucketLifecycleConfigurationRule.builder()
            .id("expire-access-logs")
            .status("Enabled")
            .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
            .expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                .days(props.expirationDays()).build())
            .noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                .noncurrentDays(1).build())
            .abortIncompleteMultipartUpload(S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                .daysAfterInitiation(ABORT_INCOMPLETE_UPLOAD_DAYS).build())
            .build()))
        .dependsOn(List.of(versioning))
        .build();
    StackLookup.register(this);
  }

  /** Log delivery may put objects under any prefix's {@code AWSLogs/<accountId>/}, and do nothing else. */
  private static Map<String, Object> logDelivery(String bucketArn, AccessLogBucketProps props) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", "ElbLogDelivery");
    statement.put("Effect", "Allow");
    statement.put("Principal", ElbLogDelivery.principal(props.awsRegion()));
    statement.put("Action", "s3:PutObject");
    statement.put("Resource", bucketArn + "/*/AWSLogs/" + props.accountId() + "/*");
    return statement;
  }

  /**
   * The access log bucket of the stack that {@code scope} belongs to.
   *
   * @param scope any construct of the stack
   * @return the bucket, or {@code null} when the stack has none (yet)
   * @throws IllegalStateException when the stack has more than one
   */
  public static AccessLogBucket find(Construct scope) {
    return StackLookup.find(scope, AccessLogBucket.class);
  }

  /**
   * The props this bucket was built from.
   *
   * @return the props
   */
  public AccessLogBucketProps getProps() {
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
   * The bucket name (a plain string, known at synth), for a load balancer's {@code access_logs.bucket}.
   *
   * @return the bucket name
   */
  public String getBucketName() {
    return props.bucketName();
  }

  /**
   * The bucket policy: TLS only, and log delivery for the region. A load balancer that logs here must be created
   * after it, because Elastic Load Balancing checks that it may write when access logs are turned on.
   *
   * @return the {@code aws_s3_bucket_policy} resource
   */
  public S3BucketPolicy getPolicy() {
    return policy;
  }

  /**
   * The lifecycle configuration that deletes old logs.
   *
   * @return the {@code aws_s3_bucket_lifecycle_configuration} resource
   */
  public S3BucketLifecycleConfiguration getLifecycle() {
    return lifecycle;
  }
}
