package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Properties for {@link Ec2Service}.
 *
 * @param serviceName the ECS service name; also the task definition family, the log group name
 *     ({@code /ecs/<serviceName>}) and the log stream prefix. Required. 1-255 letters, digits, {@code -} and
 *     {@code _}. See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html">
 *     CreateService</a>.
 * @param cluster the EC2 cluster the service runs on, with the capacity provider that places its tasks. Required.
 *     Use {@code Ec2Cluster.ref()}, or build a {@link ClusterRef} for a cluster you already have.
 * @param awsRegion the region of the log group, for the {@code awslogs-region} option of the {@code awslogs} log
 *     driver, for example {@code eu-west-1}. Required.
 * @param containerDefinitions the ECS {@code containerDefinitions} JSON array, in the shape that
 *     {@code aws ecs register-task-definition} takes. Required. Checked by {@link ContainerDefinitions}; every
 *     container without a {@code logConfiguration} sends its logs to this service's log group. Host ports: omit
 *     {@code hostPort} (or set {@code 0}) to get dynamic host ports in bridge network mode. See
 *     <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html">
 *     ContainerDefinition</a>.
 * @param cpu task-level CPU units (1024 units are one vCPU), 128 to 196608 (the EC2 launch type's limit).
 *     Default: not set, the containers share the instance's CPU according to their own {@code cpu} values.
 * @param memoryMiB task-level hard memory limit in MiB, at least 128; it must fit the cluster's instances.
 *     Default: not set, each container's {@code memory}/{@code memoryReservation} applies; then every container
 *     must set one of them, as ECS on EC2 needs memory at the task or the container level.
 * @param desiredCount the number of tasks the service starts with, 0 to 1000. Default: {@code minCapacity} when
 *     that is given, else {@code 1}.
 * @param minCapacity the fewest tasks service autoscaling may scale in to, 0 to 1000. Default: {@code desiredCount}.
 * @param maxCapacity the most tasks service autoscaling may scale out to, 0 to 1000. Default: the larger of
 *     {@code minCapacity} and {@code desiredCount}, which turns autoscaling off. Autoscaling exists only when
 *     {@code maxCapacity > minCapacity}.
 * @param targetCpuPercent the average service CPU utilization ({@code ECSServiceAverageCPUUtilization}) that
 *     target tracking keeps, 10 to 95. Default: {@code 70}.
 * @param scaleInCooldownSeconds seconds after a scale-in before another scale-in may start, 0 to 3600.
 *     Default: {@code 300}.
 * @param scaleOutCooldownSeconds seconds after a scale-out before another scale-out may start, 0 to 3600.
 *     Default: {@code 60}.
 * @param deploymentMinimumHealthyPercent the lower limit, in percent of the desired count, of running tasks
 *     during a deployment, 0 to 100. Default: {@code 100}.
 * @param deploymentMaximumPercent the upper limit, in percent of the desired count, of running tasks during a
 *     deployment, 100 to 400. Default: {@code 200}.
 * @param targetGroupArn the ALB target group the service registers its tasks in. Set it together with
 *     {@code containerName} and {@code containerPort}, or leave all three out. Default: no load balancer.
 * @param containerName the container that receives load balancer traffic; must be a container in
 *     {@code containerDefinitions} (checked here, so the problem is reported with the other props problems).
 *     Default: no load balancer.
 * @param containerPort the port of {@code containerName} that receives load balancer traffic, 1 to 65535; must be
 *     one of its {@code portMappings[].containerPort} values. Default: no load balancer.
 * @param healthCheckGracePeriodSeconds seconds during which the scheduler ignores failing load balancer health
 *     checks of a new task, 0 to 2147483647. Default: {@code 60} with a load balancer, otherwise not set.
 * @param logRetentionDays days the log group keeps log events; one of the values CloudWatch Logs allows (1, 3, 5,
 *     7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
 *     Default: {@code 30}.
 * @param taskRolePolicyArns IAM managed policies attached to the task role (what the application may call).
 *     Default: none, the task role has no permissions.
 * @param executionRoleSecretArns Secrets Manager secrets and SSM parameters the containers' {@code secrets} refer
 *     to; the execution role may read exactly these (secretsmanager:GetSecretValue, ssm:GetParameters).
 *     Default: none, no secrets policy.
 * @param taskDefinitionManagedExternally whether a deploy pipeline registers new task definition revisions and
 *     updates the service; then Terraform ignores the service's {@code task_definition} after creation, so that
 *     it never rolls back a deployed revision. Default: {@code false}, Terraform owns the task definition.
 */
public record Ec2ServiceProps(
    String serviceName,
    ClusterRef cluster,
    String awsRegion,
    String containerDefinitions,
    Integer cpu,
    Integer memoryMiB,
    Integer desiredCount,
    Integer minCapacity,
    Integer maxCapacity,
    Integer targetCpuPercent,
    Integer scaleInCooldownSeconds,
    Integer scaleOutCooldownSeconds,
    Integer deploymentMinimumHealthyPercent,
    Integer deploymentMaximumPercent,
    String targetGroupArn,
    String containerName,
    Integer containerPort,
    Integer healthCheckGracePeriodSeconds,
    Integer logRetentionDays,
    List<String> taskRolePolicyArns,
    List<String> executionRoleSecretArns,
    Boolean taskDefinitionManagedExternally) {

  /** ECS service names: up to 255 letters, digits, hyphens and underscores. */
  static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  static final Pattern REGION = AwsPatterns.REGION;
  static final Pattern TARGET_GROUP_ARN =
      Pattern.compile("arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/.+");
  static final Pattern POLICY_ARN = AwsPatterns.MANAGED_POLICY_ARN;
  static final Pattern SECRET_ARN =
      Pattern.compile("arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:|ssm:[a-z0-9-]+:\\d{12}:parameter/).+");
  /** The most tasks {@code desiredCount}, {@code minCapacity} and {@code maxCapacity} may ask for. */
  static final int MAX_COUNT = 1000;
  /** The retention periods CloudWatch Logs accepts. */
  static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /**
   * Applies defaults and checks every value; throws all problems at once.
   *
   * @param serviceName see {@link Ec2ServiceProps#serviceName()}
   * @param cluster see {@link Ec2ServiceProps#cluster()}
   * @param awsRegion see {@link Ec2ServiceProps#awsRegion()}
   * @param containerDefinitions see {@link Ec2ServiceProps#containerDefinitions()}
   * @param cpu see {@link Ec2ServiceProps#cpu()}
   * @param memoryMiB see {@link Ec2ServiceProps#memoryMiB()}
   * @param desiredCount see {@link Ec2ServiceProps#desiredCount()}
   * @param minCapacity see {@link Ec2ServiceProps#minCapacity()}
   * @param maxCapacity see {@link Ec2ServiceProps#maxCapacity()}
   * @param targetCpuPercent see {@link Ec2ServiceProps#targetCpuPercent()}
   * @param scaleInCooldownSeconds see {@link Ec2ServiceProps#scaleInCooldownSeconds()}
   * @param scaleOutCooldownSeconds see {@link Ec2ServiceProps#scaleOutCooldownSeconds()}
   * @param deploymentMinimumHealthyPercent see {@link Ec2ServiceProps#deploymentMinimumHealthyPercent()}
   * @param deploymentMaximumPercent see {@link Ec2ServiceProps#deploymentMaximumPercent()}
   * @param targetGroupArn see {@link Ec2ServiceProps#targetGroupArn()}
   * @param containerName see {@link Ec2ServiceProps#containerName()}
   * @param containerPort see {@link Ec2ServiceProps#containerPort()}
   * @param healthCheckGracePeriodSeconds see {@link Ec2ServiceProps#healthCheckGracePeriodSeconds()}
   * @param logRetentionDays see {@link Ec2ServiceProps#logRetentionDays()}
   * @param taskRolePolicyArns see {@link Ec2ServiceProps#taskRolePolicyArns()}
   * @param executionRoleSecretArns see {@link Ec2ServiceProps#executionRoleSecretArns()}
   * @param taskDefinitionManagedExternally see {@link Ec2ServiceProps#taskDefinitionManagedExternally()}
   * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
   *     it lists every problem, not only the first
   */
  public Ec2ServiceProps {
    // A service given only a minimum starts at that minimum, not below it.
    desiredCount = desiredCount != null ? desiredCount : minCapacity != null ? minCapacity : 1;
    minCapacity = minCapacity != null ? minCapacity : desiredCount;
    maxCapacity = maxCapacity != null ? maxCapacity : Math.max(minCapacity, desiredCount);
    targetCpuPercent = targetCpuPercent != null ? targetCpuPercent : 70;
    scaleInCooldownSeconds = scaleInCooldownSeconds != null ? scaleInCooldownSeconds : 300;
    scaleOutCooldownSeconds = scaleOutCooldownSeconds != null ? scaleOutCooldownSeconds : 60;
    deploymentMinimumHealthyPercent = deploymentMinimumHealthyPercent != null ? deploymentMinimumHealthyPercent : 100;
    deploymentMaximumPercent = deploymentMaximumPercent != null ? deploymentMaximumPercent : 200;
    boolean loadBalanced = targetGroupArn != null || containerName != null || containerPort != null;
    healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds != null ? healthCheckGracePeriodSeconds
        : loadBalanced ? Integer.valueOf(60) : null;
    logRetentionDays = logRetentionDays != null ? logRetentionDays : 30;
    taskRolePolicyArns = taskRolePolicyArns != null ? List.copyOf(taskRolePolicyArns) : List.of();
    executionRoleSecretArns = executionRoleSecretArns != null ? List.copyOf(executionRoleSecretArns) : List.of();
    taskDefinitionManagedExternally = taskDefinitionManagedExternally != null && taskDefinitionManagedExternally;

    Checks checks = Checks.of("Ec2ServiceProps");
    if (checks.required("serviceName", serviceName)) {
      checks.matches("serviceName", serviceName, SERVICE_NAME, "1-255 letters, digits, '-' or '_'");
    }
    checks.required("cluster", cluster);
    if (checks.required("awsRegion", awsRegion)) {
      checks.matches("awsRegion", awsRegion, REGION, "an AWS region such as eu-west-1");
    }
    ContainerDefinitions containers = ContainerDefinitions.parse(containerDefinitions, checks, "containerDefinitions");

    // EC2 task limits (192 vCPU); Fargate's lower ones do not apply. Memory is bounded by the instance type,
    // which only the caller knows (the platform app checks it against its table of instance types).
    checks.between("cpu", cpu, 128, 196_608);
    checks.atLeast("memoryMiB", memoryMiB, 128);
    if (containers != null && memoryMiB == null) {
      List<String> without = containers.containersWithoutMemory();
      checks.check(without.isEmpty(), "memoryMiB", "is required because containers "
          + without.stream().map(Checks::quote).toList() + " set neither memory nor memoryReservation"
          + " (ECS on EC2 needs memory at the task or container level)");
    }

    checks.between("desiredCount", desiredCount, 0, MAX_COUNT);
    checks.between("minCapacity", minCapacity, 0, MAX_COUNT);
    checks.between("maxCapacity", maxCapacity, 0, MAX_COUNT);
    // Counts out of range are reported by the range checks alone; comparing them would only repeat the problem.
    boolean countsInRange = inRange(desiredCount) && inRange(minCapacity) && inRange(maxCapacity);
    if (countsInRange) {
      checks.check(minCapacity <= desiredCount, "minCapacity", "must be <= desiredCount, got minCapacity "
          + minCapacity + " > desiredCount " + desiredCount);
      checks.check(desiredCount <= maxCapacity, "maxCapacity", "must be >= desiredCount, got maxCapacity "
          + maxCapacity + " < desiredCount " + desiredCount);
      checks.check(minCapacity <= maxCapacity, "minCapacity", "must be <= maxCapacity, got minCapacity "
          + minCapacity + " > maxCapacity " + maxCapacity);
    }
    checks.between("targetCpuPercent", targetCpuPercent, 10, 95);
    checks.between("scaleInCooldownSeconds", scaleInCooldownSeconds, 0, 3600);
    checks.between("scaleOutCooldownSeconds", scaleOutCooldownSeconds, 0, 3600);
    checks.between("deploymentMinimumHealthyPercent", deploymentMinimumHealthyPercent, 0, 100);
    checks.between("deploymentMaximumPercent", deploymentMaximumPercent, 100, 400);

    if (loadBalanced) {
      List<String> given = new ArrayList<>();
      if (targetGroupArn != null) {
        given.add("targetGroupArn");
      }
      if (containerName != null) {
        given.add("containerName");
      }
      if (containerPort != null) {
        given.add("containerPort");
      }
      String when = " when " + String.join(" and ", given) + (given.size() == 1 ? " is" : " are")
          + " set (set targetGroupArn, containerName and containerPort together, or none of them)";
      checks.check(targetGroupArn != null, "targetGroupArn", "is required" + when);
      checks.check(containerName != null, "containerName", "is required" + when);
      checks.check(containerPort != null, "containerPort", "is required" + when);
    }
    checks.matches("targetGroupArn", targetGroupArn, TARGET_GROUP_ARN,
        "an ELBv2 target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)");
    checks.between("containerPort", containerPort, 1, 65_535);
    if (containers != null && containerName != null) {
      checkLoadBalancerTarget(checks, containers, containerName, containerPort);
    }
    checks.between("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, Integer.MAX_VALUE);
    checks.check(RETENTION_DAYS.contains(logRetentionDays), "logRetentionDays",
        "must be one of " + RETENTION_DAYS + ", got " + logRetentionDays);
    for (int i = 0; i < taskRolePolicyArns.size(); i++) {
      checks.matches("taskRolePolicyArns[" + i + "]", taskRolePolicyArns.get(i), POLICY_ARN,
          "an IAM policy ARN (arn:aws:iam::<account or aws>:policy/<name>)");
    }
    for (int i = 0; i < executionRoleSecretArns.size(); i++) {
      checks.matches("executionRoleSecretArns[" + i + "]", executionRoleSecretArns.get(i), SECRET_ARN,
          "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)"
              + " or an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)");
    }
    checks.throwIfAny();
  }

  /**
   * The load balancer sends traffic to one port of one container: both must exist in the task definition, or ECS
   * rejects the service at apply time.
   */
  private static void checkLoadBalancerTarget(Checks checks, ContainerDefinitions containers, String containerName,
      Integer containerPort) {
    if (!containers.hasContainer(containerName)) {
      checks.check(false, "containerName", "must be a container in containerDefinitions, got "
          + Checks.quote(containerName) + " (found " + containers.containerNames() + ")");
      return;
    }
    List<Integer> ports = containers.containerPorts(containerName);
    // An out-of-range port is reported by the range check alone.
    boolean checkable = containerPort != null && containerPort >= 1 && containerPort <= 65_535;
    checks.check(!checkable || ports.contains(containerPort), "containerPort",
        "must be a portMappings[].containerPort of container " + Checks.quote(containerName) + ", got "
            + containerPort + " (found " + ports + ")");
  }

  private static boolean inRange(int count) {
    return count >= 0 && count <= MAX_COUNT;
  }

  /**
   * Whether the service registers its tasks in a target group.
   *
   * @return {@code true} when {@code targetGroupArn} is set
   */
  public boolean loadBalanced() {
    return targetGroupArn != null;
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
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link Ec2ServiceProps}. */
  public static final class Builder {
    private String serviceName;
    private ClusterRef cluster;
    private String awsRegion;
    private String containerDefinitions;
    private Integer cpu;
    private Integer memoryMiB;
    private Integer desiredCount;
    private Integer minCapacity;
    private Integer maxCapacity;
    private Integer targetCpuPercent;
    private Integer scaleInCooldownSeconds;
    private Integer scaleOutCooldownSeconds;
    private Integer deploymentMinimumHealthyPercent;
    private Integer deploymentMaximumPercent;
    private String targetGroupArn;
    private String containerName;
    private Integer containerPort;
    private Integer healthCheckGracePeriodSeconds;
    private Integer logRetentionDays;
    private List<String> taskRolePolicyArns;
    private List<String> executionRoleSecretArns;
    private Boolean taskDefinitionManagedExternally;

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
     * Sets {@link Ec2ServiceProps#containerDefinitions()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder containerDefinitions(String v) { this.containerDefinitions = v; return this; }
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
     * Sets {@link Ec2ServiceProps#targetGroupArn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder targetGroupArn(String v) { this.targetGroupArn = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#containerName()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder containerName(String v) { this.containerName = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#containerPort()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder containerPort(Integer v) { this.containerPort = v; return this; }
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
     * Sets {@link Ec2ServiceProps#executionRoleSecretArns()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder executionRoleSecretArns(List<String> v) { this.executionRoleSecretArns = v; return this; }
    /**
     * Sets {@link Ec2ServiceProps#taskDefinitionManagedExternally()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder taskDefinitionManagedExternally(Boolean v) { this.taskDefinitionManagedExternally = v; return this; }

    /**
     * Builds the props, applying defaults and checking every value.
     *
     * @return the validated props
     * @throws com.acme.platform.constructs.core.InvalidPropsException if any value is missing or invalid;
     *     it lists every problem, not only the first
     */
    public Ec2ServiceProps build() {
      return new Ec2ServiceProps(serviceName, cluster, awsRegion, containerDefinitions, cpu, memoryMiB, desiredCount,
          minCapacity, maxCapacity, targetCpuPercent, scaleInCooldownSeconds, scaleOutCooldownSeconds,
          deploymentMinimumHealthyPercent, deploymentMaximumPercent, targetGroupArn, containerName, containerPort,
          healthCheckGracePeriodSeconds, logRetentionDays, taskRolePolicyArns, executionRoleSecretArns,
          taskDefinitionManagedExternally);
    }
  }
}
