package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.EnvironmentConfig.ClusterConfig;
import com.acme.platform.app.config.EnvironmentConfig.LoadBalancerConfig;
import com.acme.platform.app.config.EnvironmentConfig.RoutingConfig;
import com.acme.platform.app.config.EnvironmentConfig.ServiceConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.config.TaskDefinitionFile;
import com.acme.platform.app.config.EnvironmentConfig.ServiceAlarmsConfig;
import com.acme.platform.constructs.alb.AliasRecordsProps;
import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.monitoring.AlarmTopicProps;
import com.acme.platform.constructs.monitoring.ServiceAlarmsProps;
import java.util.List;
import com.acme.platform.constructs.alb.LoadBalancerRef;
import com.acme.platform.constructs.alb.PlatformLoadBalancerProps;
import com.acme.platform.constructs.alb.ServiceRoutingProps;
import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecs.ClusterRef;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.ContainerDefinitions;
import com.acme.platform.constructs.ecs.Ec2ServiceProps;
import com.acme.platform.constructs.ecs.PersistentVolumeProps;
import com.acme.platform.constructs.ecs.PortMapping;
import com.acme.platform.constructs.network.NatGateways;
import com.acme.platform.constructs.network.PlatformVpcProps;
import com.acme.platform.constructs.network.VpcRef;
import com.acme.platform.constructs.kms.EnvironmentKeyProps;
import com.acme.platform.constructs.s3.AccessLogBucketProps;
import java.util.List;

/**
 * How one environment's configuration becomes construct props, and where each props field came from.
 *
 * <p>The stack ({@link EnvironmentStack}) builds each props object here, once, with the references of the real
 * constructs; the origins map a props problem back to the file and field the user wrote. Every method expects the
 * entries the loader accepted.
 */
final class EnvironmentProps {
  /** Cluster fields the file and {@link Ec2ClusterProps} name alike. */
  private static final List<String> CLUSTER_FIELDS = List.of("instanceType", "instanceTypes",
      "onDemandBaseCapacity", "onDemandPercentageAboveBase", "minSize", "maxSize", "rootVolumeGiB",
      "maxInstanceLifetimeDays", "instanceRefresh", "instanceRefreshMinHealthyPercent", "instanceRefreshSkipMatching",
      "instanceRefreshCheckpointPercentages", "instanceRefreshCheckpointDelaySeconds", "managedDraining");

  private final EnvironmentConfig env;
  private final PlatformConfig config;
  private final String file;

  EnvironmentProps(EnvironmentConfig env, PlatformConfig config) {
    this.env = env;
    this.config = config;
    this.file = PlatformConfig.fileOf(env);
  }

  /** The environment's file, relative to the repository root. */
  String file() {
    return file;
  }

  /** The AWS name of a per-environment resource: {@code <environment>-<name>}. */
  String awsName(String name) {
    return Names.scoped(env.name(), name);
  }

  PropsOrigin vpcOrigin() {
    return PropsOrigin.of(file, "network").field("name", "name").field("cidrBlock", "network.cidr")
        .field("availabilityZones", "network.availabilityZones").field("natGateways", "network.natGateways")
        .field("flowLogs", "network.flowLogs").field("flowLogRetentionDays", "network.flowLogRetentionDays");
  }

  PlatformVpcProps vpc() {
    String nat = env.network().natGateways();
    return PlatformVpcProps.builder()
        .name(env.name())
        .cidrBlock(env.network().cidr())
        .availabilityZones(env.network().availabilityZones())
        .natGateways(nat == null ? null : NatGateways.valueOf(nat))
        .flowLogs(env.network().flowLogs())
        .flowLogRetentionDays(env.network().flowLogRetentionDays())
        .build();
  }

  PropsOrigin clusterOrigin(int index) {
    String at = "clusters[" + index + "]";
    PropsOrigin origin = PropsOrigin.of(file, at).field("clusterName", at + ".name").field("awsRegion", "region")
        .field("teardown", "teardown");
    // The other props fields are named like the file's fields.
    for (String field : CLUSTER_FIELDS) {
      origin.field(field, at + "." + field);
    }
    return origin;
  }

  Ec2ClusterProps cluster(ClusterConfig c, VpcRef vpc) {
    return Ec2ClusterProps.builder()
        .clusterName(awsName(c.name()))
        .awsRegion(env.region())
        .vpc(vpc)
        .instanceType(c.instanceType())
        .minSize(c.minSize())
        .maxSize(c.maxSize())
        .rootVolumeGiB(c.rootVolumeGiB())
        .instanceTypes(c.instanceTypes())
        .onDemandBaseCapacity(c.onDemandBaseCapacity())
        .onDemandPercentageAboveBase(c.onDemandPercentageAboveBase())
        .maxInstanceLifetimeDays(c.maxInstanceLifetimeDays())
        .instanceRefresh(c.instanceRefresh())
        .instanceRefreshMinHealthyPercent(c.instanceRefreshMinHealthyPercent())
        .instanceRefreshSkipMatching(c.instanceRefreshSkipMatching())
        .instanceRefreshCheckpointPercentages(c.instanceRefreshCheckpointPercentages())
        .instanceRefreshCheckpointDelaySeconds(c.instanceRefreshCheckpointDelaySeconds())
        .managedDraining(c.managedDraining())
        .teardown(env.tearingDown())
        .build();
  }

  PropsOrigin loadBalancerOrigin(int index) {
    String at = "loadBalancers[" + index + "]";
    return PropsOrigin.of(file, at).field("name", at + ".name").field("internal", at + ".internal")
        .field("certificateArn", at + ".certificateArn").field("deletionProtection", at + ".deletionProtection")
        .field("idleTimeoutSeconds", at + ".idleTimeoutSeconds").field("accessLogs", at + ".accessLogs")
        .field("desyncMitigationMode", at + ".desyncMitigationMode");
  }

  PlatformLoadBalancerProps loadBalancer(LoadBalancerConfig lb, VpcRef vpc) {
    return PlatformLoadBalancerProps.builder()
        .name(awsName(lb.name()))
        .vpc(vpc)
        .internal(lb.internal())
        .certificateArn(lb.certificateArn())
        // Teardown must be able to delete the load balancer; the file's setting returns with the switch.
        .deletionProtection(env.tearingDown() ? Boolean.FALSE : lb.deletionProtection())
        .idleTimeoutSeconds(lb.idleTimeoutSeconds())
        .accessLogs(lb.accessLogs())
        .desyncMitigationMode(lb.desyncMitigationMode())
        .build();
  }

  /** Routing problems, clashes with other services' rules included, belong to the service's routing. */
  PropsOrigin routingOrigin(int index) {
    String at = "services[" + index + "]";
    String routing = at + ".routing";
    return PropsOrigin.of(file, routing).field("targetGroupName", at + ".name")
        .field("port", routing + ".containerPort").field("priority", routing + ".priority")
        .field("hostHeaders", routing + ".hostHeaders").field("pathPatterns", routing + ".pathPatterns")
        .field("healthCheckPath", routing + ".healthCheckPath").field("listenerRules", routing);
  }

  ServiceRoutingProps routing(ServiceConfig s, LoadBalancerRef alb) {
    RoutingConfig r = s.routing();
    return ServiceRoutingProps.builder()
        .targetGroupName(awsName(s.name()))
        .loadBalancer(alb)
        .port(r.containerPort())
        .priority(r.priority())
        .hostHeaders(r.hostHeaders())
        .pathPatterns(r.pathPatterns())
        .healthCheckPath(r.healthCheckPath())
        .build();
  }

  /** The task definition file of a service (the loader made sure it exists). */
  TaskDefinitionFile taskDefinition(ServiceConfig s) {
    return config.taskDefinitions().get(s.taskDefinition() != null ? s.taskDefinition() : s.name());
  }

  PropsOrigin serviceOrigin(int index, ServiceConfig s) {
    String at = "services[" + index + "]";
    return PropsOrigin.of(file, at).field("serviceName", at + ".name").field("awsRegion", "region")
        .field("containers", taskDefinition(s).file(), "")
        .field("cpu", at + ".cpu").field("memoryMiB", at + ".memoryMiB")
        .field("desiredCount", at + ".desiredCount").field("minCapacity", at + ".minCapacity")
        .field("maxCapacity", at + ".maxCapacity").field("targetCpuPercent", at + ".targetCpuPercent")
        .field("targetMemoryPercent", at + ".targetMemoryPercent")
        .field("scaleOnRequestsPerTarget", at + ".routing.targetRequestsPerTarget")
        .field("secrets", at + ".secrets").field("environment", at + ".secrets")
        .field("attachTo.containerName", at + ".routing.container")
        .field("attachTo.containerPort", at + ".routing.containerPort").field("attachTo", at + ".routing")
        .field("scratchVolumes", at + ".scratchVolumes");
  }

  /** Where the alias records of a service's routing came from. */
  PropsOrigin dnsOrigin(int index) {
    String at = "services[" + index + "].routing";
    return PropsOrigin.of(file, at).field("hostedZoneId", "hostedZoneId")
        .field("recordNames", at + ".dnsNames").field("aliasRecords.recordNames", at + ".dnsNames");
  }

  AliasRecordsProps aliasRecords(ServiceConfig s) {
    return AliasRecordsProps.builder().hostedZoneId(env.hostedZoneId()).recordNames(s.routing().dnsNames()).build();
  }

  /** The environment's key and access log bucket are named from the environment; nothing in the file sets them. */
  PropsOrigin environmentResourcesOrigin() {
    return PropsOrigin.of(file, "name").field("aliasName", "name").field("bucketName", "name")
        .field("awsRegion", "region").field("accountId", "accountId");
  }

  EnvironmentKeyProps environmentKey() {
    return EnvironmentKeyProps.of(awsName("platform"), env.region(), env.accountId());
  }

  AccessLogBucketProps accessLogBucket() {
    return AccessLogBucketProps.builder()
        .bucketName(awsName("lb-access-logs-" + env.accountId()))
        .awsRegion(env.region())
        .accountId(env.accountId())
        // Teardown must be able to delete the bucket with the logs in it.
        .forceDestroy(env.tearingDown())
        .build();
  }

  PropsOrigin alarmTopicOrigin() {
    return PropsOrigin.of(file, "alarms").field("topicName", "name").field("subscriptions", "alarms.subscriptions");
  }

  AlarmTopicProps alarmTopic() {
    return AlarmTopicProps.builder().topicName(awsName("alarms"))
        .subscriptions(env.alarms() == null ? null : env.alarms().subscriptions()).build();
  }

  PropsOrigin serviceAlarmsOrigin(int index) {
    String at = "services[" + index + "].alarms";
    PropsOrigin origin = PropsOrigin.of(file, at);
    for (String field : List.of("cpuPercent", "memoryPercent", "loadBalancer5xxCount", "target5xxCount",
        "loadBalancer4xxCount")) {
      origin.field(field, at + "." + field);
    }
    return origin;
  }

  ServiceAlarmsProps serviceAlarms(ServiceConfig s, Ec2Service service, String clusterName, String topicArn,
      PlatformLoadBalancer alb, ServiceRouting routing) {
    ServiceAlarmsConfig a = s.alarms() != null ? s.alarms() : new ServiceAlarmsConfig(null, null, null, null, null);
    return ServiceAlarmsProps.builder().service(service).clusterName(clusterName).topicArn(topicArn)
        .loadBalancer(alb).routing(routing).cpuPercent(a.cpuPercent()).memoryPercent(a.memoryPercent())
        .loadBalancer5xxCount(a.loadBalancer5xxCount()).target5xxCount(a.target5xxCount())
        .loadBalancer4xxCount(a.loadBalancer4xxCount()).build();
  }

  /** A task role statement of a service: its problems belong to that entry of the file. */
  PropsOrigin statementOrigin(int service, int statement) {
    String at = "services[" + service + "].taskRoleStatements[" + statement + "]";
    return PropsOrigin.of(file, at).field("actions", at + ".actions").field("resources", at + ".resources");
  }

  /**
   * The service's props.
   *
   * @param s the service
   * @param cluster its cluster
   * @return the props
   */
  Ec2ServiceProps service(ServiceConfig s, ClusterRef cluster) {
    TaskDefinitionFile task = taskDefinition(s);
    int main = task.mainContainerIndex(s.name());
    boolean pipelineOwned = ConfigLoader.PIPELINE_OWNED_TAG.equals(s.imageTag());
    // A pipeline-owned image starts from the tag "latest"; afterwards Terraform ignores the task definition.
    String image = ServiceRepository.repositoryUrl(env.registry().accountId(), env.registry().region(), s.name())
        + ":" + (pipelineOwned ? "latest" : s.imageTag());
    return Ec2ServiceProps.builder()
        .serviceName(awsName(s.name()))
        .cluster(cluster)
        .awsRegion(env.region())
        .containers(task.withImageAndSecrets(main, image, s.secrets()))
        .cpu(s.cpu())
        .memoryMiB(s.memoryMiB())
        .desiredCount(s.desiredCount())
        .minCapacity(s.minCapacity())
        .maxCapacity(s.maxCapacity())
        .targetCpuPercent(s.targetCpuPercent())
        .targetMemoryPercent(s.targetMemoryPercent())
        .taskDefinitionManagedExternally(pipelineOwned)
        .scratchVolumes(s.scratchVolumes())
        .build();
  }

  /** Where a service's volume came from, for the cluster's {@code addPersistentVolume}. */
  PropsOrigin volumeOrigin(int index) {
    String at = "services[" + index + "].volume";
    return PropsOrigin.of(file, at).field("volumeName", at + ".name").field("availabilityZone", at
        + ".availabilityZone").field("subnetId", at + ".availabilityZone").field("sizeGiB", at + ".sizeGiB")
        .field("addPersistentVolume.volumeName", at + ".name")
        .field("addPersistentVolume.availabilityZone", at + ".availabilityZone").field("addPersistentVolume", at);
  }

  /**
   * A service's persistent volume.
   *
   * @param s a service with a volume
   * @param privateSubnetIds the VPC's private subnets, in the order of {@code network.availabilityZones}
   * @return the props, with the private subnet of the volume's zone (the loader made sure it has one)
   */
  PersistentVolumeProps volume(ServiceConfig s, List<String> privateSubnetIds) {
    String zone = s.volume().availabilityZone();
    int index = env.network().availabilityZones().indexOf(zone);
    return PersistentVolumeProps.builder().volumeName(s.volume().name()).availabilityZone(zone)
        .subnetId(index >= 0 ? privateSubnetIds.get(index) : null)
        .sizeGiB(s.volume().sizeGiB()).build();
  }

  /** Where the mount of a service's volume came from: the volume entry, and the counts that must stay at one. */
  PropsOrigin mountOrigin(int index) {
    String at = "services[" + index + "]";
    return PropsOrigin.of(file, at + ".volume").field("desiredCount", at + ".desiredCount")
        .field("maxCapacity", at + ".maxCapacity").field("mountPersistentVolume.volume", at + ".volume")
        .field("mountPersistentVolume.containerName", at + ".volume.container")
        .field("mountPersistentVolume.containerPath", at + ".volume.containerPath");
  }

  /**
   * The container that mounts a service's volume: the one named in the volume, else the one that runs the
   * service's image.
   *
   * @param s a service with a volume
   * @return the container name
   */
  String volumeContainer(ServiceConfig s) {
    TaskDefinitionFile task = taskDefinition(s);
    return s.volume().container() != null ? s.volume().container()
        : task.containerNames().get(task.mainContainerIndex(s.name()));
  }

  /** Whether the routed container port is published on a dynamic host port (no fixed {@code hostPort}). */
  boolean routedPortIsDynamic(ServiceConfig s) {
    ContainerDefinition container = ContainerDefinitions.named(taskDefinition(s).containers(), routedContainer(s));
    PortMapping mapping = container == null ? null : container.portMapping(s.routing().containerPort());
    return mapping != null && mapping.dynamicHostPort();
  }

  /**
   * The container that receives a service's load balancer traffic: the one named in the routing, else the one
   * that runs the service's image.
   *
   * @param s a service with routing
   * @return the container name
   */
  String routedContainer(ServiceConfig s) {
    TaskDefinitionFile task = taskDefinition(s);
    return s.routing().container() != null ? s.routing().container()
        : task.containerNames().get(task.mainContainerIndex(s.name()));
  }
}
