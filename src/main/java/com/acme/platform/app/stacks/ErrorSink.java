package com.acme.platform.app.stacks;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.constructs.core.InvalidPropsException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the props problems of every construct (or props object) built from one run's input, each tied to the
 * file and field it came from ({@link PropsOrigin}), so that one run reports all of them.
 *
 * <p>The same problem found twice (a task definition shared by services of two environments) is recorded once.
 */
public final class ErrorSink {
  private final Set<ConfigError> errors = new LinkedHashSet<>();

  /**
   * Builds something from one entry of an input file and records its props problems instead of stopping.
   *
   * @param origin where the props' fields came from
   * @param build creates the props or the construct
   * @param <T> what is built
   * @return what {@code build} returned, or {@code null} when its props were invalid
   */
  public <T> T attempt(PropsOrigin origin, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidPropsException e) {
      e.getProblems().forEach(p -> errors.add(origin.locate(e.getSubject(), p)));
      return null;
    }
  }

  /** The problems recorded so far, each once. */
  public List<ConfigError> errors() {
    return List.copyOf(errors);
  }
}
