package com.acme.platform.app;

import com.acme.platform.terraform.CdktfOutdir;
import com.acme.platform.terraform.Exits;
import com.acme.platform.app.config.ConfigException;
import com.acme.platform.app.config.EnvironmentConfig;
import com.acme.platform.app.config.PlatformConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The platform's command line: {@code Main [environment ...]} synthesizes the named environments (all when none are
 * named) plus the shared registry into {@code cdktf.out/}, then prints one line per stack.
 *
 * <p>Exit status 0 on success, 1 when the input has problems (all of them are printed, nothing is written), 2 for a
 * usage error.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the synthesis.
   *
   * @param args environment names; blank arguments and commas separate names
   */
  public static void main(String[] args) {
    JsiiWarmup warmup = JsiiWarmup.start();
    Exits.exitWith(() -> run(args, Path.of(System.getProperty("platform.root", ".")), System.out, System.err, warmup));
  }

  /**
   * Runs the synthesis with explicit streams, for tests.
   *
   * @param args environment names
   * @param root the repository root
   * @param out where the summary goes
   * @param err where problems go
   * @return the exit status
   */
  public static int run(String[] args, Path root, PrintStream out, PrintStream err) {
    return run(args, root, out, err, JsiiWarmup.NONE);
  }

  static int run(String[] args, Path root, PrintStream out, PrintStream err, JsiiWarmup warmup) {
    List<String> selected = new ArrayList<>();
    Arrays.stream(args).flatMap(a -> Arrays.stream(a.split(","))).map(String::trim).filter(a -> !a.isEmpty())
        .forEach(selected::add);
    long started = System.nanoTime();
    try {
      PlatformConfig config = PlatformInput.load(root);
      List<String> known = config.environments().stream().map(EnvironmentConfig::name).toList();
      List<String> unknown = selected.stream().filter(s -> !known.contains(s)).toList();
      if (!unknown.isEmpty()) {
        err.println("unknown environment " + unknown + "; environments/ has " + known);
        return 2;
      }
      Path outdir = outputDirectory(root);
      warmup.await();
      List<SynthSummary.Row> rows = Synthesizer.synthesize(config, selected, outdir);
      out.print(SynthSummary.table(rows, root.toAbsolutePath().normalize().relativize(outdir.toAbsolutePath()
          .normalize()), (System.nanoTime() - started) / 1_000_000));
      return 0;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.println("Nothing was written.");
      return 1;
    } catch (IOException e) {
      err.println("cannot write the output: " + e.getMessage());
      return 1;
    } finally {
      // Also when the input is refused: the process must not exit while the warm-up talks to Node.js, or jsii's
      // exit message could cut into that conversation.
      warmup.await();
    }
  }

  /** {@code CDKTF_OUTDIR} when the cdktf CLI runs us, else {@code cdktf.out} under the repository root. */
  static Path outputDirectory(Path root) {
    return CdktfOutdir.of(root.resolve("cdktf.out"));
  }
}
