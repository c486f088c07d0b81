package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.terraform.DestroyPlan;
import com.acme.platform.terraform.TerraformCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's teardown runbook, as far as it runs offline: production with {@code "teardown": true} synthesizes
 * without the protections that make {@code terraform destroy} hang, and Terraform plans the deletion of every
 * resource of the stack (against a stand-in state built from the stack's own plan, see {@link DestroyPlan}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeardownTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STACK = "platform-production";

  private Path repo;
  private Path work;
  private JsonNode resources;

  @BeforeAll
  void synthTeardown(@TempDir Path tmp) throws IOException {
    repo = Repo.copyInputs(tmp.resolve("repo"));
    work = Files.createDirectories(tmp.resolve("work"));
    Path file = repo.resolve("environments/production.json");
    ObjectNode production = (ObjectNode) MAPPER.readTree(file.toFile());
    production.put("teardown", true);
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), production);
    CheckRun synth = CheckRun.capture((out, err) -> Main.run(new String[] {"production"}, repo, out, err));
    assertThat(synth.exitCode()).as("synth; stderr:%n%s", synth.err()).isZero();
    resources = MAPPER.readTree(repo.resolve("cdktf.out/stacks/" + STACK + "/cdk.tf.json").toFile())
        .path("resource");
  }

  private List<JsonNode> all(String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.path(type).forEach(found::add);
    assertThat(found).as(type).isNotEmpty();
    return found;
  }

  @Test
  void teardown_groupsForceDeleteWithoutScaleInProtection() {
    for (JsonNode group : all("aws_autoscaling_group")) {
      assertThat(group.path("force_delete").asBoolean()).isTrue();
      assertThat(group.path("protect_from_scale_in").asBoolean()).isFalse();
    }
  }

  @Test
  void teardown_capacityProvidersWithoutTerminationProtection() {
    for (JsonNode provider : all("aws_ecs_capacity_provider")) {
      assertThat(provider.at("/auto_scaling_group_provider/managed_termination_protection").asText())
          .isEqualTo("DISABLED");
    }
  }

  @Test
  void teardown_loadBalancerDeletionProtectionOff() {
    // production.json asks for deletion protection; teardown overrides it.
    for (JsonNode lb : all("aws_lb")) {
      assertThat(lb.path("enable_deletion_protection").asBoolean()).isFalse();
    }
  }

  @Test
  void teardown_accessLogBucketGoesWithItsLogs() {
    // Without force_destroy, S3 refuses to delete a bucket that still holds access logs.
    for (JsonNode bucket : all("aws_s3_bucket")) {
      assertThat(bucket.path("force_destroy").asBoolean()).isTrue();
    }
  }

  @Test
  void destroyPlan_deletesEveryResourceOffline() throws IOException {
    DestroyPlan.Result result = DestroyPlan.plan(TerraformCli.offline(work), repo.resolve("cdktf.out"), STACK, work);

    assertThat(result.check().failure()).as("offline check").isEmpty();
    assertThat(result.failure()).as("destroy plan").isEmpty();
    assertThat(result.networkAttempts()).as("network requests").isEmpty();
    assertThat(result.deleted()).hasSize(Synthesizer.countResources(repo.resolve("cdktf.out"), STACK))
        .anyMatch(a -> a.startsWith("aws_ecs_capacity_provider."))
        .anyMatch(a -> a.startsWith("aws_autoscaling_group."))
        .anyMatch(a -> a.startsWith("aws_ecs_cluster."));
  }
}
