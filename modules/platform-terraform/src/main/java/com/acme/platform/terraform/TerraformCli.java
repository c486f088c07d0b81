package com.acme.platform.terraform;

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

/**
 * Runs the {@code terraform} binary, either as the user set it up ({@link #system()}) or offline
 * ({@link #offline(Path)}: a private CLI configuration points provider installation at a filesystem mirror and
 * forbids direct downloads of {@code hashicorp/*} providers).
 */
public final class TerraformCli {
  /** Environment variable naming the terraform binary; default: {@code terraform} on the PATH. */
  public static final String ENV = "TERRAFORM";

  private final Path binary;
  private final Map<String, String> environment;
  private final Path mirror;
  private final String proxyUrl;
  private final boolean hermetic;

  private TerraformCli(Path binary, Map<String, String> environment, Path mirror, String proxyUrl,
      boolean hermetic) {
    this.binary = binary;
    this.environment = Map.copyOf(environment);
    this.mirror = mirror;
    this.proxyUrl = proxyUrl;
    this.hermetic = hermetic;
  }

  /**
   * Terraform as the user configured it (their CLI configuration, credentials and network).
   *
   * @return the runner
   * @throws IllegalStateException when terraform cannot be found
   */
  public static TerraformCli system() {
    return new TerraformCli(requireBinary(), Map.of(), null, null, false);
  }

  /**
   * The same runner with more environment variables for every command (for example a test's endpoints).
   *
   * @param more the variables to add or replace
   * @return a new runner
   */
  public TerraformCli withEnvironment(Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.putAll(more);
    return new TerraformCli(binary, all, mirror, proxyUrl, hermetic);
  }

  private static Path requireBinary() {
    return locateBinary().orElseThrow(() -> new IllegalStateException(missingBinary()));
  }

  /** Why no terraform binary was found, and how to fix it. */
  static String missingBinary() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return "terraform: " + ENV + "=" + explicit + " is not an executable file; set " + ENV
          + " to the terraform binary (Terraform 1.10 or later), or unset it to use terraform on the PATH";
    }
    return "terraform: not found on the PATH; install Terraform 1.10 or later (tested with 1.11), or set " + ENV
        + " to its path";
  }

  /**
   * Locates terraform and the provider mirror and writes the CLI configuration into {@code workDir}.
   *
   * @param workDir a folder for the CLI configuration file
   * @return the runner
   * @throws IllegalStateException when terraform or the mirror cannot be found: names each missing one and how to
   *     provide it
   * @throws IOException when the configuration cannot be written
   */
  public static TerraformCli offline(Path workDir) throws IOException {
    Optional<Path> binary = locateBinary();
    Optional<Path> found = ProviderMirror.find();
    List<String> missing = new ArrayList<>();
    if (binary.isEmpty()) {
      missing.add(missingBinary());
    }
    if (found.isEmpty()) {
      missing.add(ProviderMirror.howToConfigure());
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("cannot run terraform offline, missing:\n  - " + String.join("\n  - ", missing));
    }
    Path terraform = binary.get();
    Path mirror = found.get();
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
    return new TerraformCli(terraform, Map.of("TF_CLI_CONFIG_FILE", config.toString(),
        // The plugin cache would make init copy providers; the mirror is read in place.
        "TF_PLUGIN_CACHE_DIR", ""), mirror.toAbsolutePath(), null, false);
  }

  /** The root of the provider mirror that {@code terraform init} installs from; {@code null} for {@link #system()}. */
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
    return new TerraformCli(binary, environment, mirror, guard.proxyUrl(), true);
  }

  /**
   * A runner that passes none of the caller's {@code AWS_*}, {@code TF_*} or proxy variables on (a developer's
   * {@code AWS_PROFILE} or {@code TF_CLI_ARGS} must not change what a test proves), without a stand-in proxy.
   *
   * @return the hermetic runner; this one is unchanged
   */
  public TerraformCli hermetic() {
    return new TerraformCli(binary, environment, mirror, proxyUrl, true);
  }

  static Optional<Path> locateBinary() {
    String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      Path named = Path.of(explicit);
      return Files.isRegularFile(named) && Files.isExecutable(named) ? Optional.of(named) : Optional.empty();
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
   * Starts {@code terraform <args>} in {@code dir} without waiting, with its standard input left open (for example a
   * {@code terraform console} that holds the state lock until its input is closed). The caller must destroy it.
   *
   * @param dir the working directory
   * @param log where standard output and standard error go
   * @param args the arguments
   * @return the running process
   * @throws IOException when the process cannot be started
   */
  public Process start(Path dir, Path log, String... args) throws IOException {
    return builder(dir, args).redirectOutput(log.toFile()).start();
  }

  private ProcessBuilder builder(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    if (hermetic) {
      env.keySet().removeIf(TerraformCli::leaksIntoIsolatedRun);
    }
    if (proxyUrl != null) {
      env.put("HTTPS_PROXY", proxyUrl);
      env.put("HTTP_PROXY", proxyUrl);
    }
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("CHECKPOINT_DISABLE", "1");
    environment.forEach((key, value) -> {
      if (value.isEmpty()) {
        env.remove(key);
      } else {
        env.put(key, value);
      }
    });
    return builder;
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
  public ProcessRun.Result run(Path dir, long timeoutSeconds, String... args) throws IOException {
    return ProcessRun.run(builder(dir, args), timeoutSeconds);
  }

  /**
   * Kills a terraform and everything it started (its provider plugins would otherwise outlive it).
   *
   * @param process a terraform process
   */
  public static void stop(Process process) {
    ProcessRun.stop(process);
  }
}
