package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.LogRetention;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Properties for {@link Ec2Service}. Create them with {@link #builder()}; {@link #toBuilder()} gives a modified copy.
 * Every value is checked when {@link Builder#build()} runs, and every problem is reported at once.
 *
 * <p>Load balancer targets are not props: attach the service to any number of target groups with
 * {@link Ec2Service#attachTo}.
 */
public final class Ec2ServiceProps {
  /** ECS service names: up to 255 letters, digits, hyphens and underscores. */
  static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  static final Pattern REGION = AwsPatterns.REGION;
  static final Pattern POLICY_ARN = AwsPatterns.MANAGED_POLICY_ARN;
  /** ECS task volume names: up to 255 letters, digits, hyphens and underscores. */
  static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /** The most tasks {@code desiredCount}, {@code minCapacity} and {@code maxCapacity} may ask for. */
  static final int MAX_COUNT = 1000;
  /** The retention periods CloudWatch Logs accepts. */
  static final List<Integer> RETENTION_DAYS = LogRetention.DAYS;

  private final String serviceName;
  private final ClusterRef cluster;
  private final String awsRegion;
  private final List<ContainerDefinition> containers;
  private final Integer cpu;
  private final Integer memoryMiB;
  private final int desiredCount;
  private final int minCapacity;
  private final int maxCapacity;
  private final int targetCpuPercent;
  private final Integer targetMemoryPercent;
  private final int scaleInCooldownSeconds;
  private final int scaleOutCooldownSeconds;
  private final int deploymentMinimumHealthyPercent;
  private final int deploymentMaximumPercent;
  private final Integer healthCheckGracePeriodSeconds;
  private final int logRetentionDays;
  private final List<String> taskRolePolicyArns;
  private final boolean taskDefinitionManagedExternally;
  private final String logKmsKeyArn;
  private final List<String> scratchVolumes;

  private Ec2ServiceProps(Builder b) {
    this.serviceName = b.serviceName;
    this.cluster = b.cluster;
    this.awsRegion = b.awsRegion;
    this.containers = b.containers == null ? List.of() : List.copyOf(b.containers);
    this.cpu = b.cpu;
    this.memoryMiB = b.memoryMiB;
    // A service given only a minimum starts at that minimum, not below it.
    this.desiredCount = b.desiredCount != null ? b.desiredCount : b.minCapacity != null ? b.minCapacity : 1;
    this.minCapacity = b.minCapacity != null ? b.minCapacity : desiredCount;
    this.maxCapacity = b.maxCapacity != null ? b.maxCapacity : Math.max(minCapacity, desiredCount);
    this.targetCpuPercent = b.targetCpuPercent != null ? b.targetCpuPercent : 70;
    this.targetMemoryPercent = b.targetMemoryPercent;
    this.scaleInCooldownSeconds = b.scaleInCooldownSeconds != null ? b.scaleInCooldownSeconds : 300;
    this.scaleOutCooldownSeconds = b.scaleOutCooldownSeconds != null ? b.scaleOutCooldownSeconds : 60;
    this.deploymentMinimumHealthyPercent = b.deploymentMinimumHealthyPercent != null
        ? b.deploymentMinimumHealthyPercent : 100;
    this.deploymentMaximumPercent = b.deploymentMaximumPercent != null ? b.deploymentMaximumPercent : 200;
    this.healthCheckGracePeriodSeconds = b.healthCheckGracePeriodSeconds;
    // A year: checkov CKV_AWS_338 (and Security Hub CloudWatch.16) ask for at least that much history.
    this.logRetentionDays = b.logRetentionDays != null ? b.logRetentionDays : 365;
    this.taskRolePolicyArns = b.taskRolePolicyArns != null ? List.copyOf(b.taskRolePolicyArns) : List.of();
    this.taskDefinitionManagedExternally = b.taskDefinitionManagedExternally != null
        && b.taskDefinitionManagedExternally;
    this.logKmsKeyArn = b.logKmsKeyArn;
    this.scratchVolumes = b.scratchVolumes != null ? List.copyOf(b.scratchVolumes) : List.of();

    Checks checks = Checks.of("Ec2ServiceProps");
    if (checks.required("serviceName", serviceName)) {
      checks.matches("serviceName", serviceName, SERVICE_NAME, "1-255 letters, digits, '-' or '_'");
    }
    checks.required("cluster", cluster);
    if (checks.required("awsRegion", awsRegion)) {
      checks.matches("awsRegion", awsRegion, REGION, "an AWS region such as eu-west-1");
    }
    if (checks.required("containers", b.containers)) {
      ContainerDefinitions.checkList(containers, checks, "containers");
      for (int i = 0; i < containers.size(); i++) {
        checks.check(containers.get(i).image() != null, "containers[" + i + "].image",
            "is required (container " + Checks.quote(containers.get(i).name()) + ")");
      }
    }

    // EC2 task limits (192 vCPU); Fargate's lower ones do not apply. Memory is bounded by the instance type,
    // which only the caller knows (the platform app checks it against its table of instance types).
    checks.between("cpu", cpu, 128, 196_608);
    checks.atLeast("memoryMiB", memoryMiB, 128);
    if (memoryMiB == null) {
      List<String> without = containers.stream()
          .filter(c -> c.memoryMiB() == null && c.memoryReservationMiB() == null)
          .map(c -> Checks.quote(c.name())).toList();
      checks.check(without.isEmpty(), "memoryMiB", "is required because containers " + without
          + " set neither memory nor memoryReservation (ECS on EC2 needs memory at the task or container level)");
    }

    checks.between("desiredCount", desiredCount, 0, MAX_COUNT);
    checks.between("minCapacity", minCapacity, 0, MAX_COUNT);
    checks.between("maxCapacity", maxCapacity, 0, MAX_COUNT);
    // Counts out of range are reported by the range checks alone; comparing them would only repeat the problem.
    if (inRange(desiredCount) && inRange(minCapacity) && inRange(maxCapacity)) {
      checks.check(minCapacity <= desiredCount, "minCapacity", "must be <= desiredCount, got minCapacity "
          + minCapacity + " > desiredCount " + desiredCount);
      checks.check(desiredCount <= maxCapacity, "maxCapacity", "must be >= desiredCount, got maxCapacity "
          + maxCapacity + " < desiredCount " + desiredCount);
      checks.check(minCapacity <= maxCapacity, "minCapacity", "must be <= maxCapacity, got minCapacity "
          + minCapacity + " > maxCapacity " + maxCapacity);
    }
    checks.between("targetCpuPercent", targetCpuPercent, 10, 95);
    checks.between("targetMemoryPercent", targetMemoryPercent, 10, 95);
    checks.between("scaleInCooldownSeconds", scaleInCooldownSeconds, 0, 3600);
    checks.between("scaleOutCooldownSeconds", scaleOutCooldownSeconds, 0, 3600);
    checks.between("deploymentMinimumHealthyPercent", deploymentMinimumHealthyPercent, 0, 100);
    checks.between("deploymentMaximumPercent", deploymentMaximumPercent, 100, 400);
    checks.between("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, Integer.MAX_VALUE);
    LogRetention.check(checks, "logRetentionDays", logRetentionDays);
    for (int i = 0; i < taskRolePolicyArns.size(); i++) {
      checks.matches("taskRolePolicyArns[" + i + "]", taskRolePolicyArns.get(i), POLICY_ARN,
          "an IAM policy ARN (arn:<partition>:iam::<account or aws>:policy/<name>)");
    }
    checks.kmsKeyArn("logKmsKeyArn", logKmsKeyArn);
    for (int i = 0; i < scratchVolumes.size(); i++) {
      String volume = scratchVolumes.get(i);
      if (checks.required("scratchVolumes[" + i + "]", volume)) {
        checks.matches("scratchVolumes[" + i + "]", volume, VOLUME_NAME, "1-255 letters, digits, '-' or '_'");
        checks.check(scratchVolumes.indexOf(volume) == i, "scratchVolumes[" + i + "]", "duplicates scratchVolumes["
            + scratchVolumes.indexOf(volume) + "], got " + Checks.quote(volume));
      }
    }
    // ECS refuses a mount point whose volume the task does not define; say so before anything is planned.
    List<String> volumes = taskVolumeNames();
    for (int i = 0; i < containers.size(); i++) {
      List<MountPoint> mounts = containers.get(i).mountPoints();
      for (int j = 0; j < mounts.size(); j++) {
        String volume = mounts.get(j).sourceVolume();
        checks.check(volume == null || volumes.contains(volume), "containers[" + i + "].mountPoints[" + j
            + "].sourceVolume", "must name a volume of the task " + volumes + ", got " + Checks.quote(volume)
            + " (container " + Checks.quote(containers.get(i).name()) + "); add it to scratchVolumes for writable"
            + " space that lives as long as the task");
      }
    }
    checks.throwIfAny();
  }

  /** The names of every volume the task definition defines: what containers' mount points may name. */
  private List<String> taskVolumeNames() {
    return scratchVolumes;
  }

  private static boolean inRange(int count) {
    return count >= 0 && count <= MAX_COUNT;
  }

  /**
   * Whether service autoscaling is created, that is {@code maxCapacity > minCapacity}.
   *
   * @return {@code true} when {@code maxCapacity > minCapacity}
   */
  public boolean autoscaled() {
    return maxCapacity > minCapacity;
  }

  /**
   * The secret and parameter ARNs the containers read, without JSON-key or version suffixes, sorted: what the
   * execution role may read.
   *
   * @return the ARNs
   */
  public List<String> secretArns() {
    return containers.stream().flatMap(c -> c.secrets().values().stream()).map(Ec2ServiceProps::secretResource)
        .distinct().sorted().toList();
  }

  /**
   * ECS accepts {@code arn:...:secret:NAME-AbCdEf:json-key:version-stage:version-id}; IAM grants the secret itself.
   */
  static String secretResource(String valueFrom) {
    String[] parts = valueFrom.split(":", -1);
    return parts.length > 7 && "secretsmanager".equals(parts[2]) ? String.join(":", List.of(parts).subList(0, 7))
        : valueFrom;
  }

  /**
   * The ECS service name; also the task definition family, the log group name ({@code /ecs/<serviceName>}) and the log stream prefix. Required. 1-255 letters, digits, {@code -} and {@code _}. See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html">CreateService</a>.
   *
   * @return the value
   */
  public String serviceName() {
    return serviceName;
  }

  /**
   * The EC2 cluster the service runs on, with the capacity provider that places its tasks. Required. Use {@code Ec2Cluster.ref()}, or build a {@link ClusterRef} for a cluster you already have.
   *
   * @return the value
   */
  public ClusterRef cluster() {
    return cluster;
  }

  /**
   * The service's region, for example {@code eu-west-1}: the {@code awslogs-region} of its log group and the partition of the ARNs it writes. Required.
   *
   * @return the value
   */
  public String awsRegion() {
    return awsRegion;
  }

  /**
   * The task's containers, built with {@link ContainerDefinition#builder()} or read with {@link ContainerDefinitions#fromJson(String)}. Required, at least one; every container needs an {@code image}. Containers without a {@code logConfiguration} send their logs to this service's log group; the secrets they reference are granted to the execution role.
   *
   * @return the value
   */
  public List<ContainerDefinition> containers() {
    return containers;
  }

  /**
   * Task-level CPU units (1024 units are one vCPU), 128 to 196608 (the EC2 launch type's limit). Default: not set, the containers share the instance's CPU according to their own {@code cpu} values.
   *
   * @return the value
   */
  public Integer cpu() {
    return cpu;
  }

  /**
   * Task-level hard memory limit in MiB, at least 128; it must fit the cluster's instances. Default: not set, each container's {@code memoryMiB}/{@code memoryReservationMiB} applies; then every container must set one of them, as ECS on EC2 needs memory at the task or the container level.
   *
   * @return the value
   */
  public Integer memoryMiB() {
    return memoryMiB;
  }

  /**
   * The number of tasks the service starts with, 0 to 1000. Default: {@code minCapacity} when that is given, else {@code 1}.
   *
   * @return the value
   */
  public int desiredCount() {
    return desiredCount;
  }

  /**
   * The fewest tasks service autoscaling may scale in to, 0 to 1000. Default: {@code desiredCount}.
   *
   * @return the value
   */
  public int minCapacity() {
    return minCapacity;
  }

  /**
   * The most tasks service autoscaling may scale out to, 0 to 1000. Default: the larger of {@code minCapacity} and {@code desiredCount}, which turns autoscaling off. Autoscaling exists only when {@code maxCapacity > minCapacity}.
   *
   * @return the value
   */
  public int maxCapacity() {
    return maxCapacity;
  }

  /**
   * The average service CPU utilization ({@code ECSServiceAverageCPUUtilization}) that target tracking keeps, 10 to 95. Default: {@code 70}.
   *
   * @return the value
   */
  public int targetCpuPercent() {
    return targetCpuPercent;
  }

  /**
   * The average service memory utilization ({@code ECSServiceAverageMemoryUtilization}) that a second
   * target-tracking policy keeps, 10 to 95; only with autoscaling ({@code maxCapacity > minCapacity}). Default: not
   * set, the service scales on CPU only.
   *
   * @return the percentage, or {@code null}
   */
  public Integer targetMemoryPercent() {
    return targetMemoryPercent;
  }

  /**
   * Seconds after a scale-in before another scale-in may start, 0 to 3600. Default: {@code 300}.
   *
   * @return the value
   */
  public int scaleInCooldownSeconds() {
    return scaleInCooldownSeconds;
  }

  /**
   * Seconds after a scale-out before another scale-out may start, 0 to 3600. Default: {@code 60}.
   *
   * @return the value
   */
  public int scaleOutCooldownSeconds() {
    return scaleOutCooldownSeconds;
  }

  /**
   * The lower limit, in percent of the desired count, of running tasks during a deployment, 0 to 100. Default: {@code 100}.
   *
   * @return the value
   */
  public int deploymentMinimumHealthyPercent() {
    return deploymentMinimumHealthyPercent;
  }

  /**
   * The upper limit, in percent of the desired count, of running tasks during a deployment, 100 to 400. Default: {@code 200}.
   *
   * @return the value
   */
  public int deploymentMaximumPercent() {
    return deploymentMaximumPercent;
  }

  /**
   * Seconds during which the scheduler ignores failing load balancer health checks of a new task, 0 to 2147483647. Default: {@code 60} once the service is attached to a load balancer ({@link Ec2Service#attachTo}), otherwise not set.
   *
   * @return the value
   */
  public Integer healthCheckGracePeriodSeconds() {
    return healthCheckGracePeriodSeconds;
  }

  /**
   * Days the log group keeps log events; one of the values CloudWatch Logs allows (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653). Default: {@code 365}, a year (checkov CKV_AWS_338); shorten it explicitly where cost matters more than history.
   *
   * @return the value
   */
  public int logRetentionDays() {
    return logRetentionDays;
  }

  /**
   * IAM managed policies attached to the task role (what the application may call). Default: none. For inline statements use {@link Ec2Service#addToTaskRolePolicy}.
   *
   * @return the value
   */
  public List<String> taskRolePolicyArns() {
    return taskRolePolicyArns;
  }

  /**
   * Whether a deploy pipeline registers new task definition revisions and updates the service; then Terraform ignores the service's {@code task_definition} after creation, so that it never rolls back a deployed revision. Default: {@code false}, Terraform owns the task definition.
   *
   * @return the value
   */
  public boolean taskDefinitionManagedExternally() {
    return taskDefinitionManagedExternally;
  }

  /**
   * The KMS key that encrypts the service's log group (checkov CKV_AWS_158): a key ARN, since CloudWatch Logs refuses
   * an alias ARN. CloudWatch Logs of the region must be
   * allowed to use it, as {@link com.acme.platform.constructs.kms.EnvironmentKey}'s key policy does. Default: the
   * stack's {@link com.acme.platform.constructs.kms.EnvironmentKey} when it has one, otherwise none (CloudWatch
   * Logs then encrypts with a key it owns, which a customer cannot audit or revoke).
   *
   * @return the key ARN, or {@code null} for the default
   */
  public String logKmsKeyArn() {
    return logKmsKeyArn;
  }

  /**
   * Writable scratch space for containers whose root filesystem is read-only (the default, checkov CKV_AWS_336):
   * the names of task volumes that live as long as the task, each a Docker volume with {@code task} scope and the
   * {@code local} driver on the instance's disk. A container mounts one with a mount point, for example
   * {@code new MountPoint("tmp", "/tmp", false)}; what it writes there is gone when the task stops. Names are
   * distinct, 1-255 letters, digits, {@code -} or {@code _}. Default: none. See
   * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/docker-volumes.html">Docker volumes</a>.
   *
   * @return the scratch volume names
   */
  public List<String> scratchVolumes() {
    return scratchVolumes;
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
   * A builder pre-filled with these props' effective values, for a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .serviceName(serviceName)
        .cluster(cluster)
        .awsRegion(awsRegion)
        .containers(containers)
        .cpu(cpu)
        .memoryMiB(memoryMiB)
        .desiredCount(desiredCount)
        .minCapacity(minCapacity)
        .maxCapacity(maxCapacity)
        .targetCpuPercent(targetCpuPercent)
        .targetMemoryPercent(targetMemoryPercent)
        .scaleInCooldownSeconds(scaleInCooldownSeconds)
        .scaleOutCooldownSeconds(scaleOutCooldownSeconds)
        .deploymentMinimumHealthyPercent(deploymentMinimumHealthyPercent)
        .deploymentMaximumPercent(deploymentMaximumPercent)
        .healthCheckGracePeriodSeconds(healthCheckGracePeriodSeconds)
        .logRetentionDays(logRetentionDays)
        .taskRolePolicyArns(taskRolePolicyArns)
        .taskDefinitionManagedExternally(taskDefinitionManagedExternally)
        .logKmsKeyArn(logKmsKeyArn)
        .scratchVolumes(scratchVolumes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ec2ServiceProps p && toString().equals(p.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "Ec2ServiceProps[serviceName=" + serviceName
        + ", cluster=" + cluster
        + ", awsRegion=" + awsRegion
        + ", containers=" + containers
        + ", cpu=" + cpu
        + ", memoryMiB=" + memoryMiB
        + ", desiredCount=" + desiredCount
        + ", minCapacity=" + minCapacity
        + ", maxCapacity=" + maxCapacity
        + ", targetCpuPercent=" + targetCpuPercent
        + ", targetMemoryPercent=" + targetMemoryPercent
        + ", scaleInCooldownSeconds=" + scaleInCooldownSeconds
        + ", scaleOutCooldownSeconds=" + scaleOutCooldownSeconds
        + ", deploymentMinimumHealthyPercent=" + deploymentMinimumHealthyPercent
        + ", deploymentMaximumPercent=" + deploymentMaximumPercent
        + ", healthCheckGracePeriodSeconds=" + healthCheckGracePeriodSeconds
        + ", logRetentionDays=" + logRetentionDays
        + ", taskRolePolicyArns=" + taskRolePolicyArns
        + ", taskDefinitionManagedExternally=" + taskDefinitionManagedExternally
        + ", logKmsKeyArn=" + logKmsKeyArn
        + ", scratchVolumes=" + scratchVolumes + "]";
  }

  /** Builder for {@link Ec2ServiceProps}. */
  public static final class Builder {
    private String serviceName;
    private ClusterRef cluster;
    private String awsRegion;
    private List<ContainerDefinition> containers;
    private Integer cpu;
    private Integer memoryMiB;
    private Integer desiredCount;
    private Integer minCapacity;
    private Integer maxCapacity;
    private Integer targetCpuPercent;
    private Integer targetMemoryPercent;
    private Integer scaleInCooldownSeconds;
    private Integer scaleOutCooldownSeconds;
    private Integer deploymentMinimumHealthyPercent;
    private Integer deploymentMaximumPercent;
    private Integer healthCheckGracePeriodSeconds;
    private Integer logRetentionDays;
    private List<String> taskRolePolicyArns;
    private Boolean taskDefinitionManagedExternally;
    private String logKmsKeyArn;
    private List<String> scratchVolumes;

    private Builder() {}

    /**
     * Sets {@link Ec2ServiceProps#serviceName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder serviceName(String v) { this.serviceName = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#cluster()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder cluster(ClusterRef v) { this.cluster = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#awsRegion()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder awsRegion(String v) { this.awsRegion = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#containers()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder containers(List<ContainerDefinition> v) { this.containers = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#cpu()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder cpu(Integer v) { this.cpu = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#memoryMiB()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder memoryMiB(Integer v) { this.memoryMiB = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#desiredCount()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder desiredCount(Integer v) { this.desiredCount = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#minCapacity()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder minCapacity(Integer v) { this.minCapacity = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#maxCapacity()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder maxCapacity(Integer v) { this.maxCapacity = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#targetCpuPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder targetCpuPercent(Integer v) { this.targetCpuPercent = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#targetMemoryPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder targetMemoryPercent(Integer v) { this.targetMemoryPercent = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#scaleInCooldownSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder scaleInCooldownSeconds(Integer v) { this.scaleInCooldownSeconds = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#scaleOutCooldownSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder scaleOutCooldownSeconds(Integer v) { this.scaleOutCooldownSeconds = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#deploymentMinimumHealthyPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder deploymentMinimumHealthyPercent(Integer v) { this.deploymentMinimumHealthyPercent = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#deploymentMaximumPercent()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder deploymentMaximumPercent(Integer v) { this.deploymentMaximumPercent = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#healthCheckGracePeriodSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheckGracePeriodSeconds(Integer v) { this.healthCheckGracePeriodSeconds = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#logRetentionDays()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder logRetentionDays(Integer v) { this.logRetentionDays = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#taskRolePolicyArns()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder taskRolePolicyArns(List<String> v) { this.taskRolePolicyArns = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#taskDefinitionManagedExternally()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder taskDefinitionManagedExternally(Boolean v) { this.taskDefinitionManagedExternally = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#logKmsKeyArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder logKmsKeyArn(String v) { this.logKmsKeyArn = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#scratchVolumes()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder scratchVolumes(List<String> v) { this.scratchVolumes = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public Ec2ServiceProps build() {
      return new Ec2ServiceProps(this);
    }
  }
}
