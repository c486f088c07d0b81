package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecr.ServiceRepositoryProps;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.Ec2Cluster;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.ecs.PortMapping;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.network.PlatformVpcProps;
import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.acme.platform.constructs.state.StateBucket;
import com.acme.platform.constructs.state.StateBucketProps;
import com.acme.platform.constructs.testing.Synth;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ARNs follow the region's partition everywhere the library writes one. */
class PartitionTest {
  @Test
  void ofRegion_chinaGovCloudAndTheRest() {
    assertThat(Partition.ofRegion("cn-north-1")).isEqualTo("aws-cn");
    assertThat(Partition.ofRegion("cn-northwest-1")).isEqualTo("aws-cn");
    assertThat(Partition.ofRegion("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThat(Partition.ofRegion("eu-west-1")).isEqualTo("aws");
    assertThat(Partition.managedPolicyArn("cn-north-1", "AmazonSSMManagedInstanceCore"))
        .isEqualTo("arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore");
  }

  @Test
  void stackInChina_hasNoArnOfTheAwsPartition() {
    Synth synth = Synth.app(app -> {
      TerraformStack stack = new TerraformStack(app, "china");
      String region = "cn-north-1";
      StackConventions.apply(stack, StackConventionsProps.builder().awsRegion(region).accountId("111111111111")
          .build());
      PlatformVpc vpc = new PlatformVpc(stack, "Network",
          PlatformVpcProps.of("orders", "10.40.0.0/16", List.of("cn-north-1a", "cn-north-1b")));
      Ec2Cluster cluster = new Ec2Cluster(stack, "Cluster", Ec2ClusterProps.of("orders", region, vpc.ref()));
      PlatformLoadBalancer alb = new PlatformLoadBalancer(stack, "LoadBalancer",
          PlatformLoadBalancerProps.of("orders", vpc.ref()));
      ServiceRouting routing = alb.addServiceRouting("Orders", ServiceRoutingProps.builder()
          .targetGroupName("orders").loadBalancer(alb.ref()).port(8080).pathPatterns(List.of("/*")).build());
      ServiceRepository repository = new ServiceRepository(stack, "Repository", ServiceRepositoryProps.builder()
          .repositoryName("orders").pullAccountIds(List.of("222222222222")).build());
      Ec2Service service = new Ec2Service(stack, "Orders", Ec2ServiceProps.builder()
          .serviceName("orders").cluster(cluster.ref()).awsRegion(region)
          .containers(List.of(ContainerDefinition.builder().name("orders")
              .image(repository.getRepositoryUrl() + ":1").memoryMiB(256).portMapping(PortMapping.dynamic(8080))
              .build()))
          .build());
      service.attachTo(routing, "orders", 8080);
      repository.grantPull(service.getExecutionRole());
      new StateBucket(stack, "State", StateBucketProps.of("orders-tfstate"));
      return stack;
    });
    String json = synth.json().toString();
    Matcher arns = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*").matcher(json);
    List<String> found = arns.results().map(m -> m.group()).distinct().sorted().toList();
    assertThat(found).as("ARNs written for cn-north-1").isNotEmpty()
        .allSatisfy(arn -> assertThat(arn).startsWith("arn:aws-cn:"));
    assertThat(json).doesNotContain("arn:aws:");
  }
}
