package com.acme.platform.bootstrap;

import com.acme.platform.terraform.CdktfOutdir;
import com.acme.platform.terraform.FileTrees;
import com.hashicorp.cdktf.App;
import java.io.IOException;
import java.nio.file.Files;
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
   * @param outdir the output folder (the cdktf CLI's {@code CDKTF_OUTDIR} wins over it)
   * @param preventDestroy whether the buckets keep {@code prevent_destroy}
   * @return the folder actually written
   * @throws IOException when the output cannot be written
   */
  public static Path synth(List<BootstrapTarget> targets, BackendMode mode, Path outdir, boolean preventDestroy)
      throws IOException {
    // Clear the folder cdktf will really write to before the app creates it, so that no stack of an earlier run
    // lingers.
    Path written = CdktfOutdir.of(outdir).toAbsolutePath();
    FileTrees.deleteTree(written);
    // cdktf creates only the output folder itself: under `--root DIR` the bootstrap folder may not exist yet.
    Files.createDirectories(written.getParent());
    App app = App.Builder.create().outdir(outdir.toString()).build();
    for (BootstrapTarget target : targets) {
      new BootstrapStack(app, target, mode, preventDestroy);
    }
    app.synth();
    return written;
  }
}
