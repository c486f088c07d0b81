package com.acme.platform.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code environments/*.json} and {@code task-definitions/*.json} from the repository root and checks what only
 * the files as a whole can tell: names that match file names, references between clusters, load balancers, services
 * and task definitions, duplicates, and the registry every environment must share. Value rules (CIDRs, sizes, names)
 * belong to the construct props and are reported when the stacks are built.
 */
public final class ConfigLoader {
  /** The folder of environment files, relative to the repository root. */
  public static final String ENVIRONMENTS_DIR = "environments";
  /** The folder of task definition files, relative to the repository root. */
  public static final String TASK_DEFINITIONS_DIR = "task-definitions";
  /** The image tag that hands the image to a deploy pipeline. */
  public static final String PIPELINE_OWNED_TAG = "-";

  private static final Pattern ENV_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
  private static final Pattern SHORT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
  private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private final Path root;

  /**
   * Creates a loader.
   *
   * @param root the repository root
   */
  public ConfigLoader(Path root) {
    this.root = root;
  }

  /**
   * Loads and checks every file.
   *
   * @return the configuration
   * @throws ConfigException with every problem found, sorted by file
   */
  public PlatformConfig load() {
    List<ConfigError> errors = new ArrayList<>();
    Map<String, TaskDefinitionFile> taskDefinitions = loadTaskDefinitions(errors);
    List<EnvironmentConfig> environments = new ArrayList<>();
    for (Path file : jsonFiles(ENVIRONMENTS_DIR, errors)) {
      String rel = ENVIRONMENTS_DIR + "/" + file.getFileName();
      EnvironmentConfig env = read(file, rel, EnvironmentConfig.class, errors);
      if (env != null) {
        checkEnvironment(rel, stem(file), env, taskDefinitions, errors);
        environments.add(env);
      }
    }
    if (environments.isEmpty() && errors.isEmpty()) {
      errors.add(new ConfigError(ENVIRONMENTS_DIR, "", "no environment files (*.json) found"));
    }
    checkSharedRegistry(environments, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new PlatformConfig(environments, taskDefinitions);
  }

  private Map<String, TaskDefinitionFile> loadTaskDefinitions(List<ConfigError> errors) {
    Map<String, TaskDefinitionFile> result = new TreeMap<>();
    for (Path file : jsonFiles(TASK_DEFINITIONS_DIR, errors)) {
      String rel = TASK_DEFINITIONS_DIR + "/" + file.getFileName();
      JsonNode node = read(file, rel, JsonNode.class, errors);
      if (node == null) {
        continue;
      }
      if (!node.isArray() || node.isEmpty()) {
        errors.add(new ConfigError(rel, "", "must be a non-empty JSON array of container definitions"
            + " (the containerDefinitions of aws ecs register-task-definition)"));
        continue;
      }
      boolean objects = true;
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isObject()) {
          errors.add(new ConfigError(rel, "[" + i + "]", "must be a container definition object"));
          objects = false;
        }
      }
      if (objects) {
        result.put(stem(file), new TaskDefinitionFile(rel, (ArrayNode) node));
      }
    }
    return result;
  }

  private void checkEnvironment(String rel, String fileName, EnvironmentConfig env,
      Map<String, TaskDefinitionFile> taskDefinitions, List<ConfigError> errors) {
    Errors e = new Errors(rel, errors);
    if (e.required("name", env.name()) && e.matches("name", env.name(), ENV_NAME, "1-20 lowercase letters,"
        + " digits or '-', starting with a letter")) {
      e.check(env.name().equals(fileName), "name", "must equal the file name \"" + fileName + "\", got \""
          + env.name() + "\"");
    }
    if (e.required("accountId", env.accountId())) {
      e.matches("accountId", env.accountId(), ACCOUNT, "a 12-digit AWS account id");
    }
    if (e.required("region", env.region())) {
      e.matches("region", env.region(), REGION, "an AWS region such as eu-west-1");
    }
    e.required("stateBucket", env.stateBucket());
    if (e.required("registry", env.registry())) {
      if (e.required("registry.accountId", env.registry().accountId())) {
        e.matches("registry.accountId", env.registry().accountId(), ACCOUNT, "a 12-digit AWS account id");
      }
      if (e.required("registry.region", env.registry().region())) {
        e.matches("registry.region", env.registry().region(), REGION, "an AWS region such as eu-west-1");
      }
      e.required("registry.stateBucket", env.registry().stateBucket());
    }
    if (e.required("network", env.network())) {
      e.required("network.cidr", env.network().cidr());
      e.required("network.availabilityZones", env.network().availabilityZones());
    }
    Set<String> clusters = namesOf(e, "clusters", env.clusters().stream().map(EnvironmentConfig.ClusterConfig::name)
        .toList());
    e.check(!env.clusters().isEmpty(), "clusters", "must list at least one cluster");
    Set<String> loadBalancers = namesOf(e, "loadBalancers", env.loadBalancers().stream()
        .map(EnvironmentConfig.LoadBalancerConfig::name).toList());
    namesOf(e, "services", env.services().stream().map(EnvironmentConfig.ServiceConfig::name).toList());
    for (int i = 0; i < env.services().size(); i++) {
      checkService(e, "services[" + i + "]", env.services().get(i), clusters, loadBalancers, taskDefinitions);
    }
  }

  private static void checkService(Errors e, String at, EnvironmentConfig.ServiceConfig service,
      Set<String> clusters, Set<String> loadBalancers, Map<String, TaskDefinitionFile> taskDefinitions) {
    if (e.required(at + ".cluster", service.cluster())) {
      e.check(clusters.contains(service.cluster()), at + ".cluster", "must name a cluster of this file "
          + new java.util.TreeSet<>(clusters) + ", got \"" + service.cluster() + "\"");
    }
    if (e.required(at + ".imageTag", service.imageTag())) {
      e.check(PIPELINE_OWNED_TAG.equals(service.imageTag()) || IMAGE_TAG.matcher(service.imageTag()).matches(),
          at + ".imageTag", "must be an image tag (letters, digits, '_', '.', '-'; up to 128) or \"-\" when a"
              + " deploy pipeline owns the image, got \"" + service.imageTag() + "\"");
    }
    String taskName = service.taskDefinition() != null ? service.taskDefinition() : service.name();
    if (taskName != null) {
      TaskDefinitionFile task = taskDefinitions.get(taskName);
      String field = service.taskDefinition() != null ? at + ".taskDefinition" : at + ".name";
      if (task == null) {
        e.check(false, field, "has no task definition file " + TASK_DEFINITIONS_DIR + "/" + taskName + ".json");
      } else if (service.name() != null) {
        int main = task.mainContainerIndex(service.name());
        e.check(main >= 0, field, task.file() + " has no container named \"" + service.name()
            + "\" (found " + task.containerNames() + "); name the service's container like the service");
        e.check(main < 0 || !task.hasImage(main), field, task.file() + " sets \"image\" on container \""
            + service.name() + "\"; remove it: the platform sets it from the service's ECR repository and imageTag");
      }
    }
    EnvironmentConfig.RoutingConfig routing = service.routing();
    if (routing != null) {
      if (e.required(at + ".routing.loadBalancer", routing.loadBalancer())) {
        e.check(loadBalancers.contains(routing.loadBalancer()), at + ".routing.loadBalancer",
            "must name a load balancer of this file " + new java.util.TreeSet<>(loadBalancers) + ", got \""
                + routing.loadBalancer() + "\"");
      }
      e.required(at + ".routing.containerPort", routing.containerPort());
    }
  }

  /** Checks a list of short names: each present, well formed and unique. Returns the valid ones. */
  private static Set<String> namesOf(Errors e, String list, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String field = list + "[" + i + "].name";
      String name = names.get(i);
      if (e.required(field, name) && e.matches(field, name, SHORT_NAME,
          "1-31 lowercase letters, digits or '-', starting with a letter")) {
        e.check(seen.add(name), field, "\"" + name + "\" is used twice in " + list + "; names must be unique");
      }
    }
    return seen;
  }

  private static void checkSharedRegistry(List<EnvironmentConfig> environments, List<ConfigError> errors) {
    Map<EnvironmentConfig.RegistryConfig, String> seen = new LinkedHashMap<>();
    environments.stream().filter(env -> env.registry() != null)
        .forEach(env -> seen.putIfAbsent(env.registry(), PlatformConfig.fileOf(env)));
    if (seen.size() > 1) {
      String first = seen.values().iterator().next();
      seen.entrySet().stream().skip(1).forEach(other -> errors.add(new ConfigError(other.getValue(), "registry",
          "must equal the registry of " + first + " (every environment shares one image registry), got "
              + other.getKey())));
    }
  }

  private <T> T read(Path file, String rel, Class<T> type, List<ConfigError> errors) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        errors.add(new ConfigError(rel, "", "is empty"));
        return null;
      }
      return StrictJson.MAPPER.readValue(text, type);
    } catch (JsonProcessingException ex) {
      errors.add(StrictJson.describe(rel, ex));
    } catch (IOException ex) {
      errors.add(new ConfigError(rel, "", "cannot be read: " + ex.getMessage()));
    }
    return null;
  }

  private List<Path> jsonFiles(String dir, List<ConfigError> errors) {
    Path folder = root.resolve(dir);
    if (!Files.isDirectory(folder)) {
      errors.add(new ConfigError(dir, "", "folder not found under " + root.toAbsolutePath().normalize()));
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.sorted().toList();
      all.stream().filter(f -> !f.getFileName().toString().endsWith(".json") && !f.getFileName().toString()
          .startsWith(".")).forEach(f -> errors.add(new ConfigError(dir + "/" + f.getFileName(), "",
              "is not a .json file; only JSON files belong in " + dir + "/")));
      return all.stream().filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    } catch (IOException ex) {
      errors.add(new ConfigError(dir, "", "cannot be listed: " + ex.getMessage()));
      return List.of();
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }

  /** Collects problems for one file. */
  private record Errors(String file, List<ConfigError> sink) {
    void check(boolean ok, String field, String message) {
      if (!ok) {
        sink.add(new ConfigError(file, field, message));
      }
    }

    boolean required(String field, Object value) {
      boolean present = value != null && !(value instanceof String s && s.isBlank());
      check(present, field, "is required");
      return present;
    }

    boolean matches(String field, String value, Pattern pattern, String allowed) {
      boolean ok = pattern.matcher(value).matches();
      check(ok, field, "must be " + allowed + ", got \"" + value + "\"");
      return ok;
    }
  }
}
