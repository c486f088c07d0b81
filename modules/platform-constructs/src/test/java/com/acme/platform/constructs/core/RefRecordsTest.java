package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.alb.LoadBalancerRef;
import com.acme.platform.constructs.ecs.ClusterRef;
import com.acme.platform.constructs.network.VpcRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference records built by hand (for existing resources) say which value is missing. */
class RefRecordsTest {
  @Test
  void fails_vpcRefMissingValues() {
    assertThatThrownBy(() -> new VpcRef(null, "10.0.0.0/16", List.of(), null))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("VpcRef.vpcId is required\nVpcRef.privateSubnetIds is required");
  }

  @Test
  void fails_clusterRefMissingValue() {
    assertThatThrownBy(() -> new ClusterRef("apps", "arn", "", "sg-1"))
        .hasMessage("ClusterRef.capacityProviderName is required");
  }

  @Test
  void fails_loadBalancerRefMissingValue() {
    assertThatThrownBy(() -> new LoadBalancerRef("web", "arn", "dns", "listener", "sg-1", null))
        .hasMessage("LoadBalancerRef.vpcId is required");
  }

  @Test
  void fails_loadBalancerRefNameIsToken() {
    assertThatThrownBy(() -> new LoadBalancerRef("${TfToken[TOKEN.1]}", "arn", "dns", "listener", "sg-1", "vpc-1"))
        .hasMessage("LoadBalancerRef.name must be a plain string known at synth, got a token");
  }
}
