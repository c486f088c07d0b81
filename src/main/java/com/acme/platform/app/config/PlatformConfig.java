package com.acme.platform.app.config;

import java.util.List;
import java.util.Map;

/**
 * Everything the platform is built from: the environments (sorted by name) and the task definition files by name.
 *
 * @param environments the loaded environments
 * @param taskDefinitions the task definition files, keyed by file name without {@code .json}
 */
public record PlatformConfig(List<EnvironmentConfig> environments, Map<String, TaskDefinitionFile> taskDefinitions) {
  /** Copies the collections. */
  public PlatformConfig {
    environments = List.copyOf(environments);
    taskDefinitions = Map.copyOf(taskDefinitions);
  }

  /** The file an environment was read from, relative to the repository root. */
  public static String fileOf(EnvironmentConfig environment) {
    return ConfigLoader.ENVIRONMENTS_DIR + "/" + environment.name() + ".json";
  }
}
