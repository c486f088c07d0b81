package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.alb.LoadBalancerRef;
import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.alb.TargetGroupRef;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.PolicyStatement;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2ServiceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** A cluster that exists already, described with literal values (no Ec2Cluster in the stack). */
  private static final ClusterRef CLUSTER = new ClusterRef("platform",
      "arn:aws:ecs:eu-west-1:111111111111:cluster/platform", "platform-ec2", "sg-0123456789abcdef0");
  private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders-db-AbCdEf";
  private static final String PARAMETER = "arn:aws:ssm:eu-west-1:111111111111:parameter/orders/api-key";
  private static final ContainerDefinition WEB_CONTAINER = ContainerDefinition.builder().name("web")
      .image("nginx:1.25").memoryMiB(512).portMapping(PortMapping.dynamic(8080)).build();
  private static final List<ContainerDefinition> WEB = List.of(WEB_CONTAINER);
  private static final List<ContainerDefinition> WEB_AND_SIDECAR = List.of(
      ContainerDefinition.builder().name("web").image("111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:1.0")
          .portMapping(PortMapping.dynamic(8080)).portMapping(PortMapping.fixed(9090, 9090))
          // A JSON key and version after the secret's ARN: IAM grants the secret itself.
          .secret("DB_PASSWORD", SECRET + ":password::").secret("API_KEY", PARAMETER).build(),
      ContainerDefinition.builder().name("sidecar").image("envoy:1").essential(false)
          .logConfiguration(new LogConfiguration("json-file", Map.of("max-size", "10m"))).build());
  private static final String TARGET_GROUP =
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/orders/0123456789abcdef";
  private static final LoadBalancerRef ALB = new LoadBalancerRef("public",
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/public/50dc6c495c0c9188",
      "public-1.eu-west-1.elb.amazonaws.com",
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/public/50dc6c495c0c9188/f2f7dc8efc522ab2",
      "sg-0aaaaaaaaaaaaaaaa", "vpc-0123");
  private static final TargetGroupRef TARGET = new TargetGroupRef(TARGET_GROUP, ALB);

  private Synth defaults;
  private Ec2Service defaultsService;
  private Synth allOptions;
  private Ec2Service allOptionsService;
  private Synth fixedExternal;

  private static Ec2ServiceProps.Builder required() {
    return Ec2ServiceProps.builder()
        .serviceName("orders")
        .cluster(CLUSTER)
        .awsRegion("eu-west-1")
        .containers(WEB);
  }

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> defaultsService = new Ec2Service(stack, "Orders", required().build()));
    Ec2ServiceProps all = required()
        .containers(WEB_AND_SIDECAR)
        .cpu(512)
        .memoryMiB(1024)
        .desiredCount(3)
        .minCapacity(2)
        .maxCapacity(6)
        .targetCpuPercent(60)
        .scaleInCooldownSeconds(120)
        .scaleOutCooldownSeconds(30)
        .deploymentMinimumHealthyPercent(50)
        .deploymentMaximumPercent(150)
        .healthCheckGracePeriodSeconds(120)
        .logRetentionDays(90)
        .taskRolePolicyArns(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws:iam::111111111111:policy/orders-queue"))
        .taskDefinitionManagedExternally(true)
        .build();
    allOptions = Synth.stack(stack -> {
      allOptionsService = new Ec2Service(stack, "Orders", all);
      allOptionsService.attachTo(TARGET, "web", 8080);
      allOptionsService.addToTaskRolePolicy(PolicyStatement.allow(List.of("sqs:SendMessage"),
          List.of("arn:aws:sqs:eu-west-1:111111111111:orders")));
      allOptionsService.addToTaskRolePolicy(PolicyStatement.allow(List.of("s3:GetObject"),
          List.of("arn:aws:s3:::orders-assets/*")));
    });
    fixedExternal = Synth.stack(stack -> {
      ServiceRepository repository = new ServiceRepository(stack, "Repository", "orders");
      Ec2Service service = new Ec2Service(stack, "Orders", required()
          // The image comes from a repository in the same stack: a token inside the JSON string.
          .containers(List.of(WEB_CONTAINER.toBuilder().image(repository.getRepositoryUrl() + ":1.0").build()))
          .desiredCount(2)
          .taskDefinitionManagedExternally(true)
          .build());
      service.attachTo(TARGET, "web", 8080);
      repository.grantPull(service.getExecutionRole());
    });
  }

  // ---- defaults ------------------------------------------------------------------------------------------------

  @Test
  void logGroup_defaults_namedAfterServiceWithAYearsRetention() {
    defaults.assertHasResourceWithProperties("aws_cloudwatch_log_group", Map.of(
        "name", "/ecs/orders", "retention_in_days", 365));
    assertThat(defaultsService.getLogGroupName()).isEqualTo("/ecs/orders");
  }

  @Test
  void taskDefinition_defaults_bridgeEc2WithAwslogsAndNoTaskCpuOrMemory() throws Exception {
    JsonNode task = defaults.only("aws_ecs_task_definition");
    assertThat(task.get("family").asText()).isEqualTo("orders");
    assertThat(task.get("network_mode").asText()).isEqualTo("bridge");
    assertThat(task.get("requires_compatibilities").toString()).isEqualTo("[\"EC2\"]");
    assertThat(task.has("cpu")).as("cpu").isFalse();
    assertThat(task.has("memory")).as("memory").isFalse();
    assertThat(task.get("execution_role_arn").asText()).contains("aws_iam_role.Orders_ExecutionRole");
    assertThat(task.get("task_role_arn").asText()).contains("aws_iam_role.Orders_TaskRole");
    assertThat(task.get("container_definitions").asText()).isEqualTo("[{\"image\":\"nginx:1.25\","
        + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/orders\","
        + "\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"orders\"}},\"memory\":512,\"name\":\"web\","
        + "\"portMappings\":[{\"containerPort\":8080}],\"readonlyRootFilesystem\":true}]");
    assertThat(task.has("pid_mode")).as("pid_mode").isFalse();
    assertThat(task.has("ipc_mode")).as("ipc_mode").isFalse();
    assertThat(task.has("volume")).as("volume").isFalse();
    assertThat(task.get("execution_role_arn").asText()).isNotEqualTo(task.get("task_role_arn").asText());
  }

  @Test
  void service_defaults_capacityProviderCircuitBreakerPlacementAndTags() {
    defaults.assertHasResourceWithProperties("aws_ecs_service", Map.of(
        "name", "orders",
        "cluster", "arn:aws:ecs:eu-west-1:111111111111:cluster/platform",
        "desired_count", 1,
        "capacity_provider_strategy", List.of(Map.of("capacity_provider", "platform-ec2", "weight", 1, "base", 0)),
        "deployment_circuit_breaker", Map.of("enable", true, "rollback", true),
        "deployment_minimum_healthy_percent", 100,
        "deployment_maximum_percent", 200,
        "ordered_placement_strategy", List.of(
            Map.of("type", "spread", "field", "attribute:ecs.availability-zone"),
            Map.of("type", "binpack", "field", "memory")),
        "enable_ecs_managed_tags", true,
        "propagate_tags", "SERVICE"));
    JsonNode service = defaults.only("aws_ecs_service");
    assertThat(service.get("task_definition").asText()).contains("aws_ecs_task_definition.Orders_TaskDefinition");
    assertThat(service.has("launch_type")).as("launch_type").isFalse();
    assertThat(service.has("load_balancer")).as("load_balancer").isFalse();
    assertThat(service.has("health_check_grace_period_seconds")).as("health_check_grace_period_seconds").isFalse();
    assertThat(service.has("lifecycle")).as("lifecycle: nothing scales the service, Terraform owns the count")
        .isFalse();
    assertThat(service.get("depends_on").toString()).contains("aws_cloudwatch_log_group.Orders_Logs")
        .contains("aws_iam_role_policy_attachment.Orders_ExecutionRolePolicy");
  }

  @Test
  void roles_defaults_assumedByEcsTasksExecutionPolicyOnlyNoSecrets() throws Exception {
    assertThat(defaults.count("aws_iam_role")).isEqualTo(2);
    for (JsonNode role : defaults.resources("aws_iam_role")) {
      assertThat(role.get("assume_role_policy").asText()).isEqualTo("{\"Statement\":[{\"Action\":\"sts:AssumeRole\","
          + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}],"
          + "\"Version\":\"2012-10-17\"}");
    }
    defaults.assertHasResourceWithProperties("aws_iam_role", Map.of("name_prefix", "orders-exec-"));
    defaults.assertHasResourceWithProperties("aws_iam_role", Map.of("name_prefix", "orders-task-"));
    JsonNode attachment = defaults.only("aws_iam_role_policy_attachment");
    assertThat(attachment.get("policy_arn").asText())
        .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    assertThat(attachment.get("role").asText()).contains("aws_iam_role.Orders_ExecutionRole");
    assertThat(defaults.count("aws_iam_role_policy")).isZero();
  }

  @Test
  void autoscaling_defaults_noneWhenMaxEqualsMin() {
    assertThat(defaults.count("aws_appautoscaling_target")).isZero();
    assertThat(defaults.count("aws_appautoscaling_policy")).isZero();
    assertThat(defaultsService.getScalableTarget()).isNull();
    assertThat(defaultsService.getScalingPolicy()).isNull();
  }

  @Test
  void props_onlyMinAndMax_desiredStartsAtMin() {
    Ec2ServiceProps props = required().minCapacity(2).maxCapacity(6).build();

    assertThat(props.desiredCount()).isEqualTo(2);
    assertThat(props.autoscaled()).isTrue();
  }

  @Test
  void props_defaults_documentedValues() {
    Ec2ServiceProps props = defaultsService.getProps();
    assertThat(List.of(props.desiredCount(), props.minCapacity(), props.maxCapacity(), props.targetCpuPercent(),
        props.scaleInCooldownSeconds(), props.scaleOutCooldownSeconds(), props.deploymentMinimumHealthyPercent(),
        props.deploymentMaximumPercent(), props.logRetentionDays()))
        .containsExactly(1, 1, 1, 70, 300, 60, 100, 200, 365);
    assertThat(props.logKmsKeyArn()).isNull();
    assertThat(props.scratchVolumes()).isEmpty();
    assertThat(props.cpu()).isNull();
    assertThat(props.memoryMiB()).isNull();
    assertThat(props.healthCheckGracePeriodSeconds()).isNull();
    assertThat(props.taskRolePolicyArns()).isEmpty();
    assertThat(props.secretArns()).isEmpty();
    assertThat(props.taskDefinitionManagedExternally()).isFalse();
    assertThat(props.autoscaled()).isFalse();
  }

  @Test
  void props_capacityDefaults_followDesiredCountAndMinCapacity() {
    Ec2ServiceProps desiredOnly = required().desiredCount(4).build();
    assertThat(List.of(desiredOnly.minCapacity(), desiredOnly.maxCapacity())).containsExactly(4, 4);
    Ec2ServiceProps lowMin = required().desiredCount(3).minCapacity(1).build();
    assertThat(List.of(lowMin.minCapacity(), lowMin.maxCapacity())).containsExactly(1, 3);
  }

  @Test
  void getters_defaults_exposeResourcesAndNames() {
    assertThat(defaultsService.getServiceName()).isEqualTo("orders");
    assertThat(defaultsService.getService()).isNotNull();
    assertThat(defaultsService.getTaskDefinition()).isNotNull();
    assertThat(defaultsService.getTaskDefinitionArn()).contains("TfToken");
    assertThat(defaultsService.getServiceArn()).contains("TfToken");
    assertThat(defaultsService.getLogGroup()).isNotNull();
    assertThat(defaultsService.getExecutionRole()).isNotNull();
    assertThat(defaultsService.getTaskRole()).isNotNull();
    assertThat(ContainerDefinitions.names(defaultsService.getContainers())).containsExactly("web");
    assertThat(defaultsService.getContainers().get(0).logConfiguration().options())
        .containsEntry("awslogs-group", "/ecs/orders");
  }

  // ---- all options ---------------------------------------------------------------------------------------------

  @Test
  void taskDefinition_allOptions_cpuMemoryAsStringsAndLogConfigOnlyWhereMissing() throws Exception {
    JsonNode task = allOptions.only("aws_ecs_task_definition");
    assertThat(task.get("cpu").asText()).isEqualTo("512");
    assertThat(task.get("memory").asText()).isEqualTo("1024");
    assertThat(task.get("cpu").isTextual()).as("cpu is a string").isTrue();
    JsonNode containers = MAPPER.readTree(task.get("container_definitions").asText());
    assertThat(containers.at("/0/logConfiguration").toString()).isEqualTo("{\"logDriver\":\"awslogs\",\"options\":"
        + "{\"awslogs-group\":\"/ecs/orders\",\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"orders\"}}");
    assertThat(containers.at("/1/logConfiguration").toString())
        .isEqualTo("{\"logDriver\":\"json-file\",\"options\":{\"max-size\":\"10m\"}}");
    assertThat(containers.at("/0/secrets/0/valueFrom").asText()).isEqualTo(SECRET + ":password::");
  }

  @Test
  void service_allOptions_loadBalancerDeploymentAndIgnoreChanges() {
    allOptions.assertHasResourceWithProperties("aws_ecs_service", Map.of(
        "desired_count", 3,
        "deployment_minimum_healthy_percent", 50,
        "deployment_maximum_percent", 150,
        "load_balancer", List.of(Map.of(
            "target_group_arn", TARGET_GROUP, "container_name", "web", "container_port", 8080)),
        "health_check_grace_period_seconds", 120,
        "lifecycle", Map.of("ignore_changes", List.of("desired_count", "task_definition"))));
    assertThat(allOptions.only("aws_ecs_service").get("depends_on").toString())
        .contains("aws_iam_role_policy.Orders_ExecutionRoleSecrets");
  }

  @Test
  void logGroup_allOptions_retention() {
    allOptions.assertHasResourceWithProperties("aws_cloudwatch_log_group", Map.of("retention_in_days", 90));
  }

  @Test
  void autoscaling_allOptions_targetTrackingOnServiceCpu() {
    allOptions.assertHasResourceWithProperties("aws_appautoscaling_target", Map.of(
        "service_namespace", "ecs",
        "resource_id", "service/platform/orders",
        "scalable_dimension", "ecs:service:DesiredCount",
        "min_capacity", 2,
        "max_capacity", 6));
    assertThat(allOptions.only("aws_appautoscaling_target").get("depends_on").toString())
        .contains("aws_ecs_service.Orders");
    allOptions.assertHasResourceWithProperties("aws_appautoscaling_policy", Map.of(
        "name", "cpu-target-tracking",
        "policy_type", "TargetTrackingScaling",
        "target_tracking_scaling_policy_configuration", Map.of(
            "predefined_metric_specification", Map.of("predefined_metric_type", "ECSServiceAverageCPUUtilization"),
            "target_value", 60,
            "scale_in_cooldown", 120,
            "scale_out_cooldown", 30)));
    JsonNode policy = allOptions.only("aws_appautoscaling_policy");
    assertThat(policy.get("resource_id").asText()).contains("aws_appautoscaling_target.Orders_ScalableTarget");
    assertThat(allOptionsService.getScalableTarget()).isNotNull();
    assertThat(allOptionsService.getScalingPolicy()).isNotNull();
  }

  @Test
  void executionRole_allOptions_readsExactlyTheContainersSecrets() throws Exception {
    JsonNode inline = allOptions.resources("aws_iam_role_policy").stream()
        .filter(p -> p.get("name").asText().equals("read-secrets")).findFirst().orElseThrow();
    assertThat(inline.get("role").asText()).contains("aws_iam_role.Orders_ExecutionRole");
    assertThat(inline.get("policy").asText()).isEqualTo("{\"Statement\":["
        + "{\"Action\":\"secretsmanager:GetSecretValue\",\"Effect\":\"Allow\",\"Resource\":\"" + SECRET + "\","
        + "\"Sid\":\"ReadContainerSecrets\"},"
        + "{\"Action\":\"ssm:GetParameters\",\"Effect\":\"Allow\",\"Resource\":\"" + PARAMETER + "\","
        + "\"Sid\":\"ReadContainerParameters\"}],\"Version\":\"2012-10-17\"}");
  }

  @Test
  void taskRole_addToTaskRolePolicy_oneInlinePolicyWithEveryStatement() {
    JsonNode inline = allOptions.resources("aws_iam_role_policy").stream()
        .filter(p -> p.get("name").asText().equals("inline")).findFirst().orElseThrow();
    assertThat(inline.get("role").asText()).contains("aws_iam_role.Orders_TaskRole");
    assertThat(inline.get("policy").asText()).isEqualTo("{\"Statement\":["
        + "{\"Action\":\"sqs:SendMessage\",\"Effect\":\"Allow\","
        + "\"Resource\":\"arn:aws:sqs:eu-west-1:111111111111:orders\"},"
        + "{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:s3:::orders-assets/*\"}],"
        + "\"Version\":\"2012-10-17\"}");
  }

  @Test
  void taskRole_allOptions_oneAttachmentPerPolicy() {
    assertThat(allOptions.count("aws_iam_role_policy_attachment")).isEqualTo(3);
    allOptions.assertHasResourceWithProperties("aws_iam_role_policy_attachment", Map.of(
        "policy_arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    allOptions.assertHasResourceWithProperties("aws_iam_role_policy_attachment", Map.of(
        "policy_arn", "arn:aws:iam::111111111111:policy/orders-queue"));
    for (JsonNode attachment : allOptions.resources("aws_iam_role_policy_attachment")) {
      if (!attachment.get("policy_arn").asText().contains("AmazonECSTaskExecutionRolePolicy")) {
        assertThat(attachment.get("role").asText()).contains("aws_iam_role.Orders_TaskRole");
      }
    }
  }

  @Test
  void service_externallyManagedWithoutAutoscaling_ignoresTaskDefinitionOnly() {
    fixedExternal.assertHasResourceWithProperties("aws_ecs_service", Map.of(
        "desired_count", 2,
        "health_check_grace_period_seconds", 60,
        "lifecycle", Map.of("ignore_changes", List.of("task_definition"))));
    assertThat(fixedExternal.count("aws_appautoscaling_target")).isZero();
  }

  @Test
  void taskDefinition_imageToken_resolvedInsideContainerDefinitions() {
    assertThat(fixedExternal.only("aws_ecs_task_definition").get("container_definitions").asText())
        .startsWith("[{\"image\":\"${aws_ecr_repository.Repository_")
        .contains(".repository_url}:1.0\",");
  }

  @Test
  void executionRolePolicy_chinaRegion_usesPartition() {
    Synth china = Synth.stack(stack -> new Ec2Service(stack, "Orders", required().awsRegion("cn-north-1").build()));
    assertThat(china.only("aws_iam_role_policy_attachment").get("policy_arn").asText())
        .isEqualTo("arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
  }

  // ---- autoscaling on memory and requests --------------------------------------------------------------------

  @Test
  void autoscaling_memoryAndRequests_policiesBesideCpu() {
    Synth synth = Synth.stack(stack -> {
      PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "Public",
          PlatformLoadBalancerProps.of("public", new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-a", "subnet-b"),
              List.of("subnet-c", "subnet-d"))));
      ServiceRouting routing = alb.addServiceRouting("Orders", ServiceRoutingProps.builder()
          .targetGroupName("orders").loadBalancer(alb.ref()).port(8080).pathPatterns(List.of("/*")).build());
      Ec2Service service = new Ec2Service(stack, "Orders", required().minCapacity(1).maxCapacity(4)
          .targetMemoryPercent(75).build());
      service.attachTo(routing, "web", 8080);
      service.scaleOnRequestsPerTarget(alb, routing, 500);
    });
    synth.assertHasResourceWithProperties("aws_appautoscaling_policy", Map.of("name", "memory-target-tracking",
        "target_tracking_scaling_policy_configuration", Map.of("target_value", 75, "predefined_metric_specification",
            Map.of("predefined_metric_type", "ECSServiceAverageMemoryUtilization"))));
    JsonNode requests = synth.resources("aws_appautoscaling_policy").stream()
        .filter(p -> p.get("name").asText().equals("requests-target-tracking-orders")).findFirst().orElseThrow();
    assertThat(requests.at("/target_tracking_scaling_policy_configuration/target_value").asInt()).isEqualTo(500);
    assertThat(requests.at("/target_tracking_scaling_policy_configuration/predefined_metric_specification/"
        + "resource_label").asText()).matches("\\$\\{aws_lb\\.Public_[0-9A-F]{8}\\.arn_suffix}/"
            + "\\$\\{aws_lb_target_group\\.Public_Orders_[0-9A-F]{8}\\.arn_suffix}");
    assertThat(synth.count("aws_appautoscaling_policy")).isEqualTo(3);
  }

  @Test
  void autoscaling_defaults_noMemoryPolicy() {
    assertThat(allOptions.count("aws_appautoscaling_policy")).isEqualTo(1);
    assertThat(allOptionsService.getProps().targetMemoryPercent()).isNull();
  }

  @Test
  void fails_requestScaling_withoutAutoscaling_orOutOfRange() {
    Synth.stack(stack -> {
      PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "Public",
          PlatformLoadBalancerProps.of("public", new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-a", "subnet-b"),
              List.of("subnet-c", "subnet-d"))));
      ServiceRouting routing = alb.addServiceRouting("Orders", ServiceRoutingProps.builder()
          .targetGroupName("orders").loadBalancer(alb.ref()).port(8080).pathPatterns(List.of("/*")).build());
      Ec2Service fixed = new Ec2Service(stack, "Fixed", required().build());
      assertThatThrownBy(() -> fixed.scaleOnRequestsPerTarget(alb, routing, 100))
          .hasMessage("Ec2Service 'test/Fixed'.scaleOnRequestsPerTarget needs service autoscaling: set maxCapacity"
              + " above minCapacity (1)");
      Ec2Service scaled = new Ec2Service(stack, "Scaled", required().serviceName("scaled").maxCapacity(3).build());
      assertThatThrownBy(() -> scaled.scaleOnRequestsPerTarget(alb, routing, 0))
          .hasMessage("Ec2Service 'test/Scaled'.scaleOnRequestsPerTarget.requestsPerTarget must be between 1 and"
              + " 1000000, got 0");
    });
    assertThat(problems(b -> b.targetMemoryPercent(96))).containsExactly(
        "targetMemoryPercent must be between 10 and 95, got 96");
  }

  // ---- load balancer targets -------------------------------------------------------------------------------------

  @Test
  void attachTo_dynamicPort_admitsTheLoadBalancerOnTheEphemeralRangeOnly() {
    allOptions.assertHasResourceWithProperties("aws_vpc_security_group_ingress_rule", Map.of(
        "security_group_id", "sg-0123456789abcdef0", "referenced_security_group_id", "sg-0aaaaaaaaaaaaaaaa",
        "ip_protocol", "tcp", "from_port", 32768, "to_port", 65535,
        "description", "TCP 32768-65535 (dynamic host ports 32768-65535) from load balancer public"));
    assertThat(allOptions.count("aws_vpc_security_group_ingress_rule")).isEqualTo(1);
  }

  @Test
  void attachTo_fixedHostPort_admitsExactlyThatPort_andSeveralTargetsPerService() {
    Synth synth = Synth.stack(stack -> {
      Ec2Service service = new Ec2Service(stack, "Orders", required().containers(WEB_AND_SIDECAR).memoryMiB(512)
          .build());
      service.attachTo(TARGET, "web", 8080);
      service.attachTo(new TargetGroupRef(TARGET_GROUP.replace("orders/", "admin/"), ALB), "web", 9090);
    });
    JsonNode service = synth.only("aws_ecs_service");
    assertThat(service.get("load_balancer")).hasSize(2);
    assertThat(service.at("/load_balancer/1/container_port").asInt()).isEqualTo(9090);
    assertThat(service.get("health_check_grace_period_seconds").asInt()).isEqualTo(60);
    List<String> ranges = synth.resources("aws_vpc_security_group_ingress_rule").stream()
        .map(r -> r.get("from_port").asInt() + "-" + r.get("to_port").asInt()).sorted().toList();
    assertThat(ranges).containsExactly("32768-65535", "9090-9090");
  }

  @Test
  void attachTo_twoServicesSameClusterAndLoadBalancer_shareOneRule() {
    Synth synth = Synth.stack(stack -> {
      new Ec2Service(stack, "A", required().serviceName("a").build()).attachTo(TARGET, "web", 8080);
      new Ec2Service(stack, "B", required().serviceName("b").build())
          .attachTo(new TargetGroupRef(TARGET_GROUP.replace("orders/", "b/"), ALB), "web", 8080);
    });
    assertThat(synth.count("aws_vpc_security_group_ingress_rule")).isEqualTo(1);
    assertThat(synth.count("aws_ecs_service")).isEqualTo(2);
  }

  @Test
  void fails_attachTo_unknownContainer_unknownPort_twice() {
    Synth.stack(stack -> {
      Ec2Service service = new Ec2Service(stack, "Orders", required().build());
      assertThatThrownBy(() -> service.attachTo(TARGET, "api", 8080)).isInstanceOf(InvalidPropsException.class)
          .hasMessage("Ec2Service 'test/Orders'.attachTo.containerName must be a container of this service, got"
              + " \"api\" (found [web])");
      assertThatThrownBy(() -> service.attachTo(TARGET, "web", 80)).isInstanceOf(InvalidPropsException.class)
          .hasMessage("Ec2Service 'test/Orders'.attachTo.containerPort must be a portMappings[].containerPort of"
              + " container \"web\", got 80 (found [8080])");
      service.attachTo(TARGET, "web", 8080);
      assertThatThrownBy(() -> service.attachTo(TARGET, "web", 8080)).isInstanceOf(InvalidPropsException.class)
          .hasMessage("Ec2Service 'test/Orders'.attachTo already attaches container \"web\" port 8080 to this"
              + " target group; attach each target once");
    });
  }

  @Test
  void fails_attachTo_sixthTargetGroup() {
    Synth.stack(stack -> {
      Ec2Service service = new Ec2Service(stack, "Orders", required().build());
      for (int i = 0; i < 5; i++) {
        service.attachTo(new TargetGroupRef(TARGET_GROUP.replace("orders/", "orders" + i + "/"), ALB), "web", 8080);
      }
      assertThatThrownBy(() -> service.attachTo(TARGET, "web", 8080)).isInstanceOf(InvalidPropsException.class)
          .hasMessage("Ec2Service 'test/Orders'.attachTo can attach at most 5 target groups to one service (an ECS"
              + " limit), got a sixth");
    });
  }

  @Test
  void grantPull_sameStack_inlinePolicyOnTheRole() {
    JsonNode grant = fixedExternal.only("aws_iam_role_policy");
    assertThat(grant.get("role").asText()).contains("aws_iam_role.Orders_ExecutionRole");
    assertThat(grant.get("policy").asText()).contains("\"Sid\":\"Repository\"")
        .contains("ecr:BatchGetImage").doesNotContain("ecr:PutImage").contains("${aws_ecr_repository.Repository");
  }

  // ---- construct-level failures ----------------------------------------------------------------------------------

  // ---- props failures --------------------------------------------------------------------------------------------

  private static List<String> problems(UnaryOperator<Ec2ServiceProps.Builder> change) {
    try {
      change.apply(required()).build();
    } catch (InvalidPropsException e) {
      assertThat(e.getSubject()).isEqualTo("Ec2ServiceProps");
      return e.getProblems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected InvalidPropsException");
  }

  @Test
  void fails_missingRequired_everyOneNamed() {
    assertThatThrownBy(() -> Ec2ServiceProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2ServiceProps.serviceName is required\n"
            + "Ec2ServiceProps.cluster is required\n"
            + "Ec2ServiceProps.awsRegion is required\n"
            + "Ec2ServiceProps.containers is required");
  }

  @Test
  void fails_invalidServiceName() {
    assertThat(problems(b -> b.serviceName("orders.api"))).containsExactly(
        "serviceName must be 1-255 letters, digits, '-' or '_', got \"orders.api\"");
    assertThat(problems(b -> b.serviceName("a".repeat(256)))).containsExactly(
        "serviceName must be 1-255 letters, digits, '-' or '_', got \"" + "a".repeat(256) + "\"");
  }

  @Test
  void fails_invalidRegion() {
    assertThat(problems(b -> b.awsRegion("Ireland"))).containsExactly(
        "awsRegion must be an AWS region such as eu-west-1, got \"Ireland\"");
  }

  @Test
  void fails_containerDefinitionProblems_prefixedWithProps() {
    assertThatThrownBy(() -> required().containers(ContainerDefinitions.fromJson("[{\"name\":\"web\",\"image\":\"x\","
        + "\"memory\":64}, {\"name\":\"sidecar\",\"memory\":64}]")).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2ServiceProps.containers[1].image is required (container \"sidecar\")");
  }

  @Test
  void fails_cpuAndMemoryOutOfRange() {
    assertThat(problems(b -> b.cpu(196_609).memoryMiB(64))).containsExactly(
        "cpu must be between 128 and 196608, got 196609",
        "memoryMiB must be >= 128, got 64");
  }

  @Test
  void fails_noMemoryAtTaskOrContainerLevel() {
    assertThat(problems(b -> b.containers(WEB_AND_SIDECAR))).containsExactly(
        "memoryMiB is required because containers [\"web\", \"sidecar\"] set neither memory nor memoryReservation"
            + " (ECS on EC2 needs memory at the task or container level)");
  }

  @Test
  void fails_capacitiesOutOfRange() {
    assertThat(problems(b -> b.desiredCount(1001).minCapacity(-1).maxCapacity(1001))).containsExactly(
        "desiredCount must be between 0 and 1000, got 1001",
        "minCapacity must be between 0 and 1000, got -1",
        "maxCapacity must be between 0 and 1000, got 1001");
  }

  @Test
  void fails_desiredCountOutOfRange_notComparedAgain() {
    // Without the gate, a second message would compare the out-of-range count: "minCapacity 3 > desiredCount -1".
    assertThat(problems(b -> b.desiredCount(-1).minCapacity(3).maxCapacity(12))).containsExactly(
        "desiredCount must be between 0 and 1000, got -1");
  }

  @Test
  void fails_minAboveDesired() {
    assertThat(problems(b -> b.desiredCount(2).minCapacity(3).maxCapacity(5))).containsExactly(
        "minCapacity must be <= desiredCount, got minCapacity 3 > desiredCount 2");
  }

  @Test
  void fails_desiredAboveMax() {
    assertThat(problems(b -> b.desiredCount(6).minCapacity(1).maxCapacity(5))).containsExactly(
        "maxCapacity must be >= desiredCount, got maxCapacity 5 < desiredCount 6");
  }

  @Test
  void fails_minAboveMax() {
    assertThat(problems(b -> b.desiredCount(4).minCapacity(5).maxCapacity(3))).containsExactly(
        "minCapacity must be <= desiredCount, got minCapacity 5 > desiredCount 4",
        "maxCapacity must be >= desiredCount, got maxCapacity 3 < desiredCount 4",
        "minCapacity must be <= maxCapacity, got minCapacity 5 > maxCapacity 3");
  }

  @Test
  void fails_scalingSettingsOutOfRange() {
    assertThat(problems(b -> b.targetCpuPercent(96).scaleInCooldownSeconds(-1).scaleOutCooldownSeconds(3601)))
        .containsExactly(
            "targetCpuPercent must be between 10 and 95, got 96",
            "scaleInCooldownSeconds must be between 0 and 3600, got -1",
            "scaleOutCooldownSeconds must be between 0 and 3600, got 3601");
    assertThat(problems(b -> b.targetCpuPercent(9))).containsExactly(
        "targetCpuPercent must be between 10 and 95, got 9");
  }

  @Test
  void fails_deploymentPercentsOutOfRange() {
    assertThat(problems(b -> b.deploymentMinimumHealthyPercent(101).deploymentMaximumPercent(99))).containsExactly(
        "deploymentMinimumHealthyPercent must be between 0 and 100, got 101",
        "deploymentMaximumPercent must be between 100 and 400, got 99");
  }

  @Test
  void fails_negativeHealthCheckGracePeriod() {
    assertThat(problems(b -> b.healthCheckGracePeriodSeconds(-1))).containsExactly(
        "healthCheckGracePeriodSeconds must be between 0 and 2147483647, got -1");
  }

  @Test
  void fails_retentionNotAllowedByCloudWatch() {
    assertThat(problems(b -> b.logRetentionDays(10))).containsExactly(
        "logRetentionDays must be one of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,"
            + " 2192, 2557, 2922, 3288, 3653], got 10");
  }

  @Test
  void fails_invalidPolicyAndSecretArns() {
    assertThat(problems(b -> b.taskRolePolicyArns(List.of("AmazonS3ReadOnlyAccess")))).containsExactly(
        "taskRolePolicyArns[0] must be an IAM policy ARN (arn:<partition>:iam::<account or aws>:policy/<name>),"
            + " got \"AmazonS3ReadOnlyAccess\"");
  }
}
