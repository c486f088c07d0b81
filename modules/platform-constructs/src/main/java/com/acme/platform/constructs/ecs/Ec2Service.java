package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.ConstructIds;
import com.acme.platform.constructs.core.IamPolicies;
import com.acme.platform.constructs.core.JsonDocs;
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
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An ECS service on an EC2 cluster: bridge network mode with dynamic host ports, placed through the cluster's
 * capacity provider, with its task definition, IAM roles, CloudWatch log group and target-tracking autoscaling.
 *
 * <p>Creates:
 * <ul>
 *   <li>{@code aws_cloudwatch_log_group} {@code /ecs/<serviceName>}; containers without a {@code logConfiguration}
 *       log to it with the {@code awslogs} driver (stream prefix {@code <serviceName>});</li>
 *   <li>{@code aws_iam_role} execution role (assumed by {@code ecs-tasks.amazonaws.com}) with
 *       {@code AmazonECSTaskExecutionRolePolicy} attached (in the ARN partition of {@code awsRegion}) and, when
 *       {@code executionRoleSecretArns} is set, an inline {@code aws_iam_role_policy} that reads exactly those
 *       secrets and parameters;</li>
 *   <li>{@code aws_iam_role} task role (assumed by {@code ecs-tasks.amazonaws.com}) with one
 *       {@code aws_iam_role_policy_attachment} per {@code taskRolePolicyArns} entry;</li>
 *   <li>{@code aws_ecs_task_definition}: family {@code <serviceName>}, network mode {@code bridge}, EC2
 *       compatibility;</li>
 *   <li>{@code aws_ecs_service}: capacity provider strategy (no launch type), rolling deployment with the deployment
 *       circuit breaker and rollback, placement spread over availability zones then binpacked on memory, ECS managed
 *       tags propagated from the service, and the target group attachment when one is given;</li>
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
  /** The AWS managed policy that lets ECS pull images and write logs for the task (after the partition). */
  static final String EXECUTION_ROLE_POLICY = ":iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
  /** IAM allows at most 38 characters in {@code name_prefix}. */
  private static final int ROLE_NAME_PREFIX_MAX = 38;

  private final Ec2ServiceProps props;
  private final ContainerDefinitions containerDefinitions;
  private final CloudwatchLogGroup logGroup;
  private final IamRole executionRole;
  private final IamRole taskRole;
  private final EcsTaskDefinition taskDefinition;
  private final EcsService service;
  private final AppautoscalingTarget scalableTarget;
  private final AppautoscalingPolicy scalingPolicy;

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
    this.containerDefinitions = ContainerDefinitions.parse(props.containerDefinitions())
        .withAwsLogs(logGroupName, props.awsRegion(), props.serviceName());

    this.logGroup = CloudwatchLogGroup.Builder.create(this, "Logs")
        .name(logGroupName)
        .retentionInDays(props.logRetentionDays())
        .build();

    this.executionRole = IamRole.Builder.create(this, "ExecutionRole")
        .namePrefix(roleNamePrefix("-exec-"))
        .description("ECS task execution role of service " + props.serviceName())
        .assumeRolePolicy(JsonDocs.toJson(IamPolicies.assumeRoleBy("ecs-tasks.amazonaws.com")))
        .build();
    IamRolePolicyAttachment executionPolicy = IamRolePolicyAttachment.Builder.create(this, "ExecutionRolePolicy")
        .role(executionRole.getName())
        .policyArn("arn:" + partition(props.awsRegion()) + EXECUTION_ROLE_POLICY)
        .build();
    List<ITerraformDependable> serviceDependencies = new ArrayList<>(List.of(logGroup,
        executionPolicy));
    if (!props.executionRoleSecretArns().isEmpty()) {
      serviceDependencies.add(IamRolePolicy.Builder.create(this, "ExecutionRoleSecrets")
          .name("read-secrets")
          .role(executionRole.getName())
          .policy(JsonDocs.toJson(readSecrets(props.executionRoleSecretArns())))
          .build());
    }

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
        .containerDefinitions(containerDefinitions.toJson())
        .executionRoleArn(executionRole.getArn())
        .taskRoleArn(taskRole.getArn());
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
    if (props.loadBalanced()) {
      serviceBuilder.loadBalancer(List.of(EcsServiceLoadBalancer.builder()
          .targetGroupArn(props.targetGroupArn())
          .containerName(props.containerName())
          .containerPort(props.containerPort())
          .build()));
    }
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
      this.scalingPolicy = AppautoscalingPolicy.Builder.create(this, "CpuScaling")
          .name("cpu-target-tracking")
          .policyType("TargetTrackingScaling")
          .serviceNamespace(scalableTarget.getServiceNamespace())
          .resourceId(scalableTarget.getResourceId())
          .scalableDimension(scalableTarget.getScalableDimension())
          .targetTrackingScalingPolicyConfiguration(
              AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                  .predefinedMetricSpecification(
                      AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
                          .builder().predefinedMetricType("ECSServiceAverageCPUUtilization").build())
                  .targetValue(props.targetCpuPercent())
                  .scaleInCooldown(props.scaleInCooldownSeconds())
                  .scaleOutCooldown(props.scaleOutCooldownSeconds())
                  .build())
          .build();
    } else {
      this.scalableTarget = null;
      this.scalingPolicy = null;
    }
  }

  /** The ARN partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  private String roleNamePrefix(String suffix) {
    String name = props.serviceName();
    int keep = Math.min(name.length(), ROLE_NAME_PREFIX_MAX - suffix.length());
    return name.substring(0, keep) + suffix;
  }

  private static Map<String, Object> readSecrets(List<String> arns) {
    return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
        "Sid", "ReadContainerSecrets",
        "Effect", "Allow",
        "Action", List.of("secretsmanager:GetSecretValue", "ssm:GetParameters"),
        "Resource", arns.stream().distinct().sorted().toList())));
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
   * The container definitions as registered, after the {@code awslogs} configuration was added.
   *
   * @return the registered container definitions
   */
  public ContainerDefinitions getContainerDefinitions() {
    return containerDefinitions;
  }
}
