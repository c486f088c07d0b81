package com.acme.platform.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.GoodOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output names are an API (scripts and other stacks read them): stable, documented, pointing at the right values. */
class StackOutputsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode outputs(String stack) throws Exception {
    return MAPPER.readTree(GoodOutput.contents().get("stacks/" + stack + "/cdk.tf.json")).get("output");
  }

  private static List<String> names(JsonNode outputs) {
    List<String> names = new ArrayList<>();
    outputs.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void environmentStack_outputsPerLoadBalancerClusterAndService() throws Exception {
    JsonNode outputs = outputs("platform-staging");
    assertThat(names(outputs)).containsExactlyInAnyOrder(
        "load_balancer_public_dns_name", "load_balancer_public_zone_id", "load_balancer_public_listener_arn",
        "cluster_apps_name", "cluster_apps_arn", "cluster_workers_name", "cluster_workers_arn",
        "service_web_name", "service_api_name", "service_admin_name", "service_worker_name");
    assertThat(outputs.at("/load_balancer_public_dns_name/value").asText())
        .matches("\\$\\{aws_lb\\.LoadBalancerPublic_[0-9A-F]{8}\\.dns_name}");
    assertThat(outputs.at("/load_balancer_public_zone_id/value").asText()).endsWith(".zone_id}");
    assertThat(outputs.at("/load_balancer_public_listener_arn/value").asText()).startsWith("${aws_lb_listener.");
    assertThat(outputs.at("/cluster_apps_name/value").asText()).isEqualTo("staging-apps");
    assertThat(outputs.at("/service_api_name/value").asText()).isEqualTo("staging-api");
  }

  @Test
  void registryStack_outputsOneRepositoryUrlPerService() throws Exception {
    JsonNode outputs = outputs("registry");
    assertThat(names(outputs)).containsExactlyInAnyOrder("repository_admin_url", "repository_api_url",
        "repository_web_url", "repository_worker_url");
    assertThat(outputs.at("/repository_api_url/value").asText()).endsWith(".repository_url}");
  }
}
