package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.network.VpcRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Properties for {@link Ec2Cluster}.
 *
 * @param clusterName the ECS cluster name, for example {@code platform}. Required. 1-251 characters: letters, digits,
 *     {@code -} and {@code _}, known at synth (not a token). The capacity provider is named
 *     {@code <clusterName>-ec2}, so the name must not start with {@code aws}, {@code ecs} or {@code fargate} (any case).
 *     See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html">CreateCluster</a>.
 * @param vpc the VPC the container instances run in. Required. Instances are launched in its
 *     {@code privateSubnetIds}, which must not be empty.
 * @param instanceType the EC2 instance type of the container instances, for example {@code m5.large}.
 *     Default: {@code t3.medium}.
 * @param minSize the minimum number of container instances in the Auto Scaling group, 0 to 1000.
 *     Default: {@code 1}.
 * @param maxSize the maximum number of container instances in the Auto Scaling group, 1 to 1000 and at least
 *     {@code minSize}. Default: {@code 2}.
 * @param rootVolumeGiB the size of each instance's encrypted gp3 root volume, 30 to 16384 GiB (the ECS-optimized
 *     Amazon Linux 2023 AMI needs 30). Default: {@code 30}.
 * @param amiSsmParameter the public SSM parameter holding the AMI id; the launch template resolves it at launch with
 *     {@code resolve:ssm:}, so no data source is read. Must start with {@code /}.
 *     Default: the recommended ECS-optimized Amazon Linux 2023 AMI for the instance type's architecture:
 *     {@code /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id} (x86_64), or
 *     {@code /aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id} for Graviton (arm64)
 *     instance types such as {@code c6g.2xlarge} or {@code t4g.medium}. See
 *     <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html">Retrieving
 *     Amazon ECS-optimized Linux AMI metadata</a>.
 * @param containerInsights whether CloudWatch Container Insights collects cluster metrics. Default: {@code true}.
 * @param targetCapacityPercent the managed-scaling target: the percentage of instance capacity that tasks should
 *     use, 1 to 100 (100 means no spare instances). Default: {@code 100}.
 * @param managedTerminationProtection whether ECS keeps instances that still run tasks from being terminated on
 *     scale-in (also turns on the Auto Scaling group's scale-in protection). Default: {@code true}.
 * @param instancePolicyArns extra managed policy ARNs attached to the instance role, on top of
 *     {@code AmazonEC2ContainerServiceforEC2Role} and {@code AmazonSSMManagedInstanceCore}.
 *     Default: no extra policies.
 */
public record Ec2ClusterProps(
    String clusterName,
    VpcRef vpc,
    String instanceType,
    Integer minSize,
    Integer maxSize,
    Integer rootVolumeGiB,
    String amiSsmParameter,
    Boolean containerInsights,
    Integer targetCapacityPercent,
    Boolean managedTerminationProtection,
    List<String> instancePolicyArns) {

  /** The instance type used when {@link #instanceType()} is not given. */
  public static final String DEFAULT_INSTANCE_TYPE = "t3.medium";
  /** The default AMI parameter for x86_64 instance types: the recommended ECS-optimized Amazon Linux 2023 AMI. */
  public static final String DEFAULT_AMI_SSM_PARAMETER =
      "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
  /** The default AMI parameter for Graviton (arm64) instance types. */
  public static final String DEFAULT_ARM64_AMI_SSM_PARAMETER =
      "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";
  /** Managed policy that lets the ECS agent register the instance and pull images. Always attached. */
  public static final String ECS_INSTANCE_POLICY_ARN =
      "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
  /** Managed policy for Systems Manager (Session Manager access, patching). Always attached. */
  public static final String SSM_INSTANCE_POLICY_ARN = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

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

  /**
   * Applies defaults and checks every value; throws all problems at once.
   *
   * @param clusterName see {@link Ec2ClusterProps#clusterName()}
   * @param vpc see {@link Ec2ClusterProps#vpc()}
   * @param instanceType see {@link Ec2ClusterProps#instanceType()}
   * @param minSize see {@link Ec2ClusterProps#minSize()}
   * @param maxSize see {@link Ec2ClusterProps#maxSize()}
   * @param rootVolumeGiB see {@link Ec2ClusterProps#rootVolumeGiB()}
   * @param amiSsmParameter see {@link Ec2ClusterProps#amiSsmParameter()}
   * @param containerInsights see {@link Ec2ClusterProps#containerInsights()}
   * @param targetCapacityPercent see {@link Ec2ClusterProps#targetCapacityPercent()}
   * @param managedTerminationProtection see {@link Ec2ClusterProps#managedTerminationProtection()}
   * @param instancePolicyArns see {@link Ec2ClusterProps#instancePolicyArns()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
   *     it lists every problem, not only the first
   */
  public Ec2ClusterProps {
    instanceType = instanceType != null ? instanceType : DEFAULT_INSTANCE_TYPE;
    minSize = minSize != null ? minSize : 1;
    maxSize = maxSize != null ? maxSize : 2;
    rootVolumeGiB = rootVolumeGiB != null ? rootVolumeGiB : 30;
    if (amiSsmParameter == null) {
      amiSsmParameter = ARM64_INSTANCE_TYPE.matcher(instanceType).matches()
          ? DEFAULT_ARM64_AMI_SSM_PARAMETER : DEFAULT_AMI_SSM_PARAMETER;
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
    Set<String> seen = new HashSet<>(List.of(ECS_INSTANCE_POLICY_ARN, SSM_INSTANCE_POLICY_ARN));
    for (int i = 0; i < policies.size(); i++) {
      String arn = policies.get(i);
      String field = "instancePolicyArns[" + i + "]";
      if (checks.required(field, arn)) {
        checks.matches(field, arn, POLICY_ARN, "a managed policy ARN (arn:aws:iam::<account or aws>:policy/<name>)");
        checks.check(seen.add(arn), field, "must not repeat a policy that is already attached, got "
            + Checks.quote(arn));
      }
    }
    checks.throwIfAny();
    instancePolicyArns = List.copyOf(policies);
  }

  /**
   * Props with only the required values and every default.
   *
   * @param clusterName the cluster name
   * @param vpc the VPC whose private subnets the instances run in
   * @return the props
   */
  public static Ec2ClusterProps of(String clusterName, VpcRef vpc) {
    return builder().clusterName(clusterName).vpc(vpc).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Ec2ClusterProps}. */
  public static final class Builder {
    private String clusterName;
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
      return new Ec2ClusterProps(clusterName, vpc, instanceType, minSize, maxSize, rootVolumeGiB, amiSsmParameter,
          containerInsights, targetCapacityPercent, managedTerminationProtection, instancePolicyArns);
    }
  }
}
