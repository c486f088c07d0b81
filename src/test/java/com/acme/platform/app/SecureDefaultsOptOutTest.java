package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure defaults' opt-outs and options reach the constructs from an environment file: staging with flow logs
 * off, access logs off, the strictest desync mitigation and a second scratch volume. The defaults themselves are in
 * the reference snapshots. An opt-out that breaks a policy rule needs a waiver with a reason, which the summary lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureDefaultsOptOutTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonNode resources;
  private String summary;

  @BeforeAll
  void synth(@TempDir Path tmp) throws IOException {
    Path repo = Repo.copyInputs(tmp.resolve("repo"));
    Path file = repo.resolve("environments/staging.json");
    ObjectNode staging = (ObjectNode) MAPPER.readTree(file.toFile());
    ((ObjectNode) staging.path("network")).put("flowLogs", false);
    ObjectNode lb = (ObjectNode) staging.path("loadBalancers").get(0);
    lb.put("accessLogs", false);
    lb.put("desyncMitigationMode", "strictest");
    ((ObjectNode) staging.path("services").get(0)).putArray("scratchVolumes").add("tmp").add("cache");
    // Turning a default off breaks its policy rule: the environment must say why, in a waiver.
    var waivers = staging.putObject("policy").putArray("waivers");
    waivers.addObject().put("resource", "aws_vpc.Network_1C6012B5").put("rule", "vpc-flow-logs")
        .put("reason", "sandbox VPC, no traffic worth recording");
    waivers.addObject().put("resource", "aws_lb.LoadBalancerPublic_8B4D150F").put("rule", "lb-access-logs")
        .put("reason", "sandbox load balancer, no log bucket");
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), staging);
    CheckRun synth = CheckRun.capture((out, err) -> Main.run(new String[] {"staging"}, repo, out, err));
    assertThat(synth.exitCode()).as("synth; stderr:%n%s", synth.err()).isZero();
    summary = synth.out();
    resources = MAPPER.readTree(repo.resolve("cdktf.out/stacks/platform-staging/cdk.tf.json").toFile())
        .path("resource");
  }

  private List<JsonNode> all(String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.path(type).forEach(found::add);
    return found;
  }

  @Test
  void flowLogsFalse_noFlowLogNorItsLogGroup_defaultSecurityGroupStays() {
    assertThat(all("aws_flow_log")).isEmpty();
    assertThat(all("aws_cloudwatch_log_group")).extracting(g -> g.path("name").asText())
        .noneMatch(name -> name.startsWith("/vpc/"));
    assertThat(all("aws_default_security_group")).hasSize(1);
  }

  @Test
  void accessLogsFalse_strictest_loadBalancerWithoutAccessLogs_bucketStillThere() {
    JsonNode lb = all("aws_lb").get(0);
    assertThat(lb.has("access_logs")).isFalse();
    assertThat(lb.path("desync_mitigation_mode").asText()).isEqualTo("strictest");
    assertThat(all("aws_s3_bucket")).hasSize(1);
  }

  @Test
  void scratchVolumes_everyNameBecomesATaskVolume() {
    JsonNode web = all("aws_ecs_task_definition").stream()
        .filter(t -> t.path("family").asText().equals("staging-web")).findFirst().orElseThrow();
    assertThat(web.path("volume").findValuesAsText("name")).containsExactly("tmp", "cache");
  }

  @Test
  void optOuts_breakTheirRules_soTheirWaiversAreListedWithReasons() {
    assertThat(summary).contains("platform-staging: aws_vpc.Network_1C6012B5: vpc-flow-logs (CKV2_AWS_11) waived by "
        + "environments/staging.json policy.waivers[0]: sandbox VPC, no traffic worth recording")
        .contains("platform-staging: aws_lb.LoadBalancerPublic_8B4D150F: lb-access-logs (CKV_AWS_91) waived by "
        + "environments/staging.json policy.waivers[1]: sandbox load balancer, no log bucket");
  }
}
