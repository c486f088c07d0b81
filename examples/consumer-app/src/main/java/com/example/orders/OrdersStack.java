package com.example.orders;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.core.PolicyStatement;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecr.ServiceRepositoryProps;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.Ec2Cluster;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.ecs.HealthCheck;
import com.acme.platform.constructs.ecs.PortMapping;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.acme.platform.constructs.kms.EnvironmentKeyProps;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.network.PlatformVpcProps;
import com.acme.platform.constructs.policy.PolicyCheck;
import com.acme.platform.constructs.policy.PolicyCheckProps;
import com.acme.platform.constructs.s3.AccessLogBucket;
import com.acme.platform.constructs.s3.AccessLogBucketProps;
import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.acme.platform.constructs.state.RemoteStateProps;
import com.acme.platform.constructs.state.StateKeyLayout;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Another team's stack, built only from the published constructs with its configuration in code: one cluster, one
 * load balancer, its own image repository, and two services.
 *
 * <ul>
 *   <li>{@code orders} serves its API on container port 8080 and its admin pages on 9090, each behind its own target
 *       group of the one load balancer (dynamic host ports);</li>
 *   <li>{@code legacy} is a classic task definition with a fixed host port 8082, so at most one task per
 *       instance;</li>
 *   <li>both run images from the team's own repository, which grants pull to their execution roles.</li>
 * </ul>
 *
 * <p>The stack passes the platform's security policy check with no waiver, and runs it on every synth
 * ({@link PolicyCheck#addTo}): its own KMS key encrypts the log groups (services and VPC flow logs find it in the
 * stack) and the repository; the load balancer serves HTTPS with the team's certificate and writes access logs to the
 * stack's access log bucket.
 */
public final class OrdersStack extends TerraformStack {
  static final String REGION = "eu-central-1";
  static final String ACCOUNT = "123456789012";
  static final String CERTIFICATE = "arn:aws:acm:eu-central-1:123456789012:certificate/0f1e2d3c-orders";

  private final Ec2Service orders;
  private final Ec2Service legacy;

  /**
   * Builds the stack.
   *
   * @param scope the app
   * @param id the stack name
   * @param withBackend whether to keep state in the team's S3 bucket (tests plan without it)
   */
  public OrdersStack(Construct scope, String id, boolean withBackend) {
    super(scope, id);
    StackConventionsProps.Builder conventions = StackConventionsProps.builder()
        .awsRegion(REGION).accountId(ACCOUNT).defaultTags(Map.of("team", "orders"));
    if (withBackend) {
      conventions.remoteState(RemoteStateProps.builder().bucket("orders-team-tfstate").region(REGION)
          .key(StateKeyLayout.key("prod", "orders")).build());
    }
    StackConventions.apply(this, conventions.build());
    // Found in the stack by the constructs that need them: log groups use the key, the load balancer the bucket.
    EnvironmentKey key = new EnvironmentKey(this, "Key", EnvironmentKeyProps.of("orders-platform", REGION, ACCOUNT));
    new AccessLogBucket(this, "AccessLogs", AccessLogBucketProps.of("orders-alb-access-logs-" + ACCOUNT, REGION,
        ACCOUNT));

    PlatformVpc vpc = new PlatformVpc(this, "Network", PlatformVpcProps.of("orders", "10.60.0.0/16",
        List.of("eu-central-1a", "eu-central-1b")));
    Ec2Cluster cluster = new Ec2Cluster(this, "Cluster", Ec2ClusterProps.builder()
        .clusterName("orders").awsRegion(REGION).vpc(vpc.ref()).instanceType("m6i.large").minSize(2).maxSize(4)
        .build());
    PlatformLoadBalancer alb = new PlatformLoadBalancer(this, "LoadBalancer",
        PlatformLoadBalancerProps.builder().name("orders").vpc(vpc.ref()).certificateArn(CERTIFICATE).build());
    ServiceRepository repository = new ServiceRepository(this, "Repository",
        ServiceRepositoryProps.builder().repositoryName("orders").kmsKeyArn(key.getKeyArn()).build());

    ServiceRouting api = alb.addServiceRouting("Api", ServiceRoutingProps.builder()
        .targetGroupName("orders-api").loadBalancer(alb.ref()).port(8080)
        .pathPatterns(List.of("/orders/*")).healthCheckPath("/orders/health").build());
    ServiceRouting admin = alb.addServiceRouting("Admin", ServiceRoutingProps.builder()
        .targetGroupName("orders-admin").loadBalancer(alb.ref()).port(9090)
        .hostHeaders(List.of("admin.orders.example.com")).healthCheckPath("/health").build());
    ServiceRouting legacyRoute = alb.addServiceRouting("Legacy", ServiceRoutingProps.builder()
        .targetGroupName("orders-legacy").loadBalancer(alb.ref()).port(8082)
        .pathPatterns(List.of("/legacy/*")).build());

    this.orders = new Ec2Service(this, "Orders", Ec2ServiceProps.builder()
        .serviceName("orders").cluster(cluster.ref()).awsRegion(REGION)
        .containers(List.of(ContainerDefinition.builder()
            .name("orders")
            .image(repository.getRepositoryUrl() + ":2.4.0")
            .memoryReservationMiB(512)
            .portMapping(PortMapping.dynamic(8080))
            .portMapping(PortMapping.dynamic(9090))
            .environment("JAVA_OPTS", "-Xmx384m")
            .secret("DB_PASSWORD",
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orders/db-password-Ab12Cd")
            .healthCheck(HealthCheck.shell("curl -fs http://localhost:8080/orders/health || exit 1"))
            .build()))
        .minCapacity(2).maxCapacity(6)
        .build());
    orders.attachTo(api, "orders", 8080);
    orders.attachTo(admin, "orders", 9090);
    orders.addToTaskRolePolicy(PolicyStatement.allow(List.of("sqs:SendMessage"),
        List.of("arn:aws:sqs:eu-central-1:123456789012:orders-events")));

    this.legacy = new Ec2Service(this, "Legacy", Ec2ServiceProps.builder()
        .serviceName("orders-legacy").cluster(cluster.ref()).awsRegion(REGION)
        .containers(List.of(ContainerDefinition.builder()
            .name("legacy")
            .image(repository.getRepositoryUrl() + ":legacy-1.0")
            .memoryMiB(256)
            .portMapping(PortMapping.fixed(8082, 8082))
            .build()))
        .build());
    legacy.attachTo(legacyRoute, "legacy", 8082);

    repository.grantPull(orders.getExecutionRole());
    repository.grantPull(legacy.getExecutionRole());

    PolicyCheck.addTo(this, PolicyCheckProps.builder().build());
  }

  /** The service behind two target groups. */
  Ec2Service orders() {
    return orders;
  }

  /** The service with a fixed host port. */
  Ec2Service legacy() {
    return legacy;
  }
}
