package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.constructs.core.InvalidPropsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the props problems of every construct built from one run's input, each tied to the file and entry it
 * came from, so that one run reports all of them (the library's own messages name the props field).
 */
public final class ErrorSink {
  private final List<ConfigError> errors = new ArrayList<>();

  /**
   * Builds something from one entry of an input file and records its props problems instead of stopping.
   *
   * @param file the input file, relative to the repository root
   * @param at the entry's path in the file, for example {@code services[1]}
   * @param build creates the construct
   * @param <T> the construct type
   * @return what {@code build} returned, or {@code null} when its props were invalid
   */
  public <T> T attempt(String file, String at, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidPropsException e) {
      e.getProblems().forEach(p -> errors.add(new ConfigError(file, at, e.getSubject() + "." + p)));
      return null;
    }
  }

  /** The problems recorded so far. */
  public List<ConfigError> errors() {
    return List.copyOf(errors);
  }
}
