package com.acme.platform.app;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.app.stacks.PropsPreflight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks all input of one run, completely, before anything is synthesized: the files
 * ({@link ConfigLoader}), then the construct props every stack would be built from ({@link PropsPreflight}).
 * Every problem of every file comes back in one {@link ConfigException}.
 */
public final class PlatformInput {
  private PlatformInput() {}

  /**
   * Loads and checks the repository's input.
   *
   * @param root the repository root
   * @return the configuration, when it has no problem
   * @throws ConfigException with every problem found, sorted by file and field
   */
  public static PlatformConfig load(Path root) {
    ConfigLoader.Loaded loaded = new ConfigLoader(root).read();
    List<ConfigError> errors = new ArrayList<>(loaded.errors());
    errors.addAll(PropsPreflight.check(loaded.config(), loaded.errors()));
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return loaded.config();
  }
}
