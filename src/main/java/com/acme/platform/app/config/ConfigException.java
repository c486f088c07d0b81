package com.acme.platform.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the input files of one run, sorted by file and field. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems; at least one
   */
  public ConfigException(List<ConfigError> errors) {
    super(format(errors));
    this.errors = errors.stream().sorted().toList();
  }

  /** The problems, sorted by file and field. */
  public List<ConfigError> getErrors() {
    return errors;
  }

  private static String format(List<ConfigError> errors) {
    return errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the platform configuration:\n"
        + errors.stream().sorted().map(e -> "  " + e).collect(Collectors.joining("\n"));
  }
}
