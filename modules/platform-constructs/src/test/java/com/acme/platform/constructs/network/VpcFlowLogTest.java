package com.acme.platform.constructs.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The VPC's secure defaults: flow logs, a default security group without rules, no public IPs on launch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VpcFlowLogTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> ZONES = List.of("eu-west-1a", "eu-west-1b");
  private static final String KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234";

  private Synth defaults;
  private Synth optedOut;
  private Synth existingVpc;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> new PlatformVpc(stack, "Network", PlatformVpcProps.of("qa", "10.0.0.0/16", ZONES)));
    optedOut = Synth.stack(stack -> new PlatformVpc(stack, "Network", PlatformVpcProps.builder().name("qa")
        .cidrBlock("10.0.0.0/16").availabilityZones(ZONES).flowLogs(false).build()));
    existingVpc = Synth.stack(stack -> new VpcFlowLog(stack, "FlowLog", VpcFlowLogProps.builder()
        .name("a-very-long-vpc-name-of-32-chars").vpcId("vpc-0123").retentionDays(90).kmsKeyArn(KEY)
        .trafficType("REJECT").build()));
  }

  @Test
  void flowLog_defaults_allTrafficToEncryptableLogGroupKeptAYear() {
    defaults.assertHasResourceWithProperties("aws_flow_log", Map.of(
        "traffic_type", "ALL", "log_destination_type", "cloud-watch-logs", "tags", Map.of("Name", "qa-flow-logs")));
    JsonNode flowLog = defaults.only("aws_flow_log");
    assertThat(flowLog.get("vpc_id").asText()).startsWith("${aws_vpc.Network_");
    assertThat(flowLog.get("log_destination").asText()).startsWith("${aws_cloudwatch_log_group.Network_FlowLog_Logs");
    assertThat(flowLog.get("iam_role_arn").asText()).startsWith("${aws_iam_role.Network_FlowLog_Role");
    defaults.assertHasResourceWithProperties("aws_cloudwatch_log_group", Map.of(
        "name", "/vpc/qa/flow-logs", "retention_in_days", 365));
    // No EnvironmentKey in this stack: nothing to encrypt with but CloudWatch Logs' own key.
    assertThat(defaults.only("aws_cloudwatch_log_group").has("kms_key_id")).isFalse();
  }

  @Test
  void role_defaults_onlyVpcFlowLogsMayAssume_writesOnlyItsLogGroup() throws Exception {
    JsonNode role = defaults.only("aws_iam_role");
    assertThat(role.get("name_prefix").asText()).isEqualTo("qa-flow-logs-");
    assertThat(role.get("assume_role_policy").asText()).isEqualTo("{\"Statement\":[{\"Action\":\"sts:AssumeRole\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"vpc-flow-logs.amazonaws.com\"}}],"
        + "\"Version\":\"2012-10-17\"}");
    JsonNode statement = MAPPER.readTree(defaults.only("aws_iam_role_policy").get("policy").asText())
        .get("Statement").get(0);
    assertThat(statement.get("Action").toString()).isEqualTo("[\"logs:CreateLogStream\",\"logs:DescribeLogGroups\","
        + "\"logs:DescribeLogStreams\",\"logs:PutLogEvents\"]");
    assertThat(statement.get("Resource").toString()).matches(
        "\\[\"\\$\\{aws_cloudwatch_log_group\\.Network_FlowLog_Logs_[0-9A-F]{8}\\.arn}\","
            + "\"\\$\\{aws_cloudwatch_log_group\\.Network_FlowLog_Logs_[0-9A-F]{8}\\.arn}:\\*\"]");
  }

  @Test
  void defaultSecurityGroup_defaults_managedWithoutRules() {
    JsonNode group = defaults.only("aws_default_security_group");
    assertThat(group.has("ingress")).as("ingress").isFalse();
    assertThat(group.has("egress")).as("egress").isFalse();
    assertThat(group.get("vpc_id").asText()).startsWith("${aws_vpc.Network_");
    assertThat(group.get("tags").toString()).isEqualTo("{\"Name\":\"qa-default-no-rules\"}");
  }

  @Test
  void subnets_defaults_noneMapsPublicIps() {
    assertThat(defaults.resources("aws_subnet")).hasSize(4)
        .allSatisfy(s -> assertThat(s.get("map_public_ip_on_launch").asBoolean()).isFalse());
  }

  @Test
  void flowLogs_false_noFlowLogButStillNoDefaultRules() {
    assertThat(optedOut.count("aws_flow_log")).isZero();
    assertThat(optedOut.count("aws_cloudwatch_log_group")).isZero();
    assertThat(optedOut.count("aws_default_security_group")).isEqualTo(1);
  }

  @Test
  void flowLog_existingVpc_allOptions() {
    existingVpc.assertHasResourceWithProperties("aws_flow_log", Map.of("vpc_id", "vpc-0123", "traffic_type", "REJECT"));
    existingVpc.assertHasResourceWithProperties("aws_cloudwatch_log_group", Map.of(
        "name", "/vpc/a-very-long-vpc-name-of-32-chars/flow-logs", "retention_in_days", 90, "kms_key_id", KEY));
    // IAM name prefixes are at most 38 characters.
    assertThat(existingVpc.only("aws_iam_role").get("name_prefix").asText())
        .isEqualTo("a-very-long-vpc-name-of-32-flow-logs-").hasSizeLessThanOrEqualTo(38);
  }

  @Test
  void fails_flowLogSettingsOfVpc_reportedUnderVpcFields() {
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("qa").cidrBlock("10.0.0.0/16").availabilityZones(ZONES)
        .flowLogRetentionDays(366).flowLogKmsKeyArn("my-key").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("PlatformVpcProps.flowLogRetentionDays must be one of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,"
            + " 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], got 366\n"
            + "PlatformVpcProps.flowLogKmsKeyArn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/"
            + "<id>); an alias ARN does not work here, got \"my-key\"");
    assertThatThrownBy(() -> PlatformVpcProps.builder().name("qa").cidrBlock("10.0.0.0/16").availabilityZones(ZONES)
        .flowLogs(false).flowLogRetentionDays(30).build())
        .hasMessage("PlatformVpcProps.flowLogs is false, so flowLogRetentionDays and flowLogKmsKeyArn have nothing"
            + " to configure; remove them");
  }

  @Test
  void fails_invalidFlowLogProps_listsEveryProblem() {
    assertThatThrownBy(() -> VpcFlowLogProps.builder().name("QA").trafficType("SOME").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("VpcFlowLogProps.name must be 1 to 32 lowercase letters, digits or '-', got \"QA\"\n"
            + "VpcFlowLogProps.vpcId is required\n"
            + "VpcFlowLogProps.trafficType must be one of [ACCEPT, ALL, REJECT], got \"SOME\"");
  }

  @Test
  void props_toBuilder_roundTrips() {
    PlatformVpcProps vpc = PlatformVpcProps.builder().name("qa").cidrBlock("10.0.0.0/16").availabilityZones(ZONES)
        .flowLogRetentionDays(90).flowLogKmsKeyArn(KEY).build();
    assertThat(vpc.toBuilder().build()).isEqualTo(vpc).hasSameHashCodeAs(vpc);
    VpcFlowLogProps flow = VpcFlowLogProps.builder().name("qa").vpcId("vpc-1").build();
    assertThat(flow.toBuilder().build()).isEqualTo(flow).hasSameHashCodeAs(flow);
  }
}
