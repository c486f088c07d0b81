package com.acme.platform.app.stacks;

import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.EnvironmentConfig.ClusterConfig;
import com.acme.platform.app.config.EnvironmentConfig.LoadBalancerConfig;
import com.acme.platform.app.config.EnvironmentConfig.RoutingConfig;
import com.acme.platform.app.config.EnvironmentConfig.ServiceConfig;
import com.acme.platform.app.config.EnvironmentConfig.StatementConfig;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.constructs.alb.PlatformLoadBalancer;
import com.acme.platform.constructs.alb.ServiceRouting;
import com.acme.platform.constructs.core.PolicyStatement;
import com.acme.platform.constructs.ecs.Ec2Cluster;
import com.acme.platform.constructs.ecs.Ec2Service;
import com.acme.platform.constructs.ecs.PersistentVolume;
import com.acme.platform.constructs.monitoring.AlarmTopic;
import com.acme.platform.constructs.monitoring.ServiceAlarms;
import com.acme.platform.constructs.network.PlatformVpc;
import com.acme.platform.constructs.kms.EnvironmentKey;
import com.acme.platform.constructs.s3.AccessLogBucket;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
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
  private final Map<String, Ec2Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, PlatformLoadBalancer> loadBalancers = new LinkedHashMap<>();
  private final Map<String, Ec2Service> services = new LinkedHashMap<>();
  private AlarmTopic alarmTopic;
  private PlatformVpc vpc;
  /** Alias records to add once every service's routing exists. */
  private final List<Runnable> pendingDns = new ArrayList<>();
  /** Legacy addresses that already have their {@code moved} block (one each, however many services share it). */
  private final Set<String> movedFrom = new HashSet<>();
  /**
   * The {@code moved} blocks, written as an override: cdktf's own {@code moveFromId} adds a synth-time check that
   * runs {@code terraform version}, which would make synthesizing depend on Terraform being installed.
   */
  private final List<Map<String, String>> moved = new ArrayList<>();

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
    EnvironmentProps inputs = new EnvironmentProps(env, config);

    // First: the VPC's flow logs, the services' log groups, the alarm topic and the load balancers use them by default.
    errors.attempt(inputs.environmentResourcesOrigin(), () -> new EnvironmentKey(this, "Key",
        inputs.environmentKey()));
    errors.attempt(inputs.environmentResourcesOrigin(), () -> new AccessLogBucket(this, "AccessLogs",
        inputs.accessLogBucket()));
    this.vpc = errors.attempt(inputs.vpcOrigin(), () -> new PlatformVpc(this, "Network", inputs.vpc()));
    if (vpc == null) {
      return;
    }
    for (int i = 0; i < env.clusters().size(); i++) {
      ClusterConfig c = env.clusters().get(i);
      Ec2Cluster cluster = errors.attempt(inputs.clusterOrigin(i), () -> new Ec2Cluster(this,
          "Cluster" + Names.pascal(c.name()), inputs.cluster(c, vpc.ref())));
      if (cluster != null) {
        clusters.put(c.name(), cluster);
      }
    }
    for (int i = 0; i < env.loadBalancers().size(); i++) {
      LoadBalancerConfig lb = env.loadBalancers().get(i);
      PlatformLoadBalancer alb = errors.attempt(inputs.loadBalancerOrigin(i), () -> new PlatformLoadBalancer(
          this, "LoadBalancer" + Names.pascal(lb.name()), inputs.loadBalancer(lb, vpc.ref())));
      if (alb != null) {
        loadBalancers.put(lb.name(), alb);
      }
    }
    // One encrypted topic per environment that every alarm of the environment notifies.
    this.alarmTopic = errors.attempt(inputs.alarmTopicOrigin(), () -> new AlarmTopic(this, "Alarms",
        inputs.alarmTopic()));
    for (int i = 0; i < env.services().size(); i++) {
      addService(inputs, i, env.services().get(i), errors);
    }
    pendingDns.forEach(Runnable::run);
    if (!moved.isEmpty()) {
      addOverride("moved", moved);
    }
    addOutputs();
  }

  private void addService(EnvironmentProps inputs, int index, ServiceConfig s, ErrorSink errors) {
    Ec2Cluster cluster = clusters.get(s.cluster());
    if (cluster == null) {
      return;
    }
    RoutingConfig r = s.routing();
    PlatformLoadBalancer alb = r == null ? null : loadBalancers.get(r.loadBalancer());
    if (r != null && alb == null) {
      return;
    }
    ServiceRouting routing = null;
    if (r != null) {
      routing = errors.attempt(inputs.routingOrigin(index), () -> alb.addServiceRouting(Names.pascal(s.name()),
          inputs.routing(s, alb.ref())));
      if (routing == null) {
        return;
      }
    }
    Ec2Service service = errors.attempt(inputs.serviceOrigin(index, s), () -> new Ec2Service(this,
        "Service" + Names.pascal(s.name()), inputs.service(s, cluster.ref())));
    if (service == null) {
      return;
    }
    services.put(s.name(), service);
    if (alarmTopic != null) {
      ServiceRouting routed = routing;
      errors.attempt(inputs.serviceAlarmsOrigin(index), () -> new ServiceAlarms(this,
          "Service" + Names.pascal(s.name()) + "Alarms", inputs.serviceAlarms(s, service, cluster.getClusterName(),
              alarmTopic.getTopicArn(), routed == null ? null : alb, routed)));
    }
    if (s.volume() != null) {
      PersistentVolume volume = errors.attempt(inputs.volumeOrigin(index), () -> cluster.addPersistentVolume(
          "Volume" + Names.pascal(s.volume().name()), inputs.volume(s, vpc.getPrivateSubnetIds())));
      if (volume != null) {
        errors.attempt(inputs.mountOrigin(index), () -> {
          service.mountPersistentVolume(volume.ref(), inputs.volumeContainer(s), s.volume().containerPath());
          return volume;
        });
      }
    }
    for (int j = 0; j < s.taskRoleStatements().size(); j++) {
      StatementConfig statement = s.taskRoleStatements().get(j);
      errors.attempt(inputs.statementOrigin(index, j), () -> service.addToTaskRolePolicy(
          PolicyStatement.allow(statement.actions(), statement.resources())));
    }
    if (routing != null) {
      // Attaching also admits the load balancer to the cluster's instances on the host ports in use.
      ServiceRouting target = routing;
      VpcSecurityGroupIngressRule rule = errors.attempt(inputs.serviceOrigin(index, s),
          () -> service.attachTo(target, inputs.routedContainer(s), r.containerPort()));
      // Only the dynamic-port rule existed before (one per cluster and load balancer); fixed ports are new.
      String legacy = LegacyAddresses.clusterIngress(s.cluster(), r.loadBalancer());
      if (rule != null && inputs.routedPortIsDynamic(s) && movedFrom.add(legacy)) {
        moved.add(Map.of("from", legacy, "to", VpcSecurityGroupIngressRule.TF_RESOURCE_TYPE + "."
            + rule.getFriendlyUniqueId()));
      }
      if (r.targetRequestsPerTarget() != null) {
        errors.attempt(inputs.serviceOrigin(index, s), () -> service.scaleOnRequestsPerTarget(alb, target,
            r.targetRequestsPerTarget()));
      }
      if (!r.dnsNames().isEmpty()) {
        // After every routing exists: a record may name a host that another service's routing routes.
        pendingDns.add(() -> errors.attempt(inputs.dnsOrigin(index), () -> alb.addAliasRecords(
            Names.pascal(s.name()), inputs.aliasRecords(s))));
      }
    }
  }

  /** The values people look up after an apply, as outputs with stable names (documented in the README). */
  private void addOutputs() {
    StackOutputs outputs = new StackOutputs(this);
    loadBalancers.forEach((name, alb) -> {
      outputs.add("load_balancer", name, "dns_name", alb.getDnsName(), "DNS name of load balancer " + name);
      outputs.add("load_balancer", name, "zone_id", alb.getZoneId(),
          "Route 53 hosted zone id of load balancer " + name + ", for alias records");
      outputs.add("load_balancer", name, "listener_arn", alb.getListenerArn(),
          "ARN of the listener of load balancer " + name + " that carries the service rules");
    });
    clusters.forEach((name, cluster) -> {
      outputs.add("cluster", name, "name", cluster.getClusterName(), "ECS cluster name of cluster " + name);
      outputs.add("cluster", name, "arn", cluster.getClusterArn(), "ECS cluster ARN of cluster " + name);
    });
    services.forEach((name, service) -> outputs.add("service", name, "name", service.getServiceName(),
        "ECS service name of service " + name));
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
