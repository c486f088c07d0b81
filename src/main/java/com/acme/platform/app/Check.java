package com.acme.platform.app;

import com.acme.platform.terraform.Exits;
import com.acme.platform.terraform.FileTrees;
import com.acme.platform.app.check.CheckReport;
import com.acme.platform.app.check.OfflineCheck;
import com.acme.platform.app.check.Parallelism;
import com.acme.platform.terraform.StackResult;
import com.acme.platform.terraform.TerraformCli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform's check: {@code Check [environment ...]} synthesizes like {@link Main} (the named environments, all
 * when none are named, plus the shared registry), then runs {@code terraform init}, {@code validate} and
 * {@code plan} on a private copy of every stack, offline, and prints a table: stack, resources to add, the result
 * of each step, network requests attempted, seconds.
 *
 * <p>Offline means: the provider comes from the filesystem mirror (see {@link TerraformCli}), each copy gets the
 * {@link com.acme.platform.terraform.OfflineOverride} (fake credentials, a local backend), and every HTTP(S)
 * request goes to a {@link com.acme.platform.terraform.NetworkGuard} that answers none and counts them.
 * {@code cdktf.out} is never changed by the check: users never get its test settings.
 *
 * <p>Exit status 0 when every stack plans, 1 when the input has problems or any stack fails (Terraform's own error
 * lines are printed), 2 for a usage error, 3 when terraform or the provider mirror cannot be found.
 */
public final class Check {
  /** Exit status when the check cannot run at all (terraform or the mirror is missing): a missing tool. */
  public static final int CANNOT_RUN = Exits.TOOL_FAILED;

  private Check() {}

  /**
   * Runs the check.
   *
   * @param args environment names; blank arguments and commas separate names
   */
  public static void main(String[] args) {
    Exits.exitWith(() -> {
      Path work = Files.createTempDirectory("platform-check-");
      try {
        return run(args, Path.of(System.getProperty("platform.root", ".")), work, System.out, System.err);
      } finally {
        FileTrees.deleteTree(work);
      }
    });
  }

  /**
   * Synthesizes, then checks every synthesized stack.
   *
   * @param args environment names
   * @param root the repository root
   * @param work an empty folder for the stacks' private copies (kept for inspection; the command line deletes it)
   * @param out where the tables go
   * @param err where problems go
   * @return the exit status
   */
  public static int run(String[] args, Path root, Path work, PrintStream out, PrintStream err) {
    int synth = Main.run(args, root, out, err);
    return synth != 0 ? synth : checkSynthesized(Main.outputDirectory(root), work, out, err);
  }

  /**
   * Checks every stack of an existing synthesized output, without synthesizing.
   *
   * @param outdir the synthesized output ({@code cdktf.out}); only read
   * @param work an empty folder for the stacks' private copies
   * @param out where the table goes
   * @param err where problems go
   * @return the exit status
   */
  public static int checkSynthesized(Path outdir, Path work, PrintStream out, PrintStream err) {
    long started = System.nanoTime();
    TerraformCli terraform;
    List<String> stacks;
    try {
      stacks = OfflineCheck.stacks(outdir);
      terraform = TerraformCli.offline(work.resolve(".terraform-cli"));
    } catch (IllegalStateException | IOException e) {
      err.println("cannot run the check: " + e.getMessage());
      return CANNOT_RUN;
    }
    int parallelism = Parallelism.forMachine(stacks.size());
    out.printf(java.util.Locale.ROOT, "Checking %d stacks offline (terraform init, validate, plan), %d at a time, provider from %s%n",
        stacks.size(), parallelism, terraform.mirror());
    List<StackResult> results = OfflineCheck.run(terraform, outdir, stacks, work, parallelism);
    out.print(CheckReport.table(results, parallelism, (System.nanoTime() - started) / 1e9));
    err.print(CheckReport.problems(results));
    return results.stream().allMatch(StackResult::passed) ? 0 : 1;
  }
}
