package com.acme.platform.constructs.ecs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a container's output goes. Containers without one log to the service's CloudWatch log group.
 *
 * <p>See <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html">
 * LogConfiguration</a>.
 *
 * @param logDriver the Docker log driver, for example {@code awslogs} or {@code json-file}. Required.
 * @param options the driver's options, in the order given. Default: none.
 */
public record LogConfiguration(String logDriver, Map<String, String> options) {
  /**
   * Copies the options, keeping their order.
   *
   * @param logDriver see {@link LogConfiguration#logDriver()}
   * @param options see {@link LogConfiguration#options()}
   */
  public LogConfiguration {
    options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
