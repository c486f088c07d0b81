package com.acme.platform.app.terraform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code terraform} binary offline: a private CLI configuration points provider installation at a
 * filesystem mirror and forbids direct downloads of {@code hashicorp/*} providers.
 */
public final class TerraformCli {
  /** Environment variable naming the terraform binary; default: {@code terraform} on the PATH. */
  public static final String ENV = "TERRAFORM";

  private final Path binary;
  private final Path cliConfig;
  private final Path mirror;
  private final String proxyUrl;

  private TerraformCli(Path binary, Path cliConfig, Path mirror, String proxyUrl) {
    this.binary = binary;
    this.cliConfig = cliConfig;
    this.mirror = mirror;
    this.proxyUrl = proxyUrl;
  }

  /**
   * Locates terraform and the provider mirror and writes the CLI configuration into {@code workDir}.
   *
   * @param workDir a folder for the CLI configuration file
   * @return the runner
   * @throws IllegalStateException when terraform or the mirror cannot be found, saying how to fix it
   * @throws IOException when the configuration cannot be written
   */
  public static TerraformCli offline(Path workDir) throws IOException {
    Path terraform = locateBinary().orElseThrow(() -> new IllegalStateException(
        "terraform not found: install Terraform 1.10 or later on the PATH, or set " + ENV + " to its path"));
    Path mirror = ProviderMirror.find().orElseThrow(() -> new IllegalStateException(ProviderMirror
        .howToConfigure()));
    Files.createDirectories(workDir);
    Path config = workDir.resolve("terraform-offline.tfrc");
    String mirrorPath = mirror.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
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
        """.formatted(mirrorPath), StandardCharsets.UTF_8);
    return new TerraformCli(terraform, config, mirror.toAbsolutePath(), null);
  }

  /** The root of the provider mirror that {@code terraform init} installs from. */
  public Path mirror() {
    return mirror;
  }

  /**
   * A runner whose terraform reaches nothing unseen: every HTTP(S) request goes to {@code guard}, and none of the
   * caller's {@code AWS_*} (profiles, keys, config files), {@code TF_*} (CLI arguments, variables, data folders,
   * logs) or proxy variables is passed on.
   *
   * @param guard the stand-in proxy that records attempts
   * @return the isolated runner; this one is unchanged
   */
  public TerraformCli isolated(NetworkGuard guard) {
    return new TerraformCli(binary, cliConfig, mirror, guard.proxyUrl());
  }

  static Optional<Path> locateBinary() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "terraform");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean leaksIntoIsolatedRun(String variable) {
    String name = variable.toUpperCase(Locale.ROOT);
    return name.startsWith("AWS_") || name.startsWith("TF_") || name.endsWith("_PROXY");
  }

  /**
   * The outcome of one command.
   *
   * @param exitCode the process exit status
   * @param output standard output and standard error, interleaved
   * @param seconds how long it took
   */
  public record Result(int exitCode, String output, double seconds) {
    /** Whether the command succeeded. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code terraform <args>} in {@code dir}.
   *
   * @param dir the working directory
   * @param timeoutSeconds how long to wait before killing it
   * @param args the arguments
   * @return the result
   * @throws IOException when the process cannot be started
   */
  public Result run(Path dir, long timeoutSeconds, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    // Output goes to a file, not a pipe, so that a hung terraform cannot block us past the timeout.
    Path log = Files.createTempFile("terraform-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    if (proxyUrl != null) {
      env.keySet().removeIf(TerraformCli::leaksIntoIsolatedRun);
      env.put("HTTPS_PROXY", proxyUrl);
      env.put("HTTP_PROXY", proxyUrl);
    }
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    env.remove("TF_PLUGIN_CACHE_DIR");
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - start) / 1e9;
      return finished ? new Result(process.exitValue(), output, seconds)
          : new Result(-1, output + "\n(killed after " + timeoutSeconds + " s)", seconds);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running terraform", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
