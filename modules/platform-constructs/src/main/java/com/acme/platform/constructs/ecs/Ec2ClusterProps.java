package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.Partition;
import com.acme.platform.constructs.network.VpcRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Properties for {@link Ec2Cluster}.
 *
 * <p>Create with {@link #builder()}; derive a modified copy with {@link #toBuilder()}. Instances are immutable
 * values: two props with equal values are equal.
 */
public final class Ec2ClusterProps {

  /** The instance type used when {@link #instanceType()} is not given. */
  public static final String DEFAULT_INSTANCE_TYPE = "t3.medium";
  /** The default AMI parameter for x86_64 instance types: the recommended ECS-optimized Amazon Linux 2023 AMI. */
  public static final String DEFAULT_AMI_SSM_PARAMETER =
      "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
  /** The default AMI parameter for Graviton (arm64) instance types. */
  public static final String DEFAULT_ARM64_AMI_SSM_PARAMETER =
      "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";
  /**
   * Managed policy that lets the ECS agent register the instance and pull images (its path after {@code policy/};
   * the ARN's partition follows {@link #awsRegion()}). Always attached.
   */
  public static final String ECS_INSTANCE_POLICY = "service-role/AmazonEC2ContainerServiceforEC2Role";
  /** Managed policy for Systems Manager (Session Manager access, patching), by path. Always attached. */
  public static final String SSM_INSTANCE_POLICY = "AmazonSSMManagedInstanceCore";

  static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  /** Family (m5, t3a, c6g, m7i-flex, u-6tb1) '.' size (large, 2xlarge, metal, metal-24xl). */
  static final Pattern INSTANCE_TYPE = Pattern.compile(
      "[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.(?:nano|micro|small|medium|large|\\d*xlarge|metal(?:-\\d+xl)?)");
  /** Graviton families: a1, or a generation digit followed by 'g' (c6g, m7gd, t4g, c7gn, g5g, im4gn). */
  static final Pattern ARM64_INSTANCE_TYPE = Pattern.compile("(?:a1|[a-z]+\\d+g[a-z]*)\\..+");
  static final Pattern SSM_PARAMETER = Pattern.compile("/[A-Za-z0-9_.\\-/]+");
  static final Pattern POLICY_ARN = AwsPatterns.MANAGED_POLICY_ARN;
  static final String CAPACITY_PROVIDER_SUFFIX = "-ec2";
  static final int MAX_NAME_LENGTH = 255 - CAPACITY_PROVIDER_SUFFIX.length();
  static final List<String> RESERVED_PREFIXES = List.of("aws", "ecs", "fargate");

  private final String clusterName;
  private final String awsRegion;
  private final VpcRef vpc;
  private final String instanceType;
  private final Integer minSize;
  private final Integer maxSize;
  private final Integer rootVolumeGiB;
  private final String amiSsmParameter;
  private final Boolean containerInsights;
  private final Integer targetCapacityPercent;
  private final Boolean managedTerminationProtection;
  private final List<String> instancePolicyArns;

  /**
   * Applies defaults and checks every value, reporting all problems at once (see {@link Builder#build()}).
   * The builder is read into locals named like the properties so that the defaults and checks read as rules
   * about the properties; the fields are assigned only once every check has passed.
   */
  private Ec2ClusterProps(Builder builder) {
    String clusterName = builder.clusterName;
    String awsRegion = builder.awsRegion;
    VpcRef vpc = builder.vpc;
    String instanceType = builder.instanceType;
    Integer minSize = builder.minSize;
    Integer maxSize = builder.maxSize;
    Integer rootVolumeGiB = builder.rootVolumeGiB;
    String amiSsmParameter = builder.amiSsmParameter;
    Boolean containerInsights = builder.containerInsights;
    Integer targetCapacityPercent = builder.targetCapacityPercent;
    Boolean managedTerminationProtection = builder.managedTerminationProtection;
    List<String> instancePolicyArns = builder.instancePolicyArns;
    instanceType = instanceType != null ? instanceType : DEFAULT_INSTANCE_TYPE;
    minSize = minSize != null ? minSize : 1;
    maxSize = maxSize != null ? maxSize : 2;
    rootVolumeGiB = rootVolumeGiB != null ? rootVolumeGiB : 30;
    if (amiSsmParameter == null) {
      amiSsmParameter = defaultAmiSsmParameter(instanceType);
    }
    containerInsights = containerInsights != null ? containerInsights : true;
    targetCapacityPercent = targetCapacityPercent != null ? targetCapacityPercent : 100;
    managedTerminationProtection = managedTerminationProtection != null ? managedTerminationProtection : true;
    List<String> policies = instancePolicyArns != null ? new ArrayList<>(instancePolicyArns) : new ArrayList<>();

    Checks checks = Checks.of("Ec2ClusterProps");
    if (checks.required("clusterName", clusterName)) {
      if (Checks.isToken(clusterName)) {
        checks.check(false, "clusterName", "must be a plain string known at synth (services build resource ids"
            + " from it), got a token " + Checks.quote(clusterName));
      } else {
        checks.check(clusterName.length() <= MAX_NAME_LENGTH, "clusterName", "must be at most " + MAX_NAME_LENGTH
            + " characters so that the capacity provider name \"<clusterName>" + CAPACITY_PROVIDER_SUFFIX
            + "\" fits in 255, got " + clusterName.length());
        checks.matches("clusterName", clusterName, CLUSTER_NAME, "letters, digits, '-' and '_'");
        String lower = clusterName.toLowerCase(Locale.ROOT);
        checks.check(RESERVED_PREFIXES.stream().noneMatch(lower::startsWith), "clusterName",
            "must not start with \"aws\", \"ecs\" or \"fargate\" because the capacity provider is named"
                + " \"<clusterName>" + CAPACITY_PROVIDER_SUFFIX + "\" and ECS reserves those prefixes, got "
                + Checks.quote(clusterName));
        checks.check(!lower.startsWith("sg-"), "clusterName", "must not start with \"sg-\" because the instances'"
            + " security group name starts with the cluster name and EC2 reserves that prefix, got "
            + Checks.quote(clusterName));
      }
    }
    boolean regionOk = checks.required("awsRegion", awsRegion);
    if (regionOk) {
      checks.matches("awsRegion", awsRegion, AwsPatterns.REGION, "an AWS region such as eu-west-1");
      regionOk = !Checks.isToken(awsRegion) && AwsPatterns.REGION.matcher(awsRegion).matches();
    }
    if (checks.required("vpc", vpc)) {
      checks.sizeAtLeast("vpc.privateSubnetIds", vpc.privateSubnetIds(), 1);
    }
    checks.matches("instanceType", instanceType, INSTANCE_TYPE,
        "an EC2 instance type such as \"m5.large\", \"t3a.xlarge\" or \"c6g.2xlarge\"");
    checks.between("minSize", minSize, 0, 1000);
    checks.between("maxSize", maxSize, 1, 1000);
    if (minSize >= 0 && maxSize >= 1 && maxSize <= 1000) {
      checks.check(minSize <= maxSize, "minSize", "must be <= maxSize (" + maxSize + "), got " + minSize);
    }
    checks.between("rootVolumeGiB", rootVolumeGiB, 30, 16_384);
    checks.matches("amiSsmParameter", amiSsmParameter, SSM_PARAMETER,
        "an SSM parameter name starting with '/' (letters, digits, '_', '.', '-', '/')");
    checks.between("targetCapacityPercent", targetCapacityPercent, 1, 100);
    Set<String> seen = new HashSet<>();
    if (regionOk) {
      seen.add(Partition.managedPolicyArn(awsRegion, ECS_INSTANCE_POLICY));
      seen.add(Partition.managedPolicyArn(awsRegion, SSM_INSTANCE_POLICY));
    }
    for (int i = 0; i < policies.size(); i++) {
      String arn = policies.get(i);
      String field = "instancePolicyArns[" + i + "]";
      if (checks.required(field, arn)) {
        checks.matches(field, arn, POLICY_ARN,
            "a managed policy ARN (arn:<partition>:iam::<account or aws>:policy/<name>)");
        checks.check(seen.add(arn), field, "must not repeat a policy that is already attached, got "
            + Checks.quote(arn));
      }
    }
    checks.throwIfAny();
    instancePolicyArns = List.copyOf(policies);
    this.clusterName = clusterName;
    this.awsRegion = awsRegion;
    this.vpc = vpc;
    this.instanceType = instanceType;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.rootVolumeGiB = rootVolumeGiB;
    this.amiSsmParameter = amiSsmParameter;
    this.containerInsights = containerInsights;
    this.targetCapacityPercent = targetCapacityPercent;
    this.managedTerminationProtection = managedTerminationProtection;
    this.instancePolicyArns = instancePolicyArns;
  }

  /**
   * {@return the ECS cluster name, for example {@code platform}} Required. 1-251 characters: letters, digits,
   * {@code -} and {@code _}, known at synth (not a token). The capacity provider is named {@code <clusterName>-ec2},
   * so the name must not start with {@code aws}, {@code ecs} or {@code fargate} (any case). See
   * <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html">CreateCluster</a>.
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * The cluster's region, for example {@code eu-west-1}: the partition of the managed policy ARNs the instance role
   * gets ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). Required.
   *
   * @return the region
   */
  public String awsRegion() {
    return awsRegion;
  }

  /**
   * {@return the VPC the container instances run in} Required. Instances are launched in its
   * {@code privateSubnetIds}, which must not be empty.
   */
  public VpcRef vpc() {
    return vpc;
  }

  /**
   * {@return the EC2 instance type of the container instances, for example {@code m5.large}} Default:
   * {@code t3.medium}.
   */
  public String instanceType() {
    return instanceType;
  }

  /**
   * {@return the minimum number of container instances in the Auto Scaling group, 0 to 1000} Default: {@code 1}.
   */
  public Integer minSize() {
    return minSize;
  }

  /**
   * {@return the maximum number of container instances in the Auto Scaling group, 1 to 1000 and at least
   * {@code minSize}} Default: {@code 2}.
   */
  public Integer maxSize() {
    return maxSize;
  }

  /**
   * {@return the size of each instance's encrypted gp3 root volume, 30 to 16384 GiB (the ECS-optimized Amazon Linux
   * 2023 AMI needs 30)} Default: {@code 30}.
   */
  public Integer rootVolumeGiB() {
    return rootVolumeGiB;
  }

  /**
   * {@return the public SSM parameter holding the AMI id; the launch template resolves it at launch with
   * {@code resolve:ssm:}, so no data source is read} Must start with {@code /}. Default: the recommended
   * ECS-optimized Amazon Linux 2023 AMI for the instance type's architecture:
   * {@code /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id} (x86_64), or
   * {@code /aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id} for Graviton (arm64) instance
   * types such as {@code c6g.2xlarge} or {@code t4g.medium}. See
   * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html">Retrieving
   * Amazon ECS-optimized Linux AMI metadata</a>.
   */
  public String amiSsmParameter() {
    return amiSsmParameter;
  }

  /**
   * {@return whether CloudWatch Container Insights collects cluster metrics} Default: {@code true}.
   */
  public Boolean containerInsights() {
    return containerInsights;
  }

  /**
   * {@return the managed-scaling target: the percentage of instance capacity that tasks should use, 1 to 100 (100
   * means no spare instances)} Default: {@code 100}.
   */
  public Integer targetCapacityPercent() {
    return targetCapacityPercent;
  }

  /**
   * {@return whether ECS keeps instances that still run tasks from being terminated on scale-in (also turns on the
   * Auto Scaling group's scale-in protection)} Default: {@code true}.
   */
  public Boolean managedTerminationProtection() {
    return managedTerminationProtection;
  }

  /**
   * {@return extra managed policy ARNs attached to the instance role, on top of
   * {@code AmazonEC2ContainerServiceforEC2Role} and {@code AmazonSSMManagedInstanceCore}} Default: no extra policies.
   */
  public List<String> instancePolicyArns() {
    return instancePolicyArns;
  }

  /** The AMI parameter used when none is given: the ECS-optimized AMI for the instance type's architecture. */
  private static String defaultAmiSsmParameter(String instanceType) {
    return ARM64_INSTANCE_TYPE.matcher(instanceType).matches()
        ? DEFAULT_ARM64_AMI_SSM_PARAMETER : DEFAULT_AMI_SSM_PARAMETER;
  }

  /**
   * Props with only the required values and every default.
   *
   * @param clusterName the cluster name
   * @param awsRegion the cluster's region
   * @param vpc the VPC whose private subnets the instances run in
   * @return the props
   */
  public static Ec2ClusterProps of(String clusterName, String awsRegion, VpcRef vpc) {
    return builder().clusterName(clusterName).awsRegion(awsRegion).vpc(vpc).build();
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
   * The one exception: a defaulted {@link #amiSsmParameter()} is left unset, so that it follows a changed
   * {@link #instanceType()}.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder()
        .clusterName(clusterName)
        .awsRegion(awsRegion)
        .vpc(vpc)
        .instanceType(instanceType)
        .minSize(minSize)
        .maxSize(maxSize)
        .rootVolumeGiB(rootVolumeGiB)
        // A default AMI parameter follows the instance type's architecture, so it is left unset here: then
        // toBuilder().instanceType("t4g.medium") gets the arm64 AMI rather than keeping an x86_64 one that
        // could not boot. An explicitly chosen parameter that differs from the default is kept.
        .amiSsmParameter(amiSsmParameter.equals(defaultAmiSsmParameter(instanceType)) ? null : amiSsmParameter)
        .containerInsights(containerInsights)
        .targetCapacityPercent(targetCapacityPercent)
        .managedTerminationProtection(managedTerminationProtection)
        .instancePolicyArns(instancePolicyArns);
  }

  /**
   * Value equality over every property, as a record has.
   *
   * @param o the object to compare with
   * @return whether {@code o} is a {@code Ec2ClusterProps} with equal values
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Ec2ClusterProps other
        && Objects.equals(clusterName, other.clusterName)
        && Objects.equals(awsRegion, other.awsRegion)
        && Objects.equals(vpc, other.vpc)
        && Objects.equals(instanceType, other.instanceType)
        && Objects.equals(minSize, other.minSize)
        && Objects.equals(maxSize, other.maxSize)
        && Objects.equals(rootVolumeGiB, other.rootVolumeGiB)
        && Objects.equals(amiSsmParameter, other.amiSsmParameter)
        && Objects.equals(containerInsights, other.containerInsights)
        && Objects.equals(targetCapacityPercent, other.targetCapacityPercent)
        && Objects.equals(managedTerminationProtection, other.managedTerminationProtection)
        && Objects.equals(instancePolicyArns, other.instancePolicyArns);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(clusterName, awsRegion, vpc, instanceType, minSize, maxSize, rootVolumeGiB, amiSsmParameter,
        containerInsights, targetCapacityPercent, managedTerminationProtection, instancePolicyArns);
  }

  /**
   * Every property, in the form a record prints.
   *
   * @return for example {@code Ec2ClusterProps[clusterName=..., ...]}
   */
  @Override
  public String toString() {
    return "Ec2ClusterProps[clusterName=" + clusterName + ", awsRegion=" + awsRegion + ", vpc=" + vpc + ", instanceType=" + instanceType
        + ", minSize=" + minSize + ", maxSize=" + maxSize + ", rootVolumeGiB=" + rootVolumeGiB
        + ", amiSsmParameter=" + amiSsmParameter + ", containerInsights=" + containerInsights
        + ", targetCapacityPercent=" + targetCapacityPercent
        + ", managedTerminationProtection=" + managedTerminationProtection
        + ", instancePolicyArns=" + instancePolicyArns + "]";
  }

  /** Builder for {@link Ec2ClusterProps}. */
  public static final class Builder {
    private String clusterName;
    private String awsRegion;
    private VpcRef vpc;
    private String instanceType;
    private Integer minSize;
    private Integer maxSize;
    private Integer rootVolumeGiB;
    private String amiSsmParameter;
    private Boolean containerInsights;
    private Integer targetCapacityPercent;
    private Boolean managedTerminationProtection;
    private List<String> instancePolicyArns;

    private Builder() {}

    /**
     * Sets {@link Ec2ClusterProps#clusterName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder clusterName(String v) { this.clusterName = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#awsRegion()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder awsRegion(String v) { this.awsRegion = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#vpc()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder vpc(VpcRef v) { this.vpc = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceType()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceType(String v) { this.instanceType = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#minSize()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder minSize(Integer v) { this.minSize = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#maxSize()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder maxSize(Integer v) { this.maxSize = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#rootVolumeGiB()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder rootVolumeGiB(Integer v) { this.rootVolumeGiB = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#amiSsmParameter()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder amiSsmParameter(String v) { this.amiSsmParameter = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#containerInsights()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder containerInsights(Boolean v) { this.containerInsights = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#targetCapacityPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder targetCapacityPercent(Integer v) { this.targetCapacityPercent = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#managedTerminationProtection()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder managedTerminationProtection(Boolean v) { this.managedTerminationProtection = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instancePolicyArns()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instancePolicyArns(List<String> v) { this.instancePolicyArns = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public Ec2ClusterProps build() {
      return new Ec2ClusterProps(this);
    }
  }
}
