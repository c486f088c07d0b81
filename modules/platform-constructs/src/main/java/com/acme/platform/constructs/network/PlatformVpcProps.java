package com.acme.platform.constructs.network;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.Ipv4Cidr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Properties for {@link PlatformVpc}.
 *
 * <p>All values must be plain strings and numbers known at synth time: the subnet layout is computed from them.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class PlatformVpcProps {

  /** Lowercase letters, digits and '-', 1-32 characters. */
  static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
  /** Availability zone names such as eu-west-1a or us-gov-west-1b. */
  static final Pattern AVAILABILITY_ZONE = AwsPatterns.AVAILABILITY_ZONE;
  static final int MIN_ZONES = 2;
  static final int MAX_ZONES = 6;
  static final int MIN_VPC_PREFIX = 16;
  static final int MAX_VPC_PREFIX = 24;
  static final int MAX_SUBNET_PREFIX = 28;

  private final String name;
  private final String cidrBlock;
  private final List<String> availabilityZones;
  private final Integer subnetNewBits;
  private final NatGateways natGateways;
  private final Boolean flowLogs;
  private final Integer flowLogRetentionDays;
  private final String flowLogKmsKeyArn;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private PlatformVpcProps(Builder builder) {
    String name = builder.name;
    String cidrBlock = builder.cidrBlock;
    List<String> availabilityZones = builder.availabilityZones;
    Integer subnetNewBits = builder.subnetNewBits;
    NatGateways natGateways = builder.natGateways;
    Boolean flowLogs = builder.flowLogs != null ? builder.flowLogs : true;
    Integer flowLogRetentionDays = builder.flowLogRetentionDays;
    String flowLogKmsKeyArn = builder.flowLogKmsKeyArn;
    subnetNewBits = subnetNewBits != null ? subnetNewBits : 4;
    natGateways = natGateways != null ? natGateways : NatGateways.SINGLE;
    List<String> zones = availabilityZones != null ? new ArrayList<>(availabilityZones) : null;

    Checks checks = Checks.of("PlatformVpcProps");
    if (checks.required("name", name)) {
      checks.matches("name", name, NAME, "1 to 32 lowercase letters, digits or '-'");
    }

    Ipv4Cidr cidr = null;
    if (checks.required("cidrBlock", cidrBlock)) {
      cidr = Ipv4Cidr.parse(cidrBlock);
      if (cidr == null) {
        checks.check(false, "cidrBlock", "must be an IPv4 CIDR block such as \"10.0.0.0/16\", got "
            + Checks.quote(cidrBlock));
      } else {
        checks.check(cidr.prefixLength() >= MIN_VPC_PREFIX && cidr.prefixLength() <= MAX_VPC_PREFIX, "cidrBlock",
            "must have a prefix length between /" + MIN_VPC_PREFIX + " and /" + MAX_VPC_PREFIX + ", got "
                + Checks.quote(cidrBlock));
        checks.check(cidr.isNetworkAddress(), "cidrBlock", "must be the network address of its range (host bits"
            + " zero), for example " + Checks.quote(cidr.network()) + ", got " + Checks.quote(cidrBlock));
      }
    }

    boolean zonesOk = false;
    if (checks.required("availabilityZones", zones)) {
      zonesOk = zones.size() >= MIN_ZONES && zones.size() <= MAX_ZONES;
      checks.check(zonesOk, "availabilityZones", "must have between " + MIN_ZONES + " and " + MAX_ZONES
          + " entries, got " + zones.size() + " " + zones);
      Set<String> seen = new TreeSet<>();
      Set<String> duplicates = new LinkedHashSet<>();
      Set<String> regions = new TreeSet<>();
      for (int i = 0; i < zones.size(); i++) {
        String zone = zones.get(i);
        String field = "availabilityZones[" + i + "]";
        if (!checks.required(field, zone)) {
          zonesOk = false;
          continue;
        }
        if (!AVAILABILITY_ZONE.matcher(zone).matches()) {
          checks.matches(field, zone, AVAILABILITY_ZONE, "an availability zone name such as \"eu-west-1a\"");
          zonesOk = false;
          continue;
        }
        if (!seen.add(zone)) {
          duplicates.add(zone);
        }
        regions.add(zone.substring(0, zone.length() - 1));
      }
      if (!duplicates.isEmpty()) {
        zonesOk = false;
        checks.check(false, "availabilityZones", "must be distinct, got " + duplicates.stream()
            .map(Checks::quote).toList() + " more than once in " + zones);
      }
      if (regions.size() > 1) {
        zonesOk = false;
        checks.check(false, "availabilityZones", "must all be in one region, got zones of " + regions);
      }
    }

    checks.between("subnetNewBits", subnetNewBits, 1, MAX_SUBNET_PREFIX - MIN_VPC_PREFIX);
    boolean newBitsOk = subnetNewBits >= 1 && subnetNewBits <= MAX_SUBNET_PREFIX - MIN_VPC_PREFIX;
    if (newBitsOk && cidr != null) {
      int subnetPrefix = cidr.prefixLength() + subnetNewBits;
      checks.check(subnetPrefix <= MAX_SUBNET_PREFIX, "subnetNewBits", "must keep subnets at /" + MAX_SUBNET_PREFIX
          + " or larger: /" + cidr.prefixLength() + " + " + subnetNewBits + " = /" + subnetPrefix + ", got "
          + subnetNewBits);
    }
    if (newBitsOk && zonesOk) {
      int blocks = 1 << subnetNewBits;
      int needed = 2 * zones.size();
      checks.check(blocks >= needed, "subnetNewBits", "must cut the VPC into at least " + needed + " blocks (a"
          + " public and a private subnet for each of " + zones.size() + " zones) so that subnets do not overlap,"
          + " but 2^" + subnetNewBits + " = " + blocks + ", got " + subnetNewBits);
    }
    // The flow log's own props check its values; here they are checked before anything is built.
    if (flowLogs) {
      flowLogProblems(name, flowLogRetentionDays, flowLogKmsKeyArn).forEach(p -> checks.check(false, p.field(),
          p.message()));
    } else {
      checks.check(flowLogRetentionDays == null && flowLogKmsKeyArn == null, "flowLogs",
          "is false, so flowLogRetentionDays and flowLogKmsKeyArn have nothing to configure; remove them");
    }
    checks.throwIfAny();
    availabilityZones = List.copyOf(zones);
    this.name = name;
    this.cidrBlock = cidrBlock;
    this.availabilityZones = availabilityZones;
    this.subnetNewBits = subnetNewBits;
    this.natGateways = natGateways;
    this.flowLogs = flowLogs;
    this.flowLogRetentionDays = flowLogRetentionDays;
    this.flowLogKmsKeyArn = flowLogKmsKeyArn;
  }

  /** The problems {@link VpcFlowLogProps} would report, under this props' field names. */
  private static List<com.acme.platform.constructs.core.Problem> flowLogProblems(String name, Integer retentionDays,
      String kmsKeyArn) {
    try {
      VpcFlowLogProps.builder().name(name != null && NAME.matcher(name).matches() ? name : "vpc").vpcId("vpc")
          .retentionDays(retentionDays).kmsKeyArn(kmsKeyArn).build();
      return List.of();
    } catch (com.acme.platform.constructs.core.InvalidPropsException e) {
      return e.getProblems().stream().map(p -> new com.acme.platform.constructs.core.Problem(
          p.field().equals("retentionDays") ? "flowLogRetentionDays" : "flowLogKmsKeyArn", p.message())).toList();
    }
  }

  /**
   * {@return the name used in the {@code Name} tag of every resource, for example {@code platform}} Required. 1-32
   * characters: lowercase letters, digits and {@code -}.
   */
  public String name() {
    return name;
  }

  /**
   * {@return the VPC's IPv4 CIDR block, for example {@code 10.0.0.0/16}} Required. The prefix length must be between
   * /16 and /24 and the address must be the network address of the range ({@code 10.0.0.0/16}, not
   * {@code 10.0.0.1/16}). See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html">VPC
   * CIDR blocks</a>.
   */
  public String cidrBlock() {
    return cidrBlock;
  }

  /**
   * {@return the availability zones to put one public and one private subnet in, for example {@code [eu-west-1a,
   * eu-west-1b]}} Required. 2 to 6 distinct zone names of one region. They come from configuration, never from a data
   * source, so that stacks plan offline.
   */
  public List<String> availabilityZones() {
    return availabilityZones;
  }

  /**
   * {@return how many bits each subnet adds to the VPC prefix: the VPC range is cut into {@code 2^subnetNewBits}
   * equal blocks, and each subnet is one block of prefix {@code cidr prefix + subnetNewBits}} Subnets must stay /28
   * or larger, and the blocks must hold a public and a private subnet per zone. Default: {@code 4} (sixteen blocks;
   * /20 subnets in a /16 VPC).
   */
  public Integer subnetNewBits() {
    return subnetNewBits;
  }

  /**
   * {@return how many NAT gateways give the private subnets internet egress} Default: {@link NatGateways#SINGLE}, one
   * NAT gateway shared by all zones.
   */
  public NatGateways natGateways() {
    return natGateways;
  }

  /**
   * {@return whether the VPC gets flow logs to CloudWatch Logs ({@link VpcFlowLog}, checkov CKV2_AWS_11)} Default:
   * {@code true}. Turn them off only where something else records the VPC's traffic, for example an
   * organization-wide flow log.
   */
  public Boolean flowLogs() {
    return flowLogs;
  }

  /**
   * {@return days CloudWatch Logs keeps the flow records} Default: {@link VpcFlowLogProps#retentionDays()}'s,
   * a year.
   */
  public Integer flowLogRetentionDays() {
    return flowLogRetentionDays;
  }

  /**
   * {@return the ARN of the KMS key that encrypts the flow log group (a key ARN: CloudWatch Logs refuses an alias)}
   * Default: {@link VpcFlowLogProps#kmsKeyArn()}'s, the
   * stack's {@link com.acme.platform.constructs.kms.EnvironmentKey}.
   */
  public String flowLogKmsKeyArn() {
    return flowLogKmsKeyArn;
  }

  /**
   * Props with the required values and every default.
   *
   * @param name the name used in {@code Name} tags
   * @param cidrBlock the VPC's IPv4 CIDR block
   * @param availabilityZones the availability zones
   * @return the props
   */
  public static PlatformVpcProps of(String name, String cidrBlock, List<String> availabilityZones) {
    return builder().name(name).cidrBlock(cidrBlock).availabilityZones(availabilityZones).build();
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
        .name(name)
        .cidrBlock(cidrBlock)
        .availabilityZones(availabilityZones)
        .subnetNewBits(subnetNewBits)
        .natGateways(natGateways)
        .flowLogs(flowLogs)
        .flowLogRetentionDays(flowLogRetentionDays)
        .flowLogKmsKeyArn(flowLogKmsKeyArn);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code PlatformVpcProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PlatformVpcProps other
        && Objects.equals(name, other.name)
        && Objects.equals(cidrBlock, other.cidrBlock)
        && Objects.equals(availabilityZones, other.availabilityZones)
        && Objects.equals(subnetNewBits, other.subnetNewBits)
        && Objects.equals(natGateways, other.natGateways)
        && Objects.equals(flowLogs, other.flowLogs)
        && Objects.equals(flowLogRetentionDays, other.flowLogRetentionDays)
        && Objects.equals(flowLogKmsKeyArn, other.flowLogKmsKeyArn);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(name, cidrBlock, availabilityZones, subnetNewBits, natGateways, flowLogs,
        flowLogRetentionDays, flowLogKmsKeyArn);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code PlatformVpcProps[name=..., ...]}
   */
  @Override
  public String toString() {
    return "PlatformVpcProps[name=" + name + ", cidrBlock=" + cidrBlock + ", availabilityZones=" + availabilityZones
        + ", subnetNewBits=" + subnetNewBits + ", natGateways=" + natGateways + ", flowLogs=" + flowLogs
        + ", flowLogRetentionDays=" + flowLogRetentionDays + ", flowLogKmsKeyArn=" + flowLogKmsKeyArn + "]";
  }

  /** Builder for {@link PlatformVpcProps}. */
  public static final class Builder {
    private String name;
    private String cidrBlock;
    private List<String> availabilityZones;
    private Integer subnetNewBits;
    private NatGateways natGateways;
    private Boolean flowLogs;
    private Integer flowLogRetentionDays;
    private String flowLogKmsKeyArn;

    private Builder() {}

    /**
     * Sets {@link PlatformVpcProps#name()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder name(String v) { this.name = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#cidrBlock()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder cidrBlock(String v) { this.cidrBlock = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#availabilityZones()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder availabilityZones(List<String> v) { this.availabilityZones = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#subnetNewBits()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder subnetNewBits(Integer v) { this.subnetNewBits = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#natGateways()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder natGateways(NatGateways v) { this.natGateways = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#flowLogs()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder flowLogs(Boolean v) { this.flowLogs = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#flowLogRetentionDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder flowLogRetentionDays(Integer v) { this.flowLogRetentionDays = v; return this; }
    /**
     * Sets {@link PlatformVpcProps#flowLogKmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder flowLogKmsKeyArn(String v) { this.flowLogKmsKeyArn = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public PlatformVpcProps build() {
      return new PlatformVpcProps(this);
    }
  }
}
