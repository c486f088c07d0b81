package com.acme.platform.constructs.examples;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecs.Ec2Cluster;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.ecs.PortMapping;
import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.acme.platform.constructs.kms.EnvironmentKeyProps;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.s3.AccessLogBucket;
import com.acme.platform.constructs.s3.AccessLogBucketProps;
import com.acme.platform.constructs.network.PlatformVpcProps;
import com.acme.platform.constructs.state.RemoteStateProps;
import com.acme.platform.constructs.state.StateKeyLayout;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The README's library example: another team's stack with one load-balanced service. The README shows the block
 * between the DOCS markers verbatim; {@code ExamplesTest} synthesizes it and checks the README still matches.
 */
public final class OrdersServiceExample extends TerraformStack {
  /**
   * Builds the stack.
   *
   * @param scope the app
   * @param id the stack name
   */
  public OrdersServiceExample(Construct scope, String id) {
    super(scope, id);
    // DOCS_BLOCK_START
    // Provider for the account and region, the accepted provider versions, default tags, and the S3 backend.
    StackConventions.apply(this, StackConventionsProps.builder()
        .awsRegion("eu-west-1").accountId("111111111111").defaultTags(Map.of("team", "orders"))
        .remoteState(RemoteStateProps.builder().bucket("orders-tfstate").region("eu-west-1")
            .key(StateKeyLayout.key("qa", "orders")).build())
        .build());

    // Created first: the log groups, the flow logs and the load balancer below use them by default.
    new EnvironmentKey(this, "Key", EnvironmentKeyProps.of("orders-qa", "eu-west-1", "111111111111"));
    new AccessLogBucket(this, "AccessLogs",
        AccessLogBucketProps.of("orders-qa-lb-access-logs-111111111111", "eu-west-1", "111111111111"));

    PlatformVpc vpc = new PlatformVpc(this, "Network",
        PlatformVpcProps.of("orders-qa", "10.40.0.0/16", List.of("eu-west-1a", "eu-west-1b")));
    ServiceRepository repository = new ServiceRepository(this, "Repository", "orders");
    Ec2Cluster cluster = new Ec2Cluster(this, "Cluster", Ec2ClusterProps.of("orders-qa", "eu-west-1", vpc.ref()));
    PlatformLoadBalancer alb = new PlatformLoadBalancer(this, "LoadBalancer",
        PlatformLoadBalancerProps.of("orders-qa", vpc.ref()));
    ServiceRouting routing = alb.addServiceRouting("Orders", ServiceRoutingProps.builder()
        .targetGroupName("orders-qa").loadBalancer(alb.ref()).port(8080)
        .pathPatterns(List.of("/orders/*")).healthCheckPath("/orders/health").build());

    Ec2Service orders = new Ec2Service(this, "Orders", Ec2ServiceProps.builder()
        .serviceName("orders-qa")
        .cluster(cluster.ref())
        .awsRegion("eu-west-1")
        .containers(List.of(ContainerDefinition.builder()
            .name("orders")
            .image(repository.getRepositoryUrl() + ":1.0.0")
            .memoryReservationMiB(256)
            .portMapping(PortMapping.dynamic(8080))
            .build()))
        .minCapacity(2).maxCapacity(6)
        .build());
    // Registers the tasks in the target group and admits the load balancer to the instances' host ports.
    orders.attachTo(routing, "orders", 8080);
    repository.grantPull(orders.getExecutionRole());
    // DOCS_BLOCK_END
  }
}
