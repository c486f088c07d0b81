package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.SynthRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a task definition file says about host ports decides what the load balancer may reach: a classic task
 * definition with a fixed {@code hostPort} (8082, as in seed 001) opens exactly that port, dynamic ports the
 * ephemeral range, and a task role statement in the environment file reaches the task role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostPortsFromFilesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  static Path tmp;
  private JsonNode staging;

  @BeforeAll
  void synthesizeWithAFixedHostPort() throws Exception {
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    Path admin = repo.resolve("task-definitions/admin.json");
    Files.writeString(admin, Files.readString(admin).replace("\"containerPort\": 3000, \"hostPort\": 0",
        "\"containerPort\": 3000, \"hostPort\": 8082"));
    SynthRun run = SynthRun.of(repo, "staging");
    assertThat(run.exitCode()).as(run.err()).isZero();
    staging = MAPPER.readTree(repo.resolve("cdktf.out/stacks/platform-staging/cdk.tf.json").toFile());
  }

  @Test
  void fixedHostPort_opensExactlyThatPort_dynamicPortsTheEphemeralRange() {
    List<String> ranges = StreamSupport.stream(staging.at("/resource/aws_vpc_security_group_ingress_rule")
            .spliterator(), false)
        .filter(r -> r.path("referenced_security_group_id").asText().contains("LoadBalancerPublic"))
        .map(r -> r.get("from_port").asInt() + "-" + r.get("to_port").asInt()).sorted().toList();
    assertThat(ranges).containsExactly("32768-65535", "8082-8082");
  }

  @Test
  void taskRoleStatements_fromTheEnvironmentFile_reachTheTaskRole() {
    JsonNode policies = staging.at("/resource/aws_iam_role_policy");
    List<String> inline = StreamSupport.stream(policies.spliterator(), false)
        .filter(p -> p.get("name").asText().equals("inline")).map(p -> p.get("policy").asText()).toList();
    assertThat(inline).containsExactly("{\"Statement\":[{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\","
        + "\"Resource\":\"arn:aws:s3:::acme-staging-api-assets/*\"}],\"Version\":\"2012-10-17\"}");
  }
}
