package com.acme.platform.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of {@link Main#run} on a repository copy, with what it printed, and the checks every failed run must
 * pass: a clean list of problems and an untouched {@code cdktf.out}.
 *
 * @param exitCode the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record SynthRun(int exitCode, String out, String err) {
  /** What must never reach a user: exception names, Java package names, stack frames. */
  public static final Pattern JAVA_LEAK = Pattern.compile("Exception|java\\.|\\tat |\\$\\{TfToken");
  private static final Pattern HEADER = Pattern.compile("(\\d+) problems? in the platform configuration:");

  /**
   * Runs the synthesis of a repository copy.
   *
   * @param repo the repository root
   * @param args environment names
   * @return what happened
   */
  public static SynthRun of(Path repo, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, repo, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new SynthRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The problem lines of a failed run, without their indentation. */
  public List<String> problems() {
    return Arrays.stream(err.split("\n")).filter(l -> l.startsWith("  ")).map(String::strip).toList();
  }

  /**
   * Checks that the run failed cleanly: exit status 1, a header with the number of problems, one line per problem
   * naming a file, the closing "Nothing was written.", no Java names or stack frames, and {@code cdktf.out} exactly
   * as it was (no temporary folders left either).
   *
   * @param repo the repository root the run used
   * @param outputBefore {@link Repo#contents} of {@code cdktf.out} before the run
   * @param context what to print on failure (case name, seed, mutation)
   */
  public void assertCleanFailure(Path repo, Map<String, String> outputBefore, String context) {
    assertThat(exitCode).as(context + "\nstderr:\n" + err + "\nstdout:\n" + out).isEqualTo(1);
    assertThat(JAVA_LEAK.matcher(err + out).find()).as(context + ": Java names in the output:\n" + err).isFalse();
    List<String> lines = err.lines().toList();
    var header = HEADER.matcher(lines.get(0));
    assertThat(header.matches()).as(context + ": header of\n" + err).isTrue();
    List<String> problems = problems();
    assertThat(problems).as(context + ": one line per problem in\n" + err)
        .hasSize(Integer.parseInt(header.group(1)))
        // An input file, or a stack and resource address for a policy finding.
        .allMatch(p -> p.matches("(environments|task-definitions)(/[^:]+)?: .+")
            || p.matches("(registry|platform-[a-z0-9-]+): [a-z0-9_]+\\.[A-Za-z0-9_-]+: .+"));
    List<String> files = problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
    assertThat(files).as(context + ": problems sorted by file").isSorted();
    assertThat(lines.get(lines.size() - 1)).as(context).isEqualTo("Nothing was written.");
    assertThat(lines).as(context).hasSize(problems.size() + 2);
    assertThat(Repo.contents(repo.resolve("cdktf.out"))).as(context + ": cdktf.out changed")
        .isEqualTo(outputBefore);
    assertThat(leftovers(repo)).as(context + ": temporary folders left behind").isEmpty();
  }

  /** Folders the synthesizer creates next to {@code cdktf.out} while it works. */
  public static List<String> leftovers(Path repo) {
    try (Stream<Path> files = Files.list(repo)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".cdktf.out")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
