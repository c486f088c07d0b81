package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.policy.PolicyCheck;
import com.acme.platform.constructs.policy.PolicyCheckProps;
import com.acme.platform.constructs.policy.PolicyReport;
import com.acme.platform.testing.GoldenFile;
import com.acme.platform.testing.OfflineTerraform;
import com.acme.platform.testing.SynthesizedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The team's stack, tested only with the published helpers of platform-testing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersStackTest {
  private static final String LB_SG = "${aws_security_group.LoadBalancer_SecurityGroup";

  private SynthesizedStack synth;

  @BeforeAll
  void synthesize() {
    App app = SynthesizedStack.app();
    synth = SynthesizedStack.of(new OrdersStack(app, "orders", true));
  }

  @Test
  void orders_isRegisteredInTwoTargetGroups_onItsTwoPorts() {
    JsonNode service = synth.resourcesByName("aws_ecs_service").values().stream()
        .filter(s -> s.get("name").asText().equals("orders")).findFirst().orElseThrow();
    assertThat(service.get("load_balancer")).hasSize(2);
    assertThat(service.findValuesAsText("container_port")).containsExactlyInAnyOrder("8080", "9090");
  }

  @Test
  void loadBalancer_reachesTheInstances_onExactlyThePortsInUse() {
    List<String> ranges = synth.resources("aws_vpc_security_group_ingress_rule").stream()
        .filter(r -> r.path("referenced_security_group_id").asText().startsWith(LB_SG))
        .map(r -> r.get("from_port").asInt() + "-" + r.get("to_port").asInt()).sorted().toList();
    // The dynamic ports of both orders targets share one rule; the fixed port of legacy gets its own.
    assertThat(ranges).containsExactly("32768-65535", "8082-8082");
  }

  @Test
  void repository_grantsPull_toBothExecutionRoles_only() {
    assertThat(synth.resources("aws_iam_role_policy").stream()
        .filter(p -> p.get("policy").asText().contains("ecr:BatchGetImage"))
        .map(p -> p.get("role").asText()).sorted().toList())
        .hasSize(2).allSatisfy(role -> assertThat(role).contains("ExecutionRole"));
  }

  @Test
  void stack_hasTheConventions_backendProviderRangeAndTags() {
    assertThat(synth.json().at("/terraform/backend/s3/key").asText()).isEqualTo("prod/orders/terraform.tfstate");
    assertThat(synth.json().at("/terraform/backend/s3/use_lockfile").asBoolean()).isTrue();
    assertThat(synth.json().at("/terraform/required_providers/aws/version").asText())
        .isEqualTo(">= 5.34.0, < 6.0.0");
    assertThat(synth.json().at("/provider/aws/0/default_tags/0/tags/team").asText()).isEqualTo("orders");
  }

  @Test
  void executionRole_readsTheContainersSecret() {
    synth.assertHasResourceWithProperties("aws_iam_role_policy", Map.of("name", "read-secrets"));
  }

  @Test
  void stack_passesThePlatformPolicy_withNoWaiver() {
    // The stack also runs the check on every synth (PolicyCheck.addTo); this names what it found, if anything.
    PolicyReport report = PolicyCheck.evaluate(new OrdersStack(SynthesizedStack.app(), "orders", true),
        PolicyCheckProps.builder().build());
    assertThat(report.findings()).isEmpty();
    assertThat(report.waived()).isEmpty();
    assertThat(synth.json().at("/resource/aws_ecr_repository").elements().next()
        .at("/encryption_configuration/0/encryption_type").asText()).isEqualTo("KMS");
    assertThat(synth.resources("aws_cloudwatch_log_group")).hasSize(3)
        .allSatisfy(group -> assertThat(group.path("kms_key_id").asText()).startsWith("${aws_kms_key.Key_"));
  }

  @Test
  void snapshot_matchesGoldenFile() throws Exception {
    GoldenFile.assertMatches(Path.of("src/test/resources/orders.json"), synth.json());
  }

  @Test
  void stack_validatesAndPlansOffline() {
    App app = SynthesizedStack.app();
    // Planned without the S3 backend: the offline plan keeps state in a local file.
    assertThat(OfflineTerraform.assertValidatesAndPlans(new OrdersStack(app, "orders", false)).resourcesToAdd())
        .isGreaterThan(40);
  }
}
