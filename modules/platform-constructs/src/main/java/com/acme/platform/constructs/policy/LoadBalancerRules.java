package com.acme.platform.constructs.policy;

import static com.acme.platform.constructs.policy.JsonValues.block;
import static com.acme.platform.constructs.policy.JsonValues.blocks;
import static com.acme.platform.constructs.policy.JsonValues.isFalse;
import static com.acme.platform.constructs.policy.JsonValues.isTrue;
import static com.acme.platform.constructs.policy.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The load balancer rules: application load balancers, their listeners and target groups. */
final class LoadBalancerRules {
  private static final String[] LOAD_BALANCERS = {"aws_lb", "aws_alb"};
  private static final String[] LISTENERS = {"aws_lb_listener", "aws_alb_listener"};
  /** Policy name prefixes that allow TLS 1.2 and later only. */
  private static final List<String> TLS12_PREFIXES = List.of("ELBSecurityPolicy-TLS13-1-2",
      "ELBSecurityPolicy-TLS13-1-3", "ELBSecurityPolicy-TLS-1-2", "ELBSecurityPolicy-FS-1-2");
  /** TLS 1.2 policies that trivy still calls outdated (they keep CBC ciphers). */
  private static final Set<String> OUTDATED = Set.of("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06");

  private LoadBalancerRules() {}

  static List<PolicyRule> rules() {
    return List.of(
        PolicyRule.builder().id("lb-drop-invalid-headers").checkovId("CKV_AWS_131")
            .tfsecId("aws-elb-drop-invalid-headers").trivyId("AVD-AWS-0052")
            .title("Application load balancers drop invalid HTTP header fields")
            .fix("set drop_invalid_header_fields to true")
            .resourceTypes(LOAD_BALANCERS)
            .check((r, s) -> isApplication(r) && !isTrue(r.config().get("drop_invalid_header_fields"))
                ? List.of("invalid HTTP header fields are passed to the targets (drop_invalid_header_fields is not "
                    + "true)")
                : List.of())
            .build(),
        PolicyRule.builder().id("lb-desync-mitigation").checkovId("CKV_AWS_328")
            .title("Application load balancers mitigate HTTP desync in defensive or strictest mode")
            .fix("set desync_mitigation_mode to \"defensive\" (the default) or \"strictest\"")
            .resourceTypes(LOAD_BALANCERS)
            .check((r, s) -> {
              String mode = text(r.config(), "desync_mitigation_mode");
              return isApplication(r) && mode != null && !"defensive".equals(mode) && !"strictest".equals(mode)
                  ? List.of("desync_mitigation_mode is \"" + mode + "\"") : List.of();
            }).build(),
        PolicyRule.builder().id("lb-access-logs").checkovId("CKV_AWS_91")
            .title("Load balancers write access logs")
            .fix("enable access_logs to an S3 bucket of the environment")
            .resourceTypes(LOAD_BALANCERS)
            .check((r, s) -> {
              JsonNode logs = block(r.config(), "access_logs");
              return isTrue(logs.get("enabled")) && text(logs, "bucket") != null ? List.of()
                  : List.of("access logs are off");
            }).build(),
        PolicyRule.builder().id("lb-https-tls12").checkovId("CKV_AWS_103")
            .tfsecId("aws-elb-use-secure-tls-policy").trivyId("AVD-AWS-0047")
            .title("HTTPS and TLS listeners use a security policy that allows TLS 1.2 and later only")
            .fix("set ssl_policy to \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (or another TLS 1.2+ policy)")
            .resourceTypes(LISTENERS)
            .check((r, s) -> {
              String protocol = text(r.config(), "protocol");
              if (!"HTTPS".equals(protocol) && !"TLS".equals(protocol)) {
                return List.of();
              }
              String policy = text(r.config(), "ssl_policy");
              if (policy == null) {
                return List.of("no ssl_policy, so ELBSecurityPolicy-2016-08 applies (TLS 1.0 and 1.1 allowed)");
              }
              boolean modern = TLS12_PREFIXES.stream().anyMatch(policy::startsWith) && !OUTDATED.contains(policy);
              return modern ? List.of() : List.of("ssl_policy \"" + policy + "\" allows protocols or ciphers older "
                  + "than TLS 1.2 with forward secrecy");
            }).build(),
        PolicyRule.builder().id("lb-http-redirects-to-https").checkovId("CKV_AWS_2")
            .tfsecId("aws-elb-http-not-used").trivyId("AVD-AWS-0054")
            .title("HTTP listeners only redirect to HTTPS")
            .fix("give the load balancer a certificate: it then serves HTTPS and its HTTP listener redirects "
                + "(PlatformLoadBalancerProps.certificateArn; in an environment file, loadBalancers[].certificateArn)")
            .resourceTypes(LISTENERS)
            .check((r, s) -> {
              if (!"HTTP".equals(text(r.config(), "protocol"))) {
                return List.of();
              }
              JsonNode action = block(r.config(), "default_action");
              boolean redirects = "redirect".equals(text(action, "type"))
                  && "HTTPS".equals(text(block(action, "redirect"), "protocol"));
              return redirects ? List.of() : List.of("the HTTP listener on port " + text(r.config(), "port")
                  + " serves plain HTTP instead of redirecting to HTTPS");
            }).build(),
        PolicyRule.builder().id("lb-target-group-health-check").checkovId("CKV_AWS_261")
            .title("HTTP and HTTPS target groups define a health check")
            .fix("add a health_check with the path of the service's health endpoint")
            .resourceTypes("aws_lb_target_group", "aws_alb_target_group")
            .check((r, s) -> {
              String protocol = text(r.config(), "protocol");
              if (protocol != null && !"HTTP".equals(protocol) && !"HTTPS".equals(protocol)) {
                return List.of();
              }
              List<JsonNode> checks = blocks(r.config(), "health_check");
              if (checks.isEmpty() || isFalse(checks.get(0).get("enabled"))) {
                return List.of("the target group has no health check");
              }
              return text(checks.get(0), "path") == null ? List.of("the health check has no path") : List.of();
            }).build());
  }

  /** Application load balancers (the default type); network and gateway ones have no HTTP settings. */
  private static boolean isApplication(StackResource r) {
    String type = text(r.config(), "load_balancer_type");
    return type == null || "application".equals(type);
  }
}
