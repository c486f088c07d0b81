package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check catches what only Terraform can see, and shows Terraform's own words. Each test breaks one stack in a
 * copy of a real synthesized output (the way an escape-hatch override or a new construct could) and checks only
 * that stack, to keep the run short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckFailureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String HTTP_LISTENER = "LoadBalancerPublic_HttpListener_57CDE01D";

  private Path tmp;
  private Path synthesized;

  @BeforeAll
  void synth(@TempDir Path tempDir) {
    tmp = tempDir;
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    int code = Main.run(new String[0], repo, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
    assertThat(code).as("synth exit code").isZero();
    synthesized = repo.resolve("cdktf.out");
  }

  @Test
  void fails_valueValidateAcceptsPlanRejects_reportedWithTerraformMessage() throws IOException {
    // A listener whose default action forwards to nothing: the schema allows it (validate passes), the provider's
    // plan-time check of the action's attributes rejects it. Our constructs never build it; an escape-hatch
    // override such as addOverride("default_action.0.type", "forward") can.
    Path outdir = brokenCopy("forward-without-target", "platform-staging", stack -> {
      ObjectNode listener = (ObjectNode) stack.at("/resource/aws_lb_listener/" + HTTP_LISTENER);
      assertThat(listener.isMissingNode()).isFalse();
      listener.putArray("default_action").addObject().put("type", "forward");
    });

    CheckRun run = check(outdir);

    assertThat(run.exitCode()).isEqualTo(1);
    CheckRun.Row row = run.row("platform-staging");
    assertThat(row.steps()).containsExactly("ok", "ok", "FAILED");
    assertThat(row.toAdd()).isEqualTo("-");
    assertThat(run.out()).contains("1 of 1 stacks failed the offline check: platform-staging");
    assertThat(run.err()).contains("platform-staging: terraform plan failed:\n  Error: Invalid Attribute Combination")
        .contains("Either \"default_action[0].target_group_arn\" or \"default_action[0].forward\" must be specified"
            + " when \"default_action[0].type\" is \"forward\".")
        .contains("with aws_lb_listener." + HTTP_LISTENER)
        .doesNotContain("will be created");
  }

  @Test
  void fails_invalidArn_validateReportsItAndPlanDoesNotRun() throws IOException {
    Path outdir = brokenCopy("invalid-arn", "platform-staging", stack ->
        ((ObjectNode) stack.at("/resource/aws_lb_listener/" + HTTP_LISTENER)).put("certificate_arn", "not-an-arn"));

    CheckRun run = check(outdir);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.row("platform-staging").steps()).containsExactly("ok", "FAILED", "-");
    assertThat(run.err()).contains("platform-staging: terraform validate failed:\n"
        + "  Error: \"certificate_arn\" (not-an-arn) is an invalid ARN: arn: invalid prefix");
  }

  @Test
  void fails_dataSourceNeedsAws_requestCountedAndRefusedFast() throws IOException {
    // Reading the caller's identity needs STS. The check must notice the attempt, not hang on it.
    Path outdir = brokenCopy("needs-aws", "registry", stack ->
        stack.putObject("data").putObject("aws_caller_identity").putObject("current"));

    CheckRun run = check(outdir);

    assertThat(run.exitCode()).isEqualTo(1);
    CheckRun.Row row = run.row("registry");
    assertThat(row.plan()).isEqualTo("FAILED");
    assertThat(row.network()).isEqualTo(1);
    assertThat(row.seconds()).as("seconds until the refused request failed the plan").isLessThan(120);
    assertThat(run.err()).contains("registry: terraform tried to reach the network 1 time")
        .contains("  CONNECT sts.eu-west-1.amazonaws.com:443")
        .contains("Error: reading STS Caller Identity");
  }

  private CheckRun check(Path outdir) throws IOException {
    Path work = Files.createDirectories(outdir.resolveSibling("work"));
    return CheckRun.capture((out, err) -> Check.checkSynthesized(outdir, work, out, err));
  }

  /** A copy of the synthesized output with only {@code stack} in it, its JSON changed by {@code breakIt}. */
  private Path brokenCopy(String name, String stack, Consumer<ObjectNode> breakIt) throws IOException {
    Path outdir = tmp.resolve(name).resolve("cdktf.out");
    Repo.copyTree(synthesized.resolve("stacks").resolve(stack), outdir.resolve("stacks").resolve(stack));
    ObjectNode manifest = (ObjectNode) MAPPER.readTree(synthesized.resolve("manifest.json").toFile());
    for (Iterator<String> names = manifest.path("stacks").fieldNames(); names.hasNext(); ) {
      if (!names.next().equals(stack)) {
        names.remove();
      }
    }
    MAPPER.writeValue(outdir.resolve("manifest.json").toFile(), manifest);
    Path json = outdir.resolve("stacks").resolve(stack).resolve("cdk.tf.json");
    ObjectNode content = (ObjectNode) MAPPER.readTree(json.toFile());
    breakIt.accept(content);
    MAPPER.writeValue(json.toFile(), content);
    return outdir;
  }
}
