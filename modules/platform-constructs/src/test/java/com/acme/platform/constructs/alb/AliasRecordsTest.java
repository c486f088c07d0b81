package com.acme.platform.constructs.alb;

import static com.acme.platform.constructs.alb.Fixtures.VPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route 53 alias records for hosts a load balancer routes, and nothing else. */
class AliasRecordsTest {
  private static final String ZONE = "Z0123456789ABCDEFGHIJ";

  private static PlatformLoadBalancer albRouting(com.hashicorp.cdktf.TerraformStack stack, String... hosts) {
    PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "Public",
        PlatformLoadBalancerProps.of("platform-public", VPC));
    alb.addServiceRouting("Web", ServiceRoutingProps.builder().targetGroupName("web").loadBalancer(alb.ref())
        .port(8080).hostHeaders(List.of(hosts)).build());
    return alb;
  }

  @Test
  void addAliasRecords_defaults_oneAliasARecordPerName_evaluatingTargetHealth() {
    Synth synth = Synth.stack(stack -> albRouting(stack, "www.example.com").addAliasRecords("Web",
        AliasRecordsProps.builder().hostedZoneId(ZONE).recordNames(List.of("WWW.example.com")).build()));
    JsonNode record = synth.only("aws_route53_record");
    synth.assertHasResourceWithProperties("aws_route53_record", Map.of("zone_id", ZONE, "name", "www.example.com",
        "type", "A"));
    assertThat(record.at("/alias/name").asText()).matches("\\$\\{aws_lb\\.Public_[0-9A-F]{8}\\.dns_name}");
    assertThat(record.at("/alias/zone_id").asText()).matches("\\$\\{aws_lb\\.Public_[0-9A-F]{8}\\.zone_id}");
    assertThat(record.at("/alias/evaluate_target_health").asBoolean()).isTrue();
  }

  @Test
  void addAliasRecords_allOptions_wildcardHeaderAndNoHealthEvaluation() {
    Synth synth = Synth.stack(stack -> albRouting(stack, "*.shop.example.com", "example.com").addAliasRecords("Web",
        AliasRecordsProps.builder().hostedZoneId(ZONE).recordNames(List.of("eu.shop.example.com", "example.com"))
            .evaluateTargetHealth(false).build()));
    assertThat(synth.count("aws_route53_record")).isEqualTo(2);
    assertThat(synth.resources("aws_route53_record")).allSatisfy(r ->
        assertThat(r.at("/alias/evaluate_target_health").asBoolean()).isFalse());
  }

  @Test
  void fails_addAliasRecords_hostTheLoadBalancerDoesNotRoute() {
    Synth.stack(stack -> {
      PlatformLoadBalancer alb = albRouting(stack, "www.example.com");
      assertThatThrownBy(() -> alb.addAliasRecords("Web", AliasRecordsProps.builder().hostedZoneId(ZONE)
          .recordNames(List.of("www.example.com", "api.example.com")).build()))
          .isInstanceOf(InvalidPropsException.class)
          .hasMessage("PlatformLoadBalancer 'Public'.aliasRecords.recordNames[1] \"api.example.com\" is not a host"
              + " this load balancer routes (host headers of its routings: [www.example.com]); add it to a"
              + " routing's hostHeaders or remove the record");
    });
  }

  @Test
  void fails_props_everyProblemAtOnce() {
    assertThatThrownBy(() -> AliasRecordsProps.builder().hostedZoneId("zone-1")
        .recordNames(Arrays.asList("www.example.com.", "www.example.com.", null)).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("AliasRecordsProps.hostedZoneId must be a Route 53 hosted zone id such as"
            + " \"Z0123456789ABCDEFGHIJ\", got \"zone-1\"\n"
            + "AliasRecordsProps.recordNames[0] must be a fully qualified host name such as \"www.example.com\""
            + " (no trailing dot, no wildcard), got \"www.example.com.\"\n"
            + "AliasRecordsProps.recordNames[1] must be a fully qualified host name such as \"www.example.com\""
            + " (no trailing dot, no wildcard), got \"www.example.com.\"\n"
            + "AliasRecordsProps.recordNames[1] must not repeat a name, got \"www.example.com.\"\n"
            + "AliasRecordsProps.recordNames[2] is required");
    assertThatThrownBy(() -> AliasRecordsProps.builder().build()).hasMessage(
        "AliasRecordsProps.hostedZoneId is required\nAliasRecordsProps.recordNames is required: at least one host name");
  }

  @Test
  void props_toBuilder_roundTrip() {
    AliasRecordsProps props = AliasRecordsProps.builder().hostedZoneId(ZONE).recordNames(List.of("a.example.com"))
        .build();
    assertThat(props.toBuilder().build()).isEqualTo(props);
    assertThat(props.evaluateTargetHealth()).isTrue();
  }

  @Test
  void hostMatches_wildcardsAndExactNames() {
    assertThat(PlatformLoadBalancer.hostMatches("*.example.com", "a.b.example.com")).isTrue();
    assertThat(PlatformLoadBalancer.hostMatches("api-?.example.com", "api-1.example.com")).isTrue();
    assertThat(PlatformLoadBalancer.hostMatches("www.example.com", "wwwxexample.com")).isFalse();
  }
}
