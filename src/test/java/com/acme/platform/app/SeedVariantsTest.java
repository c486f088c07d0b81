package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.JsonPaths;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference platform changed the way two seeds need it (a copy of its inputs, edited): the registry's state
 * split per service repository (seed 001's {@code ecs/ecr-repositories/<service>/terraform.tfstate}), and a service
 * that keeps its data on a persistent volume in a cluster of its own (seed 000's database). The copy is synthesized;
 * that such stacks also validate and plan offline is proven on the example platforms of seeds 000 and 001
 * ({@link ExamplePlatformsTest}), so this test does not pay for a second offline check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedVariantsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> SERVICES = List.of("admin", "api", "web", "worker");

  private Path repo;
  private CheckRun run;

  @BeforeAll
  void check(@TempDir Path tmp) throws IOException {
    repo = Repo.copyInputs(tmp.resolve("repo"));
    for (String env : List.of("staging", "production")) {
      edit(env, "registry.layout", "\"perService\"");
    }
    edit("staging", "clusters[2]", "{\"name\": \"data\", \"instanceType\": \"t3.small\", \"minSize\": 1, \"maxSize\": 1}");
    edit("staging", "services[2].cluster", "\"data\"");
    edit("staging", "services[2].volume", "{\"name\": \"admin-data\", \"sizeGiB\": 50, \"availabilityZone\":"
        + " \"eu-west-1b\", \"containerPath\": \"/var/lib/admin\"}");
    run = CheckRun.capture((out, err) -> Main.run(new String[0], repo, out, err));
  }

  private void edit(String env, String path, String json) throws IOException {
    Path file = repo.resolve("environments/" + env + ".json");
    JsonNode root = MAPPER.readTree(file.toFile());
    JsonPaths.set(root, path, MAPPER.readTree(json));
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  private JsonNode stack(String name) throws IOException {
    return MAPPER.readTree(repo.resolve("cdktf.out/stacks/" + name + "/cdk.tf.json").toFile());
  }

  @Test
  void synth_succeeds_andRegistryWaiversReachTheStackOfTheirRepository() {
    assertThat(run.exitCode()).as("exit status; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
    // production.json waives ecr-kms-encryption for each repository of the reference registry; per service, each
    // waiver is checked in the stack that holds its repository.
    for (String service : SERVICES) {
      assertThat(run.out()).containsPattern("  registry-" + service + ": aws_ecr_repository.Repo"
          + Character.toUpperCase(service.charAt(0)) + service.substring(1) + "_[0-9A-F]{8}: ecr-kms-encryption "
          + "\\(CKV_AWS_136\\) waived by environments/production.json policy.registryWaivers\\[\\d]: ");
    }
  }

  @Test
  void perServiceLayout_oneRegistryStackPerRepositoryAtSeedKeys() throws IOException {
    try (Stream<Path> dirs = Files.list(repo.resolve("cdktf.out/stacks"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "platform-production", "platform-staging", "registry-admin", "registry-api", "registry-web",
          "registry-worker");
    }
    for (String service : SERVICES) {
      JsonNode stack = stack("registry-" + service);
      String key = "ecs/ecr-repositories/" + service + "/terraform.tfstate";
      assertThat(stack.at("/terraform/backend/s3/key").asText()).isEqualTo(key);
      assertThat(stack.at("/terraform/backend/s3/bucket").asText()).isEqualTo("acme-platform-tfstate-200000000001");
      assertThat(run.out()).containsPattern("(?m)^registry-" + service + "\\s+\\d+\\s+" + key + "$");
      JsonNode repositories = stack.at("/resource/aws_ecr_repository");
      assertThat(repositories.size()).isEqualTo(1);
      assertThat(repositories.elements().next().get("name").asText()).isEqualTo(service);
      assertThat(fieldNames(stack.get("output"))).containsExactly("repository_" + service + "_url");
    }
  }

  /** The runbook moves state between the layouts without replacing anything: the addresses must not change. */
  @Test
  void perServiceLayout_sameAddressesAndValuesAsSingleRegistry() throws IOException {
    JsonNode single = MAPPER.readTree(Repo.root().resolve("src/test/resources/snapshots/registry.json").toFile()).get("resource");
    List<String> singleAddresses = addresses(single);
    List<String> perService = new ArrayList<>();
    for (String service : SERVICES) {
      JsonNode resources = stack("registry-" + service).get("resource");
      perService.addAll(addresses(resources));
      for (Iterator<String> types = resources.fieldNames(); types.hasNext(); ) {
        String type = types.next();
        // Equal but for cdktf's metadata, which names the construct path (and so the stack).
        resources.get(type).fields().forEachRemaining(r -> assertThat(withoutMetadata(r.getValue()))
            .as(type + "." + r.getKey()).isEqualTo(withoutMetadata(single.get(type).get(r.getKey()))));
      }
    }
    assertThat(new TreeSet<>(perService)).containsExactlyElementsOf(new TreeSet<>(singleAddresses));
  }

  private static JsonNode withoutMetadata(JsonNode resource) {
    JsonNode copy = resource.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("//");
    return copy;
  }

  private static List<String> addresses(JsonNode resources) {
    List<String> all = new ArrayList<>();
    resources.fields().forEachRemaining(type -> type.getValue().fieldNames()
        .forEachRemaining(name -> all.add(type.getKey() + "." + name)));
    return all;
  }

  @Test
  void volume_dedicatedClusterPinnedToTheVolumesZoneAndServiceMountsIt() throws IOException {
    JsonNode staging = stack("platform-staging");
    JsonNode volumes = staging.at("/resource/aws_ebs_volume");
    assertThat(volumes.size()).isEqualTo(1);
    JsonNode volume = volumes.elements().next();
    assertThat(volume.get("availability_zone").asText()).isEqualTo("eu-west-1b");
    assertThat(volume.get("size").asInt()).isEqualTo(50);
    assertThat(volume.at("/tags/Name").asText()).isEqualTo("staging-data-admin-data");
    // The data cluster's group runs in the second private subnet (eu-west-1b) only; the others keep both.
    JsonNode groups = staging.at("/resource/aws_autoscaling_group");
    assertThat(groups.get("ClusterData_AutoScalingGroup_" + suffix(groups, "ClusterData_AutoScalingGroup_"))
        .get("vpc_zone_identifier").toString()).isEqualTo("[\"${aws_subnet.Network_PrivateSubnet1_"
            + suffix(staging.at("/resource/aws_subnet"), "Network_PrivateSubnet1_") + ".id}\"]");
    assertThat(groups.get("ClusterApps_AutoScalingGroup_" + suffix(groups, "ClusterApps_AutoScalingGroup_"))
        .get("vpc_zone_identifier").size()).isEqualTo(2);
    JsonNode services = staging.at("/resource/aws_ecs_service");
    JsonNode admin = services.get("ServiceAdmin_" + suffix(services, "ServiceAdmin_"));
    assertThat(admin.get("placement_constraints").toString()).contains("attribute:platform.volume.admin-data");
    assertThat(admin.get("deployment_minimum_healthy_percent").asInt()).isZero();
  }

  /** The hash cdktf appends to a logical id that starts with {@code prefix}. */
  private static String suffix(JsonNode byName, String prefix) {
    List<String> names = fieldNames(byName).stream().filter(n -> n.startsWith(prefix)).toList();
    assertThat(names).as(prefix).hasSize(1);
    return names.get(0).substring(prefix.length());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
