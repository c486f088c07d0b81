package com.acme.platform.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program to completion with a timeout, for terraform, npm and the cdktf CLI alike.
 *
 * <p>Output goes to a file, not a pipe, so that a program that hangs cannot block the caller past the timeout; on
 * timeout the whole process tree is killed, because terraform's provider plugins (several hundred MB each) and npm's
 * children would otherwise outlive it.
 */
public final class ProcessRun {
  private ProcessRun() {}

  /**
   * The outcome of one run.
   *
   * @param exitCode the exit status; -1 when the program was killed after the timeout
   * @param output standard output and standard error, interleaved
   * @param seconds how long it took
   */
  public record Result(int exitCode, String output, double seconds) {
    /** Whether the program succeeded. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Starts {@code builder} and waits for it.
   *
   * @param builder the program, its folder and environment; its output redirection is replaced
   * @param timeoutSeconds how long to wait before killing it
   * @return what happened
   * @throws IOException when it cannot be started, or the wait is interrupted
   */
  public static Result run(ProcessBuilder builder, long timeoutSeconds) throws IOException {
    Path log = Files.createTempFile("process-", ".log");
    try {
      long start = System.nanoTime();
      Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean finished;
      try {
        finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        stop(process);
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + builder.command(), e);
      }
      if (!finished) {
        stop(process);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - start) / 1e9;
      return finished ? new Result(process.exitValue(), output, seconds)
          : new Result(-1, output + "\n(killed after " + timeoutSeconds + " s)", seconds);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Kills a process and everything it started.
   *
   * @param process the process
   */
  public static void stop(Process process) {
    java.util.List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // Reported by the caller's result: the process was told to die and we stop waiting for it.
      }
    }
  }
}
