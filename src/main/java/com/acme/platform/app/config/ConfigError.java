package com.acme.platform.app.config;

/**
 * One problem in one input file.
 *
 * @param file the file, relative to the repository root, for example {@code environments/staging.json}
 * @param field the field path inside it, for example {@code services[1].routing.containerPort}; empty for the file
 * @param message what is wrong, what was received and what is allowed
 */
public record ConfigError(String file, String field, String message) implements Comparable<ConfigError> {
  @Override
  public int compareTo(ConfigError other) {
    int byFile = file.compareTo(other.file);
    return byFile != 0 ? byFile : field.compareTo(other.field);
  }

  @Override
  public String toString() {
    return field.isEmpty() ? file + ": " + message : file + ": " + field + ": " + message;
  }
}
