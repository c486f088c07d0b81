package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.JsonDocs;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated ECS {@code containerDefinitions} JSON array, in the shape that {@code aws ecs register-task-definition}
 * takes.
 *
 * <p>{@link #parse(String, Checks, String)} checks what ECS would otherwise reject only at apply time:
 * <ul>
 *   <li>the document is a JSON array with at least one object (duplicate keys and trailing text are errors);</li>
 *   <li>every container has a unique {@code name} (up to 255 letters, digits, {@code -} and {@code _}) and an
 *       {@code image};</li>
 *   <li>at least one container is essential ({@code essential} is {@code true} or omitted, as ECS assumes
 *       {@code true} when it is omitted);</li>
 *   <li>{@code memory} and {@code memoryReservation}, when present, are integers of at least 6 (MiB);</li>
 *   <li>every {@code portMappings[].containerPort} is an integer from 1 to 65535.</li>
 * </ul>
 * Everything else is passed to ECS unchanged. Instances are immutable: {@link #withAwsLogs} returns a new one.
 * {@link #toJson()} renders the array with sorted keys, so that the same input always gives the same string.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html">
 * ContainerDefinition</a>.
 */
public final class ContainerDefinitions {
  /** ECS container names: up to 255 letters, digits, hyphens and underscores. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /** The smallest container memory ECS accepts for Docker 20.10 and later, in MiB. */
  static final int MIN_CONTAINER_MEMORY_MIB = 6;

  private static final ObjectReader READER = JsonDocs.mapper().reader()
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final ArrayNode containers;

  private ContainerDefinitions(ArrayNode containers) {
    this.containers = containers;
  }

  /**
   * Parses and checks a {@code containerDefinitions} array, recording every problem in {@code checks}.
   *
   * <p>Problems are recorded under {@code field}, for example {@code containerDefinitions[1].image is required
   * (container "sidecar")}. Malformed JSON gives one problem with Jackson's description and the line and column.
   *
   * @param json the JSON text of the array
   * @param checks where problems are recorded
   * @param field the field path the JSON came from, used as the prefix of every problem
   * @return the parsed definitions, or {@code null} when at least one problem was found
   */
  public static ContainerDefinitions parse(String json, Checks checks, String field) {
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(field, "field");
    if (!checks.required(field, json)) {
      return null;
    }
    JsonNode root;
    try (JsonParser parser = READER.createParser(json)) {
      root = READER.readTree(parser);
      if (parser.nextToken() != null) {
        checks.check(false, field, "is not valid JSON: unexpected text after the end of the array"
            + at(parser.currentTokenLocation()));
        return null;
      }
    } catch (JsonProcessingException e) {
      checks.check(false, field, "is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read containerDefinitions from a string", e);
    }
    if (root == null || !root.isArray()) {
      checks.check(false, field, "must be a JSON array of container definitions, got " + describe(root));
      return null;
    }
    if (root.isEmpty()) {
      checks.check(false, field, "must contain at least one container definition, got []");
      return null;
    }
    Found found = new Found(checks);
    boolean anyEssential = false;
    boolean essentialUnknown = false;
    boolean anyObject = false;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode container = root.get(i);
      String at = field + "[" + i + "]";
      if (!container.isObject()) {
        found.add(at, "must be a JSON object, got " + describe(container));
        continue;
      }
      anyObject = true;
      String name = checkName(container.get("name"), at, i, seen, field, found);
      String of = name == null ? "" : " (container " + Checks.quote(name) + ")";

      JsonNode image = container.get("image");
      if (isAbsent(image)) {
        found.add(at + ".image", "is required" + of);
      } else if (!image.isTextual()) {
        found.add(at + ".image", "must be a string, got " + describe(image) + of);
      }

      JsonNode essential = container.get("essential");
      if (essential == null || essential.isNull()) {
        anyEssential = true;
      } else if (essential.isBoolean()) {
        anyEssential |= essential.booleanValue();
      } else {
        essentialUnknown = true;
        found.add(at + ".essential", "must be true or false, got " + describe(essential) + of);
      }

      for (String memoryField : List.of("memory", "memoryReservation")) {
        JsonNode memory = container.get(memoryField);
        if (memory != null && !memory.isNull() && !(isInt(memory) && memory.intValue() >= MIN_CONTAINER_MEMORY_MIB)) {
          found.add(at + "." + memoryField, "must be an integer >= " + MIN_CONTAINER_MEMORY_MIB
              + " (MiB), got " + describe(memory) + of);
        }
      }

      checkPortMappings(container.get("portMappings"), at + ".portMappings", of, found);

      JsonNode logConfiguration = container.get("logConfiguration");
      if (logConfiguration != null && !logConfiguration.isNull() && !logConfiguration.isObject()) {
        found.add(at + ".logConfiguration", "must be a JSON object, got " + describe(logConfiguration) + of);
      }
    }
    if (anyObject && !anyEssential && !essentialUnknown) {
      found.add(field, "must have at least one essential container (\"essential\": true, or omitted),"
          + " got none");
    }
    return found.count == 0 ? new ContainerDefinitions((ArrayNode) root) : null;
  }

  /**
   * Parses and checks a {@code containerDefinitions} array, throwing every problem at once.
   *
   * @param json the JSON text of the array
   * @return the parsed definitions
   * @throws com.acme.platform.constructs.core.InvalidPropsException with subject {@code ContainerDefinitions} and
   *     fields starting with {@code containerDefinitions}, when the array is invalid
   */
  public static ContainerDefinitions parse(String json) {
    Checks checks = Checks.of("ContainerDefinitions");
    ContainerDefinitions parsed = parse(json, checks, "containerDefinitions");
    checks.throwIfAny();
    return parsed;
  }

  private static String checkName(JsonNode name, String at, int index, Map<String, Integer> seen, String field,
      Found found) {
    if (isAbsent(name)) {
      found.add(at + ".name", "is required");
      return null;
    }
    if (!name.isTextual()) {
      found.add(at + ".name", "must be a string, got " + describe(name));
      return null;
    }
    String value = name.textValue();
    if (!NAME.matcher(value).matches()) {
      found.add(at + ".name", "must be 1-255 letters, digits, '-' or '_', got " + Checks.quote(value));
    }
    Integer first = seen.putIfAbsent(value, index);
    if (first != null) {
      found.add(at + ".name", "must be unique, got " + Checks.quote(value) + " (also " + field + "["
          + first + "].name)");
    }
    return value;
  }

  private static void checkPortMappings(JsonNode mappings, String at, String of, Found found) {
    if (mappings == null || mappings.isNull()) {
      return;
    }
    if (!mappings.isArray()) {
      found.add(at, "must be a JSON array, got " + describe(mappings) + of);
      return;
    }
    for (int j = 0; j < mappings.size(); j++) {
      JsonNode mapping = mappings.get(j);
      String mappingAt = at + "[" + j + "]";
      if (!mapping.isObject()) {
        found.add(mappingAt, "must be a JSON object, got " + describe(mapping) + of);
        continue;
      }
      JsonNode port = mapping.get("containerPort");
      if (isAbsent(port)) {
        found.add(mappingAt + ".containerPort", "is required" + of);
      } else if (!(isInt(port) && port.intValue() >= 1 && port.intValue() <= 65535)) {
        found.add(mappingAt + ".containerPort", "must be an integer between 1 and 65535, got "
            + describe(port) + of);
      }
    }
  }

  /** Records problems in the caller's {@link Checks} and counts those of this parse. */
  private static final class Found {
    private final Checks checks;
    private int count;

    Found(Checks checks) {
      this.checks = checks;
    }

    void add(String field, String message) {
      checks.check(false, field, message);
      count++;
    }
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isTextual() && node.textValue().isBlank();
  }

  private static boolean isInt(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToInt();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a JSON object";
    }
    if (node.isArray()) {
      return "a JSON array";
    }
    return node.toString();
  }

  /**
   * Sends the logs of every container that has no {@code logConfiguration} to a CloudWatch log group with the
   * {@code awslogs} driver. Containers that already have a {@code logConfiguration} keep it unchanged.
   *
   * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html">Using the
   * awslogs log driver</a>.
   *
   * @param logGroupName the value of {@code awslogs-group}
   * @param region the value of {@code awslogs-region}, for example {@code eu-west-1}
   * @param streamPrefix the value of {@code awslogs-stream-prefix}
   * @return new definitions with the log configuration added
   */
  public ContainerDefinitions withAwsLogs(String logGroupName, String region, String streamPrefix) {
    Objects.requireNonNull(logGroupName, "logGroupName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(streamPrefix, "streamPrefix");
    ArrayNode copy = containers.deepCopy();
    for (JsonNode container : copy) {
      JsonNode existing = container.get("logConfiguration");
      if (existing == null || existing.isNull()) {
        ObjectNode logConfiguration = ((ObjectNode) container).putObject("logConfiguration");
        logConfiguration.put("logDriver", "awslogs");
        logConfiguration.putObject("options")
            .put("awslogs-group", logGroupName)
            .put("awslogs-region", region)
            .put("awslogs-stream-prefix", streamPrefix);
      }
    }
    return new ContainerDefinitions(copy);
  }

  /**
   * The container names, in the order of the array.
   *
   * @return the container names
   */
  public List<String> containerNames() {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.get("name").textValue()));
    return List.copyOf(names);
  }

  /**
   * Whether a container of this name exists.
   *
   * @param containerName a container name
   * @return true when one of the definitions has this {@code name}
   */
  public boolean hasContainer(String containerName) {
    return containerNames().contains(containerName);
  }

  /**
   * The {@code portMappings[].containerPort} values of one container, in the order they are declared.
   *
   * @param containerName a container name
   * @return the container ports; empty when the container has no port mappings
   * @throws IllegalArgumentException when no container has this name
   */
  public List<Integer> containerPorts(String containerName) {
    JsonNode container = find(containerName);
    List<Integer> ports = new ArrayList<>();
    JsonNode mappings = container.get("portMappings");
    if (mappings != null && mappings.isArray()) {
      mappings.forEach(m -> ports.add(m.get("containerPort").intValue()));
    }
    return List.copyOf(ports);
  }

  /**
   * The containers that set neither {@code memory} nor {@code memoryReservation}. On EC2, ECS needs memory at the
   * task level when this is not empty.
   *
   * @return their names, in the order of the array
   */
  public List<String> containersWithoutMemory() {
    List<String> names = new ArrayList<>();
    for (JsonNode container : containers) {
      if (isAbsent(container.get("memory")) && isAbsent(container.get("memoryReservation"))) {
        names.add(container.get("name").textValue());
      }
    }
    return List.copyOf(names);
  }

  private JsonNode find(String containerName) {
    for (JsonNode container : containers) {
      if (container.get("name").textValue().equals(containerName)) {
        return container;
      }
    }
    throw new IllegalArgumentException("no container named " + Checks.quote(containerName)
        + " in containerDefinitions (found " + containerNames() + ")");
  }

  /**
   * The definitions as compact JSON with sorted keys, ready for {@code aws_ecs_task_definition.container_definitions}.
   *
   * @return the JSON array text
   */
  public String toJson() {
    try {
      return JsonDocs.toJson(JsonDocs.mapper().treeToValue(containers, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render containerDefinitions: " + e.getOriginalMessage(), e);
    }
  }

  /** The same as {@link #toJson()}. */
  @Override
  public String toString() {
    return toJson();
  }
}
