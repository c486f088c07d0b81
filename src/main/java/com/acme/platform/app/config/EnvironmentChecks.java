package com.acme.platform.app.config;

import com.acme.platform.app.config.EnvironmentConfig.ClusterConfig;
import com.acme.platform.app.config.EnvironmentConfig.RoutingConfig;
import com.acme.platform.app.config.EnvironmentConfig.ServiceConfig;
import com.acme.platform.constructs.core.AwsPatterns;
import com.acme.platform.constructs.ecs.Ec2ClusterProps;
import com.acme.platform.constructs.network.NatGateways;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks of one environment file that need more than one value: names against the file name, references
 * between clusters, load balancers, services and task definitions, AWS names derived from several names, zones
 * against the region, and whether a task fits on its cluster's instances.
 *
 * <p>Fields the file could not supply as written ({@link JsonShape#removed()}) are already reported; checks at or
 * under them stay quiet, so one mistake gives one message.
 */
final class EnvironmentChecks {
  /** Environment names: they prefix AWS names, so they are short and end with a letter or digit. */
  static final Pattern ENV_NAME = Pattern.compile("(?=.{1,20}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  /** Names of clusters, load balancers and services: valid in ECR, ECS, ELB and IAM names alike. */
  static final Pattern SHORT_NAME = Pattern.compile("(?=.{1,31}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  static final Pattern ACCOUNT = AwsPatterns.ACCOUNT_ID;
  static final Pattern REGION = AwsPatterns.REGION;
  static final Pattern ZONE = AwsPatterns.AVAILABILITY_ZONE;
  static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  /** Load balancer and target group names: at most 32 characters (Elastic Load Balancing). */
  static final int ELB_NAME_MAX = 32;

  private static final String SHORT_NAME_RULE = "1-31 lowercase letters, digits and single '-', starting with a"
      + " letter and ending with a letter or digit";

  private final String file;
  private final String fileName;
  private final EnvironmentConfig env;
  private final Map<String, TaskDefinitionFile> taskDefinitions;
  private final Set<String> unusableTaskDefinitions;
  private final Set<String> removed;
  private final List<ConfigError> errors;

  /**
   * Prepares the checks of one file.
   *
   * @param file the file, relative to the repository root
   * @param fileName its name without {@code .json}
   * @param env what it holds
   * @param taskDefinitions the usable task definition files by name
   * @param unusableTaskDefinitions names of task definition files that exist but have problems of their own
   * @param removed the fields {@link JsonShape} took out
   * @param errors where problems are added
   */
  EnvironmentChecks(String file, String fileName, EnvironmentConfig env,
      Map<String, TaskDefinitionFile> taskDefinitions, Set<String> unusableTaskDefinitions, Set<String> removed,
      List<ConfigError> errors) {
    this.file = file;
    this.fileName = fileName;
    this.env = env;
    this.taskDefinitions = taskDefinitions;
    this.unusableTaskDefinitions = unusableTaskDefinitions;
    this.removed = removed;
    this.errors = errors;
  }

  void run() {
    boolean nameOk = required("name", env.name()) && matches("name", env.name(), ENV_NAME, "1-20 lowercase"
        + " letters, digits and single '-', starting with a letter and ending with a letter or digit");
    if (nameOk) {
      check(env.name().equals(fileName), "name", "must equal the file name \"" + fileName + "\", got \""
          + env.name() + "\"");
    }
    if (required("accountId", env.accountId())) {
      matches("accountId", env.accountId(), ACCOUNT, "a 12-digit AWS account id");
    }
    boolean regionOk = required("region", env.region())
        && matches("region", env.region(), REGION, "an AWS region such as eu-west-1");
    required("stateBucket", env.stateBucket());
    if (required("registry", env.registry())) {
      if (required("registry.accountId", env.registry().accountId())) {
        matches("registry.accountId", env.registry().accountId(), ACCOUNT, "a 12-digit AWS account id");
      }
      if (required("registry.region", env.registry().region())) {
        matches("registry.region", env.registry().region(), REGION, "an AWS region such as eu-west-1");
      }
      required("registry.stateBucket", env.registry().stateBucket());
      String layout = env.registry().layout();
      check(layout == null || EnvironmentConfig.RegistryConfig.LAYOUTS.contains(layout), "registry.layout",
          "must be one of " + EnvironmentConfig.RegistryConfig.LAYOUTS + ", got \"" + layout + "\"");
      if (env.registry().kmsKeyArn() != null) {
        matches("registry.kmsKeyArn", env.registry().kmsKeyArn(), AwsPatterns.KMS_KEY_ONLY_ARN,
            AwsPatterns.KMS_KEY_ONLY_ARN_ALLOWED);
      }
    }
    checkNetwork(regionOk);
    // The platform sets these two on every resource; a file that sets them would be silently overruled.
    for (String reserved : List.of("environment", "managed-by")) {
      check(!env.tags().containsKey(reserved), "tags." + reserved, "is set by the platform (\"environment\" is"
          + " the environment's name, \"managed-by\" is \"cdktf\"); remove it from tags");
    }

    Names clusters = names("clusters", env.clusters().stream().map(ClusterConfig::name).toList());
    check(!env.clusters().isEmpty(), "clusters", "must list at least one cluster");
    Names loadBalancers = names("loadBalancers", env.loadBalancers().stream()
        .map(EnvironmentConfig.LoadBalancerConfig::name).toList());
    if (nameOk) {
      for (int i = 0; i < env.loadBalancers().size(); i++) {
        derivedElbName("loadBalancers[" + i + "].name", env.loadBalancers().get(i).name(), "load balancer");
      }
    }
    names("services", env.services().stream().map(ServiceConfig::name).toList());
    for (int i = 0; i < env.services().size(); i++) {
      checkService("services[" + i + "]", env.services().get(i), clusters, loadBalancers, nameOk);
    }
    // One message for the file, naming the first service that needs the zone.
    for (int i = 0; i < env.services().size() && env.hostedZoneId() == null; i++) {
      EnvironmentConfig.RoutingConfig routing = env.services().get(i).routing();
      if (routing != null && !routing.dnsNames().isEmpty()) {
        check(false, "hostedZoneId", "is required because services[" + i + "].routing.dnsNames is set: the Route 53"
            + " hosted zone the records are created in, such as \"Z0123456789ABCDEFGHIJ\"");
        break;
      }
    }
  }

  private void checkNetwork(boolean regionOk) {
    if (!required("network", env.network())) {
      return;
    }
    required("network.cidr", env.network().cidr());
    List<String> zones = env.network().availabilityZones();
    if (required("network.availabilityZones", zones) && regionOk) {
      for (int i = 0; i < zones.size(); i++) {
        String zone = zones.get(i);
        // Malformed zone names are the VPC props' to report; here only well-formed zones of another region.
        if (ZONE.matcher(zone).matches() && !zone.startsWith(env.region())) {
          check(false, "network.availabilityZones[" + i + "]", "\"" + zone + "\" is not in the environment's region"
              + " \"" + env.region() + "\"; use zones of " + env.region() + " such as \"" + env.region() + "a\"");
        }
      }
    }
    String nat = env.network().natGateways();
    List<String> modes = Arrays.stream(NatGateways.values()).map(Enum::name).toList();
    check(nat == null || modes.contains(nat), "network.natGateways", "must be one of " + modes + ", got \""
        + nat + "\"");
  }

  private void checkService(String at, ServiceConfig service, Names clusters, Names loadBalancers, boolean nameOk) {
    if (required(at + ".cluster", service.cluster()) && clusters.complete()) {
      check(clusters.valid().contains(service.cluster()), at + ".cluster", "must name a cluster of this file "
          + clusters.valid() + ", got \"" + service.cluster() + "\"");
    }
    if (service.imageTag() == null) {
      check(false, at + ".imageTag", "is required: the tag of the image Terraform deploys, such as \"1.4.2\", or"
          + " \"" + ConfigLoader.PIPELINE_OWNED_TAG + "\" when a deploy pipeline owns the image");
    } else {
      check(ConfigLoader.PIPELINE_OWNED_TAG.equals(service.imageTag())
          || IMAGE_TAG.matcher(service.imageTag()).matches(), at + ".imageTag", "must be an image tag (letters,"
          + " digits, '_', '.', '-'; up to 128) or \"-\" when a deploy pipeline owns the image, got \""
          + service.imageTag() + "\"");
    }
    TaskDefinitionFile task = checkTaskDefinition(at, service);
    RoutingConfig routing = service.routing();
    if (routing != null) {
      if (required(at + ".routing.loadBalancer", routing.loadBalancer()) && loadBalancers.complete()) {
        check(loadBalancers.valid().contains(routing.loadBalancer()), at + ".routing.loadBalancer",
            "must name a load balancer of this file " + loadBalancers.valid() + ", got \"" + routing.loadBalancer()
                + "\"");
      }
      required(at + ".routing.containerPort", routing.containerPort());
      if (nameOk) {
        derivedElbName(at + ".name", service.name(), "target group");
      }
    }
    checkVolume(at, service.volume());
    ClusterConfig cluster = env.clusters().stream().filter(c -> c.name() != null
        && c.name().equals(service.cluster())).findFirst().orElse(null);
    if (cluster != null && task != null) {
      new TaskFit(at, service, task, cluster).check();
    }
  }

  /**
   * A volume's zone must be one of the network's: the cluster's instances run in the private subnet of that zone,
   * and an EBS volume attaches only there.
   */
  private void checkVolume(String at, EnvironmentConfig.VolumeConfig volume) {
    if (volume == null) {
      return;
    }
    String field = at + ".volume";
    required(field + ".name", volume.name());
    required(field + ".containerPath", volume.containerPath());
    String zone = volume.availabilityZone();
    List<String> zones = env.network() == null ? null : env.network().availabilityZones();
    if (required(field + ".availabilityZone", zone)
        && matches(field + ".availabilityZone", zone, ZONE, "an availability zone such as \"eu-west-1a\"")
        && zones != null) {
      check(zones.contains(zone), field + ".availabilityZone", "must be one of network.availabilityZones " + zones
          + " (the cluster's instances run in their private subnets, and an EBS volume attaches only in its own"
          + " zone), got \"" + zone + "\"");
    }
  }

  private TaskDefinitionFile checkTaskDefinition(String at, ServiceConfig service) {
    String taskName = service.taskDefinition() != null ? service.taskDefinition() : service.name();
    if (taskName == null || unusableTaskDefinitions.contains(taskName)) {
      return null;
    }
    TaskDefinitionFile task = taskDefinitions.get(taskName);
    String field = service.taskDefinition() != null ? at + ".taskDefinition" : at + ".name";
    if (task == null) {
      check(false, field, "has no task definition file " + ConfigLoader.TASK_DEFINITIONS_DIR + "/" + taskName
          + ".json");
      return null;
    }
    if (service.name() == null) {
      return null;
    }
    int main = task.mainContainerIndex(service.name());
    check(main >= 0, field, task.file() + " has no container named \"" + service.name() + "\" (found "
        + task.containerNames().stream().map(n -> "\"" + n + "\"").toList() + "); name the service's container like"
        + " the service");
    check(main < 0 || !task.hasImage(main), field, task.file() + " sets \"image\" on container \""
        + service.name() + "\"; remove it: the platform sets it from the service's ECR repository and imageTag");
    return main >= 0 ? task : null;
  }

  /** AWS allows 32 characters in load balancer and target group names, which are {@code <environment>-<name>}. */
  private void derivedElbName(String field, String name, String what) {
    if (name == null || !SHORT_NAME.matcher(name).matches()) {
      return;
    }
    String awsName = env.name() + "-" + name;
    int room = ELB_NAME_MAX - env.name().length() - 1;
    check(awsName.length() <= ELB_NAME_MAX, field, "\"" + name + "\" gives the " + what + " name \"" + awsName
        + "\" (" + awsName.length() + " characters), but AWS allows at most " + ELB_NAME_MAX + "; shorten the name to"
        + " at most " + room + " characters");
  }

  /**
   * Whether one task of a service can be placed on one instance of its cluster. A cluster with a mix of instance
   * types may run on its smallest type alone (Spot pools come and go), so the task must fit the type with the least
   * memory and the type with the fewest vCPUs of the mix; types missing from {@link InstanceTypes} are skipped.
   */
  private final class TaskFit {
    private final String at;
    private final ServiceConfig service;
    private final TaskDefinitionFile task;
    private final ClusterConfig cluster;
    private final List<InstanceTypes.InstanceType> instances;
    private final boolean mixed;
    private final String fix;

    TaskFit(String at, ServiceConfig service, TaskDefinitionFile task, ClusterConfig cluster) {
      this.at = at;
      this.service = service;
      this.task = task;
      this.cluster = cluster;
      this.mixed = cluster.instanceTypes() != null && !cluster.instanceTypes().isEmpty();
      List<String> types = mixed ? cluster.instanceTypes() : Arrays.asList(cluster.instanceType() != null
          ? cluster.instanceType() : Ec2ClusterProps.DEFAULT_INSTANCE_TYPE);
      this.instances = types.stream().map(InstanceTypes::lookup).flatMap(Optional::stream).toList();
      this.fix = mixed ? " or larger instanceTypes for the cluster" : " or a larger instanceType for the cluster";
    }

    void check() {
      if (instances.isEmpty()) {
        return;
      }
      InstanceTypes.InstanceType leastMemory = instances.stream()
          .min(Comparator.comparingInt(InstanceTypes.InstanceType::memoryMiB)).orElseThrow();
      int usable = leastMemory.usableMemoryMiB();
      String memoryLimit = on(leastMemory) + leastMemory.memoryMiB() + " MiB, of which about " + usable
          + " MiB are left for tasks after the operating system and the ECS agent)";
      if (service.memoryMiB() != null) {
        EnvironmentChecks.this.check(service.memoryMiB() <= usable, at + ".memoryMiB", service.memoryMiB() + " MiB"
            + memoryLimit + "; use at most " + usable + fix);
      } else {
        long reserved = task.containerMemoryMiB();
        EnvironmentChecks.this.check(reserved <= usable, at, "the containers of " + task.file() + " reserve "
            + reserved + " MiB together, which" + memoryLimit + "; reserve at most " + usable + fix);
      }
      InstanceTypes.InstanceType fewestCpus = instances.stream()
          .min(Comparator.comparingInt(InstanceTypes.InstanceType::vcpus)).orElseThrow();
      int units = fewestCpus.cpuUnits();
      String cpuLimit = on(fewestCpus) + fewestCpus.vcpus() + " vCPUs = " + units + " CPU units)";
      if (service.cpu() != null) {
        EnvironmentChecks.this.check(service.cpu() <= units, at + ".cpu", service.cpu() + " CPU units" + cpuLimit
            + "; use at most " + units + fix);
      } else {
        long asked = task.containerCpuUnits();
        EnvironmentChecks.this.check(asked <= units, at, "the containers of " + task.file() + " ask for " + asked
            + " CPU units together, which" + cpuLimit + "; ask for at most " + units + fix);
      }
    }

    /** The start of the limit's description; a mix says which of its types is the limit. */
    private String on(InstanceTypes.InstanceType instance) {
      String which = mixed ? ", the smallest of its mix" : "";
      return " cannot fit on an instance of cluster \"" + cluster.name() + "\" (" + instance.name() + which + ": ";
    }
  }

  /**
   * The names of one list.
   *
   * @param valid the well-formed names
   * @param complete whether every entry has a well-formed name, so that a reference to a missing one is an error
   *     (otherwise it may point at the entry whose name is broken, which is reported already)
   */
  private record Names(Set<String> valid, boolean complete) {}

  private Names names(String list, List<String> names) {
    Set<String> valid = new TreeSet<>();
    boolean complete = true;
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String field = list + "[" + i + "].name";
      String name = names.get(i);
      if (!(required(field, name) && matches(field, name, SHORT_NAME, SHORT_NAME_RULE))) {
        complete = false;
        continue;
      }
      Integer earlier = first.putIfAbsent(name, i);
      check(earlier == null, field, "\"" + name + "\" is already the name of " + list + "[" + earlier + "]; names"
          + " must be unique");
      valid.add(name);
    }
    return new Names(valid, complete && !FieldPaths.isAtOrUnder(list, removed)
        && removed.stream().noneMatch(p -> p.startsWith(list + "[")));
  }

  private void check(boolean ok, String field, String message) {
    if (!ok && !FieldPaths.isAtOrUnder(field, removed)) {
      errors.add(new ConfigError(file, field, message));
    }
  }

  /** Requires a value; a value removed as malformed is reported already, so {@link #check} stays quiet. */
  private boolean required(String field, Object value) {
    boolean present = value != null && !(value instanceof String s && s.isBlank());
    check(present, field, "is required");
    return present;
  }

  private boolean matches(String field, String value, Pattern pattern, String allowed) {
    boolean ok = pattern.matcher(value).matches();
    check(ok, field, "must be " + allowed + ", got \"" + value + "\"");
    return ok;
  }
}
