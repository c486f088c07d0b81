package com.acme.platform.app;

import com.acme.platform.app.config.ConfigError;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.ConfigLoader;
import com.acme.platform.app.config.PlatformConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks all input files of one run ({@link ConfigLoader}) before any stack is built. Every problem of
 * every file comes back in one {@link ConfigException}. The constructs' own checks run when the stacks are built
 * ({@link PlatformApp#build}), each props object once, and report in the same form before anything is written.
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
    if (!loaded.errors().isEmpty()) {
      throw new ConfigException(loaded.errors());
    }
    return loaded.config();
  }
}
