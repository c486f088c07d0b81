package com.acme.platform.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code task-definitions/<name>.json}: the ECS {@code containerDefinitions} array, in the shape
 * {@code aws ecs register-task-definition} takes, without the image of the service's own container.
 *
 * <p>The platform sets that image from the shared ECR repository and the environment's image tag, so the same file
 * serves every environment and holds no account id. Sidecar containers carry their own {@code image}.
 *
 * @param file the file, relative to the repository root
 * @param containers the parsed array (never modified; {@link #withImage} copies it)
 */
public record TaskDefinitionFile(String file, ArrayNode containers) {

  /** Names of the containers in file order (blank for a container without a name). */
  public List<String> containerNames() {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.path("name").asText("")));
    return names;
  }

  /**
   * The index of the container a service's image goes into: the one named like the service, else the only one.
   *
   * @param serviceName the service name
   * @return the index, or -1 when no container qualifies
   */
  public int mainContainerIndex(String serviceName) {
    List<String> names = containerNames();
    int byName = names.indexOf(serviceName);
    if (byName >= 0) {
      return byName;
    }
    return containers.size() == 1 ? 0 : -1;
  }

  /**
   * The container definitions with {@code image} set on one container.
   *
   * @param index the container's index
   * @param image the full image reference
   * @return the JSON text of the array
   */
  public String withImage(int index, String image) {
    ArrayNode copy = containers.deepCopy();
    ((ObjectNode) copy.get(index)).put("image", image);
    return copy.toString();
  }

  /**
   * The memory ECS reserves on an instance for one task of this file when the task sets no memory itself: per
   * container its {@code memoryReservation}, else its {@code memory}. Values that are not whole numbers count 0
   * (they are reported by the container checks).
   *
   * @return the total in MiB
   */
  public long containerMemoryMiB() {
    long total = 0;
    for (JsonNode container : containers) {
      JsonNode reservation = container.path("memoryReservation");
      total += reservation.isIntegralNumber() ? wholeOrZero(reservation) : wholeOrZero(container.path("memory"));
    }
    return total;
  }

  /**
   * The CPU units the containers of this file ask for together (their {@code cpu} values).
   *
   * @return the total; 0 when no container sets {@code cpu}
   */
  public long containerCpuUnits() {
    long total = 0;
    for (JsonNode container : containers) {
      total += wholeOrZero(container.path("cpu"));
    }
    return total;
  }

  private static long wholeOrZero(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() ? Math.max(0, node.longValue()) : 0;
  }

  /**
   * Whether the container at {@code index} has an {@code image} in the file.
   *
   * @param index the container's index
   * @return true when the file sets it
   */
  public boolean hasImage(int index) {
    JsonNode container = containers.get(index);
    return container.has("image");
  }
}
