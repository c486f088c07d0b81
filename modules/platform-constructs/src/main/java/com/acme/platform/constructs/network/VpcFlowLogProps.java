package com.acme.platform.constructs.network;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.LogRetention;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Properties for {@link VpcFlowLog}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class VpcFlowLogProps {
  /** Names used in the log group name and the role's name prefix. */
  static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
  /** The traffic a flow log can capture. */
  static final List<String> TRAFFIC_TYPES = List.of("ACCEPT", "ALL", "REJECT");

  private final String name;
  private final String vpcId;
  private final Integer retentionDays;
  private final String kmsKeyArn;
  private final String trafficType;

  private VpcFlowLogProps(Builder builder) {
    String name = builder.name;
    String vpcId = builder.vpcId;
    Integer retentionDays = builder.retentionDays != null ? builder.retentionDays : 365;
    String kmsKeyArn = builder.kmsKeyArn;
    String trafficType = builder.trafficType != null ? builder.trafficType : "ALL";
    Checks checks = Checks.of("VpcFlowLogProps");
    if (checks.required("name", name)) {
      checks.matches("name", name, NAME, "1 to 32 lowercase letters, digits or '-'");
    }
    checks.required("vpcId", vpcId);
    LogRetention.check(checks, "retentionDays", retentionDays);
    checks.kmsKeyArn("kmsKeyArn", kmsKeyArn);
    checks.oneOf("trafficType", trafficType, TRAFFIC_TYPES);
    checks.throwIfAny();
    this.name = name;
    this.vpcId = vpcId;
    this.retentionDays = retentionDays;
    this.kmsKeyArn = kmsKeyArn;
    this.trafficType = trafficType;
  }

  /**
   * {@return the name in the log group {@code /vpc/<name>/flow-logs} and the role's name prefix, for example the
   * VPC's name} Required. 1-32 lowercase letters, digits and {@code -}.
   */
  public String name() {
    return name;
  }

  /**
   * {@return the VPC whose traffic is logged, for example {@code vpc.getVpcId()}} Required.
   */
  public String vpcId() {
    return vpcId;
  }

  /**
   * {@return days CloudWatch Logs keeps the flow records, one of the periods it accepts} Default: {@code 365}, a
   * year (checkov CKV_AWS_338 asks for at least a year, CKV_AWS_66 for any).
   */
  public Integer retentionDays() {
    return retentionDays;
  }

  /**
   * {@return the ARN of the KMS key that encrypts the log group (checkov CKV_AWS_158)} A key ARN: CloudWatch Logs
   * refuses an alias ARN. Default: the stack's
   * {@link com.acme.platform.constructs.kms.EnvironmentKey} when it has one, otherwise none (CloudWatch Logs then
   * encrypts with a key it owns).
   */
  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /**
   * {@return which traffic is recorded: {@code ACCEPT}, {@code REJECT} or {@code ALL}} Default: {@code ALL}.
   */
  public String trafficType() {
    return trafficType;
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
    return builder().name(name).vpcId(vpcId).retentionDays(retentionDays).kmsKeyArn(kmsKeyArn)
        .trafficType(trafficType);
  }

  /**
   * Value equality over every property.
   *
   * @param o the object to compare with
   * @return whether {@code o} has equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof VpcFlowLogProps other && toString().equals(other.toString());
  }

  /**
   * A hash code over every property.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(name, vpcId, retentionDays, kmsKeyArn, trafficType);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "VpcFlowLogProps[name=" + name + ", vpcId=" + vpcId + ", retentionDays=" + retentionDays
        + ", kmsKeyArn=" + kmsKeyArn + ", trafficType=" + trafficType + "]";
  }

  /** Builder for {@link VpcFlowLogProps}. */
  public static final class Builder {
    private String name;
    private String vpcId;
    private Integer retentionDays;
    private String kmsKeyArn;
    private String trafficType;

    private Builder() {}

    /**
     * Sets {@link VpcFlowLogProps#name()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder name(String v) { this.name = v; return this; }
    /**
     * Sets {@link VpcFlowLogProps#vpcId()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder vpcId(String v) { this.vpcId = v; return this; }
    /**
     * Sets {@link VpcFlowLogProps#retentionDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder retentionDays(Integer v) { this.retentionDays = v; return this; }
    /**
     * Sets {@link VpcFlowLogProps#kmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder kmsKeyArn(String v) { this.kmsKeyArn = v; return this; }
    /**
     * Sets {@link VpcFlowLogProps#trafficType()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder trafficType(String v) { this.trafficType = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public VpcFlowLogProps build() {
      return new VpcFlowLogProps(this);
    }
  }
}
