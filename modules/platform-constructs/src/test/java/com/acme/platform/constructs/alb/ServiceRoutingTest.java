package com.acme.platform.constructs.alb;

import static com.acme.platform.constructs.alb.Fixtures.LISTENER_ARN;
import static com.acme.platform.constructs.alb.Fixtures.LOAD_BALANCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceRoutingTest {
  private Synth defaults;
  private Synth allOptions;
  private ServiceRouting defaultRouting;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> defaultRouting = new ServiceRouting(stack, "Orders", minimal().build()));
    allOptions = Synth.stack(stack -> new ServiceRouting(stack, "Orders", allOptionsProps()));
  }

  private static ServiceRoutingProps allOptionsProps() {
    return ServiceRoutingProps.builder()
        .targetGroupName("orders-api-blue")
        .loadBalancer(LOAD_BALANCER)
        .port(3000)
        .priority(250)
        .hostHeaders(List.of("orders.example.com", "*.orders.example.com"))
        .pathPatterns(List.of("/api/*", "/v2/*"))
        .healthCheckPath("/healthz")
        .healthCheckIntervalSeconds(10)
        .healthCheckTimeoutSeconds(3)
        .healthyThresholdCount(2)
        .unhealthyThresholdCount(5)
        .healthCheckMatcher("200,204")
        .deregistrationDelaySeconds(0)
        .stickinessSeconds(3600)
        .build();
  }

  private static ServiceRoutingProps.Builder minimal() {
    return ServiceRoutingProps.builder()
        .targetGroupName("orders-api")
        .loadBalancer(LOAD_BALANCER)
        .port(8080)
        .priority(100)
        .hostHeaders(List.of("orders.example.com"));
  }

  private static void assertProblem(ServiceRoutingProps.Builder props, String message) {
    assertThatThrownBy(props::build).isInstanceOf(InvalidPropsException.class).hasMessage(message);
  }

  @Test
  void targetGroup_defaults_instanceTargetsWithHealthCheckAndStickinessOff() {
    defaults.assertHasResourceWithProperties("aws_lb_target_group", Map.of(
        "name", "orders-api",
        "port", 8080,
        "protocol", "HTTP",
        "target_type", "instance",
        "vpc_id", "vpc-0123",
        "deregistration_delay", "30",
        "health_check", Map.of("enabled", true, "path", "/", "protocol", "HTTP", "port", "traffic-port",
            "interval", 30, "timeout", 5, "healthy_threshold", 3, "unhealthy_threshold", 3, "matcher", "200-399"),
        "stickiness", Map.of("type", "lb_cookie", "enabled", false)));
    JsonNode targetGroup = defaults.only("aws_lb_target_group");
    assertThat(targetGroup.path("stickiness").has("cookie_duration")).isFalse();
    assertThat(targetGroup.has("lifecycle")).isFalse();
  }

  @Test
  void listenerRule_defaults_forwardsHostHeaderToTargetGroup() {
    defaults.assertHasResourceWithProperties("aws_lb_listener_rule", Map.of(
        "listener_arn", LISTENER_ARN,
        "priority", 100,
        "condition", List.of(Map.of("host_header", Map.of("values", List.of("orders.example.com"))))));
    JsonNode action = defaults.only("aws_lb_listener_rule").path("action");
    assertThat(action).hasSize(1);
    assertThat(action.get(0).path("type").asText()).isEqualTo("forward");
    assertThat(action.get(0).path("target_group_arn").asText()).matches("\\$\\{aws_lb_target_group\\.[^}]+\\.arn}");
  }

  @Test
  void getters_defaults_priorityAndProps() {
    assertThat(defaultRouting.getPriority()).isEqualTo(100);
    assertThat(defaultRouting.getProps().healthCheckPath()).isEqualTo("/");
    assertThat(defaultRouting.getProps().pathPatterns()).isEmpty();
    assertThat(defaultRouting.getProps().stickinessSeconds()).isNull();
    assertThat(defaultRouting.getTargetGroupArn()).isNotBlank();
    assertThat(defaultRouting.getTargetGroup()).isNotNull();
    assertThat(defaultRouting.getListenerRule()).isNotNull();
  }

  @Test
  void routedTargetGroupArn_readsThroughTheListenerRule() {
    Synth synth = Synth.stack(stack -> {
      ServiceRouting routing = new ServiceRouting(stack, "Orders", minimal().build());
      com.hashicorp.cdktf.TerraformOutput.Builder.create(stack, "Arn").value(routing.getRoutedTargetGroupArn())
          .build();
    });

    // A service given this value depends on the rule, so ECS never sees a target group without a load balancer.
    assertThat(synth.json().at("/output/Arn/value").asText())
        .matches("\\$\\{aws_lb_listener_rule\\.[A-Za-z0-9_]+\\.action\\[0\\]\\.target_group_arn}");
  }

  @Test
  void targetGroup_allOptions_customHealthCheckDelayAndStickiness() {
    allOptions.assertHasResourceWithProperties("aws_lb_target_group", Map.of(
        "name", "orders-api-blue",
        "port", 3000,
        "target_type", "instance",
        "deregistration_delay", "0",
        "health_check", Map.of("path", "/healthz", "interval", 10, "timeout", 3, "healthy_threshold", 2,
            "unhealthy_threshold", 5, "matcher", "200,204", "port", "traffic-port"),
        "stickiness", Map.of("type", "lb_cookie", "enabled", true, "cookie_duration", 3600)));
  }

  @Test
  void listenerRule_allOptions_hostAndPathConditions() {
    allOptions.assertHasResourceWithProperties("aws_lb_listener_rule", Map.of(
        "priority", 250,
        "condition", List.of(
            Map.of("host_header", Map.of("values", List.of("orders.example.com", "*.orders.example.com"))),
            Map.of("path_pattern", Map.of("values", List.of("/api/*", "/v2/*"))))));
  }

  @Test
  void fails_directWithoutPriority() {
    assertThatThrownBy(() -> Synth.stack(stack -> new ServiceRouting(stack, "Orders", minimal().priority(null).build())))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ServiceRoutingProps.priority is required when a ServiceRouting is created directly; set it,"
            + " or create the routing with PlatformLoadBalancer.addServiceRouting, which assigns one");
  }

  @Test
  void fails_missingRequired() {
    assertThatThrownBy(() -> ServiceRoutingProps.builder().pathPatterns(List.of("/")).build())
        .isInstanceOfSatisfying(InvalidPropsException.class, e -> assertThat(e.getProblems())
            .extracting(Object::toString)
            .containsExactly("targetGroupName is required", "loadBalancer is required", "port is required"));
  }

  @Test
  void fails_targetGroupNameTooLong() {
    assertProblem(minimal().targetGroupName("a".repeat(33)), "ServiceRoutingProps.targetGroupName must be 1 to 32"
        + " characters long, got 33 (\"" + "a".repeat(33) + "\")");
  }

  @Test
  void fails_targetGroupNameEndsWithHyphen() {
    assertProblem(minimal().targetGroupName("orders-"), "ServiceRoutingProps.targetGroupName must be letters, digits"
        + " and hyphens, not beginning or ending with a hyphen, got \"orders-\"");
  }

  @Test
  void fails_targetGroupNameWithUnderscore() {
    assertProblem(minimal().targetGroupName("orders_api"), "ServiceRoutingProps.targetGroupName must be letters,"
        + " digits and hyphens, not beginning or ending with a hyphen, got \"orders_api\"");
  }

  @Test
  void fails_portOutOfRange() {
    assertProblem(minimal().port(0), "ServiceRoutingProps.port must be between 1 and 65535, got 0");
    assertProblem(minimal().port(65_536), "ServiceRoutingProps.port must be between 1 and 65535, got 65536");
  }

  @Test
  void fails_priorityOutOfRange() {
    assertProblem(minimal().priority(0), "ServiceRoutingProps.priority must be between 1 and 50000, got 0");
    assertProblem(minimal().priority(50_001), "ServiceRoutingProps.priority must be between 1 and 50000, got 50001");
  }

  @Test
  void fails_noCondition() {
    assertProblem(minimal().hostHeaders(null),
        "ServiceRoutingProps.hostHeaders or pathPatterns must have at least one entry, got none");
  }

  @Test
  void fails_moreThanFiveConditionValues() {
    assertProblem(minimal().hostHeaders(List.of("a.example.com", "b.example.com", "c.example.com"))
            .pathPatterns(List.of("/a", "/b", "/c")),
        "ServiceRoutingProps.hostHeaders and pathPatterns must have at most 5 entries combined, got 6");
  }

  @Test
  void fails_pathPatternWithoutSlash() {
    assertProblem(minimal().pathPatterns(List.of("/ok", "api/*")),
        "ServiceRoutingProps.pathPatterns[1] must start with '/', got \"api/*\"");
  }

  @Test
  void fails_nullConditionValue() {
    assertProblem(minimal().hostHeaders(Arrays.asList("orders.example.com", null)),
        "ServiceRoutingProps.hostHeaders[1] is required");
  }

  @Test
  void fails_healthCheckPathWithoutSlash() {
    assertProblem(minimal().healthCheckPath("health"),
        "ServiceRoutingProps.healthCheckPath must start with '/', got \"health\"");
  }

  @Test
  void fails_healthCheckIntervalOutOfRange() {
    assertProblem(minimal().healthCheckIntervalSeconds(301),
        "ServiceRoutingProps.healthCheckIntervalSeconds must be between 5 and 300, got 301");
  }

  @Test
  void fails_healthCheckTimeoutOutOfRange() {
    assertProblem(minimal().healthCheckTimeoutSeconds(1),
        "ServiceRoutingProps.healthCheckTimeoutSeconds must be between 2 and 120, got 1");
  }

  @Test
  void fails_healthCheckTimeoutNotBelowInterval() {
    assertProblem(minimal().healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(10),
        "ServiceRoutingProps.healthCheckTimeoutSeconds must be less than healthCheckIntervalSeconds (10), got 10");
  }

  @Test
  void fails_thresholdsOutOfRange() {
    assertProblem(minimal().healthyThresholdCount(1),
        "ServiceRoutingProps.healthyThresholdCount must be between 2 and 10, got 1");
    assertProblem(minimal().unhealthyThresholdCount(11),
        "ServiceRoutingProps.unhealthyThresholdCount must be between 2 and 10, got 11");
  }

  @Test
  void fails_matcherNotHttpCodes() {
    assertProblem(minimal().healthCheckMatcher("OK"),
        "ServiceRoutingProps.healthCheckMatcher must be HTTP codes such as 200, 200,302 or 200-399, got \"OK\"");
    assertProblem(minimal().healthCheckMatcher("200-599"),
        "ServiceRoutingProps.healthCheckMatcher must use codes from 200 to 499 (application load balancers accept no"
            + " others), got \"200-599\"");
  }

  @Test
  void fails_deregistrationDelayOutOfRange() {
    assertProblem(minimal().deregistrationDelaySeconds(3601),
        "ServiceRoutingProps.deregistrationDelaySeconds must be between 0 and 3600, got 3601");
  }

  @Test
  void fails_stickinessOutOfRange() {
    assertProblem(minimal().stickinessSeconds(0),
        "ServiceRoutingProps.stickinessSeconds must be between 1 and 604800, got 0");
    assertProblem(minimal().stickinessSeconds(604_801),
        "ServiceRoutingProps.stickinessSeconds must be between 1 and 604800, got 604801");
  }

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    ServiceRoutingProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    ServiceRoutingProps props = minimal().build();
    ServiceRoutingProps copy = props.toBuilder().healthCheckPath("/healthz").build();
    assertThat(copy.healthCheckPath()).isEqualTo("/healthz");
    assertThat(props.healthCheckPath()).isEqualTo("/");
    assertThat(copy).isNotEqualTo(props);
  }

  @Test
  void withPriority_changesOnlyThePriority() {
    ServiceRoutingProps assigned = minimal().priority(null).build().withPriority(40);
    assertThat(assigned).isEqualTo(minimal().priority(40).build());
  }
}
