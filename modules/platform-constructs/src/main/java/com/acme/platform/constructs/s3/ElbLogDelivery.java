package com.acme.platform.constructs.s3;

import com.acme.platform.constructs.core.Partition;
import java.util.Map;

/**
 * Who writes a region's load balancer access logs into a bucket. Regions opened before August 2022 deliver through
 * an Elastic Load Balancing account of the region; newer regions through the service principal
 * {@code logdelivery.elasticloadbalancing.amazonaws.com}. The account ids are the ones AWS publishes in "Enable
 * access logs for your Application Load Balancer" (and the AWS provider's {@code aws_elb_service_account} data
 * source knows), kept here so that stacks plan without reading a data source.
 */
final class ElbLogDelivery {
  /** The service principal of regions opened in August 2022 or later. */
  static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

  /** The Elastic Load Balancing account of each region opened before August 2022. */
  static final Map<String, String> ACCOUNTS = Map.ofEntries(
      Map.entry("af-south-1", "098369216593"),
      Map.entry("ap-east-1", "754344448648"),
      Map.entry("ap-northeast-1", "582318560864"),
      Map.entry("ap-northeast-2", "600734575887"),
      Map.entry("ap-northeast-3", "383597477331"),
      Map.entry("ap-south-1", "718504428378"),
      Map.entry("ap-southeast-1", "114774131450"),
      Map.entry("ap-southeast-2", "783225319266"),
      Map.entry("ap-southeast-3", "589379963580"),
      Map.entry("ca-central-1", "985666609251"),
      Map.entry("cn-north-1", "638102146993"),
      Map.entry("cn-northwest-1", "037604701340"),
      Map.entry("eu-central-1", "054676820928"),
      Map.entry("eu-north-1", "897822967062"),
      Map.entry("eu-south-1", "635631232127"),
      Map.entry("eu-west-1", "156460612806"),
      Map.entry("eu-west-2", "652711504416"),
      Map.entry("eu-west-3", "009996457667"),
      Map.entry("me-south-1", "076674570225"),
      Map.entry("sa-east-1", "507241528517"),
      Map.entry("us-east-1", "127311923021"),
      Map.entry("us-east-2", "033677994240"),
      Map.entry("us-gov-east-1", "190560391635"),
      Map.entry("us-gov-west-1", "048591011584"),
      Map.entry("us-west-1", "027434742980"),
      Map.entry("us-west-2", "797873946194"));

  private ElbLogDelivery() {}

  /**
   * The bucket policy principal that delivers a region's access logs.
   *
   * @param region the load balancers' region
   * @return {@code {"AWS": "arn:<partition>:iam::<elb account>:root"}} for an older region, else
   *     {@code {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}}
   */
  static Map<String, String> principal(String region) {
    String account = ACCOUNTS.get(region);
    return account != null ? Map.of("AWS", Partition.accountRootArn(region, account))
        : Map.of("Service", SERVICE_PRINCIPAL);
  }
}
