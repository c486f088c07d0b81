package com.acme.platform.bootstrap;

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
 * The bootstrap command: {@code BootstrapMain <synth|apply|migrate> [--auto-approve] [--backend=local|s3]}.
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
    System.exit(run(args, bootstrapDir, platformRoot, System.out, System.err));
  }

  static int run(String[] args, Path bootstrapDir, Path platformRoot, PrintStream out, PrintStream err) {
    String action = args.length == 0 || args[0].isBlank() ? "synth" : args[0];
    List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
    try {
      List<BootstrapTarget> targets = BootstrapConfig.load(platformRoot.resolve("environments"));
      switch (action) {
        case "synth" -> {
          BackendMode mode = backend(options);
          BootstrapSynth.synth(targets, mode, outdir(bootstrapDir));
          targets.forEach(t -> out.println(t.stackName() + "  bucket " + t.bucketName() + " (" + t.accountId()
              + ", " + t.region() + ")  state " + (mode == BackendMode.S3 ? "s3://" + t.bucketName() + "/"
                  + BootstrapStack.stateKey() : t.localStateFile())));
          return 0;
        }
        case "apply", "migrate" -> {
          BootstrapRunner runner = new BootstrapRunner(bootstrapDir, targets, TerraformCli.system(), StackCustomizer.NONE, out,
              BootstrapMain::askYes);
          return action.equals("apply") ? runner.apply(options.contains("--auto-approve")) : runner.migrate();
        }
        default -> {
          err.println("unknown action \"" + action + "\"; use synth, apply or migrate");
          return 2;
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot write the output: " + e.getMessage());
      return 1;
    }
  }

  private static Path outdir(Path bootstrapDir) {
    String fromCli = System.getenv("CDKTF_OUTDIR");
    return fromCli != null && !fromCli.isBlank() ? Path.of(fromCli) : bootstrapDir.resolve("cdktf.out");
  }

  private static BackendMode backend(List<String> options) {
    String value = options.stream().filter(o -> o.startsWith("--backend=")).map(o -> o.substring(10)).findFirst()
        .orElse(System.getenv().getOrDefault("BOOTSTRAP_BACKEND", "local"));
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
