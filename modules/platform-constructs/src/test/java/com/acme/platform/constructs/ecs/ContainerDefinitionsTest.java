package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerDefinitionsTest {
  private static final String WEB_AND_SIDECAR = """
      [
        {"name": "web", "image": "nginx:1.25", "memory": 256,
         "portMappings": [{"containerPort": 80, "protocol": "tcp"}, {"containerPort": 443}]},
        {"name": "sidecar", "image": "envoy:1", "essential": false, "memoryReservation": 64,
         "logConfiguration": {"logDriver": "json-file", "options": {"max-size": "10m"}}}
      ]""";

  private static List<String> problems(String json) {
    Checks checks = Checks.of("Test");
    ContainerDefinitions parsed = ContainerDefinitions.parse(json, checks, "containerDefinitions");
    try {
      checks.throwIfAny();
    } catch (InvalidPropsException e) {
      assertThat(parsed).isNull();
      return e.getProblems().stream().map(Problem::toString).toList();
    }
    assertThat(parsed).isNotNull();
    return List.of();
  }

  @Test
  void parse_validArray_exposesNamesPortsAndMemory() {
    ContainerDefinitions definitions = ContainerDefinitions.parse(WEB_AND_SIDECAR);

    assertThat(definitions.containerNames()).containsExactly("web", "sidecar");
    assertThat(definitions.containerPorts("web")).containsExactly(80, 443);
    assertThat(definitions.containerPorts("sidecar")).isEmpty();
    assertThat(definitions.hasContainer("web")).isTrue();
    assertThat(definitions.hasContainer("api")).isFalse();
    assertThat(definitions.containersWithoutMemory()).isEmpty();
  }

  @Test
  void containerPorts_unknownContainer_namesTheContainersFound() {
    assertThatThrownBy(() -> ContainerDefinitions.parse(WEB_AND_SIDECAR).containerPorts("api"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no container named \"api\" in containerDefinitions (found [web, sidecar])");
  }

  @Test
  void containersWithoutMemory_missingMemoryAndReservation_listsThem() {
    ContainerDefinitions definitions = ContainerDefinitions.parse(
        "[{\"name\":\"a\",\"image\":\"x\"},{\"name\":\"b\",\"image\":\"x\",\"memory\":128},"
            + "{\"name\":\"c\",\"image\":\"x\"}]");

    assertThat(definitions.containersWithoutMemory()).containsExactly("a", "c");
  }

  @Test
  void withAwsLogs_containerWithoutLogConfiguration_getsAwslogsWithSortedKeys() {
    String json = ContainerDefinitions.parse(WEB_AND_SIDECAR).withAwsLogs("/ecs/orders", "eu-west-1", "orders")
        .toJson();

    assertThat(json).isEqualTo("["
        + "{\"image\":\"nginx:1.25\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{"
        + "\"awslogs-group\":\"/ecs/orders\",\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"orders\"}},"
        + "\"memory\":256,\"name\":\"web\","
        + "\"portMappings\":[{\"containerPort\":80,\"protocol\":\"tcp\"},{\"containerPort\":443}]},"
        + "{\"essential\":false,\"image\":\"envoy:1\","
        + "\"logConfiguration\":{\"logDriver\":\"json-file\",\"options\":{\"max-size\":\"10m\"}},"
        + "\"memoryReservation\":64,\"name\":\"sidecar\"}]");
  }

  @Test
  void withAwsLogs_returnsNewInstance_originalUnchanged() {
    ContainerDefinitions original =
        ContainerDefinitions.parse("[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":64}]");

    ContainerDefinitions withLogs = original.withAwsLogs("/ecs/web", "eu-west-1", "web");

    assertThat(original.toJson()).isEqualTo("[{\"image\":\"nginx\",\"memory\":64,\"name\":\"web\"}]");
    assertThat(withLogs.toJson()).contains("\"logDriver\":\"awslogs\"");
  }

  @Test
  void toJson_sameContentDifferentKeyOrder_sameString() {
    String a = ContainerDefinitions.parse("[{\"name\":\"web\",\"image\":\"nginx\",\"cpu\":0.5,\"memory\":64}]")
        .toJson();
    String b = ContainerDefinitions.parse("[{\"memory\":64,\"cpu\":0.5,\"image\":\"nginx\",\"name\":\"web\"}]")
        .toJson();

    assertThat(a).isEqualTo(b).isEqualTo("[{\"cpu\":0.5,\"image\":\"nginx\",\"memory\":64,\"name\":\"web\"}]");
  }

  @Test
  void parse_essentialOmitted_countsAsEssential() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"nginx\"},"
        + "{\"name\":\"b\",\"image\":\"x\",\"essential\":false}]")).isEmpty();
  }

  @Test
  void fails_malformedJson_lineAndColumn() {
    assertThat(problems("[\n  {\"name\": \"web\",}\n]")).containsExactly(
        "containerDefinitions is not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote"
            + " to start field name (line 2, column 18)");
  }

  @Test
  void fails_duplicateKey() {
    assertThat(problems("[{\"name\":\"web\",\"name\":\"api\",\"image\":\"x\"}]")).containsExactly(
        "containerDefinitions is not valid JSON: Duplicate field 'name' (line 1, column 22)");
  }

  @Test
  void fails_trailingText() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\"}] []")).containsExactly(
        "containerDefinitions is not valid JSON: unexpected text after the end of the array (line 1, column 30)");
  }

  @Test
  void fails_missing() {
    assertThat(problems(null)).containsExactly("containerDefinitions is required");
    assertThat(problems("  ")).containsExactly("containerDefinitions is required");
  }

  @Test
  void fails_notAnArray() {
    assertThat(problems("{\"name\":\"web\"}")).containsExactly(
        "containerDefinitions must be a JSON array of container definitions, got a JSON object");
  }

  @Test
  void fails_emptyArray() {
    assertThat(problems("[]")).containsExactly(
        "containerDefinitions must contain at least one container definition, got []");
  }

  @Test
  void fails_elementNotAnObject() {
    assertThat(problems("[\"web\",{\"name\":\"web\",\"image\":\"x\"}]")).containsExactly(
        "containerDefinitions[0] must be a JSON object, got \"web\"");
  }

  @Test
  void fails_missingName() {
    assertThat(problems("[{\"image\":\"x\"}]")).containsExactly("containerDefinitions[0].name is required");
  }

  @Test
  void fails_nameNotAString() {
    assertThat(problems("[{\"name\":1,\"image\":\"x\"}]")).containsExactly(
        "containerDefinitions[0].name must be a string, got 1");
  }

  @Test
  void fails_invalidName() {
    assertThat(problems("[{\"name\":\"my web\",\"image\":\"x\"}]")).containsExactly(
        "containerDefinitions[0].name must be 1-255 letters, digits, '-' or '_', got \"my web\"");
  }

  @Test
  void fails_duplicateName() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\"},{\"name\":\"web\",\"image\":\"y\"}]")).containsExactly(
        "containerDefinitions[1].name must be unique, got \"web\" (also containerDefinitions[0].name)");
  }

  @Test
  void fails_missingImage() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\"},{\"name\":\"sidecar\"}]")).containsExactly(
        "containerDefinitions[1].image is required (container \"sidecar\")");
  }

  @Test
  void fails_imageNotAString() {
    assertThat(problems("[{\"name\":\"web\",\"image\":[\"x\"]}]")).containsExactly(
        "containerDefinitions[0].image must be a string, got a JSON array (container \"web\")");
  }

  @Test
  void fails_noEssentialContainer() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"essential\":false}]")).containsExactly(
        "containerDefinitions must have at least one essential container (\"essential\": true, or omitted), got none");
  }

  @Test
  void fails_essentialNotABoolean() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"essential\":\"yes\"}]")).containsExactly(
        "containerDefinitions[0].essential must be true or false, got \"yes\" (container \"web\")");
  }

  @Test
  void fails_memoryTooSmallOrNotAnInteger() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"memory\":4,\"memoryReservation\":\"64\"}]"))
        .containsExactly(
            "containerDefinitions[0].memory must be an integer >= 6 (MiB), got 4 (container \"web\")",
            "containerDefinitions[0].memoryReservation must be an integer >= 6 (MiB), got \"64\" (container \"web\")");
  }

  @Test
  void fails_portMappingsNotAnArray() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"portMappings\":{\"containerPort\":80}}]"))
        .containsExactly("containerDefinitions[0].portMappings must be a JSON array, got a JSON object"
            + " (container \"web\")");
  }

  @Test
  void fails_badContainerPorts() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"portMappings\":"
        + "[{\"containerPort\":\"80\"},{\"hostPort\":0},{\"containerPort\":70000},{\"containerPort\":80.5},7]}]"))
        .containsExactly(
            "containerDefinitions[0].portMappings[0].containerPort must be an integer between 1 and 65535,"
                + " got \"80\" (container \"web\")",
            "containerDefinitions[0].portMappings[1].containerPort is required (container \"web\")",
            "containerDefinitions[0].portMappings[2].containerPort must be an integer between 1 and 65535,"
                + " got 70000 (container \"web\")",
            "containerDefinitions[0].portMappings[3].containerPort must be an integer between 1 and 65535,"
                + " got 80.5 (container \"web\")",
            "containerDefinitions[0].portMappings[4] must be a JSON object, got 7 (container \"web\")");
  }

  @Test
  void fails_logConfigurationNotAnObject() {
    assertThat(problems("[{\"name\":\"web\",\"image\":\"x\",\"logConfiguration\":\"awslogs\"}]")).containsExactly(
        "containerDefinitions[0].logConfiguration must be a JSON object, got \"awslogs\" (container \"web\")");
  }

  @Test
  void fails_standaloneParse_throwsEveryProblemWithSubject() {
    assertThatThrownBy(() -> ContainerDefinitions.parse("[{},{\"name\":\"b\"}]"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ContainerDefinitions.containerDefinitions[0].name is required\n"
            + "ContainerDefinitions.containerDefinitions[0].image is required\n"
            + "ContainerDefinitions.containerDefinitions[1].image is required (container \"b\")");
  }
}
