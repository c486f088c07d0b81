package com.acme.platform.constructs.alb;

import com.acme.platform.constructs.network.VpcRef;
import java.util.List;

/** Literal references for tests: no construct of another package is needed. */
final class Fixtures {
  static final VpcRef VPC = new VpcRef("vpc-0123", "10.0.0.0/16",
      List.of("subnet-pub-a", "subnet-pub-b"), List.of("subnet-priv-a", "subnet-priv-b", "subnet-priv-c"));

  static final String LISTENER_ARN =
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

  static final LoadBalancerRef LOAD_BALANCER = new LoadBalancerRef("web",
      "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/50dc6c495c0c9188",
      "web-1234567890.eu-west-1.elb.amazonaws.com", LISTENER_ARN, "sg-0123", "vpc-0123");

  static final String CERTIFICATE_ARN =
      "arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012";

  private Fixtures() {}
}
