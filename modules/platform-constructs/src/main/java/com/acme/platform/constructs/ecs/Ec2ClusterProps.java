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

  /** The {@link #maxInstanceLifetimeDays()} used when none is given. */
  public static final int DEFAULT_MAX_INSTANCE_LIFETIME_DAYS = 14;
  /** The {@link #instanceRefreshCheckpointDelaySeconds()} used when none is given: EC2 Auto Scaling's one hour. */
  public static final int DEFAULT_CHECKPOINT_DELAY_SECONDS = 3600;
  /** The Spot allocation strategy of a mixed-instances policy: the lowest price among the pools most likely to last. */
  public static final String SPOT_ALLOCATION_STRATEGY = "price-capacity-optimized";
  /** The most instance types a mixed-instances policy may list (EC2 Auto Scaling's limit on overrides). */
  public static final int MAX_INSTANCE_TYPES = 40;
  /** The longest checkpoint delay of an instance refresh EC2 Auto Scaling accepts: two days. */
  public static final int MAX_CHECKPOINT_DELAY_SECONDS = 172_800;

  /** Defaults of the settings that need another one; {@link #toBuilder()} compares with them. */
  private static final int DEFAULT_ON_DEMAND_BASE = 0;
  private static final int DEFAULT_ON_DEMAND_PERCENT = 100;
  private static final int DEFAULT_MIN_HEALTHY_PERCENT = 90;

  static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  /** Family (m5, t3a, c6g, m7i-flex, u-6tb1) '.' size (large, 2xlarge, metal, metal-24xl). */
  static final Pattern INSTANCE_TYPE = Pattern.compile(
      "[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.(?:nano|micro|small|medium|large|\\d*xlarge|metal(?:-\\d+xl)?)");
  static final String INSTANCE_TYPE_RULE =
      "an EC2 instance type such as \"m5.large\", \"t3a.xlarge\" or \"c6g.2xlarge\"";
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
  private final List<String> instanceTypes;
  private final Integer onDemandBaseCapacity;
  private final Integer onDemandPercentageAboveBase;
  private final Integer maxInstanceLifetimeDays;
  private final Boolean instanceRefresh;
  private final Integer instanceRefreshMinHealthyPercent;
  private final Boolean instanceRefreshSkipMatching;
  private final List<Integer> instanceRefreshCheckpointPercentages;
  private final Integer instanceRefreshCheckpointDelaySeconds;
  private final Boolean managedDraining;
  private final Boolean teardown;

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
    List<String> mix = builder.instanceTypes != null ? new ArrayList<>(builder.instanceTypes) : new ArrayList<>();
    boolean mixed = !mix.isEmpty();
    boolean refresh = builder.instanceRefresh == null || builder.instanceRefresh;
    List<Integer> checkpoints = builder.instanceRefreshCheckpointPercentages != null
        ? new ArrayList<>(builder.instanceRefreshCheckpointPercentages) : new ArrayList<>();
    Checks checks = Checks.of("Ec2ClusterProps");
    // Settings that only mean something together with another one are rejected alone, before defaults fill
    // them in: a Spot percentage without a mix would otherwise be silently ignored.
    checks.check(!mixed || instanceType == null, "instanceType", "must not be set together with instanceTypes"
        + " (the mix names every type the group may launch; list " + Checks.quote(instanceType)
        + " in instanceTypes instead)");
    onlyWith(checks, mixed, "instanceTypes", "onDemandBaseCapacity", builder.onDemandBaseCapacity);
    onlyWith(checks, mixed, "instanceTypes", "onDemandPercentageAboveBase", builder.onDemandPercentageAboveBase);
    String refreshOn = "instanceRefresh (true by default)";
    onlyWith(checks, refresh, refreshOn, "instanceRefreshMinHealthyPercent",
        builder.instanceRefreshMinHealthyPercent);
    onlyWith(checks, refresh, refreshOn, "instanceRefreshSkipMatching", builder.instanceRefreshSkipMatching);
    onlyWith(checks, refresh, refreshOn, "instanceRefreshCheckpointPercentages",
        builder.instanceRefreshCheckpointPercentages);
    onlyWith(checks, !checkpoints.isEmpty(), "instanceRefreshCheckpointPercentages",
        "instanceRefreshCheckpointDelaySeconds", builder.instanceRefreshCheckpointDelaySeconds);
    if (instanceType == null) {
      instanceType = mixed && mix.get(0) != null ? mix.get(0) : DEFAULT_INSTANCE_TYPE;
    }
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
    Integer onDemandBaseCapacity = orDefault(builder.onDemandBaseCapacity, DEFAULT_ON_DEMAND_BASE);
    Integer onDemandPercentageAboveBase = orDefault(builder.onDemandPercentageAboveBase, DEFAULT_ON_DEMAND_PERCENT);
    Integer maxInstanceLifetimeDays = orDefault(builder.maxInstanceLifetimeDays, DEFAULT_MAX_INSTANCE_LIFETIME_DAYS);
    Integer instanceRefreshMinHealthyPercent = orDefault(builder.instanceRefreshMinHealthyPercent,
        DEFAULT_MIN_HEALTHY_PERCENT);
    Boolean instanceRefreshSkipMatching = orDefault(builder.instanceRefreshSkipMatching, true);
    Integer instanceRefreshCheckpointDelaySeconds = orDefault(builder.instanceRefreshCheckpointDelaySeconds,
        DEFAULT_CHECKPOINT_DELAY_SECONDS);
    Boolean managedDraining = orDefault(builder.managedDraining, true);
    Boolean teardown = orDefault(builder.teardown, false);

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
    if (!mixed) {
      checks.matches("instanceType", instanceType, INSTANCE_TYPE, INSTANCE_TYPE_RULE);
    }
    checks.between("minSize", minSize, 0, 1000);
    checks.between("maxSize", maxSize, 1, 1000);
    if (minSize >= 0 && maxSize >= 1 && maxSize <= 1000) {
      checks.check(minSize <= maxSize, "minSize", "must be <= maxSize (" + maxSize + "), got " + minSize);
    }
    checks.between("rootVolumeGiB", rootVolumeGiB, 30, 16_384);
    checks.matches("amiSsmParameter", amiSsmParameter, SSM_PARAMETER,
        "an SSM parameter name starting with '/' (letters, digits, '_', '.', '-', '/')");
    checks.between("targetCapacityPercent", targetCapacityPercent, 1, 100);
    checkMix(checks, mix);
    checks.between("onDemandBaseCapacity", onDemandBaseCapacity, 0, 1000);
    if (onDemandBaseCapacity >= 0 && maxSize >= 1 && maxSize <= 1000) {
      checks.check(onDemandBaseCapacity <= maxSize, "onDemandBaseCapacity", "must be <= maxSize (" + maxSize
          + "): the group never runs more instances than that, got " + onDemandBaseCapacity);
    }
    checks.between("onDemandPercentageAboveBase", onDemandPercentageAboveBase, 0, 100);
    checks.check(maxInstanceLifetimeDays == 0 || maxInstanceLifetimeDays >= 1 && maxInstanceLifetimeDays <= 365,
        "maxInstanceLifetimeDays", "must be 0 (no limit) or between 1 and 365, got " + maxInstanceLifetimeDays);
    checks.between("instanceRefreshMinHealthyPercent", instanceRefreshMinHealthyPercent, 0, 100);
    checkCheckpoints(checks, checkpoints);
    checks.between("instanceRefreshCheckpointDelaySeconds", instanceRefreshCheckpointDelaySeconds, 0,
        MAX_CHECKPOINT_DELAY_SECONDS);
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
    this.instanceTypes = List.copyOf(mix);
    this.onDemandBaseCapacity = onDemandBaseCapacity;
    this.onDemandPercentageAboveBase = onDemandPercentageAboveBase;
    this.maxInstanceLifetimeDays = maxInstanceLifetimeDays;
    this.instanceRefresh = refresh;
    this.instanceRefreshMinHealthyPercent = instanceRefreshMinHealthyPercent;
    this.instanceRefreshSkipMatching = instanceRefreshSkipMatching;
    this.instanceRefreshCheckpointPercentages = List.copyOf(checkpoints);
    this.instanceRefreshCheckpointDelaySeconds = instanceRefreshCheckpointDelaySeconds;
    this.managedDraining = managedDraining;
    this.teardown = teardown;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static <T> T unlessDefault(T value, T fallback) {
    return value.equals(fallback) ? null : value;
  }

  /** A setting that needs another one: rejected, naming the one it needs, when that one is off or missing. */
  private static void onlyWith(Checks checks, boolean enabled, String needed, String field, Object value) {
    checks.check(enabled || value == null, field, "applies only with " + needed + "; set that too or remove "
        + field + ", got " + value);
  }

  /**
   * The instance types of a mix: well-formed, distinct, within EC2 Auto Scaling's limit, and of one architecture,
   * because every type boots the launch template's one AMI.
   */
  private static void checkMix(Checks checks, List<String> mix) {
    checks.check(mix.size() <= MAX_INSTANCE_TYPES, "instanceTypes", "must list at most " + MAX_INSTANCE_TYPES
        + " instance types (EC2 Auto Scaling's limit), got " + mix.size());
    Set<String> seen = new HashSet<>();
    Boolean firstArm64 = null;
    for (int i = 0; i < mix.size(); i++) {
      String type = mix.get(i);
      String field = "instanceTypes[" + i + "]";
      if (!checks.required(field, type)) {
        continue;
      }
      boolean wellFormed = INSTANCE_TYPE.matcher(type).matches();
      checks.matches(field, type, INSTANCE_TYPE, INSTANCE_TYPE_RULE);
      checks.check(seen.add(type), field, "must not repeat an instance type of the mix, got " + Checks.quote(type));
      if (wellFormed) {
        boolean arm64 = ARM64_INSTANCE_TYPE.matcher(type).matches();
        if (firstArm64 == null) {
          firstArm64 = arm64;
        } else {
          checks.check(arm64 == firstArm64, field, "must have the architecture of instanceTypes[0] ("
              + architecture(firstArm64) + ") because every instance boots the same AMI, got "
              + Checks.quote(type) + " (" + architecture(arm64) + ")");
        }
      }
    }
  }

  private static String architecture(boolean arm64) {
    return arm64 ? "arm64" : "x86_64";
  }

  /** Checkpoints: each 1 to 100 and larger than the one before (EC2 Auto Scaling's rule). */
  private static void checkCheckpoints(Checks checks, List<Integer> checkpoints) {
    int previous = 0;
    for (int i = 0; i < checkpoints.size(); i++) {
      Integer percent = checkpoints.get(i);
      String field = "instanceRefreshCheckpointPercentages[" + i + "]";
      if (!checks.required(field, percent)) {
        continue;
      }
      checks.between(field, percent, 1, 100);
      checks.check(percent > previous || percent < 1 || percent > 100, field, "must be larger than the checkpoint"
          + " before it (" + previous + "), got " + percent);
      previous = Math.max(previous, percent);
    }
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
   * {@code t3.medium}; with {@link #instanceTypes()}, the first type of the mix (then it must not be set: the mix
   * names every type).
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
   * Auto Scaling group's scale-in protection)} Turned off while {@link #teardown()} is set. Default: {@code true}.
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

  /**
   * {@return the instance types of a mixed-instances policy, for example {@code ["m6i.large", "m5.large",
   * "m6a.large"]}} With any entry, the Auto Scaling group launches from these types (the launch template then names
   * none), on-demand up to {@link #onDemandBaseCapacity()} and {@link #onDemandPercentageAboveBase()} percent above
   * it, the rest on Spot with the {@value #SPOT_ALLOCATION_STRATEGY} allocation strategy. At most
   * {@value #MAX_INSTANCE_TYPES}, distinct, and all of one architecture (x86_64 or Graviton arm64), because every
   * instance boots the same AMI. Several types of similar size give Spot more pools to draw from. See
   * <a href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups.html">Auto
   * Scaling groups with multiple instance types and purchase options</a>. Default: no mix, every instance is an
   * on-demand {@link #instanceType()}.
   */
  public List<String> instanceTypes() {
    return instanceTypes;
  }

  /**
   * {@return how many instances of a mix are always on-demand, 0 to {@code maxSize}} Only with
   * {@link #instanceTypes()}. Default: {@code 0}.
   */
  public Integer onDemandBaseCapacity() {
    return onDemandBaseCapacity;
  }

  /**
   * {@return the percentage of a mix's instances above {@link #onDemandBaseCapacity()} that are on-demand, 0 to 100;
   * the rest run on Spot} Below 100, the cluster uses Spot: the group turns on Capacity Rebalancing and the ECS agent
   * drains an instance's tasks when EC2 sends its two-minute Spot interruption notice
   * ({@code ECS_ENABLE_SPOT_INSTANCE_DRAINING=true}). Only with {@link #instanceTypes()}. Default: {@code 100}
   * (EC2 Auto Scaling's own default: all on-demand, so Spot is a deliberate choice).
   */
  public Integer onDemandPercentageAboveBase() {
    return onDemandPercentageAboveBase;
  }

  /**
   * {@return whether some instances run on Spot: a mix whose {@link #onDemandPercentageAboveBase()} is below 100}
   */
  public boolean usesSpot() {
    return !instanceTypes.isEmpty() && onDemandPercentageAboveBase < 100;
  }

  /**
   * {@return the longest an instance stays in service before EC2 Auto Scaling replaces it, in days: 1 to 365, or 0
   * for no limit} The launch template resolves its AMI parameter at each launch, so replacements boot the newest
   * ECS-optimized AMI: this is how a new AMI reaches running instances without a Terraform change. EC2 Auto Scaling
   * does not replace an instance while it is protected from scale-in (with {@link #managedTerminationProtection()},
   * ECS protects instances that run tasks); those are replaced by the next instance refresh. See
   * <a href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-max-instance-lifetime.html">Replace Auto
   * Scaling instances based on maximum instance lifetime</a>. Default: {@code 14}.
   */
  public Integer maxInstanceLifetimeDays() {
    return maxInstanceLifetimeDays;
  }

  /**
   * {@return whether a change of the launch template (user data, instance type, AMI parameter, root volume) or of
   * the mix starts a rolling instance refresh of the Auto Scaling group} The refresh replaces instances protected
   * from scale-in too ({@code scale_in_protected_instances = "Refresh"}); with {@link #managedDraining()}, ECS moves
   * their tasks before each instance terminates. Terraform starts the refresh and does not wait for it. See
   * <a href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-refresh.html">Use an instance refresh
   * to update instances in an Auto Scaling group</a>. Default: {@code true}.
   */
  public Boolean instanceRefresh() {
    return instanceRefresh;
  }

  /**
   * {@return the percentage of the group's desired capacity that stays in service and healthy during an instance
   * refresh, 0 to 100} Lower replaces more instances at once. Only with {@link #instanceRefresh()}. Default:
   * {@code 90} (EC2 Auto Scaling's default).
   */
  public Integer instanceRefreshMinHealthyPercent() {
    return instanceRefreshMinHealthyPercent;
  }

  /**
   * {@return whether an instance refresh skips instances that already run the desired launch template version and
   * instance type} A refresh that follows an interrupted one then replaces only what is left. Only with
   * {@link #instanceRefresh()}. Default: {@code true}.
   */
  public Boolean instanceRefreshSkipMatching() {
    return instanceRefreshSkipMatching;
  }

  /**
   * {@return the percentages of replaced instances at which an instance refresh pauses, for example
   * {@code [20, 100]}} Each 1 to 100 and larger than the one before; the refresh waits
   * {@link #instanceRefreshCheckpointDelaySeconds()} at each, so a bad AMI is noticed before it reaches every
   * instance. Only with {@link #instanceRefresh()}. Default: no checkpoints, the refresh runs through.
   */
  public List<Integer> instanceRefreshCheckpointPercentages() {
    return instanceRefreshCheckpointPercentages;
  }

  /**
   * {@return how long an instance refresh waits at each checkpoint, 0 to 172800 seconds} Only with
   * {@link #instanceRefreshCheckpointPercentages()}. Default: {@code 3600} (EC2 Auto Scaling's default).
   */
  public Integer instanceRefreshCheckpointDelaySeconds() {
    return instanceRefreshCheckpointDelaySeconds;
  }

  /**
   * {@return whether ECS managed instance draining is on for the capacity provider} ECS then drains an instance
   * (stops placing tasks on it and moves its tasks, respecting each service's deployment settings) before EC2 Auto
   * Scaling terminates it, on scale-in, instance refresh, maximum lifetime and Spot rebalancing alike. Set through an
   * override, as the bindings predate it: the stacks need {@code hashicorp/aws} 5.34.0 or later
   * ({@link com.acme.platform.constructs.core.ProviderConstraints}). See
   * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instance-draining.html">Safely stop
   * Amazon ECS workloads running on EC2 instances</a>. Default: {@code true}.
   */
  public Boolean managedDraining() {
    return managedDraining;
  }

  /**
   * {@return whether the cluster is configured to be destroyed} Apply once with {@code true}, then run
   * {@code terraform destroy}: it turns off the capacity provider's managed termination protection and the group's
   * scale-in protection (whatever {@link #managedTerminationProtection()} says), and sets the group's
   * {@code force_delete}, so that deleting it terminates instances still protected from scale-in instead of waiting
   * for them forever. The README's teardown runbook gives the order. Default: {@code false}.
   */
  public Boolean teardown() {
    return teardown;
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
   * The exceptions: a defaulted {@link #amiSsmParameter()} is left unset, so that it follows a changed
   * {@link #instanceType()}; the default {@link #instanceType()} and a mix's first type are left unset, so that a
   * mix can be set; and the settings that need a mix or an instance refresh are left unset without it.
   *
   * @return a new builder; {@code toBuilder().build()} equals this object
   */
  public Builder toBuilder() {
    return builder()
        .clusterName(clusterName)
        .awsRegion(awsRegion)
        .vpc(vpc)
        // With a mix, instanceType is the mix's first type and must stay unset; the default type is left unset
        // too, so that toBuilder().instanceTypes(...) turns a default cluster into a mix.
        .instanceType(instanceTypes.isEmpty() && !instanceType.equals(DEFAULT_INSTANCE_TYPE) ? instanceType : null)
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
        .instancePolicyArns(instancePolicyArns)
        .instanceTypes(instanceTypes)
        // Settings that need another one are copied only when they differ from their default (which build()
        // applies again): then toBuilder().instanceRefresh(false) or .instanceTypes(null) works on a copy whose
        // dependent settings were defaulted, and is rejected where they were chosen.
        .onDemandBaseCapacity(unlessDefault(onDemandBaseCapacity, DEFAULT_ON_DEMAND_BASE))
        .onDemandPercentageAboveBase(unlessDefault(onDemandPercentageAboveBase, DEFAULT_ON_DEMAND_PERCENT))
        .maxInstanceLifetimeDays(maxInstanceLifetimeDays)
        .instanceRefresh(instanceRefresh)
        .instanceRefreshMinHealthyPercent(unlessDefault(instanceRefreshMinHealthyPercent, DEFAULT_MIN_HEALTHY_PERCENT))
        .instanceRefreshSkipMatching(unlessDefault(instanceRefreshSkipMatching, true))
        .instanceRefreshCheckpointPercentages(unlessDefault(instanceRefreshCheckpointPercentages, List.of()))
        .instanceRefreshCheckpointDelaySeconds(unlessDefault(instanceRefreshCheckpointDelaySeconds,
            DEFAULT_CHECKPOINT_DELAY_SECONDS))
        .managedDraining(managedDraining)
        .teardown(teardown);
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
        && Objects.equals(instancePolicyArns, other.instancePolicyArns)
        && Objects.equals(instanceTypes, other.instanceTypes)
        && Objects.equals(onDemandBaseCapacity, other.onDemandBaseCapacity)
        && Objects.equals(onDemandPercentageAboveBase, other.onDemandPercentageAboveBase)
        && Objects.equals(maxInstanceLifetimeDays, other.maxInstanceLifetimeDays)
        && Objects.equals(instanceRefresh, other.instanceRefresh)
        && Objects.equals(instanceRefreshMinHealthyPercent, other.instanceRefreshMinHealthyPercent)
        && Objects.equals(instanceRefreshSkipMatching, other.instanceRefreshSkipMatching)
        && Objects.equals(instanceRefreshCheckpointPercentages, other.instanceRefreshCheckpointPercentages)
        && Objects.equals(instanceRefreshCheckpointDelaySeconds, other.instanceRefreshCheckpointDelaySeconds)
        && Objects.equals(managedDraining, other.managedDraining)
        && Objects.equals(teardown, other.teardown);
  }

  /**
   * A hash code over every property, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(clusterName, awsRegion, vpc, instanceType, minSize, maxSize, rootVolumeGiB, amiSsmParameter,
        containerInsights, targetCapacityPercent, managedTerminationProtection, instancePolicyArns, instanceTypes,
        onDemandBaseCapacity, onDemandPercentageAboveBase, maxInstanceLifetimeDays, instanceRefresh,
        instanceRefreshMinHealthyPercent, instanceRefreshSkipMatching, instanceRefreshCheckpointPercentages,
        instanceRefreshCheckpointDelaySeconds, managedDraining, teardown);
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
        + ", instancePolicyArns=" + instancePolicyArns + ", instanceTypes=" + instanceTypes
        + ", onDemandBaseCapacity=" + onDemandBaseCapacity
        + ", onDemandPercentageAboveBase=" + onDemandPercentageAboveBase
        + ", maxInstanceLifetimeDays=" + maxInstanceLifetimeDays + ", instanceRefresh=" + instanceRefresh
        + ", instanceRefreshMinHealthyPercent=" + instanceRefreshMinHealthyPercent
        + ", instanceRefreshSkipMatching=" + instanceRefreshSkipMatching
        + ", instanceRefreshCheckpointPercentages=" + instanceRefreshCheckpointPercentages
        + ", instanceRefreshCheckpointDelaySeconds=" + instanceRefreshCheckpointDelaySeconds
        + ", managedDraining=" + managedDraining + ", teardown=" + teardown + "]";
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
    private List<String> instanceTypes;
    private Integer onDemandBaseCapacity;
    private Integer onDemandPercentageAboveBase;
    private Integer maxInstanceLifetimeDays;
    private Boolean instanceRefresh;
    private Integer instanceRefreshMinHealthyPercent;
    private Boolean instanceRefreshSkipMatching;
    private List<Integer> instanceRefreshCheckpointPercentages;
    private Integer instanceRefreshCheckpointDelaySeconds;
    private Boolean managedDraining;
    private Boolean teardown;

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
     * Sets {@link Ec2ClusterProps#instanceTypes()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceTypes(List<String> v) { this.instanceTypes = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#onDemandBaseCapacity()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder onDemandBaseCapacity(Integer v) { this.onDemandBaseCapacity = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#onDemandPercentageAboveBase()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder onDemandPercentageAboveBase(Integer v) { this.onDemandPercentageAboveBase = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#maxInstanceLifetimeDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder maxInstanceLifetimeDays(Integer v) { this.maxInstanceLifetimeDays = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceRefresh()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceRefresh(Boolean v) { this.instanceRefresh = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceRefreshMinHealthyPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceRefreshMinHealthyPercent(Integer v) { this.instanceRefreshMinHealthyPercent = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceRefreshSkipMatching()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceRefreshSkipMatching(Boolean v) { this.instanceRefreshSkipMatching = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceRefreshCheckpointPercentages()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceRefreshCheckpointPercentages(List<Integer> v) { this.instanceRefreshCheckpointPercentages = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#instanceRefreshCheckpointDelaySeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder instanceRefreshCheckpointDelaySeconds(Integer v) { this.instanceRefreshCheckpointDelaySeconds = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#managedDraining()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder managedDraining(Boolean v) { this.managedDraining = v; return this; }
    /**
     * Sets {@link Ec2ClusterProps#teardown()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder teardown(Boolean v) { this.teardown = v; return this; }

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
