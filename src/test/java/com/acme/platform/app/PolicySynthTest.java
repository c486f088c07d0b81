package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.GoodOutput;
import com.acme.platform.app.testing.Repo;
import com.acme.platform.app.testing.SynthRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy check in the synth: waivers from the environment files are listed in the summary with their place and
 * reason; a waiver that waives nothing fails the run at its file and field. Each test adds its own waivers to a copy
 * of the real inputs, after the waivers already there, so it does not depend on how many those are.
 */
class PolicySynthTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String LISTENER = "aws_lb_listener.LoadBalancerPublic_HttpListener_57CDE01D";

  @TempDir
  Path tmp;

  @Test
  void waiver_acceptsTheFinding_andTheSummaryListsItWithPlaceAndReason() {
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    ObjectNode production = read(repo, "production");
    ((ObjectNode) production.withArray("loadBalancers").get(0)).remove("certificateArn");
    int index = add(production, "waivers", LISTENER, "lb-http-redirects-to-https",
        "internal demo load balancer, HTTP only until the certificate is issued");
    write(repo, "production", production);

    SynthRun run = SynthRun.of(repo);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("Policy: \\d+ waived findings?:")
        .contains("  platform-production: " + LISTENER + ": lb-http-redirects-to-https (CKV_AWS_2) waived by "
            + "environments/production.json policy.waivers[" + index + "]: internal demo load balancer, HTTP only "
            + "until the certificate is issued\n");
  }

  @Test
  void waiversThatWaiveNothing_failTheRun_atTheirFileAndField() {
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    Map<String, String> before = GoodOutput.contents();
    GoodOutput.copyInto(repo);
    ObjectNode staging = read(repo, "staging");
    int missing = add(staging, "waivers", "aws_lb.LoadBalancerPublic_00000000", "lb-access-logs", "renamed");
    int passing = add(staging, "waivers", "aws_ecs_cluster.ClusterApps_87208844", "ecs-container-insights",
        "insights cost money");
    int otherType = add(staging, "waivers", "aws_ecs_cluster.ClusterApps_87208844", "lb-access-logs", "wrong");
    int registry = add(staging, "registryWaivers", "aws_ecr_repository.RepoGone_12345678", "ecr-scan-on-push",
        "gone");
    write(repo, "staging", staging);

    SynthRun run = SynthRun.of(repo);

    run.assertCleanFailure(repo, before, "stale waivers");
    assertThat(run.problems()).containsExactly(
        "environments/staging.json: policy.registryWaivers[" + registry + "].resource: no resource "
            + "aws_ecr_repository.RepoGone_12345678 in stack registry; remove the waiver or correct the address",
        "environments/staging.json: policy.waivers[" + missing + "].resource: no resource "
            + "aws_lb.LoadBalancerPublic_00000000 in stack platform-staging; remove the waiver or correct the address",
        "environments/staging.json: policy.waivers[" + passing + "].rule: aws_ecs_cluster.ClusterApps_87208844 "
            + "passes rule ecs-container-insights, so the waiver waives nothing; remove it",
        "environments/staging.json: policy.waivers[" + otherType + "].rule: rule lb-access-logs does not check "
            + "aws_ecs_cluster resources (it checks aws_lb, aws_alb); remove the waiver");
  }

  @Test
  void duplicateWaiver_namesTheFirst() {
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    ObjectNode staging = read(repo, "staging");
    int first = add(staging, "waivers", "aws_ecs_cluster.ClusterApps_87208844", "ecs-container-insights", "a");
    int second = add(staging, "waivers", "aws_ecs_cluster.ClusterApps_87208844", "ecs-container-insights", "b");
    write(repo, "staging", staging);

    SynthRun run = SynthRun.of(repo);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.problems()).containsExactly("environments/staging.json: policy.waivers[" + second + "]: waives "
        + "aws_ecs_cluster.ClusterApps_87208844 for ecs-container-insights again (also policy.waivers[" + first
        + "]); keep one waiver");
  }

  /** Appends a waiver to {@code policy.<list>} of an environment document and returns its index. */
  private static int add(ObjectNode env, String list, String resource, String rule, String reason) {
    ArrayNode waivers = env.withObject("/policy").withArray(list);
    waivers.addObject().put("resource", resource).put("rule", rule).put("reason", reason);
    return waivers.size() - 1;
  }

  private static ObjectNode read(Path repo, String env) {
    try {
      return (ObjectNode) MAPPER.readTree(repo.resolve("environments/" + env + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path repo, String env, JsonNode doc) {
    try {
      Files.writeString(repo.resolve("environments/" + env + ".json"),
          MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
