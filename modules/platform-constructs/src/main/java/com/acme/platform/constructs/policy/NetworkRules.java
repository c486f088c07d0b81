package com.acme.platform.constructs.policy;

import static com.acme.platform.constructs.policy.JsonValues.block;
import static com.acme.platform.constructs.policy.JsonValues.blocks;
import static com.acme.platform.constructs.policy.JsonValues.isTrue;
import static com.acme.platform.constructs.policy.JsonValues.number;
import static com.acme.platform.constructs.policy.JsonValues.strings;
import static com.acme.platform.constructs.policy.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The EC2 and networking rules: instances and launch templates, subnets, VPCs and security groups. */
final class NetworkRules {
  private static final String LAUNCH_TEMPLATE = "aws_launch_template";
  private static final String INSTANCE = "aws_instance";
  private static final String LAUNCH_CONFIGURATION = "aws_launch_configuration";
  private static final String SECURITY_GROUP = "aws_security_group";
  private static final String SG_RULE = "aws_security_group_rule";
  private static final String INGRESS_RULE = "aws_vpc_security_group_ingress_rule";
  private static final String EGRESS_RULE = "aws_vpc_security_group_egress_rule";
  /** The provider's description when none is given: it says nothing. */
  private static final String PROVIDER_DEFAULT_DESCRIPTION = "Managed by Terraform";
  /** The only ports open to the internet: a public load balancer's HTTP and HTTPS listeners. */
  private static final Set<Long> PUBLIC_PORTS = Set.of(80L, 443L);

  private NetworkRules() {}

  static List<PolicyRule> rules() {
    return List.of(
        PolicyRule.builder().id("ec2-imdsv2-required").checkovId("CKV_AWS_79")
            .tfsecId("aws-ec2-enforce-launch-config-http-token-imds").trivyId("AVD-AWS-0130")
            .title("Instances require IMDSv2 (session tokens) for the instance metadata service")
            .fix("set metadata_options.http_tokens to \"required\"")
            .resourceTypes(LAUNCH_TEMPLATE, INSTANCE, LAUNCH_CONFIGURATION)
            .check((r, s) -> {
              JsonNode options = block(r.config(), "metadata_options");
              if ("disabled".equals(text(options, "http_endpoint"))
                  || "required".equals(text(options, "http_tokens"))) {
                return List.of();
              }
              String tokens = text(options, "http_tokens");
              return List.of("IMDSv1 is allowed (metadata_options.http_tokens is "
                  + (tokens == null ? "not set" : "\"" + tokens + "\"") + ")");
            }).build(),
        PolicyRule.builder().id("ec2-metadata-hop-limit").checkovId("CKV_AWS_341")
            .title("The instance metadata response hop limit is 1, so containers cannot reach the instance's "
                + "credentials")
            .fix("set metadata_options.http_put_response_hop_limit to 1")
            .resourceTypes(LAUNCH_TEMPLATE, INSTANCE, LAUNCH_CONFIGURATION)
            .check((r, s) -> {
              JsonNode options = block(r.config(), "metadata_options");
              if ("disabled".equals(text(options, "http_endpoint"))) {
                return List.of();
              }
              Long hops = number(options.get("http_put_response_hop_limit"));
              if (hops == null) {
                return List.of("the hop limit is not set, so the AMI's default applies (2 on Amazon Linux 2023)");
              }
              return hops == 1 ? List.of() : List.of("the hop limit is " + hops);
            }).build(),
        PolicyRule.builder().id("ec2-ebs-encrypted").checkovId("CKV_AWS_8")
            .tfsecId("aws-ec2-enable-launch-config-at-rest-encryption").trivyId("AVD-AWS-0008")
            .title("Instance volumes are encrypted")
            .fix("set encrypted to true on every EBS block device (block_device_mappings[].ebs.encrypted in a "
                + "launch template)")
            .resourceTypes(LAUNCH_TEMPLATE, INSTANCE, LAUNCH_CONFIGURATION)
            .check(NetworkRules::unencryptedVolumes).build(),
        PolicyRule.builder().id("ec2-no-public-ip").checkovId("CKV_AWS_88")
            .tfsecId("aws-ec2-no-public-ip").trivyId("AVD-AWS-0009")
            .title("Instances get no public IP address")
            .fix("remove associate_public_ip_address (or set it to false) and launch into private subnets")
            .resourceTypes(LAUNCH_TEMPLATE, INSTANCE, LAUNCH_CONFIGURATION)
            .check((r, s) -> {
              boolean publicIp = LAUNCH_TEMPLATE.equals(r.type())
                  ? blocks(r.config(), "network_interfaces").stream()
                      .anyMatch(n -> isTrue(n.get("associate_public_ip_address")))
                  : isTrue(r.config().get("associate_public_ip_address"));
              return publicIp ? List.of("instances get a public IP address (associate_public_ip_address is true)")
                  : List.of();
            }).build(),
        PolicyRule.builder().id("vpc-subnet-no-public-ip").checkovId("CKV_AWS_130")
            .tfsecId("aws-ec2-no-public-ip-subnet").trivyId("AVD-AWS-0164")
            .title("Subnets do not give launched instances a public IP address")
            .fix("set map_public_ip_on_launch to false; load balancers and NAT gateways in public subnets do not "
                + "need it")
            .resourceTypes("aws_subnet")
            .check((r, s) -> isTrue(r.config().get("map_public_ip_on_launch"))
                ? List.of("every instance launched here gets a public IP address (map_public_ip_on_launch is true)")
                : List.of())
            .build(),
        PolicyRule.builder().id("vpc-flow-logs").checkovId("CKV2_AWS_11")
            .tfsecId("aws-ec2-require-vpc-flow-logs-for-all-vpcs").trivyId("AVD-AWS-0178")
            .title("Every VPC has a flow log")
            .fix("add an aws_flow_log for the VPC (to an encrypted CloudWatch Logs group with retention)")
            .resourceTypes("aws_vpc")
            .check((r, s) -> s.referring(r, "vpc_id", null, "aws_flow_log").isEmpty()
                ? List.of("the VPC has no flow log") : List.of())
            .build(),
        PolicyRule.builder().id("vpc-default-security-group-closed").checkovId("CKV2_AWS_12")
            .tfsecId("aws-ec2-restrict-all-in-default-sg").trivyId("AVD-AWS-0173")
            .title("The default security group of every VPC allows no traffic")
            .fix("add an aws_default_security_group for the VPC with no ingress and no egress rules")
            .resourceTypes("aws_vpc", "aws_default_security_group")
            .check((r, s) -> {
              if ("aws_vpc".equals(r.type())) {
                return s.referring(r, "vpc_id", null, "aws_default_security_group").isEmpty()
                    ? List.of("the VPC's default security group is not managed, so it keeps AWS's rules (all traffic "
                        + "between its members, all egress)")
                    : List.of();
              }
              int ingress = blocks(r.config(), "ingress").size();
              int egress = blocks(r.config(), "egress").size();
              return ingress + egress == 0 ? List.of()
                  : List.of("the default security group has " + ingress + " ingress and " + egress + " egress rules");
            }).build(),
        PolicyRule.builder().id("sg-description").checkovId("CKV_AWS_23")
            .tfsecId("aws-ec2-add-description-to-security-group").trivyId("AVD-AWS-0099")
            .title("Every security group, and every rule inside one, has a description")
            .fix("give the security group and each of its ingress and egress blocks a description that says what "
                + "the traffic is for")
            .resourceTypes(SECURITY_GROUP)
            .check((r, s) -> {
              List<String> out = new ArrayList<>();
              String description = text(r.config(), "description");
              if (description == null || PROVIDER_DEFAULT_DESCRIPTION.equals(description)) {
                out.add("the security group has no description");
              }
              for (String direction : List.of("ingress", "egress")) {
                List<JsonNode> rules = blocks(r.config(), direction);
                for (int i = 0; i < rules.size(); i++) {
                  if (text(rules.get(i), "description") == null) {
                    out.add(direction + "[" + i + "] has no description");
                  }
                }
              }
              return out;
            }).build(),
        PolicyRule.builder().id("sg-rule-description").checkovId("CKV_AWS_23")
            .tfsecId("aws-ec2-add-description-to-security-group-rule").trivyId("AVD-AWS-0124")
            .title("Every security group rule has a description")
            .fix("give the rule a description that says what the traffic is for")
            .resourceTypes(SG_RULE, INGRESS_RULE, EGRESS_RULE)
            .check((r, s) -> text(r.config(), "description") == null ? List.of("the rule has no description")
                : List.of())
            .build(),
        PolicyRule.builder().id("sg-no-public-ingress").checkovId("CKV_AWS_277")
            .tfsecId("aws-ec2-no-public-ingress-sgr").trivyId("AVD-AWS-0107")
            .title("No ingress from anywhere (0.0.0.0/0, ::/0), except to port 80 or 443 of a public load balancer")
            .fix("allow the sources that need access (a load balancer's security group, a VPC CIDR) instead of "
                + "the whole internet")
            .resourceTypes(SECURITY_GROUP, SG_RULE, INGRESS_RULE)
            .check(NetworkRules::publicIngress).build(),
        PolicyRule.builder().id("ec2-detailed-monitoring").checkovId("CKV_AWS_126")
            .title("Instances have detailed (1-minute) monitoring")
            .fix("set monitoring.enabled to true in the launch template (monitoring = true on an instance)")
            .resourceTypes(LAUNCH_TEMPLATE, INSTANCE)
            .check((r, s) -> {
              JsonNode monitoring = LAUNCH_TEMPLATE.equals(r.type())
                  ? block(r.config(), "monitoring").get("enabled") : r.config().get("monitoring");
              return isTrue(monitoring) ? List.of() : List.of("detailed monitoring is off");
            }).build(),
        PolicyRule.builder().id("asg-launch-template").checkovId("CKV_AWS_315")
            .title("Auto Scaling groups launch from launch templates, not launch configurations")
            .fix("replace launch_configuration with launch_template (or a mixed_instances_policy)")
            .resourceTypes("aws_autoscaling_group")
            .check((r, s) -> blocks(r.config(), "launch_template").isEmpty()
                && blocks(r.config(), "mixed_instances_policy").isEmpty()
                ? List.of("the group does not use a launch template") : List.of())
            .build());
  }

  private static List<String> unencryptedVolumes(StackResource r, StackDocument s) {
    List<String> out = new ArrayList<>();
    if (LAUNCH_TEMPLATE.equals(r.type())) {
      List<JsonNode> mappings = blocks(r.config(), "block_device_mappings");
      if (mappings.isEmpty()) {
        out.add("no block device mapping sets encrypted, so the root volume follows the AMI (unencrypted unless "
            + "the account encrypts EBS by default)");
      }
      for (JsonNode mapping : mappings) {
        JsonNode ebs = block(mapping, "ebs");
        if (!ebs.isMissingNode() && !isTrue(ebs.get("encrypted"))) {
          out.add("volume " + text(mapping, "device_name") + " is not encrypted");
        }
      }
      return out;
    }
    JsonNode root = block(r.config(), "root_block_device");
    if (!isTrue(root.get("encrypted"))) {
      out.add("the root volume is not encrypted");
    }
    for (JsonNode device : blocks(r.config(), "ebs_block_device")) {
      if (!isTrue(device.get("encrypted"))) {
        out.add("volume " + text(device, "device_name") + " is not encrypted");
      }
    }
    return out;
  }

  /** One ingress permission, whatever resource type wrote it. */
  private record Ingress(List<String> sources, String protocol, Long from, Long to, String securityGroup,
      String where) {}

  private static List<String> publicIngress(StackResource r, StackDocument s) {
    List<Ingress> permissions = new ArrayList<>();
    JsonNode c = r.config();
    switch (r.type()) {
      case SECURITY_GROUP -> {
        List<JsonNode> rules = blocks(c, "ingress");
        for (int i = 0; i < rules.size(); i++) {
          JsonNode rule = rules.get(i);
          List<String> sources = new ArrayList<>(strings(rule.get("cidr_blocks")));
          sources.addAll(strings(rule.get("ipv6_cidr_blocks")));
          permissions.add(new Ingress(sources, text(rule, "protocol"), number(rule.get("from_port")),
              number(rule.get("to_port")), "${" + r.address() + ".id}", "ingress[" + i + "] "));
        }
      }
      case SG_RULE -> {
        if ("ingress".equals(text(c, "type"))) {
          List<String> sources = new ArrayList<>(strings(c.get("cidr_blocks")));
          sources.addAll(strings(c.get("ipv6_cidr_blocks")));
          permissions.add(new Ingress(sources, text(c, "protocol"), number(c.get("from_port")),
              number(c.get("to_port")), text(c, "security_group_id"), ""));
        }
      }
      default -> {
        List<String> sources = new ArrayList<>(strings(c.get("cidr_ipv4")));
        sources.addAll(strings(c.get("cidr_ipv6")));
        permissions.add(new Ingress(sources, text(c, "ip_protocol"), number(c.get("from_port")),
            number(c.get("to_port")), text(c, "security_group_id"), ""));
      }
    }
    List<String> out = new ArrayList<>();
    for (Ingress p : permissions) {
      List<String> open = p.sources().stream().filter(src -> "0.0.0.0/0".equals(src) || "::/0".equals(src))
          .toList();
      if (open.isEmpty()) {
        continue;
      }
      boolean allProtocols = p.protocol() == null || "-1".equals(p.protocol()) || "all".equals(p.protocol());
      boolean onePublicPort = !allProtocols && "tcp".equalsIgnoreCase(p.protocol()) && p.from() != null
          && p.from().equals(p.to()) && PUBLIC_PORTS.contains(p.from());
      String ports = allProtocols ? "all ports"
          : p.from() != null && p.from().equals(p.to()) ? p.protocol().toUpperCase(Locale.ROOT) + " port " + p.from()
          : p.protocol().toUpperCase(Locale.ROOT) + " ports " + p.from() + "-" + p.to();
      String what = p.where() + "allows ingress from " + String.join(" and ", open) + " to " + ports;
      if (!onePublicPort) {
        out.add(what);
      } else if (!isPublicLoadBalancerGroup(p.securityGroup(), s)) {
        out.add(what + ", and the security group is not a public load balancer's");
      }
    }
    return out;
  }

  /** Whether a security group (given as a reference) belongs to an internet-facing load balancer of the stack. */
  private static boolean isPublicLoadBalancerGroup(String groupRef, StackDocument s) {
    if (groupRef == null) {
      return false;
    }
    for (StackResource lb : s.ofType("aws_lb", "aws_alb")) {
      if (isTrue(lb.config().get("internal"))) {
        continue;
      }
      for (String group : strings(lb.config().get("security_groups"))) {
        if (group.equals(groupRef)) {
          return true;
        }
      }
    }
    return false;
  }
}
