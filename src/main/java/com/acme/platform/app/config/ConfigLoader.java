package com.acme.platform.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.Problem;
import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.ContainerDefinitions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads {@code environments/*.json} and {@code task-definitions/*.json} from the repository root and checks what
 * the files alone can tell: JSON syntax, keys and kinds of values ({@link JsonShape}), required fields, names,
 * references between entries, and the rules that span entries ({@link EnvironmentChecks}). Value rules of single
 * resources (CIDRs, sizes, ranges) belong to the construct props; the app checks them right after loading.
 */
public final class ConfigLoader {
  /** The folder of environment files, relative to the repository root. */
  public static final String ENVIRONMENTS_DIR = "environments";
  /** The folder of task definition files, relative to the repository root. */
  public static final String TASK_DEFINITIONS_DIR = "task-definitions";
  /** The image tag that hands the image to a deploy pipeline. */
  public static final String PIPELINE_OWNED_TAG = "-";

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
   * What was read, and every problem found.
   *
   * @param config the environments that could be read and are named like their files (also those with problems),
   *     and the task definitions that are well-formed lists of objects
   * @param errors every problem, in the order found
   */
  public record Loaded(PlatformConfig config, List<ConfigError> errors) {
    /** Copies the list. */
    public Loaded {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Loads and checks every file.
   *
   * @return the configuration
   * @throws ConfigException with every problem found, sorted by file
   */
  public PlatformConfig load() {
    Loaded loaded = read();
    if (!loaded.errors().isEmpty()) {
      throw new ConfigException(loaded.errors());
    }
    return loaded.config();
  }

  /**
   * Loads and checks every file, keeping going after problems so that one run finds all of them.
   *
   * @return what could be read, and every problem
   */
  public Loaded read() {
    List<ConfigError> errors = new ArrayList<>();
    Set<String> unusable = new HashSet<>();
    Map<String, TaskDefinitionFile> taskDefinitions = loadTaskDefinitions(errors, unusable);
    List<EnvironmentConfig> environments = new ArrayList<>();
    List<String> environmentFiles = new ArrayList<>();
    for (Path file : jsonFiles(ENVIRONMENTS_DIR, errors)) {
      String rel = ENVIRONMENTS_DIR + "/" + file.getFileName();
      JsonDocument document = parse(file, rel, errors);
      if (document == null) {
        continue;
      }
      JsonShape shape = JsonShape.check(rel, document, EnvironmentConfig.class, errors);
      if (!shape.usable()) {
        continue;
      }
      EnvironmentConfig env = bind(rel, document.root(), errors);
      if (env != null) {
        new EnvironmentChecks(rel, stem(file), env, taskDefinitions, unusable, shape.removed(), errors).run();
        environments.add(env);
        environmentFiles.add(rel);
      }
    }
    if (environments.isEmpty() && errors.isEmpty()) {
      errors.add(new ConfigError(ENVIRONMENTS_DIR, "", "no environment files (*.json) found"));
    }
    checkSharedRegistry(environments, environmentFiles, errors);
    // Everything after loading finds an environment's file by its name, so one named unlike its file (reported
    // above) is left out rather than blamed on a file that does not exist.
    List<EnvironmentConfig> named = new ArrayList<>();
    for (int i = 0; i < environments.size(); i++) {
      if (environmentFiles.get(i).equals(PlatformConfig.fileOf(environments.get(i)))) {
        named.add(environments.get(i));
      }
    }
    return new Loaded(new PlatformConfig(named, taskDefinitions), errors);
  }

  /** Reads every task definition file; the names of files that exist but are unusable go to {@code unusable}. */
  private Map<String, TaskDefinitionFile> loadTaskDefinitions(List<ConfigError> errors, Set<String> unusable) {
    Map<String, TaskDefinitionFile> result = new TreeMap<>();
    for (Path file : jsonFiles(TASK_DEFINITIONS_DIR, errors)) {
      String rel = TASK_DEFINITIONS_DIR + "/" + file.getFileName();
      JsonDocument document = parse(file, rel, errors);
      if (document == null) {
        unusable.add(stem(file));
        continue;
      }
      JsonNode node = document.root();
      if (!node.isArray() || node.isEmpty()) {
        errors.add(new ConfigError(rel, "", "must be a non-empty JSON list of container definitions (the"
            + " containerDefinitions of aws ecs register-task-definition), got " + JsonShape.got(node)
            + document.at("")));
        unusable.add(stem(file));
        continue;
      }
      // The library parses and checks the containers, once; its problems name the file's own fields.
      Checks checks = Checks.of(rel);
      List<ContainerDefinition> containers = ContainerDefinitions.fromTree(node, checks, "");
      for (Problem p : checks.problems()) {
        // The library names the whole array "containerDefinitions"; in a file of its own that is the file itself.
        String field = p.field().equals("containerDefinitions") ? "" : p.field();
        errors.add(new ConfigError(rel, field, p.message() + document.at(field)));
      }
      if (containers != null) {
        result.put(stem(file), new TaskDefinitionFile(rel, containers));
      } else {
        unusable.add(stem(file));
      }
    }
    return result;
  }

  private static EnvironmentConfig bind(String rel, JsonNode tree, List<ConfigError> errors) {
    try {
      return StrictJson.MAPPER.treeToValue(tree, EnvironmentConfig.class);
    } catch (JsonProcessingException e) {
      errors.add(StrictJson.describe(rel, e));
      return null;
    }
  }

  private static void checkSharedRegistry(List<EnvironmentConfig> environments, List<String> files,
      List<ConfigError> errors) {
    // A registry with its own problems is compared once they are fixed: one mistake, one message.
    Set<String> faulty = new HashSet<>();
    errors.stream().filter(e -> FieldPaths.related(e.field(), "registry")).forEach(e -> faulty.add(e.file()));
    Map<EnvironmentConfig.RegistryConfig, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < environments.size(); i++) {
      if (environments.get(i).registry() != null && !faulty.contains(files.get(i))) {
        seen.putIfAbsent(environments.get(i).registry().withEffectiveLayout(), files.get(i));
      }
    }
    if (seen.size() > 1) {
      String first = seen.values().iterator().next();
      seen.entrySet().stream().skip(1).forEach(other -> errors.add(new ConfigError(other.getValue(), "registry",
          "must equal the registry of " + first + " (every environment shares one image registry), got "
              + describe(other.getKey()))));
    }
  }

  private static String describe(EnvironmentConfig.RegistryConfig registry) {
    return "{accountId: " + registry.accountId() + ", region: " + registry.region() + ", stateBucket: "
        + registry.stateBucket() + ", layout: " + registry.effectiveLayout()
        + (registry.kmsKeyArn() == null ? "" : ", kmsKeyArn: " + registry.kmsKeyArn()) + "}";
  }

  private JsonDocument parse(Path file, String rel, List<ConfigError> errors) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException ex) {
      errors.add(new ConfigError(rel, "", "is not UTF-8 text; save it as UTF-8"));
      return null;
    } catch (IOException ex) {
      errors.add(new ConfigError(rel, "", "cannot be read: " + ex.getMessage()));
      return null;
    }
    return JsonDocument.parse(rel, text, errors);
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
      return all.stream().filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .toList();
    } catch (IOException ex) {
      errors.add(new ConfigError(dir, "", "cannot be listed: " + ex.getMessage()));
      return List.of();
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".json".length());
  }
}
