package com.acme.platform.bootstrap.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code terraform} binary offline, with every wait bounded.
 *
 * <p>A private CLI configuration installs {@code hashicorp/*} providers from the {@link ProviderMirror} and forbids
 * downloading them. The child environment drops every {@code AWS_*} variable, so a developer's profile or
 * credentials can never send a test to a real account, and every {@code TF_*} variable but {@code TF_LOG*}, so a
 * developer's settings cannot change the outcome. Output goes to a file rather than a pipe, so a hung
 * terraform cannot block the test past its timeout.
 */
public final class Terraform {
  /** Environment variable naming the terraform binary. Default: {@code terraform} on the PATH. */
  public static final String ENV = "TERRAFORM";

  private final Path binary;
  private final Path cliConfig;

  private Terraform(Path binary, Path cliConfig) {
    this.binary = binary;
    this.cliConfig = cliConfig;
  }

  /**
   * Locates terraform and the provider mirror and writes the CLI configuration into {@code workDir}.
   *
   * @throws IllegalStateException when terraform or the mirror is missing, saying how to fix it
   */
  public static Terraform offline(Path workDir) throws IOException {
    Path mirror = ProviderMirror.root();
    Files.createDirectories(workDir);
    Path config = workDir.resolve("offline.tfrc");
    String path = mirror.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    Files.writeString(config, """
        provider_installation {
          filesystem_mirror {
            path    = "%s"
            include = ["registry.terraform.io/hashicorp/*"]
          }
          direct {
            exclude = ["registry.terraform.io/hashicorp/*"]
          }
        }
        """.formatted(path), StandardCharsets.UTF_8);
    return new Terraform(locateBinary(), config);
  }

  /**
   * The outcome of one command.
   *
   * @param exitCode the exit status, or -1 when it was killed at its timeout
   * @param output standard output and standard error, interleaved
   * @param took how long it ran
   */
  public record Result(int exitCode, String output, Duration took) {
    /** Whether it exited 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " after " + took.toMillis() + " ms:\n" + output;
    }
  }

  /** Runs {@code terraform <args>} in {@code dir} and waits at most {@code timeout}. */
  public Result run(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
    try (Background running = start(dir, args)) {
      return running.await(timeout);
    }
  }

  /** Starts {@code terraform <args>} in {@code dir} without waiting; close the handle to kill it. */
  public Background start(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile("terraform-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_") && !name.startsWith("TF_LOG"));
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    return new Background(builder.start(), log, System.nanoTime());
  }

  /** A terraform process running while the test does something else, such as contending for its lock. */
  public static final class Background implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startNanos;

    private Background(Process process, Path log, long startNanos) {
      this.process = process;
      this.log = log;
      this.startNanos = startNanos;
    }

    /** What it has printed so far. */
    public String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output unreadable: " + e + ")";
      }
    }

    /**
     * Waits until the output contains {@code text}.
     *
     * @return false when the process ended or the timeout passed first
     */
    public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (output().contains(text)) {
          return true;
        }
        if (!process.isAlive()) {
          return output().contains(text);
        }
        Thread.sleep(100);
      }
      return false;
    }

    /** Waits for the exit, killing the process (and its children) when {@code timeout} passes first. */
    public Result await(Duration timeout) throws InterruptedException {
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        kill();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
      return finished ? new Result(process.exitValue(), output(), took)
          : new Result(-1, output() + "\n(killed after " + timeout.toSeconds() + " s)", took);
    }

    /** Kills it and its children (a provisioner's {@code sleep}, the provider) if still running. */
    @Override
    public void close() {
      kill();
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }

    private void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path locateBinary() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path binary = Path.of(explicit);
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(ENV + "=" + explicit + " is not an executable file");
      }
      return binary;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "terraform");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("terraform not found: install Terraform 1.10 or later (needed for the S3"
        + " backend's use_lockfile) on the PATH, or set " + ENV + " to its path");
  }
}
