package com.acme.platform.bootstrap;

import com.acme.platform.terraform.FileTrees;
import com.hashicorp.cdktf.App;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Synthesizes the bootstrap stacks into {@code cdktf.out/}, replacing what was there. */
public final class BootstrapSynth {
  private BootstrapSynth() {}

  /**
   * Synthesizes one stack per target.
   *
   * @param targets the buckets
   * @param mode where the stacks keep their own state
   * @param outdir the output folder
   * @throws IOException when the output cannot be written
   */
  public static void synth(List<BootstrapTarget> targets, BackendMode mode, Path outdir) throws IOException {
    FileTrees.deleteTree(outdir);
    App app = App.Builder.create().outdir(outdir.toString()).build();
    for (BootstrapTarget target : targets) {
      new BootstrapStack(app, target, mode);
    }
    app.synth();
  }
}
