package com.acme.platform.constructs.ecs;

import com.acme.platform.constructs.core.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One container of an ECS task: a typed, validated value in the shape of ECS's {@code ContainerDefinition}.
 *
 * <p>Build one in code with {@link #builder()}, or read a whole {@code containerDefinitions} array from a file with
 * {@link ContainerDefinitions#fromJson(String)}: both end in the same checks, run once, where the value is built.
 * Optional settings that are not set are not written, so ECS applies its own defaults. Secrets the container
 * references are granted to the task's execution role by {@link Ec2Service}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html">
 * ContainerDefinition</a>.
 */
public final class ContainerDefinition {
  /** ECS container names: up to 255 letters, digits, hyphens and underscores. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /** The smallest container memory ECS accepts for Docker 20.10 and later, in MiB. */
  static final int MIN_MEMORY_MIB = 6;
  /** Where ECS can read a secret from: a Secrets Manager secret or an SSM parameter, by ARN. */
  static final Pattern SECRET_SOURCE =
      Pattern.compile("arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:|ssm:[a-z0-9-]+:\\d{12}:parameter/).+");
  /** Environment variable names Docker accepts. */
  static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");
  /**
   * Variable names that say they hold a secret: one of these words as a whole {@code _}-separated part of the name
   * ({@code DB_PASSWORD}, {@code GITHUB_TOKEN}, {@code STRIPE_API_KEY}), in any case.
   */
  static final Pattern SECRET_LOOKING =
      Pattern.compile("(?i)(?:^|.*_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY)(?:_.*|$)");
  /**
   * Last name parts that make a secret-looking name a reference or a setting rather than the secret itself
   * ({@code DB_PASSWORD_FILE}, {@code TOKEN_URL}, {@code SESSION_TOKEN_TTL}).
   */
  static final Set<String> NOT_A_SECRET_SUFFIXES = Set.of("FILE", "PATH", "ARN", "URL", "URI", "ENDPOINT", "HEADER",
      "NAME", "TTL", "SECONDS", "MINUTES", "LENGTH", "ENABLED", "ID");

  private final String name;
  private final String image;
  private final Integer cpu;
  private final Integer memoryMiB;
  private final Integer memoryReservationMiB;
  private final List<PortMapping> portMappings;
  private final Map<String, String> environment;
  private final Map<String, String> secrets;
  private final HealthCheck healthCheck;
  private final List<MountPoint> mountPoints;
  private final List<ContainerDependency> dependsOn;
  private final List<String> command;
  private final List<String> entryPoint;
  private final Boolean essential;
  private final LogConfiguration logConfiguration;
  private final List<Ulimit> ulimits;
  private final String user;
  private final String workingDirectory;
  private final Boolean readonlyRootFilesystem;
  private final Integer stopTimeoutSeconds;
  private final Boolean privileged;

  private ContainerDefinition(Builder b) {
    this.name = b.name;
    this.image = b.image;
    this.cpu = b.cpu;
    this.memoryMiB = b.memoryMiB;
    this.memoryReservationMiB = b.memoryReservationMiB;
    this.portMappings = List.copyOf(b.portMappings);
    this.environment = ordered(b.environment);
    this.secrets = ordered(b.secrets);
    this.healthCheck = b.healthCheck;
    this.mountPoints = List.copyOf(b.mountPoints);
    this.dependsOn = List.copyOf(b.dependsOn);
    this.command = b.command == null ? null : List.copyOf(b.command);
    this.entryPoint = b.entryPoint == null ? null : List.copyOf(b.entryPoint);
    this.essential = b.essential;
    this.logConfiguration = b.logConfiguration;
    this.ulimits = List.copyOf(b.ulimits);
    this.user = b.user;
    this.workingDirectory = b.workingDirectory;
    this.readonlyRootFilesystem = b.readonlyRootFilesystem;
    this.stopTimeoutSeconds = b.stopTimeoutSeconds;
    this.privileged = b.privileged;

    Checks checks = Checks.of("ContainerDefinition");
    if (checks.required("name", name)) {
      checks.matches("name", name, NAME, "1-255 letters, digits, '-' or '_'");
    }
    checks.check(image == null || !image.isBlank(), "image", "must not be blank, got \"\"");
    checks.between("cpu", cpu, 0, 196_608);
    for (String field : List.of("memoryMiB", "memoryReservationMiB")) {
      Integer value = field.equals("memoryMiB") ? memoryMiB : memoryReservationMiB;
      checks.check(value == null || value >= MIN_MEMORY_MIB, field, "must be >= " + MIN_MEMORY_MIB
          + " (MiB, the least ECS accepts), got " + value);
    }
    if (memoryMiB != null && memoryReservationMiB != null) {
      checks.check(memoryReservationMiB <= memoryMiB, "memoryReservationMiB", "must be <= memoryMiB ("
          + memoryMiB + "), got " + memoryReservationMiB);
    }
    for (int i = 0; i < portMappings.size(); i++) {
      PortMapping p = portMappings.get(i);
      String at = "portMappings[" + i + "]";
      checks.between(at + ".containerPort", p.containerPort(), 1, 65_535);
      checks.between(at + ".hostPort", p.hostPort(), 0, 65_535);
      checks.oneOf(at + ".protocol", p.protocol(), List.of("tcp", "udp"));
    }
    environment.keySet().forEach(k -> checks.matches("environment", k, VARIABLE,
        "variable names of letters, digits and '_' (not starting with a digit)"));
    secrets.forEach((k, v) -> {
      checks.matches("secrets", k, VARIABLE, "variable names of letters, digits and '_' (not starting with a digit)");
      checks.matches("secrets." + k, v, SECRET_SOURCE,
          "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or an SSM"
              + " parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)");
    });
    // A secret in plain environment is stored in the task definition, which anyone allowed DescribeTaskDefinition
    // can read; ECS injects secrets from their store instead. checkov has no resource rule for it (only its secrets
    // scan); tfsec's aws-ecs-no-plaintext-secrets and AWS Config's ECS_NO_ENVIRONMENT_SECRETS look for it.
    environment.forEach((k, v) -> checks.check(!looksLikeSecret(k, v), "environment", "variable "
        + Checks.quote(k) + " looks like a secret (its name says so) and has a literal value; move it to secrets"
        + " (a Secrets Manager secret or SSM parameter ARN), so that the value is not stored in the task"
        + " definition"));
    environment.keySet().stream().filter(secrets::containsKey).forEach(k -> checks.check(false, "secrets." + k,
        "must not also be in environment (ECS rejects a variable set twice)"));
    if (healthCheck != null) {
      checks.check(!healthCheck.command().isEmpty() && List.of("CMD", "CMD-SHELL", "NONE")
          .contains(healthCheck.command().get(0)), "healthCheck.command",
          "must start with \"CMD\", \"CMD-SHELL\" or \"NONE\", got " + healthCheck.command());
      checks.between("healthCheck.intervalSeconds", healthCheck.intervalSeconds(), 5, 300);
      checks.between("healthCheck.timeoutSeconds", healthCheck.timeoutSeconds(), 2, 60);
      checks.between("healthCheck.retries", healthCheck.retries(), 1, 10);
      checks.between("healthCheck.startPeriodSeconds", healthCheck.startPeriodSeconds(), 0, 300);
    }
    for (int i = 0; i < mountPoints.size(); i++) {
      checks.required("mountPoints[" + i + "].sourceVolume", mountPoints.get(i).sourceVolume());
      checks.required("mountPoints[" + i + "].containerPath", mountPoints.get(i).containerPath());
    }
    for (int i = 0; i < dependsOn.size(); i++) {
      checks.required("dependsOn[" + i + "].containerName", dependsOn.get(i).containerName());
      if (checks.required("dependsOn[" + i + "].condition", dependsOn.get(i).condition())) {
        checks.oneOf("dependsOn[" + i + "].condition", dependsOn.get(i).condition(), CONDITIONS.stream().sorted()
            .toList());
      }
    }
    if (logConfiguration != null) {
      checks.required("logConfiguration.logDriver", logConfiguration.logDriver());
    }
    for (int i = 0; i < ulimits.size(); i++) {
      Ulimit u = ulimits.get(i);
      checks.required("ulimits[" + i + "].name", u.name());
      checks.check(u.softLimit() <= u.hardLimit(), "ulimits[" + i + "].softLimit", "must be <= hardLimit ("
          + u.hardLimit() + "), got " + u.softLimit());
    }
    checks.between("stopTimeoutSeconds", stopTimeoutSeconds, 2, 120);
    // checkov CKV_AWS_334: a privileged container has root access to the container instance, and with it to every
    // other task on that instance and to the instance role.
    checks.check(!Boolean.TRUE.equals(privileged), "privileged", "must not be true: a privileged container has root"
        + " access to the container instance and every task on it (checkov CKV_AWS_334); leave it out or set"
        + " false");
    checks.throwIfAny();
  }

  /**
   * Whether a plain environment variable looks like a secret: a secret-looking name ({@link #SECRET_LOOKING}) that
   * does not end in a reference-like part ({@link #NOT_A_SECRET_SUFFIXES}), with a non-empty value that is not a
   * secret or parameter ARN.
   *
   * @param name the variable name
   * @param value its value
   * @return whether the value should move to {@code secrets}
   */
  static boolean looksLikeSecret(String name, String value) {
    if (name == null || value == null || value.isEmpty() || SECRET_SOURCE.matcher(value).matches()
        || !SECRET_LOOKING.matcher(name).matches()) {
      return false;
    }
    String[] parts = name.toUpperCase(java.util.Locale.ROOT).split("_");
    return !NOT_A_SECRET_SUFFIXES.contains(parts[parts.length - 1]);
  }

  private static Map<String, String> ordered(Map<String, String> map) {
    // The order given is kept: it is deterministic, and the rendered JSON then reads like the input.
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this container's values, for a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().name(name).image(image).cpu(cpu).memoryMiB(memoryMiB)
        .memoryReservationMiB(memoryReservationMiB).portMappings(portMappings).environment(environment)
        .secrets(secrets).healthCheck(healthCheck).mountPoints(mountPoints).dependsOn(dependsOn).command(command)
        .entryPoint(entryPoint).essential(essential).logConfiguration(logConfiguration).ulimits(ulimits).user(user)
        .workingDirectory(workingDirectory).readonlyRootFilesystem(readonlyRootFilesystem)
        .stopTimeoutSeconds(stopTimeoutSeconds).privileged(privileged);
    return b;
  }

  /**
   * The container name, unique within its task: 1-255 letters, digits, {@code -} and {@code _}. Required.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The image reference. Required by {@link Ec2Service}; a file may leave it out for a container whose image the
   * application sets (then {@link #toBuilder()} adds it).
   *
   * @return the image, or {@code null} when not set yet
   */
  public String image() {
    return image;
  }

  /**
   * CPU units reserved for the container. Default: not written (the container shares the task's CPU).
   *
   * @return the units, or {@code null}
   */
  public Integer cpu() {
    return cpu;
  }

  /**
   * Hard memory limit in MiB, at least 6. Default: not written (then the task or {@code memoryReservationMiB}
   * must bound memory).
   *
   * @return the limit, or {@code null}
   */
  public Integer memoryMiB() {
    return memoryMiB;
  }

  /**
   * Soft memory limit (what ECS reserves on the instance) in MiB, at least 6. Default: not written.
   *
   * @return the reservation, or {@code null}
   */
  public Integer memoryReservationMiB() {
    return memoryReservationMiB;
  }

  /**
   * Ports the container listens on. Default: none.
   *
   * @return the port mappings
   */
  public List<PortMapping> portMappings() {
    return portMappings;
  }

  /**
   * Plain environment variables, in the order given. Default: none. Never put secrets here: use {@link #secrets()}.
   *
   * @return variable name to value
   */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Environment variables ECS reads from Secrets Manager or SSM Parameter Store at task start, by ARN; the
   * execution role is granted exactly these. Default: none.
   *
   * @return variable name to secret or parameter ARN
   */
  public Map<String, String> secrets() {
    return secrets;
  }

  /**
   * The container health check. Default: none.
   *
   * @return the health check, or {@code null}
   */
  public HealthCheck healthCheck() {
    return healthCheck;
  }

  /**
   * Task volumes mounted into the container. Default: none.
   *
   * @return the mount points
   */
  public List<MountPoint> mountPoints() {
    return mountPoints;
  }

  /**
   * Containers that must reach a condition before this one starts. Default: none.
   *
   * @return the dependencies
   */
  public List<ContainerDependency> dependsOn() {
    return dependsOn;
  }

  /**
   * The command. Default: not written (the image's {@code CMD}).
   *
   * @return the command, or {@code null}
   */
  public List<String> command() {
    return command;
  }

  /**
   * The entry point. Default: not written (the image's {@code ENTRYPOINT}).
   *
   * @return the entry point, or {@code null}
   */
  public List<String> entryPoint() {
    return entryPoint;
  }

  /**
   * Whether the task stops when this container stops. Default: not written, which ECS treats as {@code true}.
   *
   * @return the flag, or {@code null}
   */
  public Boolean essential() {
    return essential;
  }

  /**
   * Whether the task stops when this container stops, with ECS's default applied.
   *
   * @return {@code true} unless {@code essential} is {@code false}
   */
  public boolean isEssential() {
    return essential == null || essential;
  }

  /**
   * The log configuration. Default: the service's CloudWatch log group with the {@code awslogs} driver.
   *
   * @return the log configuration, or {@code null} for the default
   */
  public LogConfiguration logConfiguration() {
    return logConfiguration;
  }

  /**
   * Resource limits. Default: none (Docker's).
   *
   * @return the limits
   */
  public List<Ulimit> ulimits() {
    return ulimits;
  }

  /**
   * The user the container runs as. Default: not written (the image's user).
   *
   * @return the user, or {@code null}
   */
  public String user() {
    return user;
  }

  /**
   * The working directory. Default: not written (the image's).
   *
   * @return the directory, or {@code null}
   */
  public String workingDirectory() {
    return workingDirectory;
  }

  /**
   * Whether the root filesystem is read-only. Default: not written here; {@link Ec2Service} registers every
   * container whose definition leaves it out with {@code true} (checkov CKV_AWS_336). Set {@code false} for a
   * container that must write to its root filesystem, or give it a scratch volume
   * ({@link Ec2ServiceProps#scratchVolumes()}) mounted where it writes.
   *
   * @return the flag, or {@code null}
   */
  public Boolean readonlyRootFilesystem() {
    return readonlyRootFilesystem;
  }

  /**
   * Seconds ECS waits after SIGTERM before it kills the container, 2-120. Default: not written (ECS uses 30).
   *
   * @return the seconds, or {@code null}
   */
  public Integer stopTimeoutSeconds() {
    return stopTimeoutSeconds;
  }

  /**
   * Whether the container runs privileged. Only {@code false} (or leaving it out) is accepted: privileged containers
   * are refused (checkov CKV_AWS_334). Default: not written (ECS: not privileged).
   *
   * @return the flag, or {@code null}
   */
  public Boolean privileged() {
    return privileged;
  }

  /**
   * The port mapping of a container port.
   *
   * @param containerPort a port
   * @return the mapping, or {@code null} when the container does not map that port
   */
  public PortMapping portMapping(int containerPort) {
    return portMappings.stream().filter(p -> p.containerPort() == containerPort).findFirst().orElse(null);
  }

  /**
   * The container as ECS's JSON structure (maps and lists), without unset optional fields.
   *
   * @return the structure, for {@link ContainerDefinitions#toJson(List)}
   */
  Map<String, Object> toJsonElement() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    putIfSet(json, "image", image);
    putIfSet(json, "cpu", cpu);
    putIfSet(json, "memory", memoryMiB);
    putIfSet(json, "memoryReservation", memoryReservationMiB);
    putIfSet(json, "essential", essential);
    if (!portMappings.isEmpty()) {
      json.put("portMappings", portMappings.stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("containerPort", p.containerPort());
        putIfSet(m, "hostPort", p.hostPort());
        putIfSet(m, "protocol", p.protocol());
        return m;
      }).toList());
    }
    if (!environment.isEmpty()) {
      json.put("environment", pairs(environment, "value"));
    }
    if (!secrets.isEmpty()) {
      json.put("secrets", pairs(secrets, "valueFrom"));
    }
    if (healthCheck != null) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("command", healthCheck.command());
      // ECS's defaults written out: see HealthCheck on why they may not be left to ECS.
      h.put("interval", healthCheck.intervalSeconds() != null ? healthCheck.intervalSeconds() : 30);
      h.put("timeout", healthCheck.timeoutSeconds() != null ? healthCheck.timeoutSeconds() : 5);
      h.put("retries", healthCheck.retries() != null ? healthCheck.retries() : 3);
      putIfSet(h, "startPeriod", healthCheck.startPeriodSeconds());
      json.put("healthCheck", h);
    }
    if (!mountPoints.isEmpty()) {
      json.put("mountPoints", mountPoints.stream().map(m -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("sourceVolume", m.sourceVolume());
        e.put("containerPath", m.containerPath());
        putIfSet(e, "readOnly", m.readOnly());
        return e;
      }).toList());
    }
    if (!dependsOn.isEmpty()) {
      json.put("dependsOn", dependsOn.stream()
          .map(d -> Map.of("containerName", d.containerName(), "condition", d.condition())).toList());
    }
    putIfSet(json, "command", command);
    putIfSet(json, "entryPoint", entryPoint);
    if (logConfiguration != null) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("logDriver", logConfiguration.logDriver());
      if (!logConfiguration.options().isEmpty()) {
        l.put("options", logConfiguration.options());
      }
      json.put("logConfiguration", l);
    }
    if (!ulimits.isEmpty()) {
      json.put("ulimits", ulimits.stream()
          .map(u -> Map.of("name", u.name(), "softLimit", u.softLimit(), "hardLimit", u.hardLimit())).toList());
    }
    putIfSet(json, "user", user);
    putIfSet(json, "workingDirectory", workingDirectory);
    putIfSet(json, "readonlyRootFilesystem", readonlyRootFilesystem);
    putIfSet(json, "stopTimeout", stopTimeoutSeconds);
    putIfSet(json, "privileged", privileged);
    return json;
  }

  private static void putIfSet(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static List<Map<String, String>> pairs(Map<String, String> map, String valueKey) {
    List<Map<String, String>> list = new ArrayList<>();
    map.forEach((k, v) -> list.add(Map.of("name", k, valueKey, v)));
    return list;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContainerDefinition c && toJsonElement().equals(c.toJsonElement());
  }

  @Override
  public int hashCode() {
    return toJsonElement().hashCode();
  }

  @Override
  public String toString() {
    return "ContainerDefinition" + ContainerDefinitions.toJson(List.of(this));
  }

  /** Builder for {@link ContainerDefinition}. Collections given to it are copied. */
  public static final class Builder {
    private String name;
    private String image;
    private Integer cpu;
    private Integer memoryMiB;
    private Integer memoryReservationMiB;
    private final List<PortMapping> portMappings = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private HealthCheck healthCheck;
    private final List<MountPoint> mountPoints = new ArrayList<>();
    private final List<ContainerDependency> dependsOn = new ArrayList<>();
    private List<String> command;
    private List<String> entryPoint;
    private Boolean essential;
    private LogConfiguration logConfiguration;
    private final List<Ulimit> ulimits = new ArrayList<>();
    private String user;
    private String workingDirectory;
    private Boolean readonlyRootFilesystem;
    private Integer stopTimeoutSeconds;
    private Boolean privileged;

    private Builder() {}

    /**
     * Sets {@link ContainerDefinition#name()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder name(String v) { this.name = v; return this; }
    /**
     * Sets {@link ContainerDefinition#image()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder image(String v) { this.image = v; return this; }
    /**
     * Sets {@link ContainerDefinition#cpu()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder cpu(Integer v) { this.cpu = v; return this; }
    /**
     * Sets {@link ContainerDefinition#memoryMiB()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder memoryMiB(Integer v) { this.memoryMiB = v; return this; }
    /**
     * Sets {@link ContainerDefinition#memoryReservationMiB()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder memoryReservationMiB(Integer v) { this.memoryReservationMiB = v; return this; }
    /**
     * Replaces {@link ContainerDefinition#portMappings()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder portMappings(List<PortMapping> v) { replace(portMappings, v); return this; }
    /**
     * Adds one port mapping.
     *
     * @param v the mapping
     * @return this builder
     */
    public Builder portMapping(PortMapping v) { portMappings.add(Objects.requireNonNull(v, "portMapping")); return this; }
    /**
     * Replaces {@link ContainerDefinition#environment()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder environment(Map<String, String> v) { replace(environment, v); return this; }
    /**
     * Adds one environment variable.
     *
     * @param variable the name
     * @param value the value
     * @return this builder
     */
    public Builder environment(String variable, String value) { environment.put(variable, value); return this; }
    /**
     * Replaces {@link ContainerDefinition#secrets()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder secrets(Map<String, String> v) { replace(secrets, v); return this; }
    /**
     * Adds one secret.
     *
     * @param variable the environment variable the container sees
     * @param valueFrom the secret or parameter ARN
     * @return this builder
     */
    public Builder secret(String variable, String valueFrom) { secrets.put(variable, valueFrom); return this; }
    /**
     * Sets {@link ContainerDefinition#healthCheck()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder healthCheck(HealthCheck v) { this.healthCheck = v; return this; }
    /**
     * Replaces {@link ContainerDefinition#mountPoints()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder mountPoints(List<MountPoint> v) { replace(mountPoints, v); return this; }
    /**
     * Replaces {@link ContainerDefinition#dependsOn()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder dependsOn(List<ContainerDependency> v) { replace(dependsOn, v); return this; }
    /**
     * Sets {@link ContainerDefinition#command()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder command(List<String> v) { this.command = v; return this; }
    /**
     * Sets {@link ContainerDefinition#entryPoint()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder entryPoint(List<String> v) { this.entryPoint = v; return this; }
    /**
     * Sets {@link ContainerDefinition#essential()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder essential(Boolean v) { this.essential = v; return this; }
    /**
     * Sets {@link ContainerDefinition#logConfiguration()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder logConfiguration(LogConfiguration v) { this.logConfiguration = v; return this; }
    /**
     * Replaces {@link ContainerDefinition#ulimits()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder ulimits(List<Ulimit> v) { replace(ulimits, v); return this; }
    /**
     * Sets {@link ContainerDefinition#user()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder user(String v) { this.user = v; return this; }
    /**
     * Sets {@link ContainerDefinition#workingDirectory()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder workingDirectory(String v) { this.workingDirectory = v; return this; }
    /**
     * Sets {@link ContainerDefinition#readonlyRootFilesystem()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder readonlyRootFilesystem(Boolean v) { this.readonlyRootFilesystem = v; return this; }
    /**
     * Sets {@link ContainerDefinition#stopTimeoutSeconds()}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder stopTimeoutSeconds(Integer v) { this.stopTimeoutSeconds = v; return this; }
    /**
     * Sets {@link ContainerDefinition#privileged()}; {@code true} is refused.
     *
     * @param v the value
     * @return this builder
     */
    public Builder privileged(Boolean v) { this.privileged = v; return this; }

    private static <T> void replace(List<T> target, List<T> values) {
      target.clear();
      if (values != null) {
        target.addAll(values);
      }
    }

    private static void replace(Map<String, String> target, Map<String, String> values) {
      target.clear();
      if (values != null) {
        target.putAll(values);
      }
    }

    /**
     * Builds the container, checking every value.
     *
     * @return the container
     * @throws com.acme.platform.constructs.core.InvalidPropsException listing every problem
     */
    public ContainerDefinition build() {
      return new ContainerDefinition(this);
    }
  }
}
