package com.acme.platform.constructs.state;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link RemoteState}: where and how a stack keeps its Terraform state in S3.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class RemoteStateProps {

  /** S3 bucket names for general purpose buckets (the full rules are checked by {@code StateBucketProps}). */
  static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  static final Pattern REGION = AwsPatterns.REGION;
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9!_.*'()/-]+");
  static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
  static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private final String bucket;
  private final String region;
  private final String key;
  private final Boolean encrypt;
  private final Boolean useLockfile;
  private final String dynamodbTable;
  private final String kmsKeyId;
  private final String roleArn;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private RemoteStateProps(Builder builder) {
    String bucket = builder.bucket;
    String region = builder.region;
    String key = builder.key;
    Boolean encrypt = builder.encrypt;
    Boolean useLockfile = builder.useLockfile;
    String dynamodbTable = builder.dynamodbTable;
    String kmsKeyId = builder.kmsKeyId;
    String roleArn = builder.roleArn;
    encrypt = encrypt != null ? encrypt : true;
    useLockfile = useLockfile != null ? useLockfile : true;
    Checks checks = Checks.of("RemoteStateProps");
    if (checks.required("bucket", bucket)) {
      checks.matches("bucket", bucket, BUCKET, "3-63 lowercase letters, digits, '.' or '-', starting and ending"
          + " with a letter or digit");
    }
    if (checks.required("region", region)) {
      checks.matches("region", region, REGION, "an AWS region such as eu-west-1");
    }
    if (checks.required("key", key)) {
      checks.matches("key", key, KEY, "an S3 object key of letters, digits and !_.*'()/-");
      checks.check(Checks.isToken(key) || !key.startsWith("/") && !key.endsWith("/"), "key",
          "must not start or end with '/', got " + Checks.quote(key));
    }
    checks.matches("dynamodbTable", dynamodbTable, TABLE, "a DynamoDB table name (3-255 letters, digits, '_', '.', '-')");
    checks.kmsKeyOrAliasArn("kmsKeyId", kmsKeyId);
    checks.matches("roleArn", roleArn, ROLE_ARN, "an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
    checks.check(useLockfile || dynamodbTable != null, "useLockfile",
        "must be true when no dynamodbTable is set: state without a lock can be corrupted by two concurrent runs");
    checks.throwIfAny();
    this.bucket = bucket;
    this.region = region;
    this.key = key;
    this.encrypt = encrypt;
    this.useLockfile = useLockfile;
    this.dynamodbTable = dynamodbTable;
    this.kmsKeyId = kmsKeyId;
    this.roleArn = roleArn;
  }

  /**
   * {@return the state bucket, for example {@code acme-tfstate-111111111111-eu-west-1}} Required. It must exist
   * before {@code terraform init}; the bootstrap app creates it.
   */
  public String bucket() {
    return bucket;
  }

  /**
   * {@return the bucket's region} Required.
   */
  public String region() {
    return region;
  }

  /**
   * {@return the object key of this stack's state} Required; {@link StateKeyLayout#key} gives the documented layout.
   */
  public String key() {
    return key;
  }

  /**
   * {@return whether state objects are written with server-side encryption} Default: {@code true}.
   */
  public Boolean encrypt() {
    return encrypt;
  }

  /**
   * {@return whether Terraform locks the state with an S3 lock file next to it (S3-native locking, Terraform 1.10 and
   * later)} Default: {@code true}.
   */
  public Boolean useLockfile() {
    return useLockfile;
  }

  /**
   * {@return a DynamoDB table for state locking, for teams still on Terraform older than 1.10 or migrating from table
   * locking} Default: no table; the lock file alone locks.
   */
  public String dynamodbTable() {
    return dynamodbTable;
  }

  /**
   * {@return a KMS key or alias ARN to encrypt state objects with} Default: the bucket's default encryption.
   */
  public String kmsKeyId() {
    return kmsKeyId;
  }

  /**
   * {@return an IAM role Terraform assumes to reach the state} Default: the caller's own credentials.
   */
  public String roleArn() {
    return roleArn;
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
        .bucket(bucket)
        .region(region)
        .key(key)
        .encrypt(encrypt)
        .useLockfile(useLockfile)
        .dynamodbTable(dynamodbTable)
        .kmsKeyId(kmsKeyId)
        .roleArn(roleArn);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code RemoteStateProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RemoteStateProps other
        && Objects.equals(bucket, other.bucket)
        && Objects.equals(region, other.region)
        && Objects.equals(key, other.key)
        && Objects.equals(encrypt, other.encrypt)
        && Objects.equals(useLockfile, other.useLockfile)
        && Objects.equals(dynamodbTable, other.dynamodbTable)
        && Objects.equals(kmsKeyId, other.kmsKeyId)
        && Objects.equals(roleArn, other.roleArn);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(bucket, region, key, encrypt, useLockfile, dynamodbTable, kmsKeyId, roleArn);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code RemoteStateProps[bucket=..., ...]}
   */
  @Override
  public String toString() {
    return "RemoteStateProps[bucket=" + bucket + ", region=" + region + ", key=" + key + ", encrypt=" + encrypt
        + ", useLockfile=" + useLockfile + ", dynamodbTable=" + dynamodbTable + ", kmsKeyId=" + kmsKeyId
        + ", roleArn=" + roleArn + "]";
  }

  /** Builder for {@link RemoteStateProps}. */
  public static final class Builder {
    private String bucket;
    private String region;
    private String key;
    private Boolean encrypt;
    private Boolean useLockfile;
    private String dynamodbTable;
    private String kmsKeyId;
    private String roleArn;

    private Builder() {}

    /**
     * Sets {@link RemoteStateProps#bucket()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder bucket(String v) { this.bucket = v; return this; }
    /**
     * Sets {@link RemoteStateProps#region()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder region(String v) { this.region = v; return this; }
    /**
     * Sets {@link RemoteStateProps#key()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder key(String v) { this.key = v; return this; }
    /**
     * Sets {@link RemoteStateProps#encrypt()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder encrypt(Boolean v) { this.encrypt = v; return this; }
    /**
     * Sets {@link RemoteStateProps#useLockfile()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder useLockfile(Boolean v) { this.useLockfile = v; return this; }
    /**
     * Sets {@link RemoteStateProps#dynamodbTable()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder dynamodbTable(String v) { this.dynamodbTable = v; return this; }
    /**
     * Sets {@link RemoteStateProps#kmsKeyId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsKeyId(String v) { this.kmsKeyId = v; return this; }
    /**
     * Sets {@link RemoteStateProps#roleArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder roleArn(String v) { this.roleArn = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public RemoteStateProps build() {
      return new RemoteStateProps(this);
    }
  }
}
