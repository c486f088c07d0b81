package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed containers: what the builder renders, what {@code fromJson} reads, and every message of bad input. */
class ContainerDefinitionsTest {
  private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders-db-AbCdEf";

  private static ContainerDefinition.Builder web() {
    return ContainerDefinition.builder().name("web").image("nginx:1.25").memoryMiB(512);
  }

  private static List<String> problems(String json) {
    assertThatThrownBy(() -> ContainerDefinitions.fromJson(json)).isInstanceOf(InvalidPropsException.class);
    try {
      ContainerDefinitions.fromJson(json);
      return List.of();
    } catch (InvalidPropsException e) {
      return e.getProblems().stream().map(Problem::toString).toList();
    }
  }

  @Test
  void builder_minimal_rendersOnlyWhatIsSet() {
    assertThat(ContainerDefinitions.toJson(List.of(web().build())))
        .isEqualTo("[{\"image\":\"nginx:1.25\",\"memory\":512,\"name\":\"web\"}]");
  }

  @Test
  void builder_allOptions_renderInEcsNamesWithSortedKeys() {
    ContainerDefinition all = web()
        .cpu(256).memoryReservationMiB(256).essential(true)
        .portMapping(PortMapping.dynamic(8080)).portMapping(new PortMapping(9090, 9090, "udp"))
        .environment("PORT", "8080").environment("A_FIRST", "1")
        .secret("DB_PASSWORD", SECRET)
        .healthCheck(new HealthCheck(List.of("CMD", "true"), 10, 3, 2, 5))
        .mountPoints(List.of(new MountPoint("data", "/var/lib/data", false)))
        .dependsOn(List.of(new ContainerDependency("init", "SUCCESS")))
        .command(List.of("serve")).entryPoint(List.of("/bin/app"))
        .logConfiguration(new LogConfiguration("json-file", Map.of("max-size", "10m")))
        .ulimits(List.of(new Ulimit("nofile", 1024, 4096)))
        .user("1000").workingDirectory("/srv").readonlyRootFilesystem(true).stopTimeoutSeconds(60)
        .build();
    assertThat(ContainerDefinitions.toJson(List.of(all))).isEqualTo("[{"
        + "\"command\":[\"serve\"],\"cpu\":256,\"dependsOn\":[{\"condition\":\"SUCCESS\",\"containerName\":\"init\"}],"
        + "\"entryPoint\":[\"/bin/app\"],"
        // Environment variables keep the order they were given in.
        + "\"environment\":[{\"name\":\"PORT\",\"value\":\"8080\"},{\"name\":\"A_FIRST\",\"value\":\"1\"}],"
        + "\"essential\":true,"
        + "\"healthCheck\":{\"command\":[\"CMD\",\"true\"],\"interval\":10,\"retries\":2,\"startPeriod\":5,"
        + "\"timeout\":3},"
        + "\"image\":\"nginx:1.25\","
        + "\"logConfiguration\":{\"logDriver\":\"json-file\",\"options\":{\"max-size\":\"10m\"}},"
        + "\"memory\":512,\"memoryReservation\":256,"
        + "\"mountPoints\":[{\"containerPath\":\"/var/lib/data\",\"readOnly\":false,\"sourceVolume\":\"data\"}],"
        + "\"name\":\"web\","
        + "\"portMappings\":[{\"containerPort\":8080},{\"containerPort\":9090,\"hostPort\":9090,\"protocol\":\"udp\"}],"
        + "\"readonlyRootFilesystem\":true,"
        + "\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"" + SECRET + "\"}],"
        + "\"stopTimeout\":60,"
        + "\"ulimits\":[{\"hardLimit\":4096,\"name\":\"nofile\",\"softLimit\":1024}],"
        + "\"user\":\"1000\",\"workingDirectory\":\"/srv\"}]");
  }

  @Test
  void healthCheck_withoutTiming_spellsOutEcsDefaults() throws Exception {
    // ECS reports 30/5/3 back; left out, provider versions before 5.63 would replace the task definition every plan.
    JsonNode check = new ObjectMapper().readTree(ContainerDefinitions.toJson(List.of(
        web().healthCheck(HealthCheck.shell("curl -f localhost")).build()))).get(0).get("healthCheck");
    assertThat(check.toString()).isEqualTo(
        "{\"command\":[\"CMD-SHELL\",\"curl -f localhost\"],\"interval\":30,\"retries\":3,\"timeout\":5}");
  }

  @Test
  void fromJson_readsWhatToJsonWrites() {
    ContainerDefinition all = web().portMapping(PortMapping.fixed(8082, 8082)).secret("DB", SECRET)
        .healthCheck(HealthCheck.shell("curl -f localhost")).stopTimeoutSeconds(30).build();
    String json = ContainerDefinitions.toJson(List.of(all));
    assertThat(ContainerDefinitions.fromJson(json)).containsExactly(all);
  }

  @Test
  void toBuilder_copiesEverything_andLeavesTheOriginalUnchanged() {
    ContainerDefinition original = web().secret("DB", SECRET).portMapping(PortMapping.dynamic(80)).build();
    assertThat(original.toBuilder().build()).isEqualTo(original);
    ContainerDefinition changed = original.toBuilder().image("nginx:1.27").build();
    assertThat(changed.image()).isEqualTo("nginx:1.27");
    assertThat(original.image()).isEqualTo("nginx:1.25");
  }

  @Test
  void portMapping_hostPorts_dynamicIsTheEphemeralRange_fixedIsThePort() {
    assertThat(PortMapping.dynamic(8080).hostPortRange()).containsExactly(32768, 65535);
    assertThat(new PortMapping(8080, 0, null).hostPortRange()).containsExactly(32768, 65535);
    assertThat(PortMapping.fixed(8082, 8082).hostPortRange()).containsExactly(8082, 8082);
  }

  @Test
  void withAwsLogs_addsTheLogGroup_onlyWhereNoLogConfigurationIsSet() {
    List<ContainerDefinition> logged = ContainerDefinitions.withAwsLogs(List.of(web().build(),
        ContainerDefinition.builder().name("sidecar").image("envoy").memoryMiB(64)
            .logConfiguration(new LogConfiguration("json-file", Map.of())).build()), "/ecs/orders", "eu-west-1",
        "orders");
    assertThat(logged.get(0).logConfiguration()).isEqualTo(new LogConfiguration("awslogs", Map.of(
        "awslogs-group", "/ecs/orders", "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "orders")));
    assertThat(logged.get(1).logConfiguration().logDriver()).isEqualTo("json-file");
  }

  @Test
  void fails_builder_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> ContainerDefinition.builder().name("bad name").memoryMiB(4).memoryReservationMiB(8)
        .portMapping(new PortMapping(0, 70000, "sctp")).environment("1X", "v").secret("DB", "plain-text")
        .healthCheck(new HealthCheck(List.of("curl"), 1, null, null, null))
        .dependsOn(List.of(new ContainerDependency("init", "DONE"))).ulimits(List.of(new Ulimit("nofile", 9, 1)))
        .stopTimeoutSeconds(500).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage(String.join("\n",
            "ContainerDefinition.name must be 1-255 letters, digits, '-' or '_', got \"bad name\"",
            "ContainerDefinition.memoryMiB must be >= 6 (MiB, the least ECS accepts), got 4",
            "ContainerDefinition.memoryReservationMiB must be <= memoryMiB (4), got 8",
            "ContainerDefinition.portMappings[0].containerPort must be between 1 and 65535, got 0",
            "ContainerDefinition.portMappings[0].hostPort must be between 0 and 65535, got 70000",
            "ContainerDefinition.portMappings[0].protocol must be one of [tcp, udp], got \"sctp\"",
            "ContainerDefinition.environment must be variable names of letters, digits and '_' (not starting with a"
                + " digit), got \"1X\"",
            "ContainerDefinition.secrets.DB must be a Secrets Manager secret ARN"
                + " (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or an SSM parameter ARN"
                + " (arn:aws:ssm:<region>:<account>:parameter/<name>), got \"plain-text\"",
            "ContainerDefinition.healthCheck.command must start with \"CMD\", \"CMD-SHELL\" or \"NONE\", got [curl]",
            "ContainerDefinition.healthCheck.intervalSeconds must be between 5 and 300, got 1",
            "ContainerDefinition.dependsOn[0].condition must be one of [COMPLETE, HEALTHY, START, SUCCESS], got"
                + " \"DONE\"",
            "ContainerDefinition.ulimits[0].softLimit must be <= hardLimit (1), got 9",
            "ContainerDefinition.stopTimeoutSeconds must be between 2 and 120, got 500"));
  }

  @Test
  void fails_secretAlsoInEnvironment() {
    assertThatThrownBy(() -> web().environment("DB", "x").secret("DB", SECRET).build())
        .hasMessage("ContainerDefinition.secrets.DB must not also be in environment (ECS rejects a variable set"
            + " twice)");
  }

  @Test
  void fails_fromJson_malformed_namesLineAndColumn() {
    assertThat(problems("[{\"name\": \"web\",}]")).singleElement().asString()
        .startsWith("containerDefinitions is not valid JSON: Unexpected character ('}'")
        .endsWith("(line 1, column 17)");
  }

  @Test
  void fails_fromJson_notAnArray_empty_andDuplicateKeys() {
    assertThat(problems("{}")).containsExactly(
        "containerDefinitions must be a JSON array of container definitions, got a JSON object");
    assertThat(problems("[]")).containsExactly(
        "containerDefinitions must contain at least one container definition, got []");
    assertThat(problems("[{\"name\": \"a\", \"name\": \"b\"}]")).singleElement().asString()
        .contains("Duplicate field 'name'");
  }

  @Test
  void fails_fromJson_wrongTypesAndUnknownFields_namedWithTheirPathAndContainer() {
    assertThat(problems("""
        [{"name": "web", "image": 7, "memory": "512", "essential": "yes", "portMappings": [{"containerPort": "80"}],
          "environment": [{"name": "A"}], "links": ["db"], "command": "serve", "logConfiguration": []}]"""))
        .containsExactlyInAnyOrder(
            "[0].image must be a string, got 7 (container \"web\")",
            "[0].memory must be an integer, got \"512\" (container \"web\")",
            "[0].essential must be true or false, got \"yes\" (container \"web\")",
            "[0].portMappings[0].containerPort must be an integer, got \"80\" (container \"web\")",
            "[0].environment[0].value is required (container \"web\")",
            "[0].links is not a supported container definition field (supported: " + ContainerDefinitions.FIELDS
                + ") (container \"web\")",
            "[0].command must be a JSON array of strings, got \"serve\" (container \"web\")",
            "[0].logConfiguration must be a JSON object, got a JSON array (container \"web\")");
  }

  @Test
  void fails_fromJson_builderRules_areReportedInTheFilesFieldNames() {
    assertThat(problems("[{\"name\": \"web\", \"memory\": 2, \"stopTimeout\": 1}]")).containsExactly(
        "[0].memory must be >= 6 (MiB, the least ECS accepts), got 2 (container \"web\")",
        "[0].stopTimeout must be between 2 and 120, got 1 (container \"web\")");
  }

  @Test
  void fails_fromJson_listRules() {
    assertThat(problems("[{\"name\": \"a\", \"essential\": false}, {\"name\": \"a\", \"essential\": false,"
        + " \"dependsOn\": [{\"containerName\": \"b\", \"condition\": \"START\"}]}]")).containsExactly(
            "[1].name must be unique, got \"a\" (also [0].name)",
            "containerDefinitions must have at least one essential container (\"essential\": true, or omitted),"
                + " got none",
            "[1].dependsOn[0].containerName must name a container of the same task, got \"b\" (found [a, a])");
  }

  @Test
  void fromJson_containerWithoutImage_isAccepted_forTheApplicationToSetIt() {
    assertThat(ContainerDefinitions.fromJson("[{\"name\": \"web\", \"memory\": 64}]").get(0).image()).isNull();
  }
}
