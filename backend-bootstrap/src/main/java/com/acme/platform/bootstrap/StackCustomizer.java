package com.acme.platform.bootstrap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Adds files to a synthesized bootstrap stack folder before terraform runs in it.
 *
 * <p>Users need none. Tests use it to add a Terraform override file with a local S3 endpoint and fake credentials,
 * so that what users get is never changed for a test.
 */
@FunctionalInterface
public interface StackCustomizer {
  /** Adds nothing. */
  StackCustomizer NONE = (dir, mode) -> { };

  /**
   * Customizes one stack folder.
   *
   * @param stackDir the folder holding {@code cdk.tf.json}
   * @param mode the backend the stack was synthesized with
   * @throws IOException when a file cannot be written
   */
  void customize(Path stackDir, BackendMode mode) throws IOException;
}
