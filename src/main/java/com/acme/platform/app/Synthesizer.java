package com.acme.platform.app;

import com.acme.platform.terraform.FileTrees;
import com.acme.platform.app.config.PlatformConfig;
import com.acme.platform.constructs.policy.PolicyCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthesizes into a fresh temporary folder next to the output and moves it into place only when everything
 * succeeded, so a failed run leaves the previous output untouched.
 *
 * <p>Under the cdktf CLI the output folder belongs to the CLI: cdktf's {@code App} writes to {@code CDKTF_OUTDIR}
 * whatever folder it is given (its Node.js side reads the variable), and the CLI removes the folders of stacks that
 * are gone. Then the stacks are written there directly; invalid input still writes nothing, because every stack is
 * built and checked before anything is synthesized. In our own folder the policy check reads the synthesized files
 * in the temporary folder instead, before they are moved into place.
 */
public final class Synthesizer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Synthesizer() {}

  /**
   * Builds and synthesizes the selected environments.
   *
   * @param config the loaded configuration
   * @param selected environment names; empty for all
   * @param outdir the output folder ({@code cdktf.out})
   * @return one row per stack, registry first
   * @throws IOException when the output cannot be written
   * @throws com.acme.platform.app.config.ConfigException when any stack's input is invalid or a stack breaks a
   *     policy rule without a waiver (nothing is written)
   */
  public static List<SynthSummary.Row> synthesize(PlatformConfig config, List<String> selected, Path outdir)
      throws IOException {
    Path parent = outdir.toAbsolutePath().normalize().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + outdir.getFileName() + ".tmp-");
    try {
      App app = App.Builder.create().outdir(staging.toString()).build();
      Path written = Path.of(app.getOutdir()).toAbsolutePath().normalize();
      List<PlatformApp.BuiltStack> stacks = PlatformApp.build(app, config, selected);
      boolean staged = written.equals(staging.toAbsolutePath().normalize());
      // Under the cdktf CLI the stacks are written straight into its output folder, so a violation must stop the
      // run before app.synth() writes the first one. In our own folder the check reads the synthesized files
      // instead (below), which costs a fraction of asking every stack for its JSON through jsii; a violation then
      // leaves only the temporary folder, which is deleted below.
      Map<String, List<String>> waived = staged ? null
          : StackPolicies.check(config, stacks, (stack, props) -> PolicyCheck.evaluate(stack.stack(), props));
      app.synth();
      // Each stack's JSON is read once, for the policy check and for the summary's resource count.
      Map<String, JsonNode> synthesized = new HashMap<>();
      for (PlatformApp.BuiltStack stack : stacks) {
        synthesized.put(stack.stackName(), MAPPER.readTree(stackFile(written, stack.stackName()).toFile()));
      }
      if (staged) {
        waived = StackPolicies.check(config, stacks,
            (stack, props) -> PolicyCheck.evaluate(stack.stackName(), synthesized.get(stack.stackName()), props));
      }
      List<SynthSummary.Row> rows = new ArrayList<>();
      for (PlatformApp.BuiltStack stack : stacks) {
        rows.add(new SynthSummary.Row(stack.stackName(), resourceCount(synthesized.get(stack.stackName())),
            stack.stateKey(), waived.getOrDefault(stack.stackName(), List.of())));
      }
      if (staged) {
        replace(outdir.toAbsolutePath().normalize(), staging);
      }
      return rows;
    } finally {
      FileTrees.deleteTree(staging);
    }
  }

  /**
   * The number of resources in a synthesized stack.
   *
   * @param outdir the output folder
   * @param stackName the stack
   * @return the count over all resource types
   * @throws IOException when the stack's JSON cannot be read
   */
  public static int countResources(Path outdir, String stackName) throws IOException {
    return resourceCount(MAPPER.readTree(stackFile(outdir, stackName).toFile()));
  }

  private static int resourceCount(JsonNode stackJson) {
    int count = 0;
    for (JsonNode byName : stackJson.path("resource")) {
      count += byName.size();
    }
    return count;
  }

  private static Path stackFile(Path outdir, String stackName) {
    return outdir.resolve("stacks").resolve(stackName).resolve("cdk.tf.json");
  }

  private static void replace(Path outdir, Path staging) throws IOException {
    Path old = null;
    if (Files.exists(outdir)) {
      old = Files.createTempDirectory(outdir.getParent(), "." + outdir.getFileName() + ".old-");
      Files.delete(old);
      Files.move(outdir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, outdir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Put the previous output back: a failed run must leave it as it was.
      if (old != null) {
        Files.move(old, outdir, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      FileTrees.deleteTree(old);
    }
  }
}
