package com.acme.platform.bootstrap;

import com.acme.platform.terraform.Exits;
import com.acme.platform.terraform.TerraformCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The bootstrap command: {@code BootstrapMain <synth|apply|migrate> [--bucket=<name>] [--auto-approve]
 * [--backend=local|s3] [--allow-destroy]}.
 *
 * <ul>
 *   <li>{@code synth}: writes the bootstrap stacks to {@code cdktf.out/} (local backend, or S3 with
 *       {@code --backend=s3} or {@code BOOTSTRAP_BACKEND=s3}), for {@code cdktf} or plain terraform;</li>
 *   <li>{@code apply}: creates or updates the buckets wherever the state is (see {@link BootstrapRunner});</li>
 *   <li>{@code migrate}: moves local state into the bucket and proves it.</li>
 * </ul>
 */
public final class BootstrapMain {
  private BootstrapMain() {}

  /**
   * Runs the command.
   *
   * @param args the action and options
   */
  public static void main(String[] args) {
    Path bootstrapDir = Path.of(System.getProperty("bootstrap.root", ".")).toAbsolutePath().normalize();
    Path platformRoot = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    Exits.exitWith(() -> run(args, bootstrapDir, platformRoot, System.out, System.err));
  }

  static int run(String[] args, Path bootstrapDir, Path platformRoot, PrintStream out, PrintStream err) {
    String action = args.length == 0 || args[0].isBlank() ? "synth" : args[0];
    List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
    try {
      boolean allowDestroy = flag(options, "--allow-destroy");
      List<BootstrapTarget> targets = select(BootstrapConfig.load(platformRoot),
          option(options, "--bucket"), !action.equals("synth"));
      if (allowDestroy && targets.size() != 1) {
        err.println("--allow-destroy needs --bucket=<name>: it lifts prevent_destroy from one bucket only");
        return 2;
      }
      switch (action) {
        case "synth" -> {
          BackendMode mode = backend(options);
          BootstrapSynth.synth(targets, mode, bootstrapDir.resolve("cdktf.out"), !allowDestroy);
          targets.forEach(t -> out.println(t.stackName() + "  bucket " + t.bucketName() + " (" + t.accountId()
              + ", " + t.region() + ")  state " + (mode == BackendMode.S3 ? "s3://" + t.bucketName() + "/"
                  + BootstrapStack.stateKey() : t.localStateFile())));
          return 0;
        }
        case "apply", "migrate" -> {
          BootstrapRunner runner = new BootstrapRunner(bootstrapDir, targets, userTerraform(bootstrapDir),
              StackCustomizer.NONE, out, BootstrapMain::askYes, !allowDestroy);
          return action.equals("apply") ? runner.apply(flag(options, "--auto-approve")) : runner.migrate();
        }
        default -> {
          err.println("unknown action \"" + action + "\"; use synth, apply or migrate");
          return 2;
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("bootstrap failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The buckets to work on: the one named by {@code --bucket}, or all of them. Applying or migrating needs one
   * account's credentials, so several accounts without {@code --bucket} is refused up front.
   */
  static List<BootstrapTarget> select(List<BootstrapTarget> all, String bucket, boolean oneAccountOnly) {
    if (bucket != null && !bucket.isBlank()) {
      List<BootstrapTarget> named = all.stream().filter(t -> t.bucketName().equals(bucket)).toList();
      if (named.isEmpty()) {
        throw new IllegalArgumentException("--bucket=" + bucket + " is not a stateBucket of environments/*.json;"
            + " known buckets: " + all.stream().map(BootstrapTarget::bucketName).toList());
      }
      return named;
    }
    long accounts = all.stream().map(BootstrapTarget::accountId).distinct().count();
    if (oneAccountOnly && accounts > 1) {
      throw new IllegalArgumentException("the state buckets are in " + accounts + " accounts; run once per bucket"
          + " with that account's credentials and --bucket=<name> (-Dbucket=<name> through Maven). Buckets: "
          + all.stream().map(t -> t.bucketName() + " (" + t.accountId() + ")").toList());
    }
    return all;
  }

  /**
   * The user's terraform, with a plugin cache in the bootstrap folder unless they have their own: each bucket's
   * probes init fresh folders, and without a cache every init would download the provider again.
   */
  private static TerraformCli userTerraform(Path bootstrapDir) throws IOException {
    String cache = System.getenv("TF_PLUGIN_CACHE_DIR");
    if (cache != null && !cache.isBlank()) {
      return TerraformCli.system();
    }
    Path dir = java.nio.file.Files.createDirectories(bootstrapDir.resolve(".terraform-plugin-cache"));
    return TerraformCli.system().withEnvironment(java.util.Map.of("TF_PLUGIN_CACHE_DIR", dir.toString()));
  }

  private static String option(List<String> options, String name) {
    return options.stream().filter(o -> o.startsWith(name + "=")).map(o -> o.substring(name.length() + 1))
        .findFirst().orElse(null);
  }

  private static boolean flag(List<String> options, String name) {
    String value = option(options, name);
    return options.contains(name) || "true".equalsIgnoreCase(value);
  }

  private static BackendMode backend(List<String> options) {
    String chosen = option(options, "--backend");
    String value = chosen != null && !chosen.isBlank() ? chosen
        : System.getenv().getOrDefault("BOOTSTRAP_BACKEND", "local");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "local" -> BackendMode.LOCAL;
      case "s3" -> BackendMode.S3;
      default -> throw new IllegalArgumentException("backend must be local or s3, got \"" + value + "\"");
    };
  }

  private static boolean askYes() {
    System.out.print("Apply these changes? Only 'yes' is accepted: ");
    System.out.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return "yes".equals(line == null ? null : line.trim());
    } catch (IOException e) {
      return false;
    }
  }
}
