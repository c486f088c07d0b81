package com.acme.platform.constructs.ecs;

import java.util.List;

/**
 * A container health check that Docker runs inside the container.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html">HealthCheck</a>.
 * ECS reports its default interval, timeout and retries back in the task definition; AWS provider versions before
 * 5.63 then see a change on every plan and replace the task definition (a new revision and a rolling deployment each
 * apply), so the task definition JSON always spells them out.
 *
 * @param command the command, starting with {@code CMD} or {@code CMD-SHELL}. Required.
 * @param intervalSeconds seconds between checks, 5-300. Default: ECS's 30, written out (below).
 * @param timeoutSeconds seconds before a check counts as failed, 2-60. Default: ECS's 5, written out.
 * @param retries failures before the container is unhealthy, 1-10. Default: ECS's 3, written out.
 * @param startPeriodSeconds grace seconds after start, 0-300. Default: not written (ECS uses none).
 */
public record HealthCheck(List<String> command, Integer intervalSeconds, Integer timeoutSeconds, Integer retries,
    Integer startPeriodSeconds) {
  /**
   * Copies the command.
   *
   * @param command see {@link HealthCheck#command()}
   * @param intervalSeconds see {@link HealthCheck#intervalSeconds()}
   * @param timeoutSeconds see {@link HealthCheck#timeoutSeconds()}
   * @param retries see {@link HealthCheck#retries()}
   * @param startPeriodSeconds see {@link HealthCheck#startPeriodSeconds()}
   */
  public HealthCheck {
    command = command == null ? List.of() : List.copyOf(command);
  }

  /**
   * A shell-command health check with ECS's default timing.
   *
   * @param shellCommand run with {@code CMD-SHELL}, for example {@code curl -f http://localhost/ || exit 1}
   * @return the health check
   */
  public static HealthCheck shell(String shellCommand) {
    return new HealthCheck(List.of("CMD-SHELL", shellCommand), null, null, null, null);
  }
}
