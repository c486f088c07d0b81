package com.acme.platform.constructs.ecs;

/**
 * One port a container listens on, and how it is published on the container instance (bridge network mode).
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html">PortMapping</a>.
 *
 * @param containerPort the port inside the container, 1-65535. Required.
 * @param hostPort the instance port the container port is published on: {@code 0} or none for a dynamic port from
 *     the instance's ephemeral range ({@code 32768-65535}), else a fixed port, 1-65535. Default: dynamic.
 * @param protocol {@code tcp} or {@code udp}. Default: not written, which ECS treats as {@code tcp}.
 */
public record PortMapping(int containerPort, Integer hostPort, String protocol) {
  /** First port of the range Docker assigns dynamic host ports from on the ECS-optimized AMI. */
  public static final int EPHEMERAL_FROM = 32768;
  /** Last port of that range. */
  public static final int EPHEMERAL_TO = 65535;

  /**
   * A container port published on a dynamic host port.
   *
   * @param containerPort the port inside the container
   * @return the mapping
   */
  public static PortMapping dynamic(int containerPort) {
    return new PortMapping(containerPort, null, null);
  }

  /**
   * A container port published on a fixed host port (at most one such task per instance).
   *
   * @param containerPort the port inside the container
   * @param hostPort the port on the instance
   * @return the mapping
   */
  public static PortMapping fixed(int containerPort, int hostPort) {
    return new PortMapping(containerPort, hostPort, null);
  }

  /**
   * Whether Docker picks the host port when a task starts.
   *
   * @return {@code true} when {@code hostPort} is none or {@code 0}
   */
  public boolean dynamicHostPort() {
    return hostPort == null || hostPort == 0;
  }

  /**
   * The instance ports a load balancer must reach for this mapping: the ephemeral range for a dynamic host port,
   * else the fixed port.
   *
   * @return {@code [from, to]}
   */
  public int[] hostPortRange() {
    return dynamicHostPort() ? new int[] {EPHEMERAL_FROM, EPHEMERAL_TO} : new int[] {hostPort, hostPort};
  }
}
