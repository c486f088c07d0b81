package com.acme.platform.constructs.alb;

import static com.acme.platform.constructs.alb.Fixtures.CERTIFICATE_ARN;
import static com.acme.platform.constructs.alb.Fixtures.LOAD_BALANCER;
import static com.acme.platform.constructs.alb.Fixtures.VPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformLoadBalancerTest {
  private Synth defaults;
  private Synth allOptions;
  private Synth priorities;
  private PlatformLoadBalancer defaultAlb;
  private PlatformLoadBalancer httpsAlb;
  private final List<ServiceRouting> routings = new ArrayList<>();

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> {
      defaultAlb = new PlatformLoadBalancer(stack, "Public", PlatformLoadBalancerProps.of("platform-public", VPC));
      defaultAlb.addServiceRouting("Web", routeTo(defaultAlb, "web", 10).hostHeaders(List.of("www.example.com")).build());
    });
    allOptions = Synth.stack(stack -> {
      httpsAlb = new PlatformLoadBalancer(stack, "Internal", allOptionsProps());
      httpsAlb.addServiceRouting("Web", routeTo(httpsAlb, "web", 10).hostHeaders(List.of("www.example.com")).build());
    });
    priorities = Synth.stack(stack -> {
      PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "Public",
          PlatformLoadBalancerProps.of("platform-public", VPC));
      routings.add(alb.addServiceRouting("A", routeTo(alb, "a", null).pathPatterns(List.of("/a/*")).build()));
      routings.add(alb.addServiceRouting("B", routeTo(alb, "b", 30).pathPatterns(List.of("/b/*")).build()));
      routings.add(alb.addServiceRouting("C", routeTo(alb, "c", null).pathPatterns(List.of("/c/*")).build()));
      routings.add(alb.addServiceRouting("D", routeTo(alb, "d", 15).pathPatterns(List.of("/d/*")).build()));
      routings.add(alb.addServiceRouting("E", routeTo(alb, "e", null).pathPatterns(List.of("/e/*")).build()));
    });
  }

  private static PlatformLoadBalancerProps allOptionsProps() {
    return PlatformLoadBalancerProps.builder()
        .name("platform-internal")
        .vpc(VPC)
        .internal(true)
        .certificateArn(CERTIFICATE_ARN)
        .sslPolicy("ELBSecurityPolicy-TLS13-1-3-2021-06")
        .deletionProtection(true)
        .idleTimeoutSeconds(120)
        .ingressCidrs(List.of("10.0.0.0/8", "192.168.0.0/16"))
        .build();
  }

  private static PlatformLoadBalancerProps.Builder minimal() {
    return PlatformLoadBalancerProps.builder().name("platform-public").vpc(VPC);
  }

  private static void assertProblem(PlatformLoadBalancerProps.Builder props, String message) {
    assertThatThrownBy(props::build).isInstanceOf(InvalidPropsException.class).hasMessage(message);
  }

  // --- defaults: internet-facing, HTTP only

  @Test
  void loadBalancer_defaults_internetFacingInPublicSubnets() {
    defaults.assertHasResourceWithProperties("aws_lb", Map.of(
        "name", "platform-public",
        "load_balancer_type", "application",
        "internal", false,
        "subnets", List.of("subnet-pub-a", "subnet-pub-b"),
        "drop_invalid_header_fields", true,
        "enable_deletion_protection", false,
        "idle_timeout", 60));
    JsonNode securityGroups = defaults.only("aws_lb").path("security_groups");
    assertThat(securityGroups).hasSize(1);
    assertThat(securityGroups.get(0).asText()).matches("\\$\\{aws_security_group\\.[^}]+\\.id}");
  }

  @Test
  void securityGroup_defaults_httpFromAnywhereAndEgressToVpc() {
    JsonNode group = defaults.only("aws_security_group");
    assertThat(group.path("vpc_id").asText()).isEqualTo("vpc-0123");
    assertThat(group.path("name_prefix").asText()).isEqualTo("platform-public-alb-");
    assertThat(group.has("ingress")).isFalse();
    assertThat(group.has("egress")).isFalse();
    assertThat(defaults.count("aws_vpc_security_group_ingress_rule")).isEqualTo(1);
    defaults.assertHasResourceWithProperties("aws_vpc_security_group_ingress_rule", Map.of(
        "cidr_ipv4", "0.0.0.0/0", "ip_protocol", "tcp", "from_port", 80, "to_port", 80));
    JsonNode egress = defaults.only("aws_vpc_security_group_egress_rule");
    assertThat(egress.path("cidr_ipv4").asText()).isEqualTo("10.0.0.0/16");
    assertThat(egress.path("ip_protocol").asText()).isEqualTo("-1");
  }

  @Test
  void listeners_defaults_singleHttpListenerAnswering404() {
    JsonNode listener = defaults.only("aws_lb_listener");
    defaults.assertHasResourceWithProperties("aws_lb_listener", Map.of(
        "port", 80,
        "protocol", "HTTP",
        "default_action", List.of(Map.of("type", "fixed-response", "fixed_response",
            Map.of("status_code", "404", "content_type", "text/plain", "message_body", "Not Found")))));
    assertThat(listener.has("ssl_policy")).isFalse();
    assertThat(defaultAlb.getHttpsListener()).isNull();
    assertThat(defaultAlb.getHttpListener()).isNotNull();
  }

  @Test
  void ref_defaults_routesOnHttpListener() {
    assertThat(defaults.only("aws_lb_listener_rule").path("listener_arn").asText())
        .matches("\\$\\{aws_lb_listener\\.[^}]*HttpListener[^}]*\\.arn}");
    assertThat(defaultAlb.ref().vpcId()).isEqualTo("vpc-0123");
    assertThat(defaultAlb.ref()).isSameAs(defaultAlb.ref());
    assertThat(defaultAlb.getLoadBalancerArn()).isNotBlank();
    assertThat(defaultAlb.getDnsName()).isNotBlank();
    assertThat(defaultAlb.getLoadBalancer()).isNotNull();
    assertThat(defaultAlb.getSecurityGroup()).isNotNull();
    assertThat(defaultAlb.getServiceRoutings()).hasSize(1);
  }

  // --- all options: internal, HTTPS

  @Test
  void loadBalancer_allOptions_internalInPrivateSubnetsProtected() {
    allOptions.assertHasResourceWithProperties("aws_lb", Map.of(
        "name", "platform-internal",
        "internal", true,
        "subnets", List.of("subnet-priv-a", "subnet-priv-b", "subnet-priv-c"),
        "drop_invalid_header_fields", true,
        "enable_deletion_protection", true,
        "idle_timeout", 120));
  }

  @Test
  void securityGroup_allOptions_httpAndHttpsPerCidr() {
    assertThat(allOptions.count("aws_vpc_security_group_ingress_rule")).isEqualTo(4);
    for (String cidr : List.of("10.0.0.0/8", "192.168.0.0/16")) {
      for (int port : List.of(80, 443)) {
        allOptions.assertHasResourceWithProperties("aws_vpc_security_group_ingress_rule", Map.of(
            "cidr_ipv4", cidr, "ip_protocol", "tcp", "from_port", port, "to_port", port));
      }
    }
    assertThat(allOptions.count("aws_vpc_security_group_egress_rule")).isEqualTo(1);
  }

  @Test
  void listeners_allOptions_httpRedirectsAndHttpsTerminatesTls() {
    assertThat(allOptions.count("aws_lb_listener")).isEqualTo(2);
    allOptions.assertHasResourceWithProperties("aws_lb_listener", Map.of(
        "port", 80,
        "protocol", "HTTP",
        "default_action", List.of(Map.of("type", "redirect", "redirect",
            Map.of("protocol", "HTTPS", "port", "443", "status_code", "HTTP_301")))));
    allOptions.assertHasResourceWithProperties("aws_lb_listener", Map.of(
        "port", 443,
        "protocol", "HTTPS",
        "ssl_policy", "ELBSecurityPolicy-TLS13-1-3-2021-06",
        "certificate_arn", CERTIFICATE_ARN,
        "default_action", List.of(Map.of("type", "fixed-response", "fixed_response",
            Map.of("status_code", "404", "content_type", "text/plain", "message_body", "Not Found")))));
    assertThat(httpsAlb.getHttpsListener()).isNotNull();
  }

  @Test
  void ref_allOptions_routesOnHttpsListener() {
    assertThat(allOptions.only("aws_lb_listener_rule").path("listener_arn").asText())
        .matches("\\$\\{aws_lb_listener\\.[^}]*HttpsListener[^}]*\\.arn}");
  }

  @Test
  void sslPolicy_certificateWithoutPolicy_defaultsToTls13And12() {
    assertThat(PlatformLoadBalancerProps.builder().name("a").vpc(VPC).certificateArn(CERTIFICATE_ARN).build()
        .sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
  }

  // --- priorities

  @Test
  void addServiceRouting_mixedPriorities_autoFillsLowestFreeMultipleOf10() {
    // A auto -> 10; B explicit 30; C auto -> 20; D explicit 15 (not a multiple of 10, kept); E auto -> 40 (30 taken).
    assertThat(routings).extracting(ServiceRouting::getPriority).containsExactly(10, 30, 20, 15, 40);
    assertThat(routings.get(0).getProps().priority()).isEqualTo(10);
    assertThat(priorities.resources("aws_lb_listener_rule")).extracting(r -> r.path("priority").asInt())
        .containsExactlyInAnyOrder(10, 30, 20, 15, 40);
    priorities.assertHasResourceWithProperties("aws_lb_listener_rule", Map.of(
        "priority", 40, "condition", List.of(Map.of("path_pattern", Map.of("values", List.of("/e/*"))))));
  }

  @Test
  void getters_zoneIdAndListenerArn_referToTheLoadBalancerAndTheServiceListener() {
    withAlb("Public", alb -> {
      assertThat(alb.getZoneId()).contains("TfToken");
      assertThat(alb.getListenerArn()).isEqualTo(alb.ref().listenerArn());
    });
  }

  @Test
  void fails_addServiceRouting_explicitPriorityTwice() {
    assertThatThrownBy(() -> withAlb("Public", alb -> {
      alb.addServiceRouting("Web", routeTo(alb, "web", 100).hostHeaders(List.of("www.example.com")).build());
      alb.addServiceRouting("Api", routeTo(alb, "api", 100).hostHeaders(List.of("api.example.com")).build());
    }))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancer 'Public'.listenerRules priority 100 is used by both target groups 'web'"
            + " and 'api'; give each service a distinct priority");
  }

  @Test
  void fails_addServiceRouting_explicitPriorityTakenByAutomaticOne() {
    assertThatThrownBy(() -> withAlb("Public", alb -> {
      alb.addServiceRouting("Web", routeTo(alb, "web", null).hostHeaders(List.of("www.example.com")).build());
      alb.addServiceRouting("Api", routeTo(alb, "api", 10).hostHeaders(List.of("api.example.com")).build());
    }))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancer 'Public'.listenerRules priority 10 is used by both target groups 'web'"
            + " and 'api'; give each service a distinct priority");
  }

  @Test
  void fails_addServiceRouting_sameConditionsInAnotherOrderAndCase() {
    assertThatThrownBy(() -> withAlb("Public", alb -> {
      alb.addServiceRouting("Web", routeTo(alb, "web", null)
          .hostHeaders(List.of("www.example.com", "example.com")).pathPatterns(List.of("/app/*")).build());
      alb.addServiceRouting("Web2", routeTo(alb, "web2", null)
          .hostHeaders(List.of("Example.com", "www.example.com")).pathPatterns(List.of("/app/*")).build());
    }))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancer 'Public'.listenerRules conditions (host headers [example.com,"
            + " www.example.com], path patterns [/app/*]) are used by both target groups 'web' and 'web2';"
            + " give each service a distinct host header or path pattern");
  }

  @Test
  void addServiceRouting_samePathOnDifferentHosts_accepted() {
    withAlb("Public", alb -> {
      alb.addServiceRouting("Web", routeTo(alb, "web", null)
          .hostHeaders(List.of("www.example.com")).pathPatterns(List.of("/app/*")).build());
      alb.addServiceRouting("Admin", routeTo(alb, "admin", null)
          .hostHeaders(List.of("admin.example.com")).pathPatterns(List.of("/app/*")).build());
      assertThat(alb.getServiceRoutings()).extracting(ServiceRouting::getPriority).containsExactly(10, 20);
    });
  }

  @Test
  void fails_addServiceRouting_refOfAnotherListener() {
    assertThatThrownBy(() -> withAlb("Public", alb -> alb.addServiceRouting("Web", ServiceRoutingProps.builder()
        .targetGroupName("web").port(80).loadBalancer(LOAD_BALANCER).pathPatterns(List.of("/")).build())))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancer 'Public'.listenerRules routing 'Web' names another listener in"
            + " ServiceRoutingProps.loadBalancer; pass this load balancer's ref()");
  }

  @Test
  void fails_addServiceRouting_sameIdTwice() {
    assertThatThrownBy(() -> withAlb("Public", alb -> {
      alb.addServiceRouting("Web", routeTo(alb, "web", null).pathPatterns(List.of("/a")).build());
      alb.addServiceRouting("Web", routeTo(alb, "web2", null).pathPatterns(List.of("/b")).build());
    }))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformLoadBalancer 'Public'.listenerRules routing id 'Web' is already used;"
            + " give each routing a distinct id");
  }

  private static void withAlb(String id, Consumer<PlatformLoadBalancer> body) {
    Synth.stack(stack -> body.accept(new PlatformLoadBalancer(stack, id, minimal().build())));
  }

  private static ServiceRoutingProps.Builder routeTo(PlatformLoadBalancer alb, String name, Integer priority) {
    return ServiceRoutingProps.builder().targetGroupName(name).port(8080).priority(priority).loadBalancer(alb.ref());
  }

  // --- props validation

  @Test
  void fails_missingRequired() {
    assertThatThrownBy(() -> PlatformLoadBalancerProps.builder().build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Object::toString).containsExactly("name is required", "vpc is required"));
  }

  @Test
  void fails_nameTooLong() {
    assertProblem(minimal().name("a".repeat(33)), "PlatformLoadBalancerProps.name must be 1 to 32 characters long,"
        + " got 33 (\"" + "a".repeat(33) + "\")");
  }

  @Test
  void fails_nameBeginsWithHyphen() {
    assertProblem(minimal().name("-public"), "PlatformLoadBalancerProps.name must be letters, digits and hyphens,"
        + " not beginning or ending with a hyphen, got \"-public\"");
  }

  @Test
  void fails_nameWithDot() {
    assertProblem(minimal().name("platform.public"), "PlatformLoadBalancerProps.name must be letters, digits and"
        + " hyphens, not beginning or ending with a hyphen, got \"platform.public\"");
  }

  @Test
  void fails_nameBeginsWithInternal() {
    assertProblem(minimal().name("internal-web"),
        "PlatformLoadBalancerProps.name must not begin with \"internal-\", got \"internal-web\"");
  }
  @Test
  void fails_nameWithSecurityGroupPrefix() {
    assertProblem(minimal().name("sg-web"), "PlatformLoadBalancerProps.name must not begin with \"sg-\" because the"
        + " security group name starts with the load balancer name and EC2 reserves that prefix, got \"sg-web\"");
  }


  @Test
  void fails_internetFacingWithOnePublicSubnet() {
    VpcRef vpc = new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-a"), List.of("subnet-b", "subnet-c"));
    assertProblem(minimal().vpc(vpc), "PlatformLoadBalancerProps.vpc.publicSubnetIds must have at least 2 entries"
        + " for an internet-facing load balancer (subnets in two Availability Zones), got 1");
  }

  @Test
  void fails_internalWithoutPrivateSubnets() {
    VpcRef vpc = new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-a", "subnet-b"), List.of());
    assertProblem(minimal().vpc(vpc).internal(true), "PlatformLoadBalancerProps.vpc.privateSubnetIds must have at"
        + " least 2 entries for an internal load balancer (subnets in two Availability Zones), got 0");
  }

  @Test
  void fails_certificateArnNotAcm() {
    assertProblem(minimal().certificateArn("arn:aws:iam::111111111111:server-certificate/web"),
        "PlatformLoadBalancerProps.certificateArn must be an ACM certificate ARN"
            + " (arn:aws:acm:<region>:<account>:certificate/<id>), got"
            + " \"arn:aws:iam::111111111111:server-certificate/web\"");
  }

  @Test
  void fails_sslPolicyNotAllowed() {
    assertProblem(minimal().sslPolicy("ELBSecurityPolicy-2016-08"), "PlatformLoadBalancerProps.sslPolicy must be"
        + " one of [ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06,"
        + " ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS-1-2-2017-01,"
        + " ELBSecurityPolicy-TLS-1-2-Ext-2018-06, ELBSecurityPolicy-FS-1-2-Res-2020-10],"
        + " got \"ELBSecurityPolicy-2016-08\"");
  }

  @Test
  void fails_idleTimeoutOutOfRange() {
    assertProblem(minimal().idleTimeoutSeconds(0),
        "PlatformLoadBalancerProps.idleTimeoutSeconds must be between 1 and 4000, got 0");
    assertProblem(minimal().idleTimeoutSeconds(4001),
        "PlatformLoadBalancerProps.idleTimeoutSeconds must be between 1 and 4000, got 4001");
  }

  @Test
  void fails_ingressCidrsEmpty() {
    assertProblem(minimal().ingressCidrs(List.of()), "PlatformLoadBalancerProps.ingressCidrs must have at least"
        + " one entry (an empty list would admit no client), got none");
  }

  @Test
  void fails_ingressCidrInvalid() {
    for (String bad : List.of("10.0.0.0", "10.0.0.256/16", "10.0.0.0/33", "::/0", "10.0.0.1/16")) {
      assertProblem(minimal().ingressCidrs(List.of(bad)), "PlatformLoadBalancerProps.ingressCidrs[0] must be an"
          + " IPv4 CIDR block in network form such as 10.0.0.0/16, got \"" + bad + "\"");
    }
  }

  @Test
  void fails_ingressCidrDuplicate() {
    assertProblem(minimal().ingressCidrs(List.of("10.0.0.0/8", "10.0.0.0/8")),
        "PlatformLoadBalancerProps.ingressCidrs[1] duplicates ingressCidrs[0], got \"10.0.0.0/8\"");
  }

  @Test
  void fails_ingressCidrNull() {
    assertProblem(minimal().ingressCidrs(Arrays.asList("10.0.0.0/8", null)),
        "PlatformLoadBalancerProps.ingressCidrs[1] is required");
  }

  // --- toBuilder

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    PlatformLoadBalancerProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    PlatformLoadBalancerProps props = minimal().build();
    PlatformLoadBalancerProps copy = props.toBuilder().certificateArn(CERTIFICATE_ARN).build();
    assertThat(copy.certificateArn()).isEqualTo(CERTIFICATE_ARN);
    assertThat(props.certificateArn()).isNull();
    assertThat(copy.ingressCidrs()).isEqualTo(props.ingressCidrs());
    assertThat(copy).isNotEqualTo(props);
  }
}
