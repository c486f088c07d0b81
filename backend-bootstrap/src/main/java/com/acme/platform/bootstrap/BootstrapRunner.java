package com.acme.platform.bootstrap;

import com.acme.platform.terraform.FileTrees;
import com.acme.platform.terraform.ProcessRun;
import com.acme.platform.terraform.TerraformCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Drives terraform through the bootstrap: apply with local state, migrate into the bucket, and rerun safely.
 *
 * <p>{@link #apply} works out where the state is, so the same command is right before and after migration:
 * <ol>
 *   <li>local state file present: plan/apply against it;</li>
 *   <li>no local state, but the bucket already holds this stack's state (migrated): plan/apply against S3;</li>
 *   <li>no state anywhere and the bucket already exists: stop and print the {@code terraform import} command, so
 *       apply never fails half-way on "bucket already exists";</li>
 *   <li>otherwise: create everything with local state.</li>
 * </ol>
 */
public final class BootstrapRunner {
  /**
   * Exit status when an existing bucket must be imported first: 1, a failed step like any other (README, "Exit
   * statuses", where 3 means a missing tool); the printed {@code terraform import} command says what to do.
   */
  public static final int EXIT_IMPORT_NEEDED = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 900;
  private static final String PLAN_FILE = "bootstrap.tfplan";

  private final Path bootstrapDir;
  private final List<BootstrapTarget> targets;
  private final TerraformCli terraform;
  private final StackCustomizer customizer;
  private final PrintStream out;
  private final java.util.function.BooleanSupplier approval;
  private final boolean preventDestroy;

  /**
   * Creates a runner.
   *
   * @param bootstrapDir the bootstrap folder: holds {@code cdktf.out/} and the local state files
   * @param targets the buckets
   * @param terraform how to run terraform
   * @param customizer adds files to every synthesized stack before terraform runs ({@link StackCustomizer#NONE}
   *     for users)
   * @param out where progress goes
   * @param approval asked before a plan with changes is applied, unless auto-approved
   * @param preventDestroy whether the buckets keep {@code prevent_destroy}; {@code false} only on the way to
   *     destroying them on purpose
   */
  public BootstrapRunner(Path bootstrapDir, List<BootstrapTarget> targets, TerraformCli terraform,
      StackCustomizer customizer, PrintStream out, java.util.function.BooleanSupplier approval,
      boolean preventDestroy) {
    this.approval = approval;
    this.preventDestroy = preventDestroy;
    this.bootstrapDir = bootstrapDir;
    this.targets = List.copyOf(targets);
    this.terraform = terraform;
    this.customizer = customizer;
    this.out = out;
  }

  /** The output folder. */
  public Path outdir() {
    return bootstrapDir.resolve("cdktf.out");
  }

  /**
   * Applies every bootstrap stack where its state currently lives.
   *
   * @param autoApprove whether to pass {@code -auto-approve} (otherwise terraform asks)
   * @return 0 on success, 1 on a terraform failure or when a bucket must be imported first ({@link #EXIT_IMPORT_NEEDED})
   * @throws IOException when files cannot be written
   */
  public int apply(boolean autoApprove) throws IOException {
    for (BootstrapTarget target : targets) {
      int code = applyOne(target, autoApprove);
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }

  private int applyOne(BootstrapTarget target, boolean autoApprove) throws IOException {
    boolean local = hasLocalState(target);
    RemoteStateProbe remote = probeRemoteState(target);
    if (remote.unknown()) {
      out.println(remote.output());
      out.println(target.stackName() + ": cannot tell whether s3://" + target.bucketName() + "/"
          + BootstrapStack.stateKey() + " holds this stack's state (see terraform's message above). Nothing was"
          + " changed.");
      return 1;
    }
    if (local && remote.migrated()) {
      out.println(target.stackName() + ": state exists both in " + target.localStateFile() + " and in s3://"
          + target.bucketName() + "/" + BootstrapStack.stateKey() + ". Nothing was changed. Keep the one that is"
          + " current: after a completed migration, delete the local file.");
      return 1;
    }
    BackendMode mode = remote.migrated() ? BackendMode.S3 : BackendMode.LOCAL;
    out.println(target.stackName() + ": state is " + (mode == BackendMode.S3 ? "in s3://" + target.bucketName()
        + "/" + BootstrapStack.stateKey() : "local (" + target.localStateFile() + ")"));
    Path dir = synthStack(target, mode);
    if (!step(dir, "init", "-input=false")) {
      return 1;
    }
    if (mode == BackendMode.LOCAL && !local && bucketExists(target, dir)) {
      out.println(target.stackName() + ": bucket " + target.bucketName() + " already exists but is not in this"
          + " stack's state. Nothing was changed. Import it, then run the bootstrap again:");
      out.println("  terraform -chdir=" + dir.toAbsolutePath() + " import " + bucketAddress(dir) + " "
          + target.bucketName());
      return EXIT_IMPORT_NEEDED;
    }
    ProcessRun.Result plan = terraform.run(dir, TIMEOUT_SECONDS, "plan", "-input=false", "-no-color",
        "-detailed-exitcode", "-out=" + PLAN_FILE);
    out.println(plan.output());
    if (plan.exitCode() == 0) {
      out.println(target.stackName() + ": no changes");
      return 0;
    }
    if (plan.exitCode() != 2) {
      out.println("terraform plan failed in " + bootstrapDir.relativize(dir));
      return 1;
    }
    if (!autoApprove && !approval.getAsBoolean()) {
      out.println(target.stackName() + ": not applied (answer \"yes\" to apply, or pass --auto-approve)");
      return 1;
    }
    return step(dir, "apply", "-input=false", "-no-color", PLAN_FILE) ? 0 : 1;
  }

  /**
   * Moves every stack's local state into its bucket and proves it: a plan against S3 shows no changes and
   * {@code terraform state list} reads from S3; only then is the local file deleted.
   *
   * @return 0 on success, 1 on failure
   * @throws IOException when files cannot be written
   */
  public int migrate() throws IOException {
    for (BootstrapTarget target : targets) {
      Path local = bootstrapDir.resolve(target.localStateFile());
      if (!hasLocalState(target)) {
        if (probeRemoteState(target).migrated()) {
          out.println(target.stackName() + ": already migrated to s3://" + target.bucketName() + "/"
              + BootstrapStack.stateKey());
          continue;
        }
        out.println(target.stackName() + ": no local state in " + target.localStateFile()
            + " to migrate and none in the bucket: run apply first");
        return 1;
      }
      Path dir = synthStack(target, BackendMode.S3);
      // A fresh stack folder has no record of the old backend; the state in the working directory's default
      // location is what `init -migrate-state` moves into the new backend.
      Files.copy(local, dir.resolve("terraform.tfstate"), StandardCopyOption.REPLACE_EXISTING);
      if (!step(dir, "init", "-input=false", "-migrate-state", "-force-copy")) {
        return 1;
      }
      Files.deleteIfExists(dir.resolve("terraform.tfstate"));
      ProcessRun.Result plan = terraform.run(dir, TIMEOUT_SECONDS, "plan", "-input=false", "-detailed-exitcode",
          "-no-color");
      if (plan.exitCode() != 0) {
        out.println(plan.output());
        out.println(target.stackName() + ": plan against S3 is not empty (exit " + plan.exitCode()
            + "); the local state file was kept");
        return 1;
      }
      ProcessRun.Result list = terraform.run(dir, TIMEOUT_SECONDS, "state", "list");
      if (!list.ok() || !list.output().contains(bucketAddress(dir))) {
        out.println(list.output());
        out.println(target.stackName() + ": state in S3 does not list the bucket; the local state file was kept");
        return 1;
      }
      Files.delete(local);
      Files.deleteIfExists(bootstrapDir.resolve(target.localStateFile() + ".backup"));
      out.println(target.stackName() + ": state migrated to s3://" + target.bucketName() + "/"
          + BootstrapStack.stateKey() + "; plan shows no changes; removed " + target.localStateFile());
    }
    return 0;
  }

  private boolean hasLocalState(BootstrapTarget target) throws IOException {
    Path local = bootstrapDir.resolve(target.localStateFile());
    if (!Files.exists(local) || Files.size(local) == 0) {
      return false;
    }
    JsonNode resources = MAPPER.readTree(local.toFile()).path("resources");
    return resources.isArray() && !resources.isEmpty();
  }

  /**
   * What the bucket says about this stack's state.
   *
   * @param migrated the bucket holds state that lists the bucket resource
   * @param unknown the answer could not be had (credentials, permissions, network): never guess then
   * @param output terraform's output when {@code unknown}
   */
  private record RemoteStateProbe(boolean migrated, boolean unknown, String output) {}

  /** Looks for this stack's state in the bucket: a missing bucket or an empty key means "not migrated". */
  private RemoteStateProbe probeRemoteState(BootstrapTarget target) throws IOException {
    Path probe = Files.createTempDirectory("bootstrap-probe-");
    try {
      Path dir = BootstrapSynth.synth(List.of(target), BackendMode.S3, probe.resolve("out"), preventDestroy)
          .resolve("stacks").resolve(target.stackName());
      customizer.customize(dir, BackendMode.S3);
      ProcessRun.Result init = terraform.run(dir, TIMEOUT_SECONDS, "init", "-input=false", "-no-color");
      if (!init.ok()) {
        boolean noBucket = init.output().contains("NoSuchBucket") || init.output().contains("does not exist");
        return new RemoteStateProbe(false, !noBucket, init.output());
      }
      ProcessRun.Result list = terraform.run(dir, TIMEOUT_SECONDS, "state", "list", "-no-color");
      if (!list.ok()) {
        // An existing bucket without this key: the state is simply not there yet.
        boolean empty = list.output().contains("No state file was found");
        return new RemoteStateProbe(false, !empty, list.output());
      }
      return new RemoteStateProbe(list.output().contains(bucketAddress(dir)), false, "");
    } finally {
      FileTrees.deleteTree(probe);
    }
  }

  /**
   * Whether the bucket exists: importing it into a throwaway state succeeds only when it does. Any other failure
   * (credentials, network) is reported rather than guessed at.
   */
  private boolean bucketExists(BootstrapTarget target, Path stackDir) throws IOException {
    Path probe = Files.createTempDirectory("bootstrap-import-probe-");
    try {
      Files.copy(stackDir.resolve("cdk.tf.json"), probe.resolve("cdk.tf.json"));
      customizer.customize(probe, BackendMode.LOCAL);
      Files.writeString(probe.resolve("zz_probe_override.tf.json"),
          "{\"terraform\": {\"backend\": {\"local\": {\"path\": \"probe.tfstate\"}}}}\n");
      ProcessRun.Result init = terraform.run(probe, TIMEOUT_SECONDS, "init", "-input=false", "-no-color");
      if (!init.ok()) {
        throw new IOException("cannot check whether bucket " + target.bucketName() + " exists:\n" + init.output());
      }
      ProcessRun.Result imported = terraform.run(probe, TIMEOUT_SECONDS, "import", "-input=false", "-no-color",
          bucketAddress(stackDir), target.bucketName());
      if (imported.ok()) {
        return true;
      }
      if (imported.output().contains("non-existent remote object")) {
        return false;
      }
      throw new IOException("cannot check whether bucket " + target.bucketName() + " exists:\n"
          + imported.output());
    } finally {
      FileTrees.deleteTree(probe);
    }
  }

  private String bucketAddress(Path stackDir) throws IOException {
    JsonNode buckets = MAPPER.readTree(stackDir.resolve("cdk.tf.json").toFile()).path("resource")
        .path("aws_s3_bucket");
    return "aws_s3_bucket." + buckets.fieldNames().next();
  }

  private Path synthStack(BootstrapTarget target, BackendMode mode) throws IOException {
    Path dir = BootstrapSynth.synth(List.of(target), mode, outdir(), preventDestroy).resolve("stacks")
        .resolve(target.stackName());
    customizer.customize(dir, mode);
    return dir;
  }

  private boolean step(Path dir, String... args) throws IOException {
    ProcessRun.Result result = terraform.run(dir, TIMEOUT_SECONDS, args);
    if (!result.ok() || args[0].equals("apply")) {
      out.println(result.output());
    }
    if (!result.ok()) {
      out.println("terraform " + String.join(" ", args) + " failed in " + bootstrapDir.relativize(dir));
    }
    return result.ok();
  }
}
