package com.acme.platform.app.check;

import com.acme.platform.terraform.StackCheck;
import com.acme.platform.terraform.StackResult;
import com.acme.platform.terraform.TerraformCli;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Checks every stack of a synthesized output, a bounded number at a time (see {@link Parallelism}). */
public final class OfflineCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OfflineCheck() {}

  /**
   * The stacks of a synthesized output, in the order of its {@code manifest.json}.
   *
   * @param outdir the synthesized output ({@code cdktf.out})
   * @return the stack names
   * @throws IOException when the manifest cannot be read
   */
  public static List<String> stacks(Path outdir) throws IOException {
    Path manifest = outdir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IOException("no " + manifest + ": synthesize first");
    }
    List<String> names = new ArrayList<>();
    MAPPER.readTree(manifest.toFile()).path("stacks").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Checks the stacks.
   *
   * @param terraform the offline terraform runner
   * @param outdir the synthesized output; only read
   * @param stacks the stacks to check
   * @param work a folder for the private copies, one subfolder per stack
   * @param parallelism how many stacks run at once
   * @return one result per stack, in the order given
   */
  public static List<StackResult> run(TerraformCli terraform, Path outdir, List<String> stacks, Path work,
      int parallelism) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<StackResult>> running = new ArrayList<>();
      for (String stack : stacks) {
        running.add(pool.submit(() -> StackCheck.check(terraform, outdir, stack, work)));
      }
      List<StackResult> results = new ArrayList<>();
      for (Future<StackResult> future : running) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking stacks", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking a stack failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
