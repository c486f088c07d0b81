package com.acme.platform.app.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One environment, as written in {@code environments/<name>.json}. Plain data: {@link ConfigLoader} checks it and
 * reports every problem with the file and field path.
 *
 * <p>Fields that pass straight to a construct's props link to that prop, which is the one place their meaning,
 * limits and default are documented; only what the app itself decides (names, references between entries, image
 * tags) is described here.
 *
 * @param name the environment name; must equal the file name
 * @param accountId the 12-digit AWS account the environment runs in
 * @param region the AWS region, for example {@code eu-west-1}
 * @param stateBucket the S3 bucket holding this environment's Terraform state (created by backend-bootstrap)
 * @param tags tags added to every resource (through the provider's default tags); {@code environment} is always added
 * @param registry where the shared ECR registry lives; every environment file must name the same one
 * @param network the VPC
 * @param clusters the ECS clusters
 * @param loadBalancers the application load balancers
 * @param services the ECS services
 * @param hostedZoneId the Route 53 hosted zone that {@code services[].routing.dnsNames} are created in
 *     ({@link com.acme.platform.constructs.alb.AliasRecordsProps#hostedZoneId()}); required only with dnsNames
 * @param alarms who hears of the environment's alarms (topic {@code <name>-alarms}); by default the topic exists
 *     without subscribers
 * @param teardown whether the environment is being prepared for {@code terraform destroy} (see the README's teardown
 *     runbook): every cluster gets {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#teardown()} and every
 *     load balancer loses its deletion protection, whatever its {@code deletionProtection} says; default
 *     {@code false}
 * @param policy the policy check's waivers for this environment's stack and for the shared registry stack; none by
 *     default
 */
public record EnvironmentConfig(
    String name,
    String accountId,
    String region,
    String stateBucket,
    Map<String, String> tags,
    RegistryConfig registry,
    NetworkConfig network,
    List<ClusterConfig> clusters,
    List<LoadBalancerConfig> loadBalancers,
    List<ServiceConfig> services,
    String hostedZoneId,
    AlarmsConfig alarms,
    Boolean teardown,
    PolicyConfig policy) {

  /** Replaces missing collections with empty ones so that checks can iterate. */
  public EnvironmentConfig {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
    services = services == null ? List.of() : List.copyOf(services);
    policy = policy == null ? new PolicyConfig(null, null) : policy;
  }

  /**
   * Whether the environment is being torn down.
   *
   * @return {@code teardown}, {@code false} when not set
   */
  public boolean tearingDown() {
    return Boolean.TRUE.equals(teardown);
  }

  /**
   * The shared image registry.
   *
   * @param accountId the account that owns the ECR repositories
   * @param region the registry's region
   * @param stateBucket the bucket that holds the registry's state
   * @param layout how the registry's state is split: {@value #SINGLE} (default), one stack {@code registry} for every
   *     repository at {@code shared/registry/terraform.tfstate}; or {@value #PER_SERVICE}, one stack
   *     {@code registry-<service>} per repository at {@code ecs/ecr-repositories/<service>/terraform.tfstate}
   * @param kmsKeyArn {@link com.acme.platform.constructs.ecr.ServiceRepositoryProps#kmsKeyArn()} of every
   *     repository; AES256 when left out. Set it when the registry is created: ECR cannot change a repository's
   *     encryption, so Terraform would replace the repository and its images
   */
  public record RegistryConfig(String accountId, String region, String stateBucket, String layout,
      String kmsKeyArn) {
    /** One registry stack for every repository. */
    public static final String SINGLE = "single";
    /** One registry stack per service repository. */
    public static final String PER_SERVICE = "perService";
    /** The values {@code layout} accepts. */
    public static final List<String> LAYOUTS = List.of(SINGLE, PER_SERVICE);

    /**
     * The layout, with the default applied.
     *
     * @return {@code layout}, or {@value #SINGLE} when it is not set
     */
    public String effectiveLayout() {
      return layout == null ? SINGLE : layout;
    }

    /**
     * Whether every repository has a stack and a state of its own.
     *
     * @return {@code true} for {@value #PER_SERVICE}
     */
    public boolean perService() {
      return PER_SERVICE.equals(layout);
    }

    /**
     * The same registry with the default layout written out, so that a file that leaves the layout out and one
     * that names the default compare equal.
     *
     * @return the registry with {@link #effectiveLayout()} as its layout
     */
    public RegistryConfig withEffectiveLayout() {
      return new RegistryConfig(accountId, region, stateBucket, effectiveLayout(), kmsKeyArn);
    }
  }

  /**
   * The VPC.
   *
   * @param cidr {@link com.acme.platform.constructs.network.PlatformVpcProps#cidrBlock()}
   * @param availabilityZones {@link com.acme.platform.constructs.network.PlatformVpcProps#availabilityZones()}
   * @param natGateways the name of a {@link com.acme.platform.constructs.network.NatGateways} value:
   *     {@link com.acme.platform.constructs.network.PlatformVpcProps#natGateways()}
   * @param flowLogs {@link com.acme.platform.constructs.network.PlatformVpcProps#flowLogs()}
   * @param flowLogRetentionDays {@link com.acme.platform.constructs.network.PlatformVpcProps#flowLogRetentionDays()}
   */
  public record NetworkConfig(String cidr, List<String> availabilityZones, String natGateways, Boolean flowLogs,
      Integer flowLogRetentionDays) {}

  /**
   * An ECS cluster on EC2 instances.
   *
   * @param name the cluster's short name; the AWS name is {@code <environment>-<name>}
   * @param instanceType {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceType()}
   * @param instanceTypes {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceTypes()}
   * @param onDemandBaseCapacity {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#onDemandBaseCapacity()}
   * @param onDemandPercentageAboveBase
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#onDemandPercentageAboveBase()}
   * @param minSize {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#minSize()}
   * @param maxSize {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#maxSize()}
   * @param rootVolumeGiB {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#rootVolumeGiB()}
   * @param maxInstanceLifetimeDays
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#maxInstanceLifetimeDays()}
   * @param instanceRefresh {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceRefresh()}
   * @param instanceRefreshMinHealthyPercent
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceRefreshMinHealthyPercent()}
   * @param instanceRefreshSkipMatching
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceRefreshSkipMatching()}
   * @param instanceRefreshCheckpointPercentages
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceRefreshCheckpointPercentages()}
   * @param instanceRefreshCheckpointDelaySeconds
   *     {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#instanceRefreshCheckpointDelaySeconds()}
   * @param managedDraining {@link com.acme.platform.constructs.ecs.Ec2ClusterProps#managedDraining()}
   */
  public record ClusterConfig(String name, String instanceType, List<String> instanceTypes,
      Integer onDemandBaseCapacity, Integer onDemandPercentageAboveBase, Integer minSize, Integer maxSize,
      Integer rootVolumeGiB, Integer maxInstanceLifetimeDays, Boolean instanceRefresh,
      Integer instanceRefreshMinHealthyPercent, Boolean instanceRefreshSkipMatching,
      List<Integer> instanceRefreshCheckpointPercentages, Integer instanceRefreshCheckpointDelaySeconds,
      Boolean managedDraining) {}

  /**
   * An application load balancer.
   *
   * @param name the short name; the AWS name is {@code <environment>-<name>}
   * @param certificateArn {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#certificateArn()}
   * @param deletionProtection {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#deletionProtection()}
   * @param idleTimeoutSeconds {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#idleTimeoutSeconds()}
   * @param internal {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#internal()}
   * @param accessLogs {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#accessLogs()}: to the
   *     environment's access log bucket {@code <environment>-lb-access-logs-<accountId>}
   * @param desyncMitigationMode
   *     {@link com.acme.platform.constructs.alb.PlatformLoadBalancerProps#desyncMitigationMode()}
   */
  public record LoadBalancerConfig(String name, String certificateArn, Boolean deletionProtection,
      Integer idleTimeoutSeconds, Boolean internal, Boolean accessLogs, String desyncMitigationMode) {}

  /**
   * An ECS service.
   *
   * @param name the service name; also the ECR repository name and the default task definition file name
   * @param cluster the name of a cluster in {@code clusters}
   * @param imageTag the image tag to run, or {@code -} when a deploy pipeline owns the image
   * @param taskDefinition the task definition file name without {@code .json}; default the service name
   * @param cpu {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#cpu()}
   * @param memoryMiB {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#memoryMiB()}
   * @param desiredCount {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#desiredCount()}
   * @param minCapacity {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#minCapacity()}
   * @param maxCapacity {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#maxCapacity()}
   * @param targetCpuPercent {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#targetCpuPercent()}
   * @param routing how the load balancer reaches the service; none for workers
   * @param taskRoleStatements what the application in the containers may call, added to the task role's inline
   *     policy ({@link com.acme.platform.constructs.ecs.Ec2Service#addToTaskRolePolicy}); none by default
   * @param secrets environment variables of the service's own container read from Secrets Manager or SSM Parameter
   *     Store at task start, variable name to ARN
   *     ({@link com.acme.platform.constructs.ecs.ContainerDefinition#secrets()}); the execution role may read
   *     exactly these (and the task definition's own); none by default
   * @param targetMemoryPercent {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#targetMemoryPercent()}
   * @param alarms alarm thresholds of this service; the library's defaults when left out
   * @param volume a persistent EBS volume the service keeps its data on across task and instance replacement
   *     ({@link com.acme.platform.constructs.ecs.Ec2Cluster#addPersistentVolume} on the service's cluster,
   *     {@link com.acme.platform.constructs.ecs.Ec2Service#mountPersistentVolume}); none by default
   * @param scratchVolumes {@link com.acme.platform.constructs.ecs.Ec2ServiceProps#scratchVolumes()}: writable
   *     task volumes that the task definition's containers mount with {@code mountPoints}; none by default
   */
  public record ServiceConfig(String name, String cluster, String imageTag, String taskDefinition, Integer cpu,
      Integer memoryMiB, Integer desiredCount, Integer minCapacity, Integer maxCapacity, Integer targetCpuPercent,
      RoutingConfig routing, List<StatementConfig> taskRoleStatements, Map<String, String> secrets,
      Integer targetMemoryPercent, ServiceAlarmsConfig alarms, VolumeConfig volume, List<String> scratchVolumes) {
    /** Replaces missing collections with empty ones. */
    public ServiceConfig {
      scratchVolumes = scratchVolumes == null ? List.of() : List.copyOf(scratchVolumes);
      taskRoleStatements = taskRoleStatements == null ? List.of() : List.copyOf(taskRoleStatements);
      secrets = secrets == null ? Map.of() : new TreeMap<>(secrets);
    }
  }

  /**
   * A persistent volume of a service.
   *
   * @param name {@link com.acme.platform.constructs.ecs.PersistentVolumeProps#volumeName()}, unique within the
   *     service's cluster
   * @param sizeGiB {@link com.acme.platform.constructs.ecs.PersistentVolumeProps#sizeGiB()}
   * @param availabilityZone {@link com.acme.platform.constructs.ecs.PersistentVolumeProps#availabilityZone()}; one of
   *     {@code network.availabilityZones}, whose private subnet the cluster's instances then run in
   * @param containerPath where the container sees the volume, an absolute path
   * @param container the container that mounts it; default the service's own container (named like the service)
   */
  public record VolumeConfig(String name, Integer sizeGiB, String availabilityZone, String containerPath,
      String container) {}

  /**
   * The environment's alarm topic.
   *
   * @param subscriptions {@link com.acme.platform.constructs.monitoring.AlarmTopicProps#subscriptions()}
   */
  public record AlarmsConfig(List<com.acme.platform.constructs.monitoring.AlarmSubscription> subscriptions) {}

  /**
   * A service's alarm thresholds; each one left out keeps the library's default.
   *
   * @param cpuPercent {@link com.acme.platform.constructs.monitoring.ServiceAlarmsProps#cpuPercent()}
   * @param memoryPercent {@link com.acme.platform.constructs.monitoring.ServiceAlarmsProps#memoryPercent()}
   * @param loadBalancer5xxCount
   *     {@link com.acme.platform.constructs.monitoring.ServiceAlarmsProps#loadBalancer5xxCount()}
   * @param target5xxCount {@link com.acme.platform.constructs.monitoring.ServiceAlarmsProps#target5xxCount()}
   * @param loadBalancer4xxCount
   *     {@link com.acme.platform.constructs.monitoring.ServiceAlarmsProps#loadBalancer4xxCount()}
   */
  public record ServiceAlarmsConfig(Integer cpuPercent, Integer memoryPercent, Integer loadBalancer5xxCount,
      Integer target5xxCount, Integer loadBalancer4xxCount) {}

  /**
   * One IAM statement that allows actions on resources.
   *
   * @param actions {@link com.acme.platform.constructs.core.PolicyStatement#actions()}
   * @param resources {@link com.acme.platform.constructs.core.PolicyStatement#resources()}
   */
  public record StatementConfig(List<String> actions, List<String> resources) {}

  /**
   * Routing from a load balancer to a service.
   *
   * @param loadBalancer the name of a load balancer in {@code loadBalancers}
   * @param container the container that receives traffic; default the service name
   * @param containerPort the container port that receives traffic
   * @param hostHeaders {@link com.acme.platform.constructs.alb.ServiceRoutingProps#hostHeaders()}
   * @param pathPatterns {@link com.acme.platform.constructs.alb.ServiceRoutingProps#pathPatterns()}
   * @param healthCheckPath {@link com.acme.platform.constructs.alb.ServiceRoutingProps#healthCheckPath()}
   * @param priority {@link com.acme.platform.constructs.alb.ServiceRoutingProps#priority()}
   * @param dnsNames host names pointed at the load balancer with alias records in the environment's
   *     {@code hostedZoneId}; each must be one the load balancer routes
   *     ({@link com.acme.platform.constructs.alb.PlatformLoadBalancer#addAliasRecords}); none by default
   * @param targetRequestsPerTarget requests per task and minute through this routing that autoscaling keeps
   *     ({@link com.acme.platform.constructs.ecs.Ec2Service#scaleOnRequestsPerTarget}); none by default
   */
  public record RoutingConfig(String loadBalancer, String container, Integer containerPort, List<String> hostHeaders,
      List<String> pathPatterns, String healthCheckPath, Integer priority, List<String> dnsNames,
      Integer targetRequestsPerTarget) {
    /** Replaces a missing list with an empty one. */
    public RoutingConfig {
      dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }
  }

  /**
   * Accepted violations of the policy check (see the README's policy table), each with its reason.
   *
   * @param waivers waivers for this environment's stack {@code platform-<name>}
   *     ({@link com.acme.platform.constructs.policy.Waiver}: resource address, rule id, reason)
   * @param registryWaivers waivers for the shared {@code registry} stack; the registry stack gets those of every
   *     environment file
   */
  public record PolicyConfig(List<com.acme.platform.constructs.policy.Waiver> waivers,
      List<com.acme.platform.constructs.policy.Waiver> registryWaivers) {
    /** Replaces missing lists with empty ones. */
    public PolicyConfig {
      waivers = waivers == null ? List.of() : List.copyOf(waivers);
      registryWaivers = registryWaivers == null ? List.of() : List.copyOf(registryWaivers);
    }
  }
}
