package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.TerraformCli;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real {@code terraform init} (offline, from the provider mirror) and {@code terraform validate} on every synthesized
 * stack. Fails, never skips, when terraform or the mirror is missing: CI must not go green without this proof.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerraformValidateTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Path tmp;
  private Path outdir;
  private TerraformCli terraform;

  @BeforeAll
  void synthAndLocateTerraform(@TempDir Path tempDir) throws IOException {
    tmp = tempDir;
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    int code = Main.run(new String[0], repo, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
    assertThat(code).as("synth exit code").isZero();
    outdir = repo.resolve("cdktf.out");
    terraform = TerraformCli.offline(tmp.resolve("cli"));
  }

  List<String> stacks() throws IOException {
    // Listed from the repository's own synth so that a new stack is validated without touching this test.
    Path stacksDir = Repo.root().resolve("environments");
    List<String> names = new ArrayList<>(List.of("registry"));
    try (Stream<Path> envs = Files.list(stacksDir)) {
      envs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> PlatformApp.stackName(n.substring(0, n.length() - 5))).sorted().forEach(names::add);
    }
    return names;
  }

  @ParameterizedTest
  @MethodSource("stacks")
  void validate_stack_noErrorsNoWarnings(String stack) throws IOException {
    Path dir = tmp.resolve("work").resolve(stack);
    Repo.copyTree(outdir.resolve("stacks").resolve(stack), dir);

    TerraformCli.Result init = terraform.run(dir, 300, "init", "-backend=false", "-input=false", "-no-color");
    assertThat(init.ok()).as("terraform init in %s:%n%s", stack, init.output()).isTrue();

    TerraformCli.Result validate = terraform.run(dir, 300, "validate", "-json", "-no-color");
    JsonNode report = MAPPER.readTree(validate.output());
    assertThat(report.path("valid").asBoolean()).as("terraform validate %s:%n%s", stack, report.toPrettyString())
        .isTrue();
    assertThat(report.path("error_count").asInt()).isZero();
    assertThat(report.path("warning_count").asInt()).as("warnings in %s:%n%s", stack, report.toPrettyString())
        .isZero();
  }
}
