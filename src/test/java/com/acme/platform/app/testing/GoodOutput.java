package com.acme.platform.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code cdktf.out} of the repository's real inputs, synthesized once per test JVM, for tests that start from
 * a previous good output and check that a failed run leaves it byte for byte as it was.
 */
public final class GoodOutput {
  private static Path output;

  private GoodOutput() {}

  /** The folder of the good output (do not modify it: copy it with {@link #copyInto}). */
  public static synchronized Path folder() {
    if (output == null) {
      try {
        Path repo = Files.createTempDirectory("good-output-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(repo)));
        Repo.copyInputs(repo);
        SynthRun run = SynthRun.of(repo);
        if (run.exitCode() != 0) {
          throw new IllegalStateException("the repository's own inputs do not synthesize:\n" + run.err());
        }
        output = repo.resolve("cdktf.out");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return output;
  }

  /** Every file of the good output with its content. */
  public static Map<String, String> contents() {
    return Repo.contents(folder());
  }

  /**
   * Makes {@code repo/cdktf.out} a copy of the good output, replacing whatever is there.
   *
   * @param repo a repository copy
   */
  public static void copyInto(Path repo) {
    delete(repo.resolve("cdktf.out"));
    Repo.copyTree(folder(), repo.resolve("cdktf.out"));
  }

  /**
   * Deletes a folder tree, if it exists.
   *
   * @param dir the folder
   */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
