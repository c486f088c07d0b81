package com.acme.platform.constructs.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.ecs.ClusterRef;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.ecs.PortMapping;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alarm topic and the alarms of a service: defaults, overrides, and messages of bad input. */
class MonitoringTest {
  private static final ClusterRef CLUSTER = new ClusterRef("platform",
      "arn:aws:ecs:eu-west-1:111111111111:cluster/platform", "platform-ec2", "sg-0123456789abcdef0");
  private static final VpcRef VPC = new VpcRef("vpc-1", "10.0.0.0/16", List.of("subnet-a", "subnet-b"),
      List.of("subnet-c", "subnet-d"));

  private static Ec2Service service(TerraformStack stack) {
    return new Ec2Service(stack, "Orders", Ec2ServiceProps.builder().serviceName("orders").cluster(CLUSTER)
        .awsRegion("eu-west-1").containers(List.of(ContainerDefinition.builder().name("web").image("nginx")
            .memoryMiB(256).portMapping(PortMapping.dynamic(8080)).build())).build());
  }

  @Test
  void topic_defaults_encryptedWithTheAwsManagedKey_noSubscriptions() {
    Synth synth = Synth.stack(stack -> new AlarmTopic(stack, "Alarms", AlarmTopicProps.builder()
        .topicName("staging-alarms").build()));
    synth.assertHasResourceWithProperties("aws_sns_topic", Map.of("name", "staging-alarms",
        "kms_master_key_id", "alias/aws/sns"));
    assertThat(synth.count("aws_sns_topic_subscription")).isZero();
  }

  @Test
  void topic_allOptions_subscriptionsAndOwnKey() {
    Synth synth = Synth.stack(stack -> new AlarmTopic(stack, "Alarms", AlarmTopicProps.builder()
        .topicName("staging-alarms").kmsMasterKeyId("alias/alarms")
        .subscriptions(List.of(new AlarmSubscription("email", "oncall@example.com"),
            new AlarmSubscription("https", "https://hooks.example.com/alarms"))).build()));
    synth.assertHasResourceWithProperties("aws_sns_topic", Map.of("kms_master_key_id", "alias/alarms"));
    synth.assertHasResourceWithProperties("aws_sns_topic_subscription", Map.of("protocol", "email",
        "endpoint", "oncall@example.com"));
    assertThat(synth.count("aws_sns_topic_subscription")).isEqualTo(2);
  }

  @Test
  void fails_topic_badSubscriptions() {
    assertThatThrownBy(() -> AlarmTopicProps.builder().topicName("a b").subscriptions(List.of(
        new AlarmSubscription("slack", "x"), new AlarmSubscription("email", "oncall"),
        new AlarmSubscription("https", "http://insecure.example.com"))).build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("AlarmTopicProps.topicName must be 1-256 letters, digits, '-' or '_', got \"a b\"\n"
            + "AlarmTopicProps.subscriptions[0].protocol must be one of [email, https, lambda, sqs], got \"slack\"\n"
            + "AlarmTopicProps.subscriptions[1].endpoint must be an email address for protocol \"email\", got"
            + " \"oncall\"\n"
            + "AlarmTopicProps.subscriptions[2].endpoint must be an https:// URL for protocol \"https\", got"
            + " \"http://insecure.example.com\"");
  }

  @Test
  void serviceAlarms_defaults_cpuAndMemoryOnly_withoutLoadBalancer() {
    Synth synth = Synth.stack(stack -> new ServiceAlarms(stack, "Alarms", ServiceAlarmsProps.builder()
        .service(service(stack)).clusterName("platform").topicArn("arn:aws:sns:eu-west-1:111111111111:alarms")
        .build()));
    assertThat(synth.count("aws_cloudwatch_metric_alarm")).isEqualTo(2);
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name", "orders-cpu-high",
        "namespace", "AWS/ECS", "metric_name", "CPUUtilization", "threshold", 90, "statistic", "Average",
        "dimensions", Map.of("ClusterName", "platform", "ServiceName", "orders"),
        "alarm_actions", List.of("arn:aws:sns:eu-west-1:111111111111:alarms"),
        "ok_actions", List.of("arn:aws:sns:eu-west-1:111111111111:alarms"),
        "treat_missing_data", "notBreaching"));
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name",
        "orders-memory-high", "metric_name", "MemoryUtilization", "threshold", 90));
  }

  @Test
  void serviceAlarms_allOptions_loadBalancerAndTargetGroupAlarms_withOverriddenThresholds() {
    Synth synth = Synth.stack(stack -> {
      PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "Public", PlatformLoadBalancerProps.of("public",
          VPC));
      ServiceRouting routing = alb.addServiceRouting("Orders", ServiceRoutingProps.builder()
          .targetGroupName("orders").loadBalancer(alb.ref()).port(8080).pathPatterns(List.of("/*")).build());
      new ServiceAlarms(stack, "Alarms", ServiceAlarmsProps.builder().service(service(stack))
          .clusterName("platform").topicArn("arn:aws:sns:eu-west-1:111111111111:alarms").loadBalancer(alb)
          .routing(routing).cpuPercent(75).memoryPercent(80).loadBalancer5xxCount(5).target5xxCount(20)
          .loadBalancer4xxCount(500).build());
    });
    assertThat(synth.count("aws_cloudwatch_metric_alarm")).isEqualTo(6);
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name", "orders-cpu-high",
        "threshold", 75));
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name", "orders-lb-5xx",
        "metric_name", "HTTPCode_ELB_5XX_Count", "statistic", "Sum", "threshold", 5));
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name", "orders-target-5xx",
        "metric_name", "HTTPCode_Target_5XX_Count", "threshold", 20));
    synth.assertHasResourceWithProperties("aws_cloudwatch_metric_alarm", Map.of("alarm_name", "orders-lb-4xx",
        "metric_name", "HTTPCode_ELB_4XX_Count", "threshold", 500));
    JsonNode unhealthy = synth.resources("aws_cloudwatch_metric_alarm").stream()
        .filter(a -> a.get("alarm_name").asText().equals("orders-unhealthy-hosts")).findFirst().orElseThrow();
    assertThat(unhealthy.at("/dimensions/TargetGroup").asText()).contains("aws_lb_target_group.").endsWith(
        ".arn_suffix}");
    assertThat(unhealthy.get("threshold").asInt()).isZero();
  }

  @Test
  void fails_serviceAlarms_missingValuesAndRanges() {
    assertThatThrownBy(() -> ServiceAlarmsProps.builder().cpuPercent(0).memoryPercent(101).target5xxCount(0)
        .build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("ServiceAlarmsProps.service is required\n"
            + "ServiceAlarmsProps.clusterName is required\n"
            + "ServiceAlarmsProps.topicArn is required\n"
            + "ServiceAlarmsProps.cpuPercent must be between 1 and 100, got 0\n"
            + "ServiceAlarmsProps.memoryPercent must be between 1 and 100, got 101\n"
            + "ServiceAlarmsProps.target5xxCount must be >= 1, got 0");
  }
}
