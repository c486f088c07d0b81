package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OfflineOverrideTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void of_defaultProvider_fakeCredentialsSkipsNoAllowListLocalBackend() throws Exception {
    JsonNode stack = MAPPER.readTree("""
        {"provider": {"aws": [{"region": "eu-west-1", "allowed_account_ids": ["300000000001"]}]},
         "terraform": {"backend": {"s3": {"bucket": "b", "key": "k", "region": "eu-west-1"}}}}""");

    JsonNode override = OfflineOverride.of(stack);

    JsonNode aws = override.at("/provider/aws");
    assertThat(aws.size()).isEqualTo(1);
    assertThat(aws.get(0).has("alias")).isFalse();
    assertThat(aws.get(0).get("access_key").asText()).isEqualTo(OfflineOverride.FAKE_ACCESS_KEY);
    for (String skip : new String[] {"skip_credentials_validation", "skip_requesting_account_id",
        "skip_metadata_api_check", "skip_region_validation"}) {
      assertThat(aws.get(0).get(skip).asBoolean()).as(skip).isTrue();
    }
    assertThat(aws.get(0).get("allowed_account_ids").isNull()).isTrue();
    assertThat(aws.get(0).get("max_retries").asInt()).isEqualTo(1);
    assertThat(override.at("/terraform/backend").toString()).isEqualTo("{\"local\":{\"path\":\"terraform.tfstate\"}}");
  }

  @Test
  void of_aliasedProviders_oneOfflineBlockPerAlias() throws Exception {
    JsonNode stack = MAPPER.readTree("""
        {"provider": {"aws": [{"region": "eu-west-1"}, {"alias": "us", "region": "us-east-1"}]}}""");

    JsonNode aws = OfflineOverride.of(stack).at("/provider/aws");

    assertThat(aws.size()).isEqualTo(2);
    assertThat(aws.get(0).has("alias")).isFalse();
    assertThat(aws.get(1).get("alias").asText()).isEqualTo("us");
    assertThat(aws.get(1).get("skip_requesting_account_id").asBoolean()).isTrue();
  }
}
