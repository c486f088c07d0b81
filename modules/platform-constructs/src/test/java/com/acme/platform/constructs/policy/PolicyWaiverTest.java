package com.acme.platform.constructs.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waivers: what they suppress, what they must carry, and that a waiver that waives nothing is an error. */
class PolicyWaiverTest {
  private static final JsonNode STACK = PolicyRulesTest.stack("{'aws_lb': {'lb': {'drop_invalid_header_fields':"
      + " true}}, 'aws_s3_bucket': {'b': {'bucket': 'logs'}}}");

  @Test
  void waiver_suppressesTheFinding_andTheReportKeepsItsReason() {
    PolicyReport report = PolicyCheck.evaluate("test", STACK, props(
        new Waiver("aws_lb.lb", "lb-access-logs", "sandbox account: no log bucket until the landing zone has one")));

    assertThat(report.findings()).isEmpty();
    assertThat(report.waived()).extracting(WaivedFinding::toString).containsExactly(
        "test: aws_lb.lb: lb-access-logs (CKV_AWS_91) waived: sandbox account: no log bucket until the landing zone "
            + "has one");
    assertThat(report.waived().get(0).finding().problem()).isEqualTo("access logs are off");
    assertThat(report.passed()).isTrue();
  }

  @Test
  void withoutTheWaiver_theSameStackFails() {
    PolicyReport report = PolicyCheck.evaluate("test", STACK, props());

    assertThat(report.passed()).isFalse();
    assertThat(report.errors()).containsExactly("test: aws_lb.lb: lb-access-logs (CKV_AWS_91): access logs are off. "
        + "Fix: enable access_logs to an S3 bucket of the environment");
  }

  @Test
  void fails_waiverWithoutReason() {
    assertThatThrownBy(() -> props(new Waiver("aws_lb.lb", "lb-access-logs", " ")))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PolicyCheckProps.waivers[0].reason is required: say why aws_lb.lb may break lb-access-logs "
            + "(the reason is listed wherever the waiver is)");
    assertThatThrownBy(() -> props(new Waiver("aws_lb.lb", "lb-access-logs", null)))
        .isInstanceOf(InvalidPropsException.class).hasMessageContaining("waivers[0].reason is required");
  }

  @Test
  void fails_unknownRuleId_suggestingTheClosest() {
    assertThatThrownBy(() -> props(new Waiver("aws_lb.lb", "lb-acess-logs", "r"),
        new Waiver("aws_lb.lb", "no-such-thing", "r")))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PolicyCheckProps.waivers[0].rule is not a policy rule: \"lb-acess-logs\"; did you mean "
            + "\"lb-access-logs\"?\n"
            + "PolicyCheckProps.waivers[1].rule is not a policy rule: \"no-such-thing\"; the rules are listed in the "
            + "README's policy table");
  }

  @Test
  void fails_malformedAddress_missingFields_andDuplicates_allAtOnce() {
    assertThatThrownBy(() -> props(new Waiver("LoadBalancer", "lb-access-logs", "r"),
        new Waiver(null, null, "r"),
        new Waiver("aws_lb.lb", "lb-access-logs", "first"),
        new Waiver("aws_lb.lb", "lb-access-logs", "second")))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PolicyCheckProps.waivers[0].resource must be a Terraform resource address <type>.<name> such as "
            + "\"aws_lb.LoadBalancerPublic_8B4D150F\", got \"LoadBalancer\"\n"
            + "PolicyCheckProps.waivers[1].resource is required\n"
            + "PolicyCheckProps.waivers[1].rule is required\n"
            + "PolicyCheckProps.waivers[3] waives aws_lb.lb for lb-access-logs again (also waivers[2]); keep one "
            + "waiver");
  }

  @Test
  void waiverProblems_resourceMissing_resourcePasses_ruleDoesNotCheckTheType() {
    PolicyReport report = PolicyCheck.evaluate("test", STACK, props(
        new Waiver("aws_lb.gone", "lb-access-logs", "r"),
        new Waiver("aws_lb.lb", "lb-drop-invalid-headers", "r"),
        new Waiver("aws_s3_bucket.b", "lb-access-logs", "r")));

    assertThat(report.waiverProblems()).extracting(WaiverProblem::toString).containsExactly(
        "test: waivers[0].resource: no resource aws_lb.gone in stack test; remove the waiver or correct the address",
        "test: waivers[1].rule: aws_lb.lb passes rule lb-drop-invalid-headers, so the waiver waives nothing; "
            + "remove it",
        "test: waivers[2].rule: rule lb-access-logs does not check aws_s3_bucket resources (it checks aws_lb, "
            + "aws_alb); remove the waiver");
    assertThat(report.waiverProblems()).extracting(WaiverProblem::waiverIndex).containsExactly(0, 1, 2);
    assertThat(report.passed()).isFalse();
    assertThat(report.errors()).hasSize(4); // the unwaived lb-access-logs finding, then the three waivers
  }

  @Test
  void props_defaultToEveryRuleAndNoWaiver_andCopy() {
    PolicyCheckProps defaults = PolicyCheckProps.builder().build();
    assertThat(defaults.rules()).isEqualTo(PolicyRules.all());
    assertThat(defaults.waivers()).isEmpty();
    PolicyCheckProps copy = defaults.toBuilder().waivers(List.of(new Waiver("aws_lb.lb", "lb-access-logs", "r")))
        .build();
    assertThat(copy.waivers()).hasSize(1);
    assertThat(copy).isNotEqualTo(defaults);
  }

  /** Props with only the load balancer rules, so that each test reads only what it is about. */
  private static PolicyCheckProps props(Waiver... waivers) {
    return PolicyCheckProps.builder()
        .rules(PolicyRules.all().stream().filter(r -> r.id().startsWith("lb-")).toList())
        .waivers(List.of(waivers)).build();
  }
}
