package com.acme.platform.constructs.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the platform refuses or sets by default in task definitions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureContainersTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ClusterRef CLUSTER = new ClusterRef("platform",
      "arn:aws:ecs:eu-west-1:111111111111:cluster/platform", "platform-ec2", "sg-0123456789abcdef0");

  private Synth scratch;

  @BeforeAll
  void synth() {
    scratch = Synth.stack(stack -> new Ec2Service(stack, "Orders", Ec2ServiceProps.builder()
        .serviceName("orders").cluster(CLUSTER).awsRegion("eu-west-1").scratchVolumes(List.of("tmp", "cache"))
        .containers(List.of(
            ContainerDefinition.builder().name("web").image("nginx:1.25").memoryMiB(256)
                .mountPoints(List.of(new MountPoint("tmp", "/tmp", false), new MountPoint("cache", "/var/cache/nginx",
                    false)))
                .build(),
            ContainerDefinition.builder().name("legacy").image("legacy:1").memoryMiB(128).essential(false)
                .readonlyRootFilesystem(false).privileged(false).build()))
        .build()));
  }

  private JsonNode containers() throws Exception {
    return MAPPER.readTree(scratch.only("aws_ecs_task_definition").get("container_definitions").asText());
  }

  @Test
  void readonlyRootFilesystem_default_true_explicitFalseKept() throws Exception {
    assertThat(containers().get(0).get("readonlyRootFilesystem").asBoolean()).isTrue();
    assertThat(containers().get(1).get("name").asText()).isEqualTo("legacy");
    assertThat(containers().get(1).get("readonlyRootFilesystem").asBoolean()).isFalse();
    assertThat(containers().get(1).get("privileged").asBoolean()).isFalse();
  }

  @Test
  void scratchVolumes_taskScopedLocalDockerVolumes_mountedWhereTheContainerWrites() throws Exception {
    scratch.assertHasResourceWithProperties("aws_ecs_task_definition", Map.of("volume", List.of(
        Map.of("name", "tmp", "docker_volume_configuration", Map.of("scope", "task", "driver", "local")),
        Map.of("name", "cache", "docker_volume_configuration", Map.of("scope", "task", "driver", "local")))));
    assertThat(containers().get(0).get("mountPoints").toString()).isEqualTo("[{\"containerPath\":\"/tmp\","
        + "\"readOnly\":false,\"sourceVolume\":\"tmp\"},{\"containerPath\":\"/var/cache/nginx\",\"readOnly\":false,"
        + "\"sourceVolume\":\"cache\"}]");
  }

  @Test
  void fails_privilegedContainer_builder() {
    assertThatThrownBy(() -> ContainerDefinition.builder().name("web").privileged(true).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ContainerDefinition.privileged must not be true: a privileged container has root access to the"
            + " container instance and every task on it (checkov CKV_AWS_334); leave it out or set false");
  }

  @Test
  void fails_privilegedContainer_file() {
    assertThatThrownBy(() -> ContainerDefinitions.fromJson("[{\"name\":\"web\",\"image\":\"a\",\"privileged\":true}]"))
        .hasMessage("ContainerDefinitions.[0].privileged must not be true: a privileged container has root access"
            + " to the container instance and every task on it (checkov CKV_AWS_334); leave it out or set false"
            + " (container \"web\")");
  }

  @Test
  void fails_hostNamespacesInFile_namedAsTaskSettingsThePlatformNeverSets() {
    assertThatThrownBy(() -> ContainerDefinitions.fromJson("[{\"name\":\"web\",\"image\":\"a\","
        + "\"networkMode\":\"host\",\"pidMode\":\"host\",\"ipcMode\":\"host\"}]"))
        .hasMessage("ContainerDefinitions.[0].networkMode is a task definition setting, not a container one: the"
            + " platform runs every task in bridge network mode and never on the host's network (container \"web\")\n"
            + "ContainerDefinitions.[0].pidMode is a task definition setting, not a container one: the platform"
            + " never shares the host's process namespace with a task (checkov CKV_AWS_335) (container \"web\")\n"
            + "ContainerDefinitions.[0].ipcMode is a task definition setting, not a container one: the platform"
            + " never shares the host's IPC namespace with a task (container \"web\")");
  }

  @Test
  void fails_secretLookingPlainVariable_namesTheVariable() {
    assertThatThrownBy(() -> ContainerDefinition.builder().name("api").environment("PORT", "8000")
        .environment("DB_PASSWORD", "hunter2").environment("stripe_api_key", "sk_live_1").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ContainerDefinition.environment variable \"DB_PASSWORD\" looks like a secret (its name says so)"
            + " and has a literal value; move it to secrets (a Secrets Manager secret or SSM parameter ARN), so"
            + " that the value is not stored in the task definition\n"
            + "ContainerDefinition.environment variable \"stripe_api_key\" looks like a secret (its name says so)"
            + " and has a literal value; move it to secrets (a Secrets Manager secret or SSM parameter ARN), so"
            + " that the value is not stored in the task definition");
  }

  @Test
  void secretLooking_referencesAndSettings_areNotSecrets() {
    for (String[] ok : new String[][] {
        {"DB_PASSWORD_FILE", "/run/secrets/db"}, {"TOKEN_URL", "https://auth.example.com/token"},
        {"SESSION_TOKEN_TTL", "3600"}, {"DB_PASSWORD", ""},
        {"API_KEY", "arn:aws:ssm:eu-west-1:111111111111:parameter/api-key"}, {"TOKENIZER", "bert"},
        {"PASSWORDLESS", "true"}, {"AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"}}) {
      assertThat(ContainerDefinition.looksLikeSecret(ok[0], ok[1])).as(ok[0]).isFalse();
    }
    for (String name : List.of("PASSWORD", "GITHUB_TOKEN", "APIKEY", "PRIVATE_KEY", "JWT_SECRET_KEY",
        "AWS_SECRET_ACCESS_KEY", "db_passwd")) {
      assertThat(ContainerDefinition.looksLikeSecret(name, "x")).as(name).isTrue();
    }
  }

  @Test
  void fails_scratchVolumesAndLogKey_invalid() {
    assertThatThrownBy(() -> Ec2ServiceProps.builder().serviceName("orders").cluster(CLUSTER).awsRegion("eu-west-1")
        .containers(List.of(ContainerDefinition.builder().name("web").image("a").memoryMiB(128).build()))
        .scratchVolumes(List.of("tmp", "tmp", "no space"))
        .logKmsKeyArn("arn:aws:kms:eu-west-1:111111111111:alias/logs").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2ServiceProps.logKmsKeyArn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/"
            + "<id>); an alias ARN does not work here, got \"arn:aws:kms:eu-west-1:111111111111:alias/logs\"\n"
            + "Ec2ServiceProps.scratchVolumes[1] duplicates scratchVolumes[0], got \"tmp\"\n"
            + "Ec2ServiceProps.scratchVolumes[2] must be 1-255 letters, digits, '-' or '_', got \"no space\"");
  }

  @Test
  void fails_mountPointOfAVolumeTheTaskDoesNotDefine() {
    assertThatThrownBy(() -> Ec2ServiceProps.builder().serviceName("orders").cluster(CLUSTER).awsRegion("eu-west-1")
        .scratchVolumes(List.of("cache"))
        .containers(List.of(ContainerDefinition.builder().name("web").image("a").memoryMiB(128)
            .mountPoints(List.of(new MountPoint("cache", "/cache", false), new MountPoint("tmp", "/tmp", false)))
            .build()))
        .build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("Ec2ServiceProps.containers[0].mountPoints[1].sourceVolume must name a volume of the task [cache],"
            + " got \"tmp\" (container \"web\"); add it to scratchVolumes for writable space that lives as long as"
            + " the task");
  }
}
