package com.acme.platform.app.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    // Output goes to a file, not a pipe, so that a hung command cannot block us past the timeout.
    Path log = Files.createTempFile("command-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Command(finished ? process.exitValue() : -1,
          finished ? output : output + "\n(killed after " + timeoutSeconds + " s)", seconds);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Whether the command succeeded. */
  public boolean ok() {
    return exitCode == 0;
  }
}
