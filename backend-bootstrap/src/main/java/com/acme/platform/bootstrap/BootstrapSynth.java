package com.acme.platform.bootstrap;

import com.hashicorp.cdktf.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
    deleteTree(outdir);
    App app = App.Builder.create().outdir(outdir.toString()).build();
    for (BootstrapTarget target : targets) {
      new BootstrapStack(app, target, mode);
    }
    app.synth();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
