package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.core.JsonDocs;
import com.acme.platform.constructs.core.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads and writes ECS {@code containerDefinitions} arrays (the shape {@code aws ecs register-task-definition}
 * takes) as lists of {@link ContainerDefinition}, and checks what only the whole list can tell.
 *
 * <p>{@link #fromJson(String, Checks, String)} is the import path for files: it parses the text once, reports wrong
 * types and unknown fields with their path ({@code [1].portMappings[0].containerPort}), and builds each container
 * through {@link ContainerDefinition#builder()}, so a file and code meet the same checks. List checks: at least one
 * container, unique names, at least one essential container, and {@code dependsOn} naming containers of the list.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html">
 * ContainerDefinition</a>.
 */
public final class ContainerDefinitions {
  /** A private reader: strict about duplicate keys, and not shared with any other code. */
  private static final ObjectReader READER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build().reader();
  /** The fields {@link #fromJson} reads, in ECS's names. */
  static final Set<String> FIELDS = new TreeSet<>(List.of("name", "image", "cpu", "memory", "memoryReservation",
      "portMappings", "environment", "secrets", "healthCheck", "mountPoints", "dependsOn", "command", "entryPoint",
      "essential", "logConfiguration", "ulimits", "user", "workingDirectory", "readonlyRootFilesystem",
      "stopTimeout", "privileged"));
  /**
   * Task-level settings that sometimes get pasted into a container definition, with why the platform never sets
   * them: every task runs in {@code bridge} network mode and shares neither the host's network, process nor IPC
   * namespace.
   */
  static final Map<String, String> TASK_LEVEL_FIELDS = Map.of(
      "networkMode", "is a task definition setting, not a container one: the platform runs every task in bridge"
          + " network mode and never on the host's network",
      "pidMode", "is a task definition setting, not a container one: the platform never shares the host's process"
          + " namespace with a task (checkov CKV_AWS_335)",
      "ipcMode", "is a task definition setting, not a container one: the platform never shares the host's IPC"
          + " namespace with a task");

  private ContainerDefinitions() {}

  /**
   * Parses and checks a {@code containerDefinitions} array, recording every problem in {@code checks} under
   * {@code field}.
   *
   * @param json the JSON text of the array
   * @param checks where problems are recorded
   * @param field the path the JSON came from, the prefix of every problem ({@code ""} for a whole file)
   * @return the containers, or {@code null} when at least one problem was found
   */
  public static List<ContainerDefinition> fromJson(String json, Checks checks, String field) {
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(field, "field");
    String whole = field.isEmpty() ? "containerDefinitions" : field;
    if (!checks.required(whole, json)) {
      return null;
    }
    JsonNode root;
    try (JsonParser parser = READER.createParser(json)) {
      root = READER.readTree(parser);
      if (parser.nextToken() != null) {
        checks.check(false, whole, "is not valid JSON: unexpected text after the end of the array"
            + at(parser.currentTokenLocation()));
        return null;
      }
    } catch (JsonProcessingException e) {
      checks.check(false, whole, "is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read containerDefinitions from a string", e);
    }
    return fromTree(root, checks, field);
  }

  /**
   * Checks and converts an already parsed {@code containerDefinitions} array, for callers that read the JSON
   * themselves (for example to report line numbers): the same checks as {@link #fromJson(String, Checks, String)}.
   *
   * @param root the array
   * @param checks where problems are recorded
   * @param field the path the JSON came from, the prefix of every problem ({@code ""} for a whole file)
   * @return the containers, or {@code null} when at least one problem was found
   */
  public static List<ContainerDefinition> fromTree(JsonNode root, Checks checks, String field) {
    String whole = field.isEmpty() ? "containerDefinitions" : field;
    if (root == null || !root.isArray()) {
      checks.check(false, whole, "must be a JSON array of container definitions, got " + Reader.describe(root));
      return null;
    }
    Checks found = Checks.of("ContainerDefinitions");
    List<ContainerDefinition> containers = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      ContainerDefinition container = read(root.get(i), field + "[" + i + "]", found);
      if (container != null) {
        containers.add(container);
      }
    }
    if (found.isClean()) {
      checkList(containers, found, field);
    }
    if (!found.isClean()) {
      found.problems().forEach(p -> checks.check(false, p.field(), p.message()));
      return null;
    }
    return List.copyOf(containers);
  }

  /**
   * Parses and checks a {@code containerDefinitions} array, throwing every problem at once.
   *
   * @param json the JSON text of the array
   * @return the containers
   * @throws InvalidPropsException with subject {@code ContainerDefinitions} and fields such as
   *     {@code [1].image}, when the array is invalid
   */
  public static List<ContainerDefinition> fromJson(String json) {
    Checks checks = Checks.of("ContainerDefinitions");
    List<ContainerDefinition> parsed = fromJson(json, checks, "");
    checks.throwIfAny();
    return parsed;
  }

  /**
   * Checks what only a whole task's containers can tell: at least one, unique names, at least one essential, and
   * dependencies on containers of the same task.
   *
   * @param containers the task's containers
   * @param checks where problems are recorded
   * @param field the prefix of every problem
   */
  public static void checkList(List<ContainerDefinition> containers, Checks checks, String field) {
    String whole = field.isEmpty() ? "containerDefinitions" : field;
    if (containers.isEmpty()) {
      checks.check(false, whole, "must contain at least one container definition, got []");
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < containers.size(); i++) {
      String name = containers.get(i).name();
      Integer first = seen.putIfAbsent(name, i);
      checks.check(first == null, field + "[" + i + "].name", "must be unique, got " + Checks.quote(name)
          + " (also " + field + "[" + first + "].name)");
    }
    checks.check(containers.stream().anyMatch(ContainerDefinition::isEssential), whole,
        "must have at least one essential container (\"essential\": true, or omitted), got none");
    for (int i = 0; i < containers.size(); i++) {
      List<ContainerDependency> deps = containers.get(i).dependsOn();
      for (int j = 0; j < deps.size(); j++) {
        String target = deps.get(j).containerName();
        checks.check(target == null || seen.containsKey(target), field + "[" + i + "].dependsOn[" + j
            + "].containerName", "must name a container of the same task, got " + Checks.quote(target)
            + " (found " + names(containers) + ")");
      }
    }
  }

  /**
   * The containers as compact JSON with sorted keys, ready for
   * {@code aws_ecs_task_definition.container_definitions}.
   *
   * @param containers the containers
   * @return the JSON array text
   */
  public static String toJson(List<ContainerDefinition> containers) {
    return JsonDocs.toJson(containers.stream().map(ContainerDefinition::toJsonElement).toList());
  }

  /**
   * The container names, in order.
   *
   * @param containers the containers
   * @return their names
   */
  public static List<String> names(List<ContainerDefinition> containers) {
    return containers.stream().map(ContainerDefinition::name).toList();
  }

  /**
   * The container of a given name.
   *
   * @param containers the containers
   * @param name a container name
   * @return the container, or {@code null} when none has that name
   */
  public static ContainerDefinition named(List<ContainerDefinition> containers, String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Sends the logs of every container without a {@code logConfiguration} to a CloudWatch log group with the
   * {@code awslogs} driver; the others keep theirs.
   *
   * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html">Using the
   * awslogs log driver</a>.
   *
   * @param containers the containers
   * @param logGroupName the value of {@code awslogs-group}
   * @param region the value of {@code awslogs-region}
   * @param streamPrefix the value of {@code awslogs-stream-prefix}
   * @return new containers with the log configuration added
   */
  public static List<ContainerDefinition> withAwsLogs(List<ContainerDefinition> containers, String logGroupName,
      String region, String streamPrefix) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("awslogs-group", logGroupName);
    options.put("awslogs-region", region);
    options.put("awslogs-stream-prefix", streamPrefix);
    LogConfiguration awslogs = new LogConfiguration("awslogs", options);
    return containers.stream().map(c -> c.logConfiguration() != null ? c
        : c.toBuilder().logConfiguration(awslogs).build()).toList();
  }

  /**
   * Registers every container whose definition does not say otherwise with a read-only root filesystem (checkov
   * CKV_AWS_336): a compromised process then cannot change the image's files. A container that must write gets a
   * scratch volume mounted where it writes, or says {@code "readonlyRootFilesystem": false}.
   *
   * @param containers the containers
   * @return new containers, {@code readonlyRootFilesystem} set to {@code true} where it was not set
   */
  public static List<ContainerDefinition> withReadonlyRootFilesystem(List<ContainerDefinition> containers) {
    return containers.stream().map(c -> c.readonlyRootFilesystem() != null ? c
        : c.toBuilder().readonlyRootFilesystem(true).build()).toList();
  }

  private static ContainerDefinition read(JsonNode node, String at, Checks found) {
    if (!node.isObject()) {
      found.check(false, at, "must be a JSON object, got " + Reader.describe(node));
      return null;
    }
    Reader r = new Reader(node, at);
    String name = r.string("name");
    node.fieldNames().forEachRemaining(key -> r.check(FIELDS.contains(key), at + "." + key,
        TASK_LEVEL_FIELDS.getOrDefault(key, "is not a supported container definition field (supported: " + FIELDS
            + ")")));
    ContainerDefinition.Builder b = ContainerDefinition.builder()
        .name(name)
        .image(r.string("image"))
        .cpu(r.integer("cpu"))
        .memoryMiB(r.integer("memory"))
        .memoryReservationMiB(r.integer("memoryReservation"))
        .portMappings(r.objects("portMappings", m -> new PortMapping(m.integerOr("containerPort", 0),
            m.integer("hostPort"), m.string("protocol"))))
        .environment(r.pairs("environment", "value"))
        .secrets(r.pairs("secrets", "valueFrom"))
        .healthCheck(r.object("healthCheck", h -> new HealthCheck(h.strings("command"), h.integer("interval"),
            h.integer("timeout"), h.integer("retries"), h.integer("startPeriod"))))
        .mountPoints(r.objects("mountPoints", m -> new MountPoint(m.string("sourceVolume"),
            m.string("containerPath"), m.bool("readOnly"))))
        .dependsOn(r.objects("dependsOn", d -> new ContainerDependency(d.string("containerName"),
            d.string("condition"))))
        .command(r.strings("command"))
        .entryPoint(r.strings("entryPoint"))
        .essential(r.bool("essential"))
        .logConfiguration(r.object("logConfiguration", l -> new LogConfiguration(l.string("logDriver"),
            l.stringMap("options"))))
        .ulimits(r.objects("ulimits", u -> new Ulimit(u.string("name"), u.integerOr("softLimit", 0),
            u.integerOr("hardLimit", 0))))
        .user(r.string("user"))
        .workingDirectory(r.string("workingDirectory"))
        .readonlyRootFilesystem(r.bool("readonlyRootFilesystem"))
        .stopTimeoutSeconds(r.integer("stopTimeout"))
        .privileged(r.bool("privileged"));
    String of = name == null ? "" : " (container " + Checks.quote(name) + ")";
    r.problems.forEach(p -> found.check(false, p.field(), p.message() + of));
    if (!r.problems.isEmpty()) {
      return null;
    }
    try {
      return b.build();
    } catch (InvalidPropsException e) {
      // The builder's problems name its properties; a file names ECS's fields, so translate them back.
      for (Problem p : e.getProblems()) {
        found.check(false, at + "." + jsonField(p.field()), p.message() + of);
      }
      return null;
    }
  }

  /** The ECS field a builder property was read from ({@code memoryMiB} is {@code memory} in the file). */
  static String jsonField(String property) {
    return property.replaceFirst("^memoryMiB", "memory").replaceFirst("^memoryReservationMiB", "memoryReservation")
        .replaceFirst("^stopTimeoutSeconds", "stopTimeout").replaceFirst("^healthCheck\\.intervalSeconds",
            "healthCheck.interval").replaceFirst("^healthCheck\\.timeoutSeconds", "healthCheck.timeout")
        .replaceFirst("^healthCheck\\.startPeriodSeconds", "healthCheck.startPeriod");
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Reads typed values from one JSON object, recording a problem per wrong type. */
  private static final class Reader {
    private final JsonNode node;
    private final String at;
    private final List<Problem> problems;

    Reader(JsonNode node, String at) {
      this(node, at, new ArrayList<>());
    }

    private Reader(JsonNode node, String at, List<Problem> problems) {
      this.node = node;
      this.at = at;
      this.problems = problems;
    }

    void check(boolean ok, String field, String message) {
      if (!ok) {
        problems.add(new Problem(field, message));
      }
    }

    private JsonNode get(String key) {
      JsonNode value = node.get(key);
      return value == null || value.isNull() ? null : value;
    }

    private void wrong(String key, String expected, JsonNode value) {
      problems.add(new Problem(at + "." + key, "must be " + expected + ", got " + describe(value)));
    }

    String string(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      if (!v.isTextual()) {
        wrong(key, "a string", v);
        return null;
      }
      return v.textValue();
    }

    Integer integer(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      if (!(v.isIntegralNumber() && v.canConvertToInt())) {
        wrong(key, "an integer", v);
        return null;
      }
      return v.intValue();
    }

    int integerOr(String key, int missing) {
      if (get(key) == null) {
        problems.add(new Problem(at + "." + key, "is required"));
        return missing;
      }
      Integer value = integer(key);
      return value == null ? missing : value;
    }

    Boolean bool(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      if (!v.isBoolean()) {
        wrong(key, "true or false", v);
        return null;
      }
      return v.booleanValue();
    }

    List<String> strings(String key) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      List<String> values = new ArrayList<>();
      if (!v.isArray()) {
        wrong(key, "a JSON array of strings", v);
        return null;
      }
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          wrong(key + "[" + i + "]", "a string", v.get(i));
        } else {
          values.add(v.get(i).textValue());
        }
      }
      return values;
    }

    Map<String, String> stringMap(String key) {
      JsonNode v = get(key);
      Map<String, String> values = new LinkedHashMap<>();
      if (v == null) {
        return values;
      }
      if (!v.isObject()) {
        wrong(key, "a JSON object of strings", v);
        return values;
      }
      v.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          values.put(e.getKey(), e.getValue().textValue());
        } else {
          wrong(key + "." + e.getKey(), "a string", e.getValue());
        }
      });
      return values;
    }

    /** An array of {@code {"name": ..., valueKey: ...}} objects, as a map in array order. */
    Map<String, String> pairs(String key, String valueKey) {
      Map<String, String> values = new LinkedHashMap<>();
      List<Reader> entries = elements(key);
      for (int i = 0; i < entries.size(); i++) {
        Reader e = entries.get(i);
        String name = e.string("name");
        String value = e.string(valueKey);
        if (name == null) {
          problems.add(new Problem(at + "." + key + "[" + i + "].name", "is required"));
        } else if (values.containsKey(name)) {
          problems.add(new Problem(at + "." + key + "[" + i + "].name", "must be unique, got "
              + Checks.quote(name)));
        } else if (value == null) {
          problems.add(new Problem(at + "." + key + "[" + i + "]." + valueKey, "is required"));
        } else {
          values.put(name, value);
        }
      }
      return values;
    }

    <T> T object(String key, Function<Reader, T> read) {
      JsonNode v = get(key);
      if (v == null) {
        return null;
      }
      if (!v.isObject()) {
        wrong(key, "a JSON object", v);
        return null;
      }
      return read.apply(new Reader(v, at + "." + key, problems));
    }

    <T> List<T> objects(String key, Function<Reader, T> read) {
      return elements(key).stream().map(read).toList();
    }

    private List<Reader> elements(String key) {
      JsonNode v = get(key);
      List<Reader> readers = new ArrayList<>();
      if (v == null) {
        return readers;
      }
      if (!v.isArray()) {
        wrong(key, "a JSON array", v);
        return readers;
      }
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isObject()) {
          readers.add(new Reader(v.get(i), at + "." + key + "[" + i + "]", problems));
        } else {
          wrong(key + "[" + i + "]", "a JSON object", v.get(i));
        }
      }
      return readers;
    }

    static String describe(JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "nothing";
      }
      if (node.isObject()) {
        return "a JSON object";
      }
      return node.isArray() ? "a JSON array" : node.toString();
    }
  }
}
