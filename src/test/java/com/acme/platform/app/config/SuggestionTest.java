package com.acme.platform.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  private static final List<String> FIELDS = List.of("availabilityZones", "cidr", "natGateways");

  @Test
  void closest_typoOrCase_suggested() {
    assertThat(Suggestion.closest("natGateway", FIELDS)).hasValue("natGateways");
    assertThat(Suggestion.closest("CIDR", FIELDS)).hasValue("cidr");
    assertThat(Suggestion.closest("availabiltyZone", FIELDS)).hasValue("availabilityZones");
  }

  @Test
  void closest_unrelatedWord_none() {
    assertThat(Suggestion.closest("subnets", FIELDS)).isEmpty();
  }
}
