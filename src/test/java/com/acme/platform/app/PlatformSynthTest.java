package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.core.ProviderConstraints;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthesizes the repository's platform once and checks what was written. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformSynthTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> STACKS = List.of("platform-production", "platform-staging", "registry");

  private Path tmp;
  private Path repo;
  private String printed;
  private int exitCode;

  @BeforeAll
  void synth(@TempDir Path tempDir) {
    tmp = tempDir;
    repo = Repo.copyInputs(tmp.resolve("repo"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exitCode = Main.run(new String[0], repo, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    printed = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void main_allEnvironments_writesEveryStackAndPrintsTable() {
    assertThat(exitCode).isZero();
    for (String stack : STACKS) {
      assertThat(repo.resolve("cdktf.out/stacks/" + stack + "/cdk.tf.json")).isRegularFile();
    }
    assertThat(printed).contains("stack", "resources", "state key")
        .contains("production/platform/terraform.tfstate", "staging/platform/terraform.tfstate",
            "shared/registry/terraform.tfstate")
        .contains("Wrote 3 stacks");
  }

  @Test
  void main_tableCounts_matchSynthesizedJson() throws IOException {
    for (String stack : STACKS) {
      int count = Synthesizer.countResources(repo.resolve("cdktf.out"), stack);
      assertThat(count).isPositive();
      assertThat(printed).containsPattern("(?m)^" + stack + "\\s+" + count + "\\s");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"staging", "production"})
  void stack_backend_encryptedLockfileAtDocumentedKey(String env) throws IOException {
    JsonNode s3 = stack("platform-" + env).at("/terraform/backend/s3");
    assertThat(s3.get("key").asText()).isEqualTo(env + "/platform/terraform.tfstate");
    assertThat(s3.get("encrypt").asBoolean()).isTrue();
    assertThat(s3.get("use_lockfile").asBoolean()).isTrue();
    assertThat(s3.get("bucket").asText()).startsWith("acme-platform-tfstate-");
  }

  @Test
  void stacks_requiredProviders_rangeAdmitsLater5x() throws IOException {
    for (String stack : STACKS) {
      assertThat(stack(stack).at("/terraform/required_providers/aws/version").asText())
          .isEqualTo(ProviderConstraints.AWS_PROVIDER_VERSION);
    }
  }

  @Test
  void stacks_provider_pinnedToEnvironmentAccount() throws IOException {
    JsonNode provider = stack("platform-production").at("/provider/aws/0");
    assertThat(provider.get("allowed_account_ids").toString()).isEqualTo("[\"400000000001\"]");
    assertThat(provider.at("/default_tags/0/tags/environment").asText()).isEqualTo("production");
  }

  @Test
  void registry_oneRepositoryPerServiceWithPullForEnvironmentAccounts() throws IOException {
    JsonNode repos = stack("registry").at("/resource/aws_ecr_repository");
    assertThat(repos.size()).isEqualTo(4);
    List<String> names = new java.util.ArrayList<>();
    repos.forEach(r -> names.add(r.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("admin", "api", "web", "worker");
    assertThat(stack("registry").at("/resource/aws_ecr_repository_policy").size()).isEqualTo(4);
  }

  @Test
  void services_imageFromRegistryAndEnvironmentTag() throws IOException {
    JsonNode taskDefs = stack("platform-staging").at("/resource/aws_ecs_task_definition");
    String all = taskDefs.toString();
    assertThat(all).contains("200000000001.dkr.ecr.eu-west-1.amazonaws.com/web:1.8.0")
        .contains("200000000001.dkr.ecr.eu-west-1.amazonaws.com/admin:latest")
        .contains("public.ecr.aws/docker/library/busybox:1.36");
  }

  @Test
  void synth_twiceInSeparateJvms_byteIdenticalOutput() throws Exception {
    // A second JVM, so that anything seeded per process (hash order, identity hashes) would show up as a difference.
    Path second = Repo.copyInputs(tmp.resolve("second"));
    Path log = tmp.resolve("second-synth.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dplatform.root=" + second, Main.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    assertThat(finished && process.exitValue() == 0).as("second synth:%n%s", Files.readString(log)).isTrue();

    Map<String, String> first = Repo.contents(repo.resolve("cdktf.out"));
    assertThat(Repo.contents(second.resolve("cdktf.out"))).isEqualTo(first);
  }

  @Test
  void synth_oneEnvironment_onlyThatStackAndRegistry() throws IOException {
    Path one = Repo.copyInputs(tmp.resolve("one"));
    int code = Main.run(new String[] {"staging"}, one, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
    assertThat(code).isZero();
    try (var dirs = Files.list(one.resolve("cdktf.out/stacks"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("platform-staging", "registry");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"platform-staging", "platform-production", "registry"})
  void snapshot_matchesGoldenFile(String stack) throws IOException {
    Snapshots.assertMatches(stack + ".json", stack(stack));
  }

  private JsonNode stack(String name) throws IOException {
    return MAPPER.readTree(repo.resolve("cdktf.out/stacks/" + name + "/cdk.tf.json").toFile());
  }
}
