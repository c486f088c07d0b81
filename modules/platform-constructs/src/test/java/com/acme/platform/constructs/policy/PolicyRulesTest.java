package com.acme.platform.constructs.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule, one row per case: a stack (raw Terraform JSON resources) that breaks the rule and the exact line the
 * check prints for it, and a stack that passes it. {@link PolicyCheckStackTest} does the same through constructs
 * and cdktf.
 */
class PolicyRulesTest {
  private static final ObjectMapper LENIENT = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);
  private static final ObjectMapper STRICT = new ObjectMapper();

  /**
   * One case of one rule.
   *
   * @param rule the rule id
   * @param violating the resources of a stack that breaks it
   * @param expected the exact finding line for that stack (stack name {@code test})
   * @param passing the resources of a stack that passes it
   */
  record Case(String rule, String violating, String expected, String passing) {
    @Override
    public String toString() {
      return rule + ": " + expected.substring(expected.indexOf(": ") + 2, expected.indexOf(": ",
          expected.indexOf(": ") + 2));
    }
  }

  static Stream<Case> cases() {
    String vpc = "'aws_vpc': {'v': {'cidr_block': '10.0.0.0/16'}}";
    String bucket = "'aws_s3_bucket': {'b': {'bucket': 'logs'}}";
    String tlsOnly = json("{'Statement': [{'Effect': 'Deny', 'Principal': '*', 'Action': 's3:*',"
        + " 'Resource': ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],"
        + " 'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}]}");
    String ecsTrust = json("{'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'ecs-tasks.amazonaws.com'},"
        + " 'Action': 'sts:AssumeRole'}]}");
    return Stream.of(
        new Case("ecs-container-insights",
            "{'aws_ecs_cluster': {'c': {'setting': [{'name': 'containerInsights', 'value': 'disabled'}]}}}",
            "test: aws_ecs_cluster.c: ecs-container-insights (CKV_AWS_65): Container Insights is \"disabled\". "
                + "Fix: set the cluster setting containerInsights to \"enabled\"",
            "{'aws_ecs_cluster': {'c': {'setting': [{'name': 'containerInsights', 'value': 'enabled'}]}}}"),
        new Case("ecs-container-insights",
            "{'aws_ecs_cluster': {'c': {'name': 'apps'}}}",
            "test: aws_ecs_cluster.c: ecs-container-insights (CKV_AWS_65): Container Insights is not enabled (no "
                + "containerInsights setting). Fix: set the cluster setting containerInsights to \"enabled\"",
            "{'aws_ecs_cluster': {'c': {'setting': {'name': 'containerInsights', 'value': 'enhanced'}}}}"),
        new Case("ecs-read-only-root-filesystem",
            taskDefinition("[{'name': 'web'}, {'name': 'log', 'readonlyRootFilesystem': true}]"),
            "test: aws_ecs_task_definition.t: ecs-read-only-root-filesystem (CKV_AWS_336): container \"web\" has a "
                + "writable root filesystem (readonlyRootFilesystem is not true). Fix: set readonlyRootFilesystem to "
                + "true on every container; give a container that must write a volume (mountPoints) for that path",
            taskDefinition("[{'name': 'web', 'readonlyRootFilesystem': true}]")),
        new Case("ecs-no-privileged-containers",
            taskDefinition("[{'name': 'web', 'privileged': true}, {'name': 'agent', 'privileged': true}]"),
            "test: aws_ecs_task_definition.t: ecs-no-privileged-containers (CKV_AWS_334): containers \"web\", "
                + "\"agent\" have privileged set to true. Fix: remove privileged from the container definition",
            taskDefinition("[{'name': 'web', 'privileged': false}]")),
        new Case("ecs-no-host-network-mode",
            "{'aws_ecs_task_definition': {'t': {'network_mode': 'host'}}}",
            "test: aws_ecs_task_definition.t: ecs-no-host-network-mode: network_mode is \"host\": containers share "
                + "the instance's network stack. Fix: use network_mode \"bridge\" or \"awsvpc\"",
            "{'aws_ecs_task_definition': {'t': {'network_mode': 'bridge'}}}"),
        new Case("ecs-no-host-pid-mode",
            "{'aws_ecs_task_definition': {'t': {'pid_mode': 'host', 'container_definitions': "
                + quote(json("[{'name': 'web', 'pidMode': 'host'}]")) + "}}}",
            "test: aws_ecs_task_definition.t: ecs-no-host-pid-mode (CKV_AWS_335): pid_mode is \"host\"; container "
                + "\"web\" has pidMode \"host\". Fix: remove pid_mode \"host\" (or set \"task\")",
            "{'aws_ecs_task_definition': {'t': {'pid_mode': 'task'}}}"),
        new Case("ecs-no-host-ipc-mode",
            "{'aws_ecs_task_definition': {'t': {'ipc_mode': 'host'}}}",
            "test: aws_ecs_task_definition.t: ecs-no-host-ipc-mode: ipc_mode is \"host\". Fix: remove ipc_mode "
                + "\"host\" (or set \"task\" or \"none\")",
            "{'aws_ecs_task_definition': {'t': {'ipc_mode': 'none'}}}"),
        new Case("ecs-no-secrets-in-environment",
            taskDefinition("[{'name': 'api', 'environment': [{'name': 'PORT', 'value': '80'},"
                + " {'name': 'DB_PASSWORD', 'value': 'hunter2'}, {'name': 'KEY', 'value': 'AKIAABCDEFGHIJKLMNOP'}]}]"),
            "test: aws_ecs_task_definition.t: ecs-no-secrets-in-environment: container \"api\" sets DB_PASSWORD in "
                + "plain environment; container \"api\" sets KEY in plain environment. Fix: store the value in "
                + "Secrets Manager or SSM Parameter Store and reference it in the container's secrets "
                + "(ContainerDefinition.secret; in an environment file, services[].secrets)",
            taskDefinition("[{'name': 'api', 'environment': [{'name': 'PORT', 'value': '80'}], 'secrets':"
                + " [{'name': 'DB_PASSWORD', 'valueFrom': 'arn:aws:secretsmanager:eu-west-1:1:secret:x'}]}]")),
        new Case("ecs-separate-execution-and-task-roles",
            "{'aws_ecs_task_definition': {'t': {'execution_role_arn': '${aws_iam_role.r.arn}',"
                + " 'task_role_arn': '${aws_iam_role.r.arn}'}}}",
            "test: aws_ecs_task_definition.t: ecs-separate-execution-and-task-roles (CKV_AWS_249): the execution "
                + "role and the task role are the same (${aws_iam_role.r.arn}). Fix: give the task its own task "
                + "role; the execution role only pulls images, reads secrets and writes logs",
            "{'aws_ecs_task_definition': {'t': {'execution_role_arn': '${aws_iam_role.e.arn}',"
                + " 'task_role_arn': '${aws_iam_role.t.arn}'}}}"),
        new Case("ecs-service-no-public-ip",
            "{'aws_ecs_service': {'s': {'network_configuration': {'assign_public_ip': true}}}}",
            "test: aws_ecs_service.s: ecs-service-no-public-ip (CKV_AWS_333): tasks get public IP addresses "
                + "(assign_public_ip is true). Fix: set network_configuration.assign_public_ip to false and run "
                + "tasks in private subnets",
            "{'aws_ecs_service': {'s': {'network_configuration': {'assign_public_ip': false}}}}"),
        new Case("ec2-imdsv2-required",
            "{'aws_launch_template': {'l': {'metadata_options': {'http_tokens': 'optional'}}}}",
            "test: aws_launch_template.l: ec2-imdsv2-required (CKV_AWS_79): IMDSv1 is allowed "
                + "(metadata_options.http_tokens is \"optional\"). Fix: set metadata_options.http_tokens to "
                + "\"required\"",
            "{'aws_launch_template': {'l': {'metadata_options': {'http_tokens': 'required'}}}}"),
        new Case("ec2-metadata-hop-limit",
            "{'aws_launch_template': {'l': {'metadata_options': {'http_put_response_hop_limit': 2}}}}",
            "test: aws_launch_template.l: ec2-metadata-hop-limit (CKV_AWS_341): the hop limit is 2. Fix: set "
                + "metadata_options.http_put_response_hop_limit to 1",
            "{'aws_launch_template': {'l': {'metadata_options': {'http_put_response_hop_limit': 1}}}}"),
        new Case("ec2-metadata-hop-limit",
            "{'aws_instance': {'i': {'ami': 'ami-1'}}}",
            "test: aws_instance.i: ec2-metadata-hop-limit (CKV_AWS_341): the hop limit is not set, so the AMI's "
                + "default applies (2 on Amazon Linux 2023). Fix: set metadata_options.http_put_response_hop_limit "
                + "to 1",
            "{'aws_instance': {'i': {'metadata_options': {'http_endpoint': 'disabled'}}}}"),
        new Case("ec2-ebs-encrypted",
            "{'aws_launch_template': {'l': {'block_device_mappings': [{'device_name': '/dev/xvda',"
                + " 'ebs': {'encrypted': 'false'}}]}}}",
            "test: aws_launch_template.l: ec2-ebs-encrypted (CKV_AWS_8): volume /dev/xvda is not encrypted. Fix: "
                + "set encrypted to true on every EBS block device (block_device_mappings[].ebs.encrypted in a "
                + "launch template)",
            "{'aws_launch_template': {'l': {'block_device_mappings': [{'device_name': '/dev/xvda',"
                + " 'ebs': {'encrypted': 'true'}}]}}}"),
        new Case("ec2-no-public-ip",
            "{'aws_launch_template': {'l': {'network_interfaces': [{'associate_public_ip_address': 'true'}]}}}",
            "test: aws_launch_template.l: ec2-no-public-ip (CKV_AWS_88): instances get a public IP address "
                + "(associate_public_ip_address is true). Fix: remove associate_public_ip_address (or set it to "
                + "false) and launch into private subnets",
            "{'aws_launch_template': {'l': {'network_interfaces': [{'associate_public_ip_address': 'false'}]}}}"),
        new Case("vpc-subnet-no-public-ip",
            "{'aws_subnet': {'s': {'map_public_ip_on_launch': true}}}",
            "test: aws_subnet.s: vpc-subnet-no-public-ip (CKV_AWS_130): every instance launched here gets a public "
                + "IP address (map_public_ip_on_launch is true). Fix: set map_public_ip_on_launch to false; load "
                + "balancers and NAT gateways in public subnets do not need it",
            "{'aws_subnet': {'s': {'map_public_ip_on_launch': false}}}"),
        new Case("vpc-flow-logs",
            "{" + vpc + ", 'aws_flow_log': {'f': {'vpc_id': '${aws_vpc.other.id}'}}}",
            "test: aws_vpc.v: vpc-flow-logs (CKV2_AWS_11): the VPC has no flow log. Fix: add an aws_flow_log for "
                + "the VPC (to an encrypted CloudWatch Logs group with retention)",
            "{" + vpc + ", 'aws_flow_log': {'f': {'vpc_id': '${aws_vpc.v.id}'}}}"),
        new Case("vpc-default-security-group-closed",
            "{" + vpc + "}",
            "test: aws_vpc.v: vpc-default-security-group-closed (CKV2_AWS_12): the VPC's default security group "
                + "is not managed, so it keeps AWS's rules (all traffic between its members, all egress). Fix: add "
                + "an aws_default_security_group for the VPC with no ingress and no egress rules",
            "{" + vpc + ", 'aws_default_security_group': {'d': {'vpc_id': '${aws_vpc.v.id}'}}}"),
        new Case("vpc-default-security-group-closed",
            "{'aws_default_security_group': {'d': {'vpc_id': 'vpc-1', 'ingress': [{'protocol': '-1',"
                + " 'self': true}], 'egress': []}}}",
            "test: aws_default_security_group.d: vpc-default-security-group-closed (CKV2_AWS_12): the default "
                + "security group has 1 ingress and 0 egress rules. Fix: add an aws_default_security_group for the "
                + "VPC with no ingress and no egress rules",
            "{'aws_default_security_group': {'d': {'vpc_id': 'vpc-1', 'ingress': [], 'egress': []}}}"),
        new Case("sg-description",
            "{'aws_security_group': {'g': {'description': 'Managed by Terraform', 'ingress': [{'protocol': 'tcp',"
                + " 'from_port': 5432, 'to_port': 5432, 'cidr_blocks': ['10.0.0.0/16']}]}}}",
            "test: aws_security_group.g: sg-description (CKV_AWS_23): the security group has no description; "
                + "ingress[0] has no description. Fix: give the security group and each of its ingress and egress "
                + "blocks a description that says what the traffic is for",
            "{'aws_security_group': {'g': {'description': 'Database', 'ingress': [{'description': 'From the VPC',"
                + " 'protocol': 'tcp', 'from_port': 5432, 'to_port': 5432, 'cidr_blocks': ['10.0.0.0/16']}]}}}"),
        new Case("sg-rule-description",
            "{'aws_vpc_security_group_egress_rule': {'e': {'ip_protocol': '-1', 'cidr_ipv4': '10.0.0.0/16'}}}",
            "test: aws_vpc_security_group_egress_rule.e: sg-rule-description (CKV_AWS_23): the rule has no "
                + "description. Fix: give the rule a description that says what the traffic is for",
            "{'aws_vpc_security_group_egress_rule': {'e': {'description': 'To the VPC', 'ip_protocol': '-1',"
                + " 'cidr_ipv4': '10.0.0.0/16'}}}"),
        new Case("sg-no-public-ingress",
            "{'aws_vpc_security_group_ingress_rule': {'i': {'cidr_ipv4': '0.0.0.0/0', 'ip_protocol': 'tcp',"
                + " 'from_port': 22, 'to_port': 22, 'security_group_id': '${aws_security_group.g.id}'}}}",
            "test: aws_vpc_security_group_ingress_rule.i: sg-no-public-ingress (CKV_AWS_277): allows ingress from "
                + "0.0.0.0/0 to TCP port 22. Fix: allow the sources that need access (a load balancer's security "
                + "group, a VPC CIDR) instead of the whole internet",
            "{'aws_vpc_security_group_ingress_rule': {'i': {'cidr_ipv4': '10.0.0.0/16', 'ip_protocol': 'tcp',"
                + " 'from_port': 22, 'to_port': 22, 'security_group_id': '${aws_security_group.g.id}'}}}"),
        new Case("sg-no-public-ingress",
            "{'aws_lb': {'lb': {'internal': true, 'security_groups': ['${aws_security_group.g.id}']}},"
                + " 'aws_security_group_rule': {'r': {'type': 'ingress', 'cidr_blocks': ['0.0.0.0/0'],"
                + " 'ipv6_cidr_blocks': ['::/0'], 'protocol': 'tcp', 'from_port': 443, 'to_port': 443,"
                + " 'security_group_id': '${aws_security_group.g.id}'}}}",
            "test: aws_security_group_rule.r: sg-no-public-ingress (CKV_AWS_277): allows ingress from 0.0.0.0/0 "
                + "and ::/0 to TCP port 443, and the security group is not a public load balancer's. Fix: allow "
                + "the sources that need access (a load balancer's security group, a VPC CIDR) instead of the "
                + "whole internet",
            "{'aws_lb': {'lb': {'internal': false, 'security_groups': ['${aws_security_group.g.id}']}},"
                + " 'aws_security_group_rule': {'r': {'type': 'ingress', 'cidr_blocks': ['0.0.0.0/0'],"
                + " 'ipv6_cidr_blocks': ['::/0'], 'protocol': 'tcp', 'from_port': 443, 'to_port': 443,"
                + " 'security_group_id': '${aws_security_group.g.id}'}}}"),
        new Case("sg-no-public-ingress",
            "{'aws_security_group': {'g': {'description': 'x', 'ingress': [{'description': 'all',"
                + " 'protocol': '-1', 'from_port': 0, 'to_port': 0, 'cidr_blocks': ['0.0.0.0/0']}]}}}",
            "test: aws_security_group.g: sg-no-public-ingress (CKV_AWS_277): ingress[0] allows ingress from "
                + "0.0.0.0/0 to all ports. Fix: allow the sources that need access (a load balancer's security "
                + "group, a VPC CIDR) instead of the whole internet",
            "{'aws_security_group': {'g': {'description': 'x', 'ingress': [{'description': 'vpc',"
                + " 'protocol': '-1', 'from_port': 0, 'to_port': 0, 'cidr_blocks': ['10.0.0.0/8']}]}}}"),
        new Case("ec2-detailed-monitoring",
            "{'aws_launch_template': {'l': {'monitoring': {'enabled': false}}}}",
            "test: aws_launch_template.l: ec2-detailed-monitoring (CKV_AWS_126): detailed monitoring is off. Fix: "
                + "set monitoring.enabled to true in the launch template (monitoring = true on an instance)",
            "{'aws_launch_template': {'l': {'monitoring': {'enabled': true}}}}"),
        new Case("asg-launch-template",
            "{'aws_autoscaling_group': {'a': {'launch_configuration': 'lc-1'}}}",
            "test: aws_autoscaling_group.a: asg-launch-template (CKV_AWS_315): the group does not use a launch "
                + "template. Fix: replace launch_configuration with launch_template (or a mixed_instances_policy)",
            "{'aws_autoscaling_group': {'a': {'launch_template': {'id': '${aws_launch_template.l.id}'}}}}"),
        new Case("lb-drop-invalid-headers",
            "{'aws_lb': {'lb': {'load_balancer_type': 'application'}}}",
            "test: aws_lb.lb: lb-drop-invalid-headers (CKV_AWS_131): invalid HTTP header fields are passed to the "
                + "targets (drop_invalid_header_fields is not true). Fix: set drop_invalid_header_fields to true",
            "{'aws_lb': {'lb': {'drop_invalid_header_fields': true}}}"),
        new Case("lb-desync-mitigation",
            "{'aws_alb': {'lb': {'desync_mitigation_mode': 'monitor'}}}",
            "test: aws_alb.lb: lb-desync-mitigation (CKV_AWS_328): desync_mitigation_mode is \"monitor\". Fix: set "
                + "desync_mitigation_mode to \"defensive\" (the default) or \"strictest\"",
            "{'aws_alb': {'lb': {'desync_mitigation_mode': 'strictest'}}}"),
        new Case("lb-access-logs",
            "{'aws_lb': {'lb': {'access_logs': {'bucket': 'logs', 'enabled': false}}}}",
            "test: aws_lb.lb: lb-access-logs (CKV_AWS_91): access logs are off. Fix: enable access_logs to an S3 "
                + "bucket of the environment",
            "{'aws_lb': {'lb': {'access_logs': {'bucket': '${aws_s3_bucket.b.id}', 'enabled': true}}}}"),
        new Case("lb-https-tls12",
            "{'aws_lb_listener': {'h': {'protocol': 'HTTPS', 'port': 443,"
                + " 'ssl_policy': 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06'}}}",
            "test: aws_lb_listener.h: lb-https-tls12 (CKV_AWS_103): ssl_policy "
                + "\"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06\" allows protocols or ciphers older than TLS 1.2 with "
                + "forward secrecy. Fix: set ssl_policy to \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (or another TLS "
                + "1.2+ policy)",
            "{'aws_lb_listener': {'h': {'protocol': 'HTTPS', 'port': 443,"
                + " 'ssl_policy': 'ELBSecurityPolicy-TLS13-1-2-2021-06'}}}"),
        new Case("lb-https-tls12",
            "{'aws_alb_listener': {'h': {'protocol': 'HTTPS', 'port': 443}}}",
            "test: aws_alb_listener.h: lb-https-tls12 (CKV_AWS_103): no ssl_policy, so ELBSecurityPolicy-2016-08 "
                + "applies (TLS 1.0 and 1.1 allowed). Fix: set ssl_policy to \"ELBSecurityPolicy-TLS13-1-2-2021-06\" "
                + "(or another TLS 1.2+ policy)",
            "{'aws_alb_listener': {'h': {'protocol': 'HTTPS', 'port': 443,"
                + " 'ssl_policy': 'ELBSecurityPolicy-FS-1-2-Res-2020-10'}}}"),
        new Case("lb-http-redirects-to-https",
            "{'aws_lb_listener': {'h': {'protocol': 'HTTP', 'port': 80, 'default_action': [{'type': 'forward',"
                + " 'target_group_arn': '${aws_lb_target_group.t.arn}'}]}}}",
            "test: aws_lb_listener.h: lb-http-redirects-to-https (CKV_AWS_2): the HTTP listener on port 80 serves "
                + "plain HTTP instead of redirecting to HTTPS. Fix: give the load balancer a certificate: it then "
                + "serves HTTPS and its HTTP listener redirects (PlatformLoadBalancerProps.certificateArn; in an"
                + " environment file, loadBalancers[].certificateArn)",
            "{'aws_lb_listener': {'h': {'protocol': 'HTTP', 'port': 80, 'default_action': [{'type': 'redirect',"
                + " 'redirect': {'port': '443', 'protocol': 'HTTPS', 'status_code': 'HTTP_301'}}]}}}"),
        new Case("lb-target-group-health-check",
            "{'aws_lb_target_group': {'t': {'protocol': 'HTTP', 'port': 80}}}",
            "test: aws_lb_target_group.t: lb-target-group-health-check (CKV_AWS_261): the target group has no "
                + "health check. Fix: add a health_check with the path of the service's health endpoint",
            "{'aws_lb_target_group': {'t': {'protocol': 'HTTP', 'port': 80, 'health_check': {'path': '/health'}}}}"),
        new Case("s3-encryption",
            "{" + bucket + "}",
            "test: aws_s3_bucket.b: s3-encryption (CKV_AWS_19): the bucket has no default encryption configured. "
                + "Fix: add an aws_s3_bucket_server_side_encryption_configuration (AES256, or aws:kms where the "
                + "writers support it; load balancer access logs need AES256)",
            "{" + bucket + ", 'aws_s3_bucket_server_side_encryption_configuration': {'e': {'bucket':"
                + " '${aws_s3_bucket.b.id}', 'rule': [{'apply_server_side_encryption_by_default':"
                + " {'sse_algorithm': 'AES256'}}]}}}"),
        new Case("s3-public-access-block",
            "{" + bucket + ", 'aws_s3_bucket_public_access_block': {'p': {'bucket': 'logs',"
                + " 'block_public_acls': true, 'block_public_policy': true, 'ignore_public_acls': false}}}",
            "test: aws_s3_bucket.b: s3-public-access-block (CKV2_AWS_6): the public access block leaves "
                + "ignore_public_acls, restrict_public_buckets off. Fix: add an aws_s3_bucket_public_access_block "
                + "with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all "
                + "true",
            "{" + bucket + ", 'aws_s3_bucket_public_access_block': {'p': {'bucket': 'logs',"
                + " 'block_public_acls': true, 'block_public_policy': true, 'ignore_public_acls': true,"
                + " 'restrict_public_buckets': true}}}"),
        new Case("s3-tls-only",
            "{" + bucket + ", 'aws_s3_bucket_policy': {'p': {'bucket': '${aws_s3_bucket.b.id}', 'policy': "
                + quote(json("{'Statement': [{'Effect': 'Allow', 'Principal': {'Service':"
                    + " 'logging.s3.amazonaws.com'}, 'Action': 's3:PutObject', 'Resource': 'arn:aws:s3:::logs/*'}]}"))
                + "}}}",
            "test: aws_s3_bucket.b: s3-tls-only: no bucket policy denies requests without TLS. Fix: add an "
                + "aws_s3_bucket_policy statement that denies s3:* when aws:SecureTransport is false",
            "{" + bucket + ", 'aws_s3_bucket_policy': {'p': {'bucket': '${aws_s3_bucket.b.id}', 'policy': "
                + quote(tlsOnly) + "}}}"),
        new Case("s3-versioning",
            "{" + bucket + ", 'aws_s3_bucket_versioning': {'v': {'bucket': '${aws_s3_bucket.b.id}',"
                + " 'versioning_configuration': {'status': 'Suspended'}}}}",
            "test: aws_s3_bucket.b: s3-versioning (CKV_AWS_21): versioning is not enabled. Fix: add an "
                + "aws_s3_bucket_versioning with status \"Enabled\" (and a lifecycle rule that expires noncurrent "
                + "versions)",
            "{" + bucket + ", 'aws_s3_bucket_versioning': {'v': {'bucket': '${aws_s3_bucket.b.id}',"
                + " 'versioning_configuration': {'status': 'Enabled'}}}}"),
        new Case("s3-lifecycle",
            "{" + bucket + ", 'aws_s3_bucket_lifecycle_configuration': {'l': {'bucket': '${aws_s3_bucket.b.id}',"
                + " 'rule': [{'id': 'x', 'status': 'Disabled'}]}}}",
            "test: aws_s3_bucket.b: s3-lifecycle (CKV2_AWS_61): the bucket has no enabled lifecycle rule. Fix: add "
                + "an aws_s3_bucket_lifecycle_configuration with an enabled rule (expiry of old objects and "
                + "noncurrent versions, abort of incomplete uploads)",
            "{" + bucket + ", 'aws_s3_bucket_lifecycle_configuration': {'l': {'bucket': '${aws_s3_bucket.b.id}',"
                + " 'rule': [{'id': 'x', 'status': 'Enabled', 'expiration': {'days': 90}}]}}}"),
        new Case("logs-retention",
            "{'aws_cloudwatch_log_group': {'g': {'name': '/ecs/web', 'retention_in_days': 0}}}",
            "test: aws_cloudwatch_log_group.g: logs-retention (CKV_AWS_66): events are kept forever (no "
                + "retention_in_days). Fix: set retention_in_days",
            "{'aws_cloudwatch_log_group': {'g': {'name': '/ecs/web', 'retention_in_days': 30}}}"),
        new Case("logs-kms",
            "{'aws_cloudwatch_log_group': {'g': {'name': '/ecs/web'}}}",
            "test: aws_cloudwatch_log_group.g: logs-kms (CKV_AWS_158): the log group is not encrypted with a KMS "
                + "key (no kms_key_id). Fix: set kms_key_id to a KMS key of the environment whose key policy lets "
                + "CloudWatch Logs use it",
            "{'aws_cloudwatch_log_group': {'g': {'name': '/ecs/web', 'kms_key_id': '${aws_kms_key.k.arn}'}}}"),
        new Case("cloudwatch-alarm-actions-enabled",
            "{'aws_cloudwatch_metric_alarm': {'a': {'actions_enabled': false}}}",
            "test: aws_cloudwatch_metric_alarm.a: cloudwatch-alarm-actions-enabled (CKV_AWS_319): the alarm's "
                + "actions are disabled, so nobody is notified. Fix: remove actions_enabled = false",
            "{'aws_cloudwatch_metric_alarm': {'a': {'alarm_actions': ['${aws_sns_topic.t.arn}']}}}"),
        new Case("sns-encryption",
            "{'aws_sns_topic': {'t': {'name': 'alarms'}}}",
            "test: aws_sns_topic.t: sns-encryption (CKV_AWS_26): the topic is not encrypted (no "
                + "kms_master_key_id). Fix: set kms_master_key_id (alias/aws/sns, or a key of the environment)",
            "{'aws_sns_topic': {'t': {'name': 'alarms', 'kms_master_key_id': 'alias/aws/sns'}}}"),
        new Case("kms-rotation",
            "{'aws_kms_key': {'k': {'policy': '{}'}}}",
            "test: aws_kms_key.k: kms-rotation (CKV_AWS_7): key rotation is off (enable_key_rotation is not true). "
                + "Fix: set enable_key_rotation to true",
            "{'aws_kms_key': {'k': {'policy': '{}', 'enable_key_rotation': true}}}"),
        new Case("kms-key-policy",
            "{'aws_kms_key': {'k': {'enable_key_rotation': true}}}",
            "test: aws_kms_key.k: kms-key-policy (CKV2_AWS_64): the key has the default key policy (no policy). "
                + "Fix: set policy on the key (or add an aws_kms_key_policy) granting exactly the services and roles "
                + "that use it",
            "{'aws_kms_key': {'k': {'enable_key_rotation': true}}, 'aws_kms_key_policy': {'p': {'key_id':"
                + " '${aws_kms_key.k.id}', 'policy': '{}'}}}"),
        new Case("ecr-scan-on-push",
            "{'aws_ecr_repository': {'r': {'image_scanning_configuration': {'scan_on_push': false}}}}",
            "test: aws_ecr_repository.r: ecr-scan-on-push (CKV_AWS_163): pushed images are not scanned. Fix: set "
                + "image_scanning_configuration.scan_on_push to true",
            "{'aws_ecr_repository': {'r': {'image_scanning_configuration': {'scan_on_push': true}}}}"),
        new Case("ecr-immutable-tags",
            "{'aws_ecr_repository': {'r': {'image_tag_mutability': 'MUTABLE'}}}",
            "test: aws_ecr_repository.r: ecr-immutable-tags (CKV_AWS_51): image tags can be overwritten "
                + "(image_tag_mutability is not IMMUTABLE). Fix: set image_tag_mutability to \"IMMUTABLE\" "
                + "(ServiceRepositoryProps.immutableTags)",
            "{'aws_ecr_repository': {'r': {'image_tag_mutability': 'IMMUTABLE'}}}"),
        new Case("ecr-kms-encryption",
            "{'aws_ecr_repository': {'r': {'encryption_configuration': [{'encryption_type': 'AES256'}]}}}",
            "test: aws_ecr_repository.r: ecr-kms-encryption (CKV_AWS_136): images are encrypted with AES256, not "
                + "KMS. Fix: set encryption_configuration.encryption_type to \"KMS\" (with a key of the registry "
                + "account)",
            "{'aws_ecr_repository': {'r': {'encryption_configuration': [{'encryption_type': 'KMS',"
                + " 'kms_key': '${aws_kms_key.k.arn}'}]}}}"),
        new Case("ecr-no-public-policy",
            "{'aws_ecr_repository_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Effect': 'Allow',"
                + " 'Principal': {'AWS': '*'}, 'Action': 'ecr:BatchGetImage'}]}")) + "}}}",
            "test: aws_ecr_repository_policy.p: ecr-no-public-policy (CKV_AWS_32): the policy allows the principal "
                + "\"*\". Fix: name the accounts or roles that may pull instead of the principal \"*\"",
            "{'aws_ecr_repository_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Effect': 'Allow',"
                + " 'Principal': {'AWS': ['111111111111']}, 'Action': 'ecr:BatchGetImage'}]}")) + "}}}"),
        new Case("iam-no-wildcard-action",
            "{'aws_iam_role_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Sid': 'Assets', 'Effect':"
                + " 'Allow', 'Action': ['s3:*', 's3:GetObject'], 'Resource': 'arn:aws:s3:::assets/*'}]}")) + "}}}",
            "test: aws_iam_role_policy.p: iam-no-wildcard-action (CKV_AWS_63): statement Assets allows \"s3:*\". "
                + "Fix: list the actions the principal calls, for example \"s3:GetObject\"",
            "{'aws_iam_role_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Effect': 'Allow', 'Action':"
                + " 's3:GetObject', 'Resource': 'arn:aws:s3:::assets/*'}]}")) + "}}}"),
        new Case("iam-no-wildcard-resource-write",
            "{'aws_iam_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Effect': 'Allow', 'Action':"
                + " ['ecr:GetAuthorizationToken', 's3:PutObject'], 'Resource': '*'}]}")) + "}}}",
            "test: aws_iam_policy.p: iam-no-wildcard-resource-write (CKV_AWS_355): statement 0 allows "
                + "\"s3:PutObject\" on the resource \"*\". Fix: replace the resource \"*\" with the ARNs the actions "
                + "need",
            "{'aws_iam_policy': {'p': {'policy': " + quote(json("{'Statement': [{'Effect': 'Allow', 'Action':"
                + " ['ecr:GetAuthorizationToken'], 'Resource': '*'}]}")) + "}}}"),
        new Case("iam-no-passrole-wildcard",
            "{'aws_iam_role': {'r': {'inline_policy': [{'name': 'deploy', 'policy': " + quote(json("{'Statement':"
                + " [{'Effect': 'Allow', 'Action': 'iam:PassRole', 'Resource': '*'}]}")) + "}]}}}",
            "test: aws_iam_role.r: iam-no-passrole-wildcard: statement 0 allows iam:PassRole on the resource \"*\". "
                + "Fix: name the role ARNs that may be passed, and the service they are passed to "
                + "(iam:PassedToService)",
            "{'aws_iam_role': {'r': {'inline_policy': [{'name': 'deploy', 'policy': " + quote(json("{'Statement':"
                + " [{'Effect': 'Allow', 'Action': 'iam:PassRole', 'Resource': 'arn:aws:iam::1:role/task'}]}"))
                + "}]}}}"),
        new Case("iam-trust-one-service",
            "{'aws_iam_role': {'r': {'assume_role_policy': " + quote(json("{'Statement': [{'Effect': 'Allow',"
                + " 'Principal': {'Service': ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']}, 'Action':"
                + " 'sts:AssumeRole'}]}")) + "}}}",
            "test: aws_iam_role.r: iam-trust-one-service (CKV_AWS_60): the role trusts 2 services "
                + "\"ec2.amazonaws.com\", \"ecs-tasks.amazonaws.com\". Fix: trust one service principal (for "
                + "example ecs-tasks.amazonaws.com) in one Allow statement; give another service its own role",
            "{'aws_iam_role': {'r': {'assume_role_policy': " + quote(ecsTrust) + "}}}"),
        new Case("iam-trust-one-service",
            "{'aws_iam_role': {'r': {'assume_role_policy': " + quote(json("{'Statement': [{'Effect': 'Allow',"
                + " 'Principal': {'AWS': 'arn:aws:iam::111111111111:root'}, 'Action': 'sts:AssumeRole'}]}")) + "}}}",
            "test: aws_iam_role.r: iam-trust-one-service (CKV_AWS_60): the role trusts \"AWS "
                + "arn:aws:iam::111111111111:root\", not a service. Fix: trust one service principal (for example "
                + "ecs-tasks.amazonaws.com) in one Allow statement; give another service its own role",
            "{'aws_iam_role': {'r': {'assume_role_policy': " + quote(ecsTrust) + "}}}"),
        new Case("iam-no-admin-policy",
            "{'aws_iam_role_policy_attachment': {'a': {'role': 'r',"
                + " 'policy_arn': 'arn:aws:iam::aws:policy/AdministratorAccess'}}}",
            "test: aws_iam_role_policy_attachment.a: iam-no-admin-policy (CKV_AWS_274): AdministratorAccess is "
                + "attached. Fix: attach a policy with the permissions the principal needs",
            "{'aws_iam_role_policy_attachment': {'a': {'role': 'r',"
                + " 'policy_arn': 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void violatingStack_givesExactlyTheExpectedLine(Case c) {
    assertThat(findings(c.violating(), c.rule())).containsExactly(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passingStack_givesNoFinding(Case c) {
    assertThat(findings(c.passing(), c.rule())).isEmpty();
  }

  @Test
  void everyRule_hasAViolatingAndAPassingCase() {
    Set<String> covered = cases().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(PolicyRules.all().stream().map(PolicyRule::id)
        .toList());
  }

  @Test
  void rules_areAtLeastThirty_withUniqueIds_andEveryScannerIdWellFormed() {
    List<PolicyRule> rules = PolicyRules.all();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
    assertThat(rules.stream().map(PolicyRule::id).distinct().count()).isEqualTo(rules.size());
    for (PolicyRule rule : rules) {
      assertThat(rule.id()).matches("[a-z0-9]+(-[a-z0-9]+)+");
      if (rule.checkovId() != null) {
        assertThat(rule.checkovId()).matches("CKV2?_AWS_\\d+");
      }
      if (rule.trivyId() != null) {
        assertThat(rule.trivyId()).matches("AVD-AWS-\\d{4}");
        assertThat(rule.tfsecId()).startsWith("aws-");
      }
    }
  }

  @Test
  void templateCheck_skipsWhatOnlyTerraformCanRender() {
    // A policy from a data source or a container list from jsonencode() cannot be read before apply.
    String doc = "{'aws_iam_role_policy': {'p': {'policy': '${data.aws_iam_policy_document.x.json}'}},"
        + " 'aws_ecs_task_definition': {'t': {'container_definitions': '${jsonencode(local.containers)}'}}}";
    assertThat(PolicyCheck.evaluate("test", stack(doc), PolicyCheckProps.builder().build()).findings())
        .extracting(f -> f.rule().id()).doesNotContain("iam-no-wildcard-action", "ecs-read-only-root-filesystem");
  }

  /** The finding lines of one rule for a stack made of these resources. */
  static List<String> findings(String resources, String rule) {
    PolicyReport report = PolicyCheck.evaluate("test", stack(resources), PolicyCheckProps.builder().build());
    List<String> lines = new ArrayList<>();
    report.findings().stream().filter(f -> f.rule().id().equals(rule)).forEach(f -> lines.add(f.toString()));
    return lines;
  }

  /** A Terraform JSON document whose {@code resource} object is {@code resources} (single quotes allowed). */
  static JsonNode stack(String resources) {
    try {
      ObjectNode doc = STRICT.createObjectNode();
      doc.set("resource", LENIENT.readTree(resources));
      return doc;
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test JSON: " + resources, e);
    }
  }

  /** Compact JSON text of a single-quoted document, for fields that hold JSON in a string. */
  static String json(String singleQuoted) {
    try {
      return STRICT.writeValueAsString(LENIENT.readTree(singleQuoted));
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
    }
  }

  /** A JSON text as a single-quoted string literal of the lenient syntax (its double quotes need no escape). */
  static String quote(String jsonText) {
    return "'" + jsonText.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String taskDefinition(String containers) {
    return "{'aws_ecs_task_definition': {'t': {'container_definitions': " + quote(json(containers)) + "}}}";
  }
}
