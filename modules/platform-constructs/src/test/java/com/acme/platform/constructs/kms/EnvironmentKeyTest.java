package com.acme.platform.constructs.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.ecs.ClusterRef;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.monitoring.AlarmTopic;
import com.acme.platform.constructs.monitoring.AlarmTopicProps;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.network.PlatformVpcProps;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentKeyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ClusterRef CLUSTER = new ClusterRef("platform",
      "arn:aws:ecs:eu-west-1:111111111111:cluster/platform", "platform-ec2", "sg-0123456789abcdef0");
  private static final String OTHER_KEY = "arn:aws:kms:eu-west-1:111111111111:key/0000-other";

  private Synth withKey;
  private Synth withoutKey;
  private Synth china;

  private static Ec2ServiceProps.Builder service(String name) {
    return Ec2ServiceProps.builder().serviceName(name).cluster(CLUSTER).awsRegion("eu-west-1")
        .containers(List.of(ContainerDefinition.builder().name("web").image("nginx:1.25").memoryMiB(256).build()));
  }

  @BeforeAll
  void synth() {
    withKey = Synth.stack(stack -> {
      new EnvironmentKey(stack, "Key", EnvironmentKeyProps.of("orders-qa", "eu-west-1", "111111111111"));
      new Ec2Service(stack, "Orders", service("orders").build());
      new Ec2Service(stack, "Billing", service("billing").logKmsKeyArn(OTHER_KEY).build());
      new PlatformVpc(stack, "Network", PlatformVpcProps.of("qa", "10.0.0.0/16", List.of("eu-west-1a", "eu-west-1b")));
      new AlarmTopic(stack, "Alarms", AlarmTopicProps.builder().topicName("qa-alarms").build());
    });
    withoutKey = Synth.stack(stack -> {
      new Ec2Service(stack, "Orders", service("orders").build());
      new AlarmTopic(stack, "Alarms", AlarmTopicProps.builder().topicName("qa-alarms").build());
    });
    china = Synth.stack(stack -> new EnvironmentKey(stack, "Key", EnvironmentKeyProps.builder()
        .aliasName("cn-platform").awsRegion("cn-north-1").accountId("222222222222").deletionWindowDays(7).build()));
  }

  private static JsonNode policy(Synth synth) throws Exception {
    return MAPPER.readTree(synth.only("aws_kms_key").get("policy").asText());
  }

  @Test
  void key_defaults_rotatesWithThirtyDayWindowAndAlias() {
    withKey.assertHasResourceWithProperties("aws_kms_key", Map.of(
        "enable_key_rotation", true, "deletion_window_in_days", 30,
        "description", "Encrypts the log groups and alarm topic of orders-qa"));
    withKey.assertHasResourceWithProperties("aws_kms_alias", Map.of("name", "alias/orders-qa"));
    assertThat(withKey.only("aws_kms_alias").get("target_key_id").asText()).contains("aws_kms_key.Key");
  }

  @Test
  void keyPolicy_lets_accountAdminister_logsOfRegionAndAccount_alarmsPublish() throws Exception {
    JsonNode statements = policy(withKey).get("Statement");
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).toString()).isEqualTo("{\"Action\":\"kms:*\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Resource\":\"*\",\"Sid\":\"AccountAdministers\"}");
    assertThat(statements.get(1).toString()).isEqualTo("{\"Action\":[\"kms:Decrypt*\",\"kms:Describe*\","
        + "\"kms:Encrypt*\",\"kms:GenerateDataKey*\",\"kms:ReEncrypt*\"],\"Condition\":{\"ArnLike\":"
        + "{\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:eu-west-1:111111111111:log-group:*\"}},"
        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.eu-west-1.amazonaws.com\"},\"Resource\":\"*\","
        + "\"Sid\":\"CloudWatchLogsUse\"}");
    assertThat(statements.get(2).toString()).isEqualTo("{\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],"
        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"},\"Resource\":\"*\","
        + "\"Sid\":\"CloudWatchAlarmsPublish\"}");
  }

  @Test
  void keyPolicy_china_partitionAndDnsSuffixOfTheRegion() throws Exception {
    String text = policy(china).toString();
    assertThat(text).contains("arn:aws-cn:iam::222222222222:root", "logs.cn-north-1.amazonaws.com.cn",
        "arn:aws-cn:logs:cn-north-1:222222222222:log-group:*").doesNotContain("arn:aws:");
    china.assertHasResourceWithProperties("aws_kms_key", Map.of("deletion_window_in_days", 7));
  }

  @Test
  void stackKey_isTheDefault_ofLogGroupsAndTopic_explicitKeyWins() {
    String keyArn = "${aws_kms_key.Key_";
    for (String group : List.of("/ecs/orders", "/vpc/qa/flow-logs")) {
      JsonNode logGroup = withKey.resources("aws_cloudwatch_log_group").stream()
          .filter(g -> g.get("name").asText().equals(group)).findFirst().orElseThrow();
      assertThat(logGroup.get("kms_key_id").asText()).as(group).startsWith(keyArn).endsWith(".arn}");
    }
    withKey.assertHasResourceWithProperties("aws_cloudwatch_log_group", Map.of(
        "name", "/ecs/billing", "kms_key_id", OTHER_KEY));
    assertThat(withKey.only("aws_sns_topic").get("kms_master_key_id").asText()).startsWith(keyArn);
  }

  @Test
  void noStackKey_logGroupUnencryptedByCustomerKey_topicOnAwsManagedKey() {
    assertThat(withoutKey.only("aws_cloudwatch_log_group").has("kms_key_id")).isFalse();
    withoutKey.assertHasResourceWithProperties("aws_sns_topic", Map.of("kms_master_key_id", "alias/aws/sns"));
  }

  @Test
  void find_twoKeysInOneStack_failsNamingBoth() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      new EnvironmentKey(stack, "KeyA", EnvironmentKeyProps.of("a", "eu-west-1", "111111111111"));
      new EnvironmentKey(stack, "KeyB", EnvironmentKeyProps.of("b", "eu-west-1", "111111111111"));
      new Ec2Service(stack, "Orders", service("orders").build());
    })).hasStackTraceContaining("the stack has 2 EnvironmentKey constructs ([test/KeyA, test/KeyB]); name the one"
        + " to use in the props instead of relying on the default");
  }

  @Test
  void fails_invalidProps_listsEveryProblem() {
    assertThatThrownBy(() -> EnvironmentKeyProps.builder().aliasName("aws/mine").awsRegion("Europe")
        .accountId("123").deletionWindowDays(3).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("EnvironmentKeyProps.aliasName must be 1-250 letters, digits, '/', '_' or '-', not starting"
            + " with \"aws/\" (the part after \"alias/\"), got \"aws/mine\"\n"
            + "EnvironmentKeyProps.awsRegion must be an AWS region such as eu-west-1, got \"Europe\"\n"
            + "EnvironmentKeyProps.accountId must be 12 digits, got \"123\"\n"
            + "EnvironmentKeyProps.deletionWindowDays must be between 7 and 30, got 3");
    assertThatThrownBy(() -> EnvironmentKeyProps.builder().build())
        .hasMessage("EnvironmentKeyProps.aliasName is required\nEnvironmentKeyProps.awsRegion is required\n"
            + "EnvironmentKeyProps.accountId is required");
  }

  @Test
  void props_toBuilder_roundTrips() {
    EnvironmentKeyProps props = EnvironmentKeyProps.of("orders-qa", "eu-west-1", "111111111111");
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
    assertThat(props.toBuilder().deletionWindowDays(10).build()).isNotEqualTo(props);
  }
}
