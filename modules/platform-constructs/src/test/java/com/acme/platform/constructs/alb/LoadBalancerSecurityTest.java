package com.acme.platform.constructs.alb;

import static com.acme.platform.constructs.alb.Fixtures.CERTIFICATE_ARN;
import static com.acme.platform.constructs.alb.Fixtures.VPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.s3.AccessLogBucket;
import com.acme.platform.constructs.s3.AccessLogBucketProps;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Desync mitigation, access logs, HTTPS and who may connect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBalancerSecurityTest {
  private Synth stackBucket;
  private Synth explicitBucket;
  private Synth noBucket;

  @BeforeAll
  void synth() {
    stackBucket = Synth.stack(stack -> {
      new AccessLogBucket(stack, "AccessLogs", AccessLogBucketProps.of("qa-lb-logs", "eu-west-1", "111111111111"));
      new PlatformLoadBalancer(stack, "Public", PlatformLoadBalancerProps.builder().name("qa-public").vpc(VPC)
          .certificateArn(CERTIFICATE_ARN).build());
      new PlatformLoadBalancer(stack, "Quiet", PlatformLoadBalancerProps.builder().name("qa-quiet").vpc(VPC)
          .accessLogs(false).build());
    });
    explicitBucket = Synth.stack(stack -> new PlatformLoadBalancer(stack, "Internal", PlatformLoadBalancerProps
        .builder().name("qa-internal").vpc(VPC).internal(true).desyncMitigationMode("strictest")
        .accessLogBucket("central-lb-logs").build()));
    noBucket = Synth.stack(stack -> new PlatformLoadBalancer(stack, "Public",
        PlatformLoadBalancerProps.of("qa-public", VPC)));
  }

  private static JsonNode lb(Synth synth, String name) {
    return synth.resources("aws_lb").stream().filter(l -> l.get("name").asText().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void loadBalancer_defaults_defensiveDesyncDropsInvalidHeaders() {
    noBucket.assertHasResourceWithProperties("aws_lb", Map.of(
        "desync_mitigation_mode", "defensive", "drop_invalid_header_fields", true));
  }

  @Test
  void accessLogs_default_toTheStacksBucket_underTheLoadBalancersPrefix_afterItsPolicy() {
    JsonNode lb = lb(stackBucket, "qa-public");
    assertThat(lb.get("access_logs").toString())
        .isEqualTo("{\"bucket\":\"qa-lb-logs\",\"enabled\":true,\"prefix\":\"qa-public\"}");
    assertThat(lb.get("depends_on").toString()).contains("aws_s3_bucket_policy.AccessLogs_Policy");
  }

  @Test
  void accessLogs_false_noAccessLogsNorDependency() {
    JsonNode lb = lb(stackBucket, "qa-quiet");
    assertThat(lb.has("access_logs")).isFalse();
    assertThat(lb.has("depends_on")).isFalse();
  }

  @Test
  void accessLogs_noBucketInStack_none() {
    assertThat(noBucket.only("aws_lb").has("access_logs")).isFalse();
  }

  @Test
  void accessLogs_explicitBucket_strictestDesync_internalAdmitsItsVpcOnly() {
    explicitBucket.assertHasResourceWithProperties("aws_lb", Map.of("desync_mitigation_mode", "strictest",
        "access_logs", Map.of("bucket", "central-lb-logs", "enabled", true, "prefix", "qa-internal")));
    assertThat(explicitBucket.resources("aws_vpc_security_group_ingress_rule"))
        .extracting(r -> r.get("cidr_ipv4").asText()).containsOnly("10.0.0.0/16");
  }

  @Test
  void https_withCertificate_httpOnlyRedirects_tls12OrNewer() {
    JsonNode http = stackBucket.resources("aws_lb_listener").stream()
        .filter(l -> l.get("port").asInt() == 80 && l.get("load_balancer_arn").asText().contains("Public"))
        .findFirst().orElseThrow();
    assertThat(http.get("default_action").get(0).get("type").asText()).isEqualTo("redirect");
    stackBucket.assertHasResourceWithProperties("aws_lb_listener", Map.of("port", 443, "protocol", "HTTPS",
        "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06"));
    // The internet-facing load balancer is the one that admits 0.0.0.0/0, on 80 and 443 only.
    assertThat(stackBucket.resources("aws_vpc_security_group_ingress_rule"))
        .filteredOn(r -> r.get("cidr_ipv4").asText().equals("0.0.0.0/0"))
        .extracting(r -> r.get("from_port").asInt()).containsOnly(80, 443);
  }

  @Test
  void fails_monitorDesyncAndBucketWithoutAccessLogs() {
    assertThatThrownBy(() -> PlatformLoadBalancerProps.builder().name("qa").vpc(VPC).desyncMitigationMode("monitor")
        .accessLogs(false).accessLogBucket("logs").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancerProps.desyncMitigationMode must be one of [defensive, strictest], got"
            + " \"monitor\"\n"
            + "PlatformLoadBalancerProps.accessLogs is false, so accessLogBucket has nothing to configure; remove it"
            + " or turn access logs on");
    assertThatThrownBy(() -> PlatformLoadBalancerProps.builder().name("qa").vpc(VPC).accessLogBucket("Logs!")
        .build())
        .hasMessage("PlatformLoadBalancerProps.accessLogBucket must contain only lowercase letters, digits, '.' and"
            + " '-', got \"Logs!\"\n"
            + "PlatformLoadBalancerProps.accessLogBucket must begin and end with a letter or digit, got \"Logs!\"");
  }

  @Test
  void props_toBuilder_keepsNewFields() {
    PlatformLoadBalancerProps props = PlatformLoadBalancerProps.builder().name("qa").vpc(VPC)
        .desyncMitigationMode("strictest").accessLogBucket("logs-bucket").build();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
    assertThat(props.toBuilder().accessLogBucket(null).accessLogs(false).build().accessLogs()).isFalse();
  }
}
