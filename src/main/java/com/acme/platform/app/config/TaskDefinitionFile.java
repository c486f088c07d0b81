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
