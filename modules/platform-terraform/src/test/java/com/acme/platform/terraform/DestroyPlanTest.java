package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The stand-in state; the destroy plan itself runs against real stacks in the app's TeardownTest. */
class DestroyPlanTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void standInState_managedResourcesAtProviderSchemaVersionWithStandInIds() throws IOException {
    JsonNode plan = MAPPER.readTree("""
        {"terraform_version": "1.11.4", "planned_values": {"root_module": {"resources": [
          {"mode": "managed", "type": "aws_security_group", "name": "sg", "values": {"name_prefix": "apps-"}},
          {"mode": "managed", "type": "aws_ecs_cluster", "name": "c", "values": {"id": "known", "name": "apps"}},
          {"mode": "data", "type": "aws_caller_identity", "name": "me", "values": {}}]}}}""");
    JsonNode schema = MAPPER.readTree("""
        {"provider_schemas": {"registry.terraform.io/hashicorp/aws": {"resource_schemas": {
          "aws_security_group": {"version": 1}, "aws_ecs_cluster": {"version": 0}}}}}""");

    JsonNode state = DestroyPlan.standInState(plan, schema);

    assertThat(state.get("version").asInt()).isEqualTo(4);
    assertThat(state.get("terraform_version").asText()).isEqualTo("1.11.4");
    JsonNode resources = state.get("resources");
    assertThat(resources).hasSize(2);
    JsonNode sg = resources.get(0);
    assertThat(sg.get("provider").asText()).isEqualTo("provider[\"registry.terraform.io/hashicorp/aws\"]");
    assertThat(sg.at("/instances/0/schema_version").asInt()).isEqualTo(1);
    assertThat(sg.at("/instances/0/attributes/id").asText()).isEqualTo("offline-sg");
    assertThat(sg.at("/instances/0/attributes/name_prefix").asText()).isEqualTo("apps-");
    assertThat(resources.get(1).at("/instances/0/attributes/id").asText()).isEqualTo("known");
  }

  @Test
  void standInState_resourceWithoutKnownValues_getsOnlyItsStandInId() throws IOException {
    JsonNode plan = MAPPER.readTree("""
        {"terraform_version": "1.11.4", "planned_values": {"root_module": {"resources": [
          {"mode": "managed", "type": "aws_s3_bucket_policy", "name": "p"}]}}}""");

    JsonNode state = DestroyPlan.standInState(plan, MAPPER.readTree("{}"));

    assertThat(state.at("/resources/0/instances/0/attributes").toString()).isEqualTo("{\"id\":\"offline-p\"}");
  }
}
