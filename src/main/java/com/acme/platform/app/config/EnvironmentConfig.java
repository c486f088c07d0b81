package com.acme.platform.app.config;

import java.util.List;
import java.util.Map;

/**
 * One environment, as written in {@code environments/<name>.json}. Plain data: {@link ConfigLoader} checks it and
 * reports every problem with the file and field path.
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
    List<ServiceConfig> services) {

  /** Replaces missing collections with empty ones so that checks can iterate. */
  public EnvironmentConfig {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
    services = services == null ? List.of() : List.copyOf(services);
  }

  /**
   * The shared image registry.
   *
   * @param accountId the account that owns the ECR repositories
   * @param region the registry's region
   * @param stateBucket the bucket that holds the registry stack's state
   */
  public record RegistryConfig(String accountId, String region, String stateBucket) {}

  /**
   * The VPC.
   *
   * @param cidr the VPC's IPv4 range, for example {@code 10.10.0.0/16}
   * @param availabilityZones the zones subnets are spread over (at least two)
   * @param natGateways {@code NONE}, {@code SINGLE} or {@code PER_AZ}; default {@code SINGLE}
   */
  public record NetworkConfig(String cidr, List<String> availabilityZones, String natGateways) {}

  /**
   * An ECS cluster on EC2 instances.
   *
   * @param name the cluster's short name; the AWS name is {@code <environment>-<name>}
   * @param instanceType the EC2 instance type
   * @param minSize the fewest instances
   * @param maxSize the most instances
   * @param rootVolumeGiB each instance's root volume size; default 30
   */
  public record ClusterConfig(String name, String instanceType, Integer minSize, Integer maxSize,
      Integer rootVolumeGiB) {}

  /**
   * An application load balancer.
   *
   * @param name the short name; the AWS name is {@code <environment>-<name>}
   * @param certificateArn an ACM certificate: turns on HTTPS and the HTTP-to-HTTPS redirect
   * @param deletionProtection whether AWS refuses to delete the load balancer; default false
   * @param idleTimeoutSeconds the idle timeout; default 60
   * @param internal whether the load balancer is internal; default false
   */
  public record LoadBalancerConfig(String name, String certificateArn, Boolean deletionProtection,
      Integer idleTimeoutSeconds, Boolean internal) {}

  /**
   * An ECS service.
   *
   * @param name the service name; also the ECR repository name and the default task definition file name
   * @param cluster the name of a cluster in {@code clusters}
   * @param imageTag the image tag to run, or {@code -} when a deploy pipeline owns the image
   * @param taskDefinition the task definition file name without {@code .json}; default the service name
   * @param cpu task-level CPU units; default none
   * @param memoryMiB task-level memory; default none
   * @param desiredCount tasks at creation; default 1
   * @param minCapacity fewest tasks autoscaling keeps; default the desired count
   * @param maxCapacity most tasks autoscaling starts; default the min capacity
   * @param targetCpuPercent average CPU autoscaling aims for; default 70
   * @param routing how the load balancer reaches the service; none for workers
   */
  public record ServiceConfig(String name, String cluster, String imageTag, String taskDefinition, Integer cpu,
      Integer memoryMiB, Integer desiredCount, Integer minCapacity, Integer maxCapacity, Integer targetCpuPercent,
      RoutingConfig routing) {}

  /**
   * Routing from a load balancer to a service.
   *
   * @param loadBalancer the name of a load balancer in {@code loadBalancers}
   * @param container the container that receives traffic; default the service name
   * @param containerPort the container port that receives traffic
   * @param hostHeaders host names routed to the service
   * @param pathPatterns path patterns routed to the service
   * @param healthCheckPath the target group's health check path; default {@code /}
   * @param priority the listener rule priority; default assigned in file order
   */
  public record RoutingConfig(String loadBalancer, String container, Integer containerPort, List<String> hostHeaders,
      List<String> pathPatterns, String healthCheckPath, Integer priority) {}
}
