package com.acme.platform.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyAddressesTest {
  @Test
  void clusterIngress_isTheAddressTheEarlierAppWrote() {
    // From the reference platform's snapshot before the rule moved to LoadBalancerIngress.
    assertThat(LegacyAddresses.clusterIngress("apps", "public"))
        .isEqualTo("aws_vpc_security_group_ingress_rule.ClusterApps_FromPublic_18B4F84C");
  }
}
