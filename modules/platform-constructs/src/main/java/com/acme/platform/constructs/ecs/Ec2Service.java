package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.TargetGroupRef;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.core.IamPolicies;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.Partition;
import com.acme.platform.constructs.core.PolicyStatement;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceOrderedPlacementStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServicePlacementConstraints;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeDockerVolumeConfiguration;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An ECS service on an EC2 cluster: bridge network mode, placed through the cluster's capacity provider, with its
 * task definition, IAM roles, CloudWatch log group and target-tracking autoscaling. Attach it to any number of load
 * balancer target groups with {@link #attachTo}; the security group rules follow the attachments.
 *
 * <p>Creates:
 * <ul>
 *   <li>{@code aws_cloudwatch_log_group} {@code /ecs/<serviceName>} with a retention period (checkov CKV_AWS_66),
 *       encrypted with {@code logKmsKeyArn} or the stack's {@link EnvironmentKey} (checkov CKV_AWS_158);
 *       containers without a {@code logConfiguration} log to it with the {@code awslogs} driver (stream prefix
 *       {@code <serviceName>});</li>
 *   <li>{@code aws_iam_role} execution role (assumed by {@code ecs-tasks.amazonaws.com}) with
 *       {@code AmazonECSTaskExecutionRolePolicy} attached (in the ARN partition of {@code awsRegion}) and, when
 *       containers reference {@code secrets}, an inline {@code aws_iam_role_policy} that reads exactly those
 *       secrets ({@code secretsmanager:GetSecretValue}) and parameters ({@code ssm:GetParameters});</li>
 *   <li>{@code aws_iam_role} task role (assumed by {@code ecs-tasks.amazonaws.com}) with one
 *       {@code aws_iam_role_policy_attachment} per {@code taskRolePolicyArns} entry, and an inline policy once
 *       {@link #addToTaskRolePolicy} is called;</li>
 *   <li>{@code aws_ecs_task_definition}: family {@code <serviceName>}, network mode {@code bridge} (never
 *       {@code host}), no {@code pid_mode} or {@code ipc_mode} (the host's namespaces stay the host's, checkov
 *       CKV_AWS_335), EC2 compatibility, an execution role distinct from the task role (checkov CKV_AWS_249), one
 *       {@code volume} per {@code scratchVolumes} entry, and every container that does not say otherwise with a
 *       read-only root filesystem (checkov CKV_AWS_336);</li>
 *   <li>{@code aws_ecs_service}: capacity provider strategy (no launch type), rolling deployment with the deployment
 *       circuit breaker and rollback, placement spread over availability zones then binpacked on memory, ECS managed
 *       tags propagated from the service, and one {@code load_balancer} block per {@link #attachTo} call;</li>
 *   <li>per {@link #attachTo} call, the {@code aws_vpc_security_group_ingress_rule} that lets the load balancer reach
 *       the cluster's instances on exactly the host ports in use (shared by every service of the stack that needs
 *       the same rule);</li>
 *   <li>per {@link #mountPersistentVolume} call, a host volume of the task definition, a mount point of the
 *       container and a placement constraint on the instance that holds the volume;</li>
 *   <li>{@code aws_appautoscaling_target} and a target-tracking {@code aws_appautoscaling_policy} on
 *       {@code ECSServiceAverageCPUUtilization}, only when {@code maxCapacity > minCapacity}. With equal capacities
 *       the service runs {@code desiredCount} tasks and nothing scales it.</li>
 * </ul>
 *
 * <p>Drift that Terraform ignores on the service ({@code lifecycle.ignore_changes}):
 * <ul>
 *   <li>{@code desired_count}, when autoscaling exists: autoscaling owns the count after creation, and applying
 *       the configured count again would undo its work. A changed {@code desiredCount} then has no effect on an
 *       existing service; change {@code minCapacity}/{@code maxCapacity} instead.</li>
 *   <li>{@code task_definition}, when {@code taskDefinitionManagedExternally} is true: a deploy pipeline registers
 *       new task definition revisions and updates the service, and Terraform must not roll them back. Terraform
 *       still registers its own revision when {@code containerDefinitions} change, but does not deploy it.</li>
 * </ul>
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html">Amazon ECS
 * services</a>.
 */
public final class Ec2Service extends Construct {
  /** The AWS managed policy that lets ECS pull images and write logs for the task. */
  static final String EXECUTION_ROLE_POLICY = "service-role/AmazonECSTaskExecutionRolePolicy";
  /** IAM allows at most 38 characters in {@code name_prefix}. */
  private static final int ROLE_NAME_PREFIX_MAX = 38;
  /** ECS accepts at most five load balancer blocks per service. */
  static final int MAX_TARGETS = 5;
  /** Seconds the scheduler ignores failing health checks of a new task, once a load balancer checks it. */
  static final int DEFAULT_GRACE_PERIOD_SECONDS = 60;

  private final Ec2ServiceProps props;
  private List<ContainerDefinition> containers;
  private final CloudwatchLogGroup logGroup;
  private final IamRole executionRole;
  private final IamRole taskRole;
  private final EcsTaskDefinition taskDefinition;
  private final EcsService service;
  private final AppautoscalingTarget scalableTarget;
  // Read once for all the scalable target's policies: each read is a round trip to jsii.
  private final ScalableTargetIds scalableTargetIds;
  private final AppautoscalingPolicy scalingPolicy;
  private final List<EcsServiceLoadBalancer> targets = new ArrayList<>();
  private final List<String> targetKeys = new ArrayList<>();
  private final List<PolicyStatement> taskRoleStatements = new ArrayList<>();
  private final List<PersistentVolumeRef> persistentVolumes = new ArrayList<>();
  private IamRolePolicy taskRolePolicy;

  /**
   * Creates the service and everything it needs.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the service's properties
   */
  public Ec2Service(Construct scope, String id, Ec2ServiceProps props) {
    super(scope, id);
    this.props = Objects.requireNonNull(props, "props");
    String logGroupName = "/ecs/" + props.serviceName();
    this.containers = ContainerDefinitions.withReadonlyRootFilesystem(ContainerDefinitions.withAwsLogs(
        props.containers(), logGroupName, props.awsRegion(), props.serviceName()));

    this.logGroup = CloudwatchLogGroup.Builder.create(this, "Logs")
        .name(logGroupName)
        .retentionInDays(props.logRetentionDays())
        .kmsKeyId(EnvironmentKey.arnOrStackDefault(this, props.logKmsKeyArn()))
        .build();

    this.executionRole = IamRole.Builder.create(this, "ExecutionRole")
        .namePrefix(roleNamePrefix("-exec-"))
        .description("ECS task execution role of service " + props.serviceName())
        .assumeRolePolicy(JsonDocs.toJson(IamPolicies.assumeRoleBy("ecs-tasks.amazonaws.com")))
        .build();
    String executionRoleName = executionRole.getName();
    // The AWS managed execution role policy: image pull and log writes on "*" (ecr:GetAuthorizationToken has no
    // resource-level permissions; the images may come from any registry the task names). A documented exception
    // of the policy check (README "Secure defaults"); secrets are granted below, each by its own ARN.
    IamRolePolicyAttachment executionPolicy = IamRolePolicyAttachment.Builder.create(this, "ExecutionRolePolicy")
        .role(executionRoleName)
        .policyArn(Partition.managedPolicyArn(props.awsRegion(), EXECUTION_ROLE_POLICY))
        .build();
    List<ITerraformDependable> serviceDependencies = new ArrayList<>(List.of(logGroup,
        executionPolicy));
    List<PolicyStatement> secretStatements = readSecrets(props.secretArns());
    if (!secretStatements.isEmpty()) {
      serviceDependencies.add(IamRolePolicy.Builder.create(this, "ExecutionRoleSecrets")
          .name("read-secrets")
          .role(executionRoleName)
          .policy(PolicyStatement.document(secretStatements))
          .build());
    }

    // A role of its own for the application: what ECS needs to start the task (pull, logs, secrets) is never
    // granted to the code in the containers (checkov CKV_AWS_249).
    this.taskRole = IamRole.Builder.create(this, "TaskRole")
        .namePrefix(roleNamePrefix("-task-"))
        .description("ECS task role of service " + props.serviceName())
        .assumeRolePolicy(JsonDocs.toJson(IamPolicies.assumeRoleBy("ecs-tasks.amazonaws.com")))
        .build();
    List<String> taskPolicies = props.taskRolePolicyArns().stream().distinct().toList();
    for (int i = 0; i < taskPolicies.size(); i++) {
      String arn = taskPolicies.get(i);
      // Ids derive from the ARN, so that adding or removing one policy never re-creates the others' attachments.
      String attachmentId = Checks.isToken(arn) ? "TaskRolePolicy" + i
          : ConstructIds.forValue("TaskRolePolicy", arn);
      serviceDependencies.add(IamRolePolicyAttachment.Builder.create(this, attachmentId)
          .role(taskRole.getName())
          .policyArn(arn)
          .build());
    }

    EcsTaskDefinition.Builder task = EcsTaskDefinition.Builder.create(this, "TaskDefinition")
        .family(props.serviceName())
        .networkMode("bridge")
        .requiresCompatibilities(List.of("EC2"))
        .containerDefinitions(ContainerDefinitions.toJson(containers))
        .executionRoleArn(executionRole.getArn())
        .taskRoleArn(taskRole.getArn());
    if (!props.scratchVolumes().isEmpty()) {
      task.volume(taskVolumes());
    }
    if (props.cpu() != null) {
      task.cpu(String.valueOf(props.cpu()));
    }
    if (props.memoryMiB() != null) {
      task.memory(String.valueOf(props.memoryMiB()));
    }
    this.taskDefinition = task.build();

    List<String> ignoreChanges = new ArrayList<>();
    if (props.autoscaled()) {
      ignoreChanges.add("desired_count");
    }
    if (props.taskDefinitionManagedExternally()) {
      ignoreChanges.add("task_definition");
    }
    EcsService.Builder serviceBuilder = EcsService.Builder.create(this, "Resource")
        .name(props.serviceName())
        .cluster(props.cluster().clusterArn())
        .taskDefinition(taskDefinition.getArn())
        .desiredCount(props.desiredCount())
        .capacityProviderStrategy(List.of(EcsServiceCapacityProviderStrategy.builder()
            .capacityProvider(props.cluster().capacityProviderName()).weight(1).base(0).build()))
        .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .deploymentMinimumHealthyPercent(props.deploymentMinimumHealthyPercent())
        .deploymentMaximumPercent(props.deploymentMaximumPercent())
        .orderedPlacementStrategy(List.of(
            EcsServiceOrderedPlacementStrategy.builder().type("spread").field("attribute:ecs.availability-zone")
                .build(),
            EcsServiceOrderedPlacementStrategy.builder().type("binpack").field("memory").build()))
        .enableEcsManagedTags(true)
        .propagateTags("SERVICE")
        .dependsOn(serviceDependencies);
    if (props.healthCheckGracePeriodSeconds() != null) {
      serviceBuilder.healthCheckGracePeriodSeconds(props.healthCheckGracePeriodSeconds());
    }
    if (!ignoreChanges.isEmpty()) {
      serviceBuilder.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(ignoreChanges).build());
    }
    this.service = serviceBuilder.build();

    if (props.autoscaled()) {
      this.scalableTarget = AppautoscalingTarget.Builder.create(this, "ScalableTarget")
          .serviceNamespace("ecs")
          .resourceId("service/" + props.cluster().clusterName() + "/" + props.serviceName())
          .scalableDimension("ecs:service:DesiredCount")
          .minCapacity(props.minCapacity())
          .maxCapacity(props.maxCapacity())
          // The resource id is built from names, not from the service's attributes: depend on it explicitly.
          .dependsOn(List.of(service))
          .build();
      this.scalableTargetIds = new ScalableTargetIds(scalableTarget.getServiceNamespace(),
          scalableTarget.getResourceId(), scalableTarget.getScalableDimension());
      this.scalingPolicy = targetTracking("CpuScaling", "cpu-target-tracking",
          predefined("ECSServiceAverageCPUUtilization", null), props.targetCpuPercent());
      if (props.targetMemoryPercent() != null) {
        targetTracking("MemoryScaling", "memory-target-tracking",
            predefined("ECSServiceAverageMemoryUtilization", null), props.targetMemoryPercent());
      }
    } else {
      this.scalableTarget = null;
      this.scalableTargetIds = null;
      this.scalingPolicy = null;
    }
  }

  /**
   * Registers the service's tasks in a routing's target group: the given container port receives the traffic.
   *
   * @param routing the target group and load balancer, for example {@code alb.addServiceRouting(...)}
   * @param containerName a container of this service
   * @param containerPort one of that container's {@code portMappings[].containerPort}
   * @return the security group rule that lets the load balancer reach the instances on the host ports in use
   * @throws InvalidPropsException when the container or port does not exist, the same target is attached twice, or
   *     more than {@value #MAX_TARGETS} targets are attached
   * @see #attachTo(TargetGroupRef, String, int)
   */
  public VpcSecurityGroupIngressRule attachTo(ServiceRouting routing, String containerName, int containerPort) {
    return attachTo(Objects.requireNonNull(routing, "routing").targetGroupRef(), containerName, containerPort);
  }

  /**
   * Registers the service's tasks in a target group; call it once per target group (several target groups,
   * ports, containers or load balancers per service are fine).
   *
   * <p>It also admits the target's load balancer to the cluster's instances on exactly the host ports in use: the
   * ephemeral range {@code 32768-65535} when the container port has a dynamic host port, the fixed {@code hostPort}
   * otherwise. The rule is shared with other services that need the same one. The health check grace period
   * becomes {@value #DEFAULT_GRACE_PERIOD_SECONDS} seconds unless {@code healthCheckGracePeriodSeconds} was set.
   *
   * @param target the target group and its load balancer
   * @param containerName a container of this service
   * @param containerPort one of that container's {@code portMappings[].containerPort}
   * @return the security group rule that lets the load balancer reach the instances on the host ports in use
   * @throws InvalidPropsException when the container or port does not exist, the same target is attached twice, or
   *     more than {@value #MAX_TARGETS} targets are attached
   */
  public VpcSecurityGroupIngressRule attachTo(TargetGroupRef target, String containerName, int containerPort) {
    Objects.requireNonNull(target, "target");
    ContainerDefinition container = ContainerDefinitions.named(containers, containerName);
    if (container == null) {
      throw invalid("attachTo.containerName", "must be a container of this service, got "
          + Checks.quote(containerName) + " (found " + ContainerDefinitions.names(containers) + ")");
    }
    PortMapping mapping = container.portMapping(containerPort);
    if (mapping == null) {
      throw invalid("attachTo.containerPort", "must be a portMappings[].containerPort of container "
          + Checks.quote(containerName) + ", got " + containerPort + " (found "
          + container.portMappings().stream().map(PortMapping::containerPort).toList() + ")");
    }
    String key = target.targetGroupArn() + " " + containerName + ":" + containerPort;
    if (targetKeys.contains(key)) {
      throw invalid("attachTo", "already attaches container " + Checks.quote(containerName) + " port "
          + containerPort + " to this target group; attach each target once");
    }
    if (targets.size() == MAX_TARGETS) {
      throw invalid("attachTo", "can attach at most " + MAX_TARGETS
          + " target groups to one service (an ECS limit), got a sixth");
    }
    targetKeys.add(key);
    targets.add(EcsServiceLoadBalancer.builder()
        .targetGroupArn(target.targetGroupArn())
        .containerName(containerName)
        .containerPort(containerPort)
        .build());
    service.putLoadBalancer(targets);
    if (props.healthCheckGracePeriodSeconds() == null && targets.size() == 1) {
      service.setHealthCheckGracePeriodSeconds(DEFAULT_GRACE_PERIOD_SECONDS);
    }
    int[] ports = mapping.hostPortRange();
    return LoadBalancerIngress.allow(this, props.cluster(), target.loadBalancer(), ports[0], ports[1]);
  }

  /**
   * Adds target tracking on the requests each task receives through a routing ({@code ALBRequestCountPerTarget}),
   * besides CPU (and memory): the service scales out when the routing's target group gets more than
   * {@code requestsPerTarget} requests per task and minute.
   *
   * @param loadBalancer the load balancer of the routing
   * @param routing a routing this service is attached to
   * @param requestsPerTarget the requests per task and minute to keep, 1 to 1000000
   * @return the scaling policy
   * @throws InvalidPropsException when the service has no autoscaling ({@code maxCapacity == minCapacity}) or the
   *     value is out of range
   */
  public AppautoscalingPolicy scaleOnRequestsPerTarget(PlatformLoadBalancer loadBalancer, ServiceRouting routing,
      int requestsPerTarget) {
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(routing, "routing");
    if (scalableTarget == null) {
      throw invalid("scaleOnRequestsPerTarget", "needs service autoscaling: set maxCapacity above"
          + " minCapacity (" + props.minCapacity() + ")");
    }
    if (requestsPerTarget < 1 || requestsPerTarget > 1_000_000) {
      throw invalid("scaleOnRequestsPerTarget.requestsPerTarget", "must be between 1 and 1000000, got "
          + requestsPerTarget);
    }
    // The label AWS expects: app/<lb name>/<lb id>/targetgroup/<tg name>/<tg id>, the two ARN suffixes joined.
    String label = loadBalancer.getArnSuffix() + "/" + routing.getTargetGroupArnSuffix();
    return targetTracking("RequestScaling" + routing.getNode().getId(),
        "requests-target-tracking-" + routing.getProps().targetGroupName(),
        predefined("ALBRequestCountPerTarget", label), requestsPerTarget);
  }

  private static AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
      predefined(String metric, String resourceLabel) {
    var spec = AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.builder()
        .predefinedMetricType(metric);
    if (resourceLabel != null) {
      spec.resourceLabel(resourceLabel);
    }
    return spec.build();
  }

  /** One target-tracking policy on the service's scalable target; every metric shares the cooldowns. */
  private AppautoscalingPolicy targetTracking(String id, String name,
      AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification metric,
      Number target) {
    return AppautoscalingPolicy.Builder.create(this, id)
        .name(name)
        .policyType("TargetTrackingScaling")
        .serviceNamespace(scalableTargetIds.namespace())
        .resourceId(scalableTargetIds.resourceId())
        .scalableDimension(scalableTargetIds.dimension())
        .targetTrackingScalingPolicyConfiguration(
            AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                .predefinedMetricSpecification(metric)
                .targetValue(target)
                .scaleInCooldown(props.scaleInCooldownSeconds())
                .scaleOutCooldown(props.scaleOutCooldownSeconds())
                .build())
        .build();
  }

  /**
   * Mounts a persistent volume of the service's cluster into one of its containers: the task definition gets a host
   * volume at the volume's mount point on the instance, the container a mount point at {@code containerPath}, and
   * the service a placement constraint that admits only the instance that holds the volume.
   *
   * <p>Deployments then stop the old task before they start the new one (minimum healthy percent 0, maximum
   * percent 100, whatever the props said): a second task would start on the same instance and write the same
   * files. So the service runs at most one task: {@code desiredCount} and {@code maxCapacity} must be at most 1.
   *
   * @param volume the volume, from {@link PersistentVolume#ref()} of the service's cluster
   * @param containerName a container of this service
   * @param containerPath where the container sees the volume, an absolute path such as
   *     {@code /var/lib/postgresql/data}
   * @throws InvalidPropsException when the volume belongs to another cluster or is mounted already, the service
   *     may run more than one task, the container does not exist or the path is not absolute
   */
  public void mountPersistentVolume(PersistentVolumeRef volume, String containerName, String containerPath) {
    Objects.requireNonNull(volume, "volume");
    Checks checks = Checks.of(this::subject);
    String field = "mountPersistentVolume";
    checks.check(volume.clusterName().equals(props.cluster().clusterName()), field + ".volume", "must be a volume"
        + " of the service's cluster " + Checks.quote(props.cluster().clusterName()) + ", got "
        + Checks.quote(volume.volumeName()) + " of cluster " + Checks.quote(volume.clusterName()));
    checks.check(!persistentVolumes.contains(volume), field + ".volume", "mounts "
        + Checks.quote(volume.volumeName()) + " already; mount each volume once");
    checks.check(!props.scratchVolumes().contains(volume.volumeName()), field + ".volume", "is named "
        + Checks.quote(volume.volumeName()) + " like one of scratchVolumes " + props.scratchVolumes()
        + "; a task's volumes need distinct names");
    String oneTask = " for a service with a persistent volume (the volume attaches to one instance, and two tasks"
        + " must never write it at once), got ";
    if (props.desiredCount() > 1) {
      checks.check(false, "desiredCount", "must be at most 1" + oneTask + props.desiredCount());
    } else {
      checks.check(props.maxCapacity() <= 1, "maxCapacity", "must be at most 1" + oneTask + props.maxCapacity());
    }
    ContainerDefinition container = ContainerDefinitions.named(containers, containerName);
    checks.check(container != null, field + ".containerName", "must be a container of this service, got "
        + Checks.quote(containerName) + " (found " + ContainerDefinitions.names(containers) + ")");
    checks.check(containerPath != null && containerPath.startsWith("/"), field + ".containerPath",
        "must be an absolute path in the container such as \"/var/lib/data\", got " + Checks.quote(containerPath));
    checks.throwIfAny();

    persistentVolumes.add(volume);
    List<MountPoint> mounts = new ArrayList<>(container.mountPoints());
    mounts.add(new MountPoint(volume.volumeName(), containerPath, null));
    List<ContainerDefinition> updated = new ArrayList<>(containers);
    updated.set(updated.indexOf(container), container.toBuilder().mountPoints(mounts).build());
    containers = List.copyOf(updated);
    taskDefinition.setContainerDefinitions(ContainerDefinitions.toJson(containers));
    taskDefinition.putVolume(taskVolumes());
    service.putPlacementConstraints(persistentVolumes.stream().map(v -> EcsServicePlacementConstraints.builder()
        .type("memberOf").expression(v.placementExpression()).build()).toList());
    service.setDeploymentMinimumHealthyPercent(0);
    service.setDeploymentMaximumPercent(100);
  }

  /**
   * The task's volumes: the scratch volumes, then the mounted persistent volumes. One list, because setting the
   * task definition's volumes replaces all of them.
   */
  private List<EcsTaskDefinitionVolume> taskVolumes() {
    List<EcsTaskDefinitionVolume> volumes = new ArrayList<>();
    for (String name : props.scratchVolumes()) {
      // Task-scoped Docker volumes: created empty when the task starts, removed when it stops.
      volumes.add(EcsTaskDefinitionVolume.builder().name(name)
          .dockerVolumeConfiguration(EcsTaskDefinitionVolumeDockerVolumeConfiguration.builder()
              .scope("task").driver("local").build())
          .build());
    }
    for (PersistentVolumeRef v : persistentVolumes) {
      volumes.add(EcsTaskDefinitionVolume.builder().name(v.volumeName()).hostPath(v.hostPath()).build());
    }
    return volumes;
  }

  /** What every target-tracking policy names of the scalable target (tokens until apply). */
  private record ScalableTargetIds(String namespace, String resourceId, String dimension) {}

  /** How errors name this service; asked for only when there is an error (the path is a round trip to jsii). */
  private String subject() {
    return "Ec2Service '" + getNode().getPath() + "'";
  }

  private InvalidPropsException invalid(String field, String message) {
    return new InvalidPropsException(subject(), List.of(new Problem(field, message)));
  }

  /**
   * Adds a statement to the task role's inline policy (what the application in the containers may call). The
   * policy is created on the first call.
   *
   * @param statement what to allow
   * @return the inline policy, with every statement added so far
   */
  public IamRolePolicy addToTaskRolePolicy(PolicyStatement statement) {
    taskRoleStatements.add(Objects.requireNonNull(statement, "statement"));
    String document = PolicyStatement.document(taskRoleStatements);
    if (taskRolePolicy == null) {
      taskRolePolicy = IamRolePolicy.Builder.create(this, "TaskRoleInlinePolicy")
          .name("inline")
          .role(taskRole.getName())
          .policy(document)
          .build();
    } else {
      taskRolePolicy.setPolicy(document);
    }
    return taskRolePolicy;
  }

  private String roleNamePrefix(String suffix) {
    String name = props.serviceName();
    int keep = Math.min(name.length(), ROLE_NAME_PREFIX_MAX - suffix.length());
    return name.substring(0, keep) + suffix;
  }

  /** Secrets Manager secrets and SSM parameters need different actions: grant each only its own. */
  private static List<PolicyStatement> readSecrets(List<String> arns) {
    List<PolicyStatement> statements = new ArrayList<>();
    List<String> secrets = arns.stream().filter(a -> a.split(":", -1)[2].equals("secretsmanager")).toList();
    List<String> parameters = arns.stream().filter(a -> a.split(":", -1)[2].equals("ssm")).toList();
    if (!secrets.isEmpty()) {
      statements.add(PolicyStatement.builder().sid("ReadContainerSecrets")
          .actions(List.of("secretsmanager:GetSecretValue")).resources(secrets).build());
    }
    if (!parameters.isEmpty()) {
      statements.add(PolicyStatement.builder().sid("ReadContainerParameters")
          .actions(List.of("ssm:GetParameters")).resources(parameters).build());
    }
    return statements;
  }

  /**
   * The props this service was built from.
   *
   * @return the validated props
   */
  public Ec2ServiceProps getProps() {
    return props;
  }

  /**
   * The underlying ECS service, for escape hatches such as {@code addOverride}.
   *
   * @return the {@code aws_ecs_service} resource
   */
  public EcsService getService() {
    return service;
  }

  /**
   * The service name (a plain string, known at synth).
   *
   * @return the service name
   */
  public String getServiceName() {
    return props.serviceName();
  }

  /**
   * The service ARN; a token until apply.
   *
   * @return the service ARN
   */
  public String getServiceArn() {
    return service.getId();
  }

  /**
   * The task definition Terraform registers.
   *
   * @return the {@code aws_ecs_task_definition} resource
   */
  public EcsTaskDefinition getTaskDefinition() {
    return taskDefinition;
  }

  /**
   * The ARN (with revision) of the task definition Terraform registers; a token until apply. With
   * {@code taskDefinitionManagedExternally} the service may run a later revision.
   *
   * @return the task definition ARN, with revision
   */
  public String getTaskDefinitionArn() {
    return taskDefinition.getArn();
  }

  /**
   * The log group {@code /ecs/<serviceName>} that containers without their own log configuration write to.
   *
   * @return the {@code aws_cloudwatch_log_group} resource
   */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /**
   * The log group name, {@code /ecs/<serviceName>} (a plain string, known at synth).
   *
   * @return the log group name
   */
  public String getLogGroupName() {
    return "/ecs/" + props.serviceName();
  }

  /**
   * The role ECS uses to pull images, write logs and read the containers' secrets.
   *
   * @return the task execution role
   */
  public IamRole getExecutionRole() {
    return executionRole;
  }

  /**
   * The role the application in the containers runs as; attach policies to it to grant access to AWS.
   *
   * @return the task role
   */
  public IamRole getTaskRole() {
    return taskRole;
  }

  /**
   * The service autoscaling target, or {@code null} when {@code maxCapacity} equals {@code minCapacity}.
   *
   * @return the {@code aws_appautoscaling_target} resource, or {@code null}
   */
  public AppautoscalingTarget getScalableTarget() {
    return scalableTarget;
  }

  /**
   * The CPU target-tracking policy, or {@code null} when {@code maxCapacity} equals {@code minCapacity}.
   *
   * @return the {@code aws_appautoscaling_policy} resource, or {@code null}
   */
  public AppautoscalingPolicy getScalingPolicy() {
    return scalingPolicy;
  }

  /**
   * The persistent volumes mounted so far, in order.
   *
   * @return the volumes; an unmodifiable list
   */
  public List<PersistentVolumeRef> getPersistentVolumes() {
    return List.copyOf(persistentVolumes);
  }

  /**
   * The containers as registered, after the {@code awslogs} configuration (and persistent volumes' mount points)
   * were added.
   *
   * @return the registered containers
   */
  public List<ContainerDefinition> getContainers() {
    return containers;
  }
}
