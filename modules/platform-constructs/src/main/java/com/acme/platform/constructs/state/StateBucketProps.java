package com.acme.platform.constructs.state;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.s3.BucketBaseline;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link StateBucket}.
 *
 * <p>Versioning and encryption have no props: a state bucket without them is never emitted.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class StateBucketProps {

  /** DynamoDB table names. */
  static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private final String bucketName;
  private final String kmsKeyArn;
  private final Integer noncurrentVersionExpiryDays;
  private final String lockTableName;
  private final Boolean preventDestroy;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private StateBucketProps(Builder builder) {
    String bucketName = builder.bucketName;
    String kmsKeyArn = builder.kmsKeyArn;
    Integer noncurrentVersionExpiryDays = builder.noncurrentVersionExpiryDays;
    String lockTableName = builder.lockTableName;
    Boolean preventDestroy = builder.preventDestroy;
    noncurrentVersionExpiryDays = noncurrentVersionExpiryDays != null ? noncurrentVersionExpiryDays : 90;
    preventDestroy = preventDestroy != null ? preventDestroy : true;
    Checks checks = Checks.of("StateBucketProps");
    if (checks.required("bucketName", bucketName)) {
      checkBucketName(checks, bucketName);
    }
    checks.kmsKeyOrAliasArn("kmsKeyArn", kmsKeyArn);
    checks.between("noncurrentVersionExpiryDays", noncurrentVersionExpiryDays, 1, 3650);
    checks.matches("lockTableName", lockTableName, TABLE_NAME,
        "3 to 255 characters: letters, digits, '_', '.' and '-'");
    checks.throwIfAny();
    this.bucketName = bucketName;
    this.kmsKeyArn = kmsKeyArn;
    this.noncurrentVersionExpiryDays = noncurrentVersionExpiryDays;
    this.lockTableName = lockTableName;
    this.preventDestroy = preventDestroy;
  }

  /**
   * {@return the name of the S3 bucket that holds Terraform state, for example {@code acme-terraform-state}}
   * Required, and a plain string (the S3 backend block cannot take a value known only at apply time). It follows the
   * S3 <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">general purpose bucket
   * naming rules</a>: 3-63 characters; only lowercase letters, digits, {@code .} and {@code -}; begins and ends with
   * a letter or digit; not formatted as an IP address; none of the reserved prefixes ({@code xn--}, {@code sthree-},
   * {@code amzn-s3-demo-}) or suffixes ({@code -s3alias}, {@code --ol-s3}, {@code .mrap}, {@code --x-s3}). On top of
   * those rules it must not contain {@code .}: Terraform's S3 backend reaches the bucket with virtual-hosted-style
   * HTTPS ({@code https://BUCKET.s3.REGION.amazonaws.com}), whose wildcard TLS certificate does not match a name with
   * dots. Use {@code -} instead.
   */
  public String bucketName() {
    return bucketName;
  }

  /**
   * {@return the KMS key that encrypts state objects (SSE-KMS, with an S3 Bucket Key to cut KMS requests)} Default:
   * SSE-S3 ({@code AES256}) with a key owned by Amazon S3. See
   * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html">Protecting data with
   * server-side encryption</a>.
   */
  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /**
   * {@return days after which a noncurrent object version expires: older versions of each state file, and the lock
   * files that Terraform's S3-native locking writes and deletes} 1-3650. Default: {@code 90}.
   */
  public Integer noncurrentVersionExpiryDays() {
    return noncurrentVersionExpiryDays;
  }

  /**
   * {@return the name of a DynamoDB table for Terraform's older DynamoDB state locking (hash key {@code LockID},
   * on-demand billing, point-in-time recovery, encryption, deletion protection), for example
   * {@code acme-terraform-locks}} 3-255 characters: letters, digits, {@code _ . -}. Default: no table; stacks lock
   * with S3-native lock files ({@code use_lockfile}).
   */
  public String lockTableName() {
    return lockTableName;
  }

  /**
   * {@return whether Terraform refuses to destroy the bucket ({@code lifecycle.prevent_destroy}) and the lock table
   * (also {@code deletion_protection_enabled})} Set {@code false} only for throwaway test accounts. To destroy a
   * state bucket on purpose: set {@code false}, {@code apply}, empty the bucket of every object version (the
   * construct never sets {@code force_destroy}), then {@code destroy}. Default: {@code true}.
   */
  public Boolean preventDestroy() {
    return preventDestroy;
  }

  private static void checkBucketName(Checks checks, String name) {
    if (Checks.isToken(name)) {
      checks.check(false, "bucketName", "must be a plain string known at synth time (the S3 backend block cannot"
          + " reference a resource), got a token");
      return;
    }
    BucketBaseline.checkBucketName(checks, "bucketName", name);
    checks.check(!name.contains("."), "bucketName",
        "must not contain '.': Terraform's S3 backend uses virtual-hosted-style HTTPS"
            + " (https://<bucket>.s3.<region>.amazonaws.com) and the wildcard TLS certificate does not match"
            + " a bucket name with dots; use '-' instead, got " + Checks.quote(name));
  }

  /**
   * Props with only the required bucket name and every default.
   *
   * @param bucketName the bucket name
   * @return the props
   */
  public static StateBucketProps of(String bucketName) {
    return builder().bucketName(bucketName).build();
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
   * A builder holding this object's values, defaults included, for a modified copy; this object is unchanged.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder()
        .bucketName(bucketName)
        .kmsKeyArn(kmsKeyArn)
        .noncurrentVersionExpiryDays(noncurrentVersionExpiryDays)
        .lockTableName(lockTableName)
        .preventDestroy(preventDestroy);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code StateBucketProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof StateBucketProps other
        && Objects.equals(bucketName, other.bucketName)
        && Objects.equals(kmsKeyArn, other.kmsKeyArn)
        && Objects.equals(noncurrentVersionExpiryDays, other.noncurrentVersionExpiryDays)
        && Objects.equals(lockTableName, other.lockTableName)
        && Objects.equals(preventDestroy, other.preventDestroy);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(bucketName, kmsKeyArn, noncurrentVersionExpiryDays, lockTableName, preventDestroy);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code StateBucketProps[bucketName=..., ...]}
   */
  @Override
  public String toString() {
    return "StateBucketProps[bucketName=" + bucketName + ", kmsKeyArn=" + kmsKeyArn
        + ", noncurrentVersionExpiryDays=" + noncurrentVersionExpiryDays + ", lockTableName=" + lockTableName
        + ", preventDestroy=" + preventDestroy + "]";
  }

  /** Builder for {@link StateBucketProps}. */
  public static final class Builder {
    private String bucketName;
    private String kmsKeyArn;
    private Integer noncurrentVersionExpiryDays;
    private String lockTableName;
    private Boolean preventDestroy;

    private Builder() {}

    /**
     * Sets {@link StateBucketProps#bucketName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder bucketName(String v) { this.bucketName = v; return this; }
    /**
     * Sets {@link StateBucketProps#kmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsKeyArn(String v) { this.kmsKeyArn = v; return this; }
    /**
     * Sets {@link StateBucketProps#noncurrentVersionExpiryDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder noncurrentVersionExpiryDays(Integer v) { this.noncurrentVersionExpiryDays = v; return this; }
    /**
     * Sets {@link StateBucketProps#lockTableName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder lockTableName(String v) { this.lockTableName = v; return this; }
    /**
     * Sets {@link StateBucketProps#preventDestroy()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder preventDestroy(Boolean v) { this.preventDestroy = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public StateBucketProps build() {
      return new StateBucketProps(this);
    }
  }
}
