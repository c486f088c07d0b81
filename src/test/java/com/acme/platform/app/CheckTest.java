package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.OfflineOverride;
import com.acme.platform.terraform.ProviderMirror;
import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on the repository's own environments (a copy of its inputs): every stack of staging and production plus
 * the registry goes through real {@code terraform init}, {@code validate} and {@code plan}, offline. Fails, never
 * skips, when terraform or the provider mirror is missing: CI must not go green without this proof.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Path repo;
  private Path work;
  private CheckRun run;

  @BeforeAll
  void check(@TempDir Path tmp) throws IOException {
    repo = Repo.copyInputs(tmp.resolve("repo"));
    work = Files.createDirectories(tmp.resolve("work"));
    run = CheckRun.capture((out, err) -> Check.run(new String[0], repo, work, out, err));
  }

  /** Every environment file's stack plus the registry, listed from the repository so a new file is covered. */
  private List<String> expectedStacks() throws IOException {
    List<String> names = new ArrayList<>(List.of("registry"));
    try (Stream<Path> envs = Files.list(Repo.root().resolve("environments"))) {
      envs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> PlatformApp.stackName(n.substring(0, n.length() - ".json".length()))).sorted()
          .forEach(names::add);
    }
    return names;
  }

  @Test
  void check_everyStack_initValidatePlanOfflineWithoutNetwork() throws IOException {
    assertThat(run.exitCode()).as("exit status; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
    assertThat(expectedStacks()).contains("platform-staging", "platform-production", "registry");
    for (String stack : expectedStacks()) {
      CheckRun.Row row = run.row(stack);
      assertThat(row.steps()).as(stack).containsExactly("ok", "ok", "ok");
      assertThat(row.network()).as("network requests of %s", stack).isZero();
    }
    assertThat(run.out()).contains("All " + expectedStacks().size() + " stacks plan offline")
        .doesNotContain("warnings from");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void table_resourcesToAdd_equalResourcesInSynthesizedJson() throws IOException {
    for (String stack : expectedStacks()) {
      int synthesized = Synthesizer.countResources(repo.resolve("cdktf.out"), stack);
      assertThat(synthesized).as(stack).isPositive();
      assertThat(run.row(stack).toAdd()).as("resources to add in %s", stack).isEqualTo(String.valueOf(synthesized));
    }
  }

  @Test
  void check_leavesCdktfOutAsUsersGetIt() throws IOException {
    List<String> files = new ArrayList<>(Repo.contents(repo.resolve("cdktf.out")).keySet());
    List<String> expected = new ArrayList<>(List.of("manifest.json"));
    expectedStacks().forEach(s -> expected.add("stacks/" + s + "/cdk.tf.json"));
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    JsonNode staging = MAPPER.readTree(repo.resolve("cdktf.out/stacks/platform-staging/cdk.tf.json").toFile());
    assertThat(staging.at("/terraform/backend").fieldNames()).toIterable().containsExactly("s3");
    assertThat(staging.at("/provider/aws/0/allowed_account_ids").toString()).isEqualTo("[\"300000000001\"]");
    assertThat(staging.at("/provider/aws/0").has("access_key")).isFalse();
  }

  @Test
  void copies_carryOfflineOverrideAndPlan() throws IOException {
    for (String stack : expectedStacks()) {
      JsonNode override = MAPPER.readTree(work.resolve(stack).resolve(OfflineOverride.FILE_NAME).toFile());
      assertThat(override.at("/terraform/backend").fieldNames()).toIterable().containsExactly("local");
      assertThat(override.at("/provider/aws/0/skip_requesting_account_id").asBoolean()).isTrue();
      assertThat(work.resolve(stack).resolve("offline.tfplan")).isRegularFile();
    }
  }

  @Test
  void provider_installedOnce_linkedIntoEveryStackNotCopied() throws IOException {
    Path mirror = ProviderMirror.find().orElseThrow().toRealPath();
    for (String stack : expectedStacks()) {
      Path providers = work.resolve(stack).resolve(".terraform/providers/registry.terraform.io/hashicorp/aws");
      List<Path> platformDirs;
      try (Stream<Path> versions = Files.list(providers)) {
        platformDirs = versions.flatMap(CheckTest::list).toList();
      }
      assertThat(platformDirs).as("installed provider packages of %s", stack).hasSize(1);
      Path installed = platformDirs.get(0);
      assertThat(Files.isSymbolicLink(installed)).as("%s is a link into the mirror", installed).isTrue();
      assertThat(installed.toRealPath()).startsWith(mirror);
    }
    try (Stream<Path> all = Files.walk(work)) {
      List<Path> binaries = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> p.getFileName().toString().startsWith("terraform-provider-")).toList();
      assertThat(binaries).as("provider binaries copied into the check's folder").isEmpty();
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
