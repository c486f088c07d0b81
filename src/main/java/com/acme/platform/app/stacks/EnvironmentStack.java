package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.EnvironmentConfig.ClusterConfig;
import com.acme.platform.app.config.EnvironmentConfig.LoadBalancerConfig;
import com.acme.platform.app.config.EnvironmentConfig.RoutingConfig;
import com.acme.platform.app.config.EnvironmentConfig.ServiceConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.config.TaskDefinitionFile;
import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecs.Ec2Cluster;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.network.NatGateways;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.network.PlatformVpcProps;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * Everything one environment runs, in one self-contained stack: network, clusters, load balancers and services.
 *
 * <p>One stack per environment keeps every value it needs inside its own state, so it plans offline without
 * remote-state reads (DESIGN.md section 4). Images come from the shared registry by computed URL.
 */
public final class EnvironmentStack extends PlatformStack {
  /** Host ports Docker assigns to bridge-mode containers with {@code hostPort} 0 (the ECS-optimized AMI's range). */
  static final int EPHEMERAL_PORT_FROM = 32768;
  static final int EPHEMERAL_PORT_TO = 65535;

  private final Map<String, Ec2Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, PlatformLoadBalancer> loadBalancers = new LinkedHashMap<>();
  private final Map<String, Ec2Service> services = new LinkedHashMap<>();

  /**
   * Builds the environment's stack.
   *
   * @param scope the app
   * @param stackName the stack name
   * @param env the environment
   * @param config the whole configuration (for task definitions and the registry)
   * @param errors where props problems are recorded
   */
  public EnvironmentStack(Construct scope, String stackName, EnvironmentConfig env, PlatformConfig config,
      ErrorSink errors) {
    super(scope, stackName, env.region(), env.accountId(), defaultTags(env));
    String file = PlatformConfig.fileOf(env);

    PlatformVpc vpc = errors.attempt(file, "network", () -> new PlatformVpc(this, "Network",
        PlatformVpcProps.builder()
            .name(env.name())
            .cidrBlock(env.network().cidr())
            .availabilityZones(env.network().availabilityZones())
            .natGateways(natGateways(env.network().natGateways()))
            .build()));
    if (vpc == null) {
      return;
    }
    for (int i = 0; i < env.clusters().size(); i++) {
      ClusterConfig c = env.clusters().get(i);
      Ec2Cluster cluster = errors.attempt(file, "clusters[" + i + "]", () -> new Ec2Cluster(this,
          "Cluster" + Names.pascal(c.name()),
          Ec2ClusterProps.builder()
              .clusterName(Names.scoped(env.name(), c.name()))
              .vpc(vpc.ref())
              .instanceType(c.instanceType())
              .minSize(c.minSize())
              .maxSize(c.maxSize())
              .rootVolumeGiB(c.rootVolumeGiB())
              .build()));
      if (cluster != null) {
        clusters.put(c.name(), cluster);
      }
    }
    for (int i = 0; i < env.loadBalancers().size(); i++) {
      LoadBalancerConfig lb = env.loadBalancers().get(i);
      PlatformLoadBalancer alb = errors.attempt(file, "loadBalancers[" + i + "]", () -> new PlatformLoadBalancer(
          this, "LoadBalancer" + Names.pascal(lb.name()),
          PlatformLoadBalancerProps.builder()
              .name(Names.scoped(env.name(), lb.name()))
              .vpc(vpc.ref())
              .internal(lb.internal())
              .certificateArn(lb.certificateArn())
              .deletionProtection(lb.deletionProtection())
              .idleTimeoutSeconds(lb.idleTimeoutSeconds())
              .build()));
      if (alb != null) {
        loadBalancers.put(lb.name(), alb);
      }
    }
    Set<String> admitted = new HashSet<>();
    for (int i = 0; i < env.services().size(); i++) {
      addService(env, config, file, "services[" + i + "]", env.services().get(i), admitted, errors);
    }
  }

  private void addService(EnvironmentConfig env, PlatformConfig config, String file, String at, ServiceConfig s,
      Set<String> admitted, ErrorSink errors) {
    Ec2Cluster cluster = clusters.get(s.cluster());
    if (cluster == null) {
      return;
    }
    TaskDefinitionFile task = config.taskDefinitions().get(s.taskDefinition() != null ? s.taskDefinition()
        : s.name());
    RoutingConfig r = s.routing();
    PlatformLoadBalancer alb = r == null ? null : loadBalancers.get(r.loadBalancer());
    if (r != null && alb == null) {
      return;
    }
    String awsName = Names.scoped(env.name(), s.name());
    ServiceRouting routing = null;
    if (r != null) {
      routing = errors.attempt(file, at + ".routing", () -> alb.addServiceRouting(Names.pascal(s.name()),
          ServiceRoutingProps.builder()
              .targetGroupName(awsName)
              .loadBalancer(alb.ref())
              .port(r.containerPort())
              .priority(r.priority())
              .hostHeaders(r.hostHeaders())
              .pathPatterns(r.pathPatterns())
              .healthCheckPath(r.healthCheckPath())
              .build()));
      if (routing == null) {
        return;
      }
      if (admitted.add(s.cluster() + "/" + r.loadBalancer())) {
        cluster.allowIngressFrom("From" + Names.pascal(r.loadBalancer()), alb.ref().securityGroupId(),
            EPHEMERAL_PORT_FROM, EPHEMERAL_PORT_TO);
      }
    }
    boolean pipelineOwned = ConfigLoader.PIPELINE_OWNED_TAG.equals(s.imageTag());
    // A pipeline-owned image starts from the tag "latest"; afterwards Terraform ignores the task definition.
    String image = ServiceRepository.repositoryUrl(env.registry().accountId(), env.registry().region(), s.name())
        + ":" + (pipelineOwned ? "latest" : s.imageTag());
    String containers = task.withImage(task.mainContainerIndex(s.name()), image);
    ServiceRouting target = routing;
    Ec2Service service = errors.attempt(file, at, () -> {
      Ec2ServiceProps.Builder props = Ec2ServiceProps.builder()
          .serviceName(awsName)
          .cluster(cluster.ref())
          .awsRegion(env.region())
          .containerDefinitions(containers)
          .cpu(s.cpu())
          .memoryMiB(s.memoryMiB())
          .desiredCount(s.desiredCount())
          .minCapacity(s.minCapacity())
          .maxCapacity(s.maxCapacity())
          .targetCpuPercent(s.targetCpuPercent())
          .taskDefinitionManagedExternally(pipelineOwned);
      if (target != null) {
        props.targetGroupArn(target.getTargetGroupArn())
            .containerName(r.container() != null ? r.container() : s.name())
            .containerPort(r.containerPort());
      }
      return new Ec2Service(this, "Service" + Names.pascal(s.name()), props.build());
    });
    if (service != null) {
      services.put(s.name(), service);
    }
  }

  private static NatGateways natGateways(String value) {
    if (value == null) {
      return null;
    }
    for (NatGateways mode : NatGateways.values()) {
      if (mode.name().equals(value)) {
        return mode;
      }
    }
    throw new com.acme.platform.constructs.core.InvalidPropsException("PlatformVpcProps", List.of(
        new com.acme.platform.constructs.core.Problem("natGateways", "must be one of "
            + List.of(NatGateways.values()) + ", got \"" + value + "\"")));
  }

  private static Map<String, String> defaultTags(EnvironmentConfig env) {
    Map<String, String> tags = new LinkedHashMap<>(env.tags());
    tags.put("environment", env.name());
    return tags;
  }

  /** The clusters by configuration name. */
  public Map<String, Ec2Cluster> getClusters() {
    return Map.copyOf(clusters);
  }

  /** The load balancers by configuration name. */
  public Map<String, PlatformLoadBalancer> getLoadBalancers() {
    return Map.copyOf(loadBalancers);
  }

  /** The services by configuration name. */
  public Map<String, Ec2Service> getServices() {
    return Map.copyOf(services);
  }
}
