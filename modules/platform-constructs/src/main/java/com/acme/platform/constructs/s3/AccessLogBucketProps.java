package com.acme.platform.constructs.s3;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.Objects;

/**
 * Properties for {@link AccessLogBucket}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class AccessLogBucketProps {
  private final String bucketName;
  private final String awsRegion;
  private final String accountId;
  private final Integer expirationDays;
  private final Boolean forceDestroy;

  private AccessLogBucketProps(Builder builder) {
    String bucketName = builder.bucketName;
    String awsRegion = builder.awsRegion;
    String accountId = builder.accountId;
    Integer expirationDays = builder.expirationDays != null ? builder.expirationDays : 90;
    Boolean forceDestroy = builder.forceDestroy != null ? builder.forceDestroy : false;
    Checks checks = Checks.of("AccessLogBucketProps");
    if (checks.required("bucketName", bucketName)) {
      BucketBaseline.checkBucketName(checks, "bucketName", bucketName);
    }
    if (checks.required("awsRegion", awsRegion)) {
      checks.matches("awsRegion", awsRegion, AwsPatterns.REGION, "an AWS region such as eu-west-1");
    }
    if (checks.required("accountId", accountId)) {
      checks.matches("accountId", accountId, AwsPatterns.ACCOUNT_ID, "12 digits");
    }
    checks.between("expirationDays", expirationDays, 1, 3650);
    checks.throwIfAny();
    this.bucketName = bucketName;
    this.awsRegion = awsRegion;
    this.accountId = accountId;
    this.expirationDays = expirationDays;
    this.forceDestroy = forceDestroy;
  }

  /**
   * {@return the bucket name, for example {@code orders-qa-lb-access-logs-111111111111}} Required. S3's naming rules
   * apply; names are global, so include the account id.
   */
  public String bucketName() {
    return bucketName;
  }

  /**
   * {@return the region of the bucket and of the load balancers that log to it} Required: a load balancer logs only
   * to a bucket of its own region, and the region decides who delivers the logs.
   */
  public String awsRegion() {
    return awsRegion;
  }

  /**
   * {@return the account that owns the load balancers} Required: the bucket policy lets Elastic Load Balancing
   * write only under {@code AWSLogs/<accountId>/}.
   */
  public String accountId() {
    return accountId;
  }

  /**
   * {@return days after which access logs are deleted, 1-3650} Default: {@code 90}.
   */
  public Integer expirationDays() {
    return expirationDays;
  }

  /**
   * {@return whether {@code terraform destroy} deletes the bucket with the logs in it} Default: {@code false}, a
   * destroy fails while the bucket holds logs. Set it while tearing an environment down.
   */
  public Boolean forceDestroy() {
    return forceDestroy;
  }

  /**
   * Props with the required values and every default.
   *
   * @param bucketName the bucket name
   * @param awsRegion the region
   * @param accountId the account of the load balancers
   * @return the props
   */
  public static AccessLogBucketProps of(String bucketName, String awsRegion, String accountId) {
    return builder().bucketName(bucketName).awsRegion(awsRegion).accountId(accountId).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this object's values, defaults included, for a modified copy.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder().bucketName(bucketName).awsRegion(awsRegion).accountId(accountId).expirationDays(expirationDays)
        .forceDestroy(forceDestroy);
  }

  /**
   * Value equality over every property.
   *
   * @param o the object to compare with
   * @return whether {@code o} has equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof AccessLogBucketProps other && toString().equals(other.toString());
  }

  /**
   * A hash code over every property.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(bucketName, awsRegion, accountId, expirationDays, forceDestroy);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "AccessLogBucketProps[bucketName=" + bucketName + ", awsRegion=" + awsRegion + ", accountId=" + accountId
        + ", expirationDays=" + expirationDays + ", forceDestroy=" + forceDestroy + "]";
  }

  /** Builder for {@link AccessLogBucketProps}. */
  public static final class Builder {
    private String bucketName;
    private String awsRegion;
    private String accountId;
    private Integer expirationDays;
    private Boolean forceDestroy;

    private Builder() {}

    /**
     * Sets {@link AccessLogBucketProps#bucketName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder bucketName(String v) { this.bucketName = v; return this; }
    /**
     * Sets {@link AccessLogBucketProps#awsRegion()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder awsRegion(String v) { this.awsRegion = v; return this; }
    /**
     * Sets {@link AccessLogBucketProps#accountId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder accountId(String v) { this.accountId = v; return this; }
    /**
     * Sets {@link AccessLogBucketProps#expirationDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder expirationDays(Integer v) { this.expirationDays = v; return this; }
    /**
     * Sets {@link AccessLogBucketProps#forceDestroy()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder forceDestroy(Boolean v) { this.forceDestroy = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public AccessLogBucketProps build() {
      return new AccessLogBucketProps(this);
    }
  }
}
