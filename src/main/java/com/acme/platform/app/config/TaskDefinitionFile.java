package com.acme.platform.app.config;

import com.acme.platform.constructs.ecs.ContainerDefinition;
import com.acme.platform.constructs.ecs.ContainerDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code task-definitions/<name>.json}: the ECS {@code containerDefinitions} array, in the shape
 * {@code aws ecs register-task-definition} takes, without the image of the service's own container.
 *
 * <p>The file is parsed and checked once, by the library ({@link ContainerDefinitions#fromJson}); this record keeps
 * the typed containers. The platform sets the service container's image from the shared ECR repository and the
 * environment's image tag ({@link #withImage}), so the same file serves every environment and holds no account id.
 * Sidecar containers carry their own {@code image}.
 *
 * @param file the file, relative to the repository root
 * @param containers the containers, in file order
 */
public record TaskDefinitionFile(String file, List<ContainerDefinition> containers) {
  /**
   * Copies the containers.
   *
   * @param file see {@link TaskDefinitionFile#file()}
   * @param containers see {@link TaskDefinitionFile#containers()}
   */
  public TaskDefinitionFile {
    containers = List.copyOf(containers);
  }

  /** Names of the containers in file order. */
  public List<String> containerNames() {
    return ContainerDefinitions.names(containers);
  }

  /**
   * The index of the container a service's image goes into: the one named like the service, else the only one.
   *
   * @param serviceName the service name
   * @return the index, or -1 when no container qualifies
   */
  public int mainContainerIndex(String serviceName) {
    int byName = containerNames().indexOf(serviceName);
    if (byName >= 0) {
      return byName;
    }
    return containers.size() == 1 ? 0 : -1;
  }

  /**
   * The containers with {@code image} set on one of them.
   *
   * @param index the container's index
   * @param image the full image reference
   * @return the containers
   */
  public List<ContainerDefinition> withImage(int index, String image) {
    return withImageAndSecrets(index, image, Map.of());
  }

  /**
   * The containers with {@code image} and extra {@code secrets} set on one of them (the service's own container,
   * whose secrets the environment file may add to).
   *
   * @param index the container's index
   * @param image the full image reference
   * @param secrets variable name to secret or parameter ARN, added to the container's own
   * @return the containers
   * @throws com.acme.platform.constructs.core.InvalidPropsException when a secret is invalid, for example not an
   *     ARN, or set in the container's environment too
   */
  public List<ContainerDefinition> withImageAndSecrets(int index, String image, Map<String, String> secrets) {
    ContainerDefinition container = containers.get(index);
    Map<String, String> all = new LinkedHashMap<>(container.secrets());
    all.putAll(secrets);
    List<ContainerDefinition> copy = new ArrayList<>(containers);
    copy.set(index, container.toBuilder().image(image).secrets(all).build());
    return copy;
  }

  /**
   * The memory ECS reserves on an instance for one task of this file when the task sets no memory itself: per
   * container its memory reservation, else its hard limit.
   *
   * @return the total in MiB
   */
  public long containerMemoryMiB() {
    long total = 0;
    for (ContainerDefinition c : containers) {
      Integer each = c.memoryReservationMiB() != null ? c.memoryReservationMiB() : c.memoryMiB();
      total += each == null ? 0 : each;
    }
    return total;
  }

  /**
   * The CPU units the containers of this file ask for together (their {@code cpu} values).
   *
   * @return the total; 0 when no container sets {@code cpu}
   */
  public long containerCpuUnits() {
    return containers.stream().mapToLong(c -> c.cpu() == null ? 0 : c.cpu()).sum();
  }

  /**
   * Whether the container at {@code index} has an {@code image} in the file.
   *
   * @param index the container's index
   * @return true when the file sets it
   */
  public boolean hasImage(int index) {
    return containers.get(index).image() != null;
  }
}
