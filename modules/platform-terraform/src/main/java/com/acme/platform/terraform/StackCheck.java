package com.acme.platform.terraform;

import com.acme.platform.terraform.StackResult.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one synthesized stack offline: copies {@code <outdir>/stacks/<stack>} into a private folder, adds the
 * {@link OfflineOverride}, and runs {@code terraform init}, {@code validate}, {@code plan} and {@code show -json}
 * behind a {@link NetworkGuard}.
 *
 * <p>{@code terraform init} installs the provider from the unpacked filesystem mirror; Terraform 1.11 links the
 * mirror's package folder into {@code .terraform/providers} instead of copying it, so every stack shares the one
 * installation (the AWS provider binary is about 700 MB).
 */
public final class StackCheck {
  /** The saved plan's file name inside the stack's copy. */
  public static final String PLAN_FILE = "offline.tfplan";

  private static final int STEPS = 3;
  private static final long INIT_TIMEOUT_SECONDS = 180;
  private static final long VALIDATE_TIMEOUT_SECONDS = 300;
  private static final long PLAN_TIMEOUT_SECONDS = 600;
  private static final long SHOW_TIMEOUT_SECONDS = 180;

  private StackCheck() {}

  /**
   * Checks one stack.
   *
   * @param terraform the offline terraform runner
   * @param outdir the synthesized output ({@code cdktf.out}); only read
   * @param stack the stack name
   * @param work the folder for this check's copies; the stack goes to {@code work/<stack>}
   * @return what was found; a failure to copy or to start terraform is a failed step, not an exception
   */
  public static StackResult check(TerraformCli terraform, Path outdir, String stack, Path work) {
    long start = System.nanoTime();
    Path dir = work.resolve(stack);
    Steps steps = new Steps();
    try (NetworkGuard guard = NetworkGuard.start()) {
      TerraformCli offline = terraform.isolated(guard);
      try {
        FileTrees.copyTree(outdir.resolve("stacks").resolve(stack), dir);
        OfflineOverride.write(dir);
        if (steps.run("init", offline.run(dir, INIT_TIMEOUT_SECONDS, "init", "-input=false", "-no-color"))
            && steps.run("validate", offline.run(dir, VALIDATE_TIMEOUT_SECONDS, "validate", "-no-color"))
            && steps.run("plan", offline.run(dir, PLAN_TIMEOUT_SECONDS, "plan", "-input=false", "-lock=false",
                "-no-color", "-out=" + PLAN_FILE))) {
          ProcessRun.Result show = offline.run(dir, SHOW_TIMEOUT_SECONDS, "show", "-json", "-no-color", PLAN_FILE);
          steps.resourcesToAdd = show.ok() ? PlanSummary.resourcesToAdd(show.output()) : null;
          if (!show.ok()) {
            steps.fail("terraform show -json " + PLAN_FILE + " failed:", TerraformOutput.diagnostics(show.output()));
          }
        }
      } catch (IOException e) {
        steps.broken("could not run terraform for " + stack + ": " + e.getMessage());
      }
      guard.close(); // first, so that every connection it accepted is recorded before we read them
      return new StackResult(stack, steps.outcome(0), steps.outcome(1), steps.outcome(2), steps.resourcesToAdd,
          steps.failure, steps.warnings, guard.attempts(), (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      return new StackResult(stack, Outcome.NOT_RUN, Outcome.NOT_RUN, Outcome.NOT_RUN, null,
          List.of("could not start the network guard: " + e.getMessage()), List.of(), List.of(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** The outcomes of init, validate and plan, in order, plus what went wrong. */
  private static final class Steps {
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> failure = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Integer resourcesToAdd;

    /** Records one step; true when it succeeded and the next one should run. */
    boolean run(String step, ProcessRun.Result result) {
      if (result.ok()) {
        outcomes.add(Outcome.OK);
        // Only validate's warnings: plan repeats them, and init always warns that the lock file has checksums for
        // this platform only (a local mirror cannot give more), which says nothing about the stack.
        List<String> stepWarnings = step.equals("validate") ? TerraformOutput.warnings(result.output()) : List.of();
        if (!stepWarnings.isEmpty()) {
          warnings.add("terraform " + step + ":");
          stepWarnings.forEach(w -> warnings.add("  " + w));
        }
        return true;
      }
      outcomes.add(Outcome.FAILED);
      fail("terraform " + step + " failed" + (result.exitCode() < 0 ? " (timed out)" : "") + ":",
          TerraformOutput.diagnostics(result.output()));
      return false;
    }

    void fail(String heading, List<String> lines) {
      failure.add(heading);
      lines.forEach(l -> failure.add("  " + l));
    }

    /** Records a failure outside terraform (copying, starting it): the step that was about to run failed. */
    void broken(String message) {
      if (outcomes.size() < STEPS && !outcomes.contains(Outcome.FAILED)) {
        outcomes.add(Outcome.FAILED);
      }
      fail(message, List.of());
    }

    Outcome outcome(int index) {
      return index < outcomes.size() ? outcomes.get(index) : Outcome.NOT_RUN;
    }
  }
}
