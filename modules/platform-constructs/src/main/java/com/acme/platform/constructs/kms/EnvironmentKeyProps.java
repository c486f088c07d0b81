package com.acme.platform.constructs.kms;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link EnvironmentKey}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class EnvironmentKeyProps {
  /** Alias names after {@code alias/}: letters, digits, '/', '_' and '-', not starting with {@code aws/}. */
  static final Pattern ALIAS_NAME = Pattern.compile("(?!aws/)[A-Za-z0-9/_-]{1,250}");

  private final String aliasName;
  private final String awsRegion;
  private final String accountId;
  private final Integer deletionWindowDays;

  private EnvironmentKeyProps(Builder builder) {
    String aliasName = builder.aliasName;
    String awsRegion = builder.awsRegion;
    String accountId = builder.accountId;
    Integer deletionWindowDays = builder.deletionWindowDays != null ? builder.deletionWindowDays : 30;
    Checks checks = Checks.of("EnvironmentKeyProps");
    if (checks.required("aliasName", aliasName)) {
      checks.matches("aliasName", aliasName, ALIAS_NAME,
          "1-250 letters, digits, '/', '_' or '-', not starting with \"aws/\" (the part after \"alias/\")");
    }
    if (checks.required("awsRegion", awsRegion)) {
      checks.matches("awsRegion", awsRegion, AwsPatterns.REGION, "an AWS region such as eu-west-1");
    }
    if (checks.required("accountId", accountId)) {
      checks.matches("accountId", accountId, AwsPatterns.ACCOUNT_ID, "12 digits");
    }
    checks.between("deletionWindowDays", deletionWindowDays, 7, 30);
    checks.throwIfAny();
    this.aliasName = aliasName;
    this.awsRegion = awsRegion;
    this.accountId = accountId;
    this.deletionWindowDays = deletionWindowDays;
  }

  /**
   * {@return the key's alias without {@code alias/}, for example {@code orders-qa-platform}} Required.
   */
  public String aliasName() {
    return aliasName;
  }

  /**
   * {@return the region of the key and of the CloudWatch Logs that may use it, for example {@code eu-west-1}}
   * Required: the key policy names the region's CloudWatch Logs service principal.
   */
  public String awsRegion() {
    return awsRegion;
  }

  /**
   * {@return the 12-digit account that owns the key} Required: the key policy lets this account's IAM policies
   * grant use of the key, and lets CloudWatch Logs use it for this account's log groups only.
   */
  public String accountId() {
    return accountId;
  }

  /**
   * {@return days between a scheduled deletion and the key's deletion, 7-30} Default: {@code 30}, the most KMS
   * allows, so that a key deleted by mistake can be restored for a month.
   */
  public Integer deletionWindowDays() {
    return deletionWindowDays;
  }

  /**
   * Props with the required values and every default.
   *
   * @param aliasName the alias without {@code alias/}
   * @param awsRegion the region
   * @param accountId the account
   * @return the props
   */
  public static EnvironmentKeyProps of(String aliasName, String awsRegion, String accountId) {
    return builder().aliasName(aliasName).awsRegion(awsRegion).accountId(accountId).build();
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
    return builder().aliasName(aliasName).awsRegion(awsRegion).accountId(accountId)
        .deletionWindowDays(deletionWindowDays);
  }

  /**
   * Value equality over every property.
   *
   * @param o the object to compare with
   * @return whether {@code o} has equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof EnvironmentKeyProps other && aliasName.equals(other.aliasName)
        && awsRegion.equals(other.awsRegion) && accountId.equals(other.accountId)
        && deletionWindowDays.equals(other.deletionWindowDays);
  }

  /**
   * A hash code over every property.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(aliasName, awsRegion, accountId, deletionWindowDays);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "EnvironmentKeyProps[aliasName=" + aliasName + ", awsRegion=" + awsRegion + ", accountId=" + accountId
        + ", deletionWindowDays=" + deletionWindowDays + "]";
  }

  /** Builder for {@link EnvironmentKeyProps}. */
  public static final class Builder {
    private String aliasName;
    private String awsRegion;
    private String accountId;
    private Integer deletionWindowDays;

    private Builder() {}

    /**
     * Sets {@link EnvironmentKeyProps#aliasName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder aliasName(String v) { this.aliasName = v; return this; }
    /**
     * Sets {@link EnvironmentKeyProps#awsRegion()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder awsRegion(String v) { this.awsRegion = v; return this; }
    /**
     * Sets {@link EnvironmentKeyProps#accountId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder accountId(String v) { this.accountId = v; return this; }
    /**
     * Sets {@link EnvironmentKeyProps#deletionWindowDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder deletionWindowDays(Integer v) { this.deletionWindowDays = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public EnvironmentKeyProps build() {
      return new EnvironmentKeyProps(this);
    }
  }
}
