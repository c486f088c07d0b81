package com.acme.platform.app.testing;

import com.acme.platform.terraform.ProcessRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs an external command (npm, the cdktf CLI) with a timeout.
 *
 * @param exitCode the exit status, -1 when it was killed after the timeout
 * @param output standard output and standard error, interleaved
 * @param seconds how long it took
 */
public record Command(int exitCode, String output, double seconds) {
  /**
   * Runs {@code command} in {@code dir}.
   *
   * @param command the program and its arguments
   * @param dir the working directory
   * @param env variables to set on top of this process's environment
   * @param timeoutSeconds how long to wait before killing it
   * @return what happened
   * @throws IOException when it cannot be started
   */
  public static Command run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    ProcessRun.Result result = ProcessRun.run(builder, timeoutSeconds);
    return new Command(result.exitCode(), result.output(), result.seconds());
  }

  /** Whether the command succeeded. */
  public boolean ok() {
    return exitCode == 0;
  }
}
