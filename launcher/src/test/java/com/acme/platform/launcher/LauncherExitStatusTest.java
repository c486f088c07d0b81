package com.acme.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit status the README documents for {@code ./platform}, each through the script as a user runs it, with
 * what it prints. None of them may show a Java or Maven stack trace.
 */
class LauncherExitStatusTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void synth_exit0_writesEveryStackUnderTheRoot(@TempDir Path tmp) throws Exception {
    Path root = Roots.copyOfReference(tmp);

    LauncherRun run = LauncherRun.platform(NO_ENV, "synth", "--root", root.toString());

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.out()).contains("platform-staging", "platform-production", "registry");
    assertThat(root.resolve("cdktf.out/stacks/platform-staging/cdk.tf.json")).isRegularFile();
    assertThat(run.err()).as(run.describe()).isEmpty();
  }

  @Test
  void synth_badEnvironmentFile_exit1_printsTheProblemExactly(@TempDir Path tmp) throws Exception {
    Path root = Roots.copyOfReference(tmp);
    Path staging = root.resolve("environments/staging.json");
    String text = Files.readString(staging);
    Files.writeString(staging, text.substring(0, text.indexOf("\"clusters\": [") + "\"clusters\": [".length()));

    LauncherRun run = LauncherRun.platform(NO_ENV, "synth", "--root", root.toString());

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("""
        1 problem in the platform configuration:
          environments/staging.json: malformed JSON (line 20, column 16): the file ends before the list opened at \
        line 20, column 15 (clusters) is closed
        Nothing was written.
        """);
    assertThat(run.out()).isEmpty();
    assertThat(root.resolve("cdktf.out")).doesNotExist();
  }

  /** Usage errors: {@code {root}} in the arguments is a copy of the reference inputs, {@code {empty}} a folder. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "synth --root {root} qa | unknown environment [qa]; environments/ has [production, staging]",
      "synthesize | platform: unknown command \"synthesize\"; use synth, check, apply, migrate or bootstrap-synth",
      "synth --root {empty} | platform: --root {empty}: no environments/ folder there; a root holds environments/"
          + " and task-definitions/",
      "apply --root {root} --bucket=nope | --bucket=nope is not a stateBucket of environments/*.json; known buckets:"
          + " [acme-platform-tfstate-200000000001, acme-platform-tfstate-300000000001,"
          + " acme-platform-tfstate-400000000001]",
  })
  void usageError_exit2_oneLineSayingWhatIsAllowed(String args, String expected, @TempDir Path tmp)
      throws Exception {
    Path root = Roots.copyOfReference(tmp.resolve("root"));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String[] words = args.replace("{root}", root.toString()).replace("{empty}", empty.toString()).split(" ");

    LauncherRun run = LauncherRun.platform(NO_ENV, words);

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(expected.replace("{empty}", empty.toString()) + "\n");
  }

  /**
   * A missing tool: the PATH holds only the script's own tools plus {@code onPath}; {@code {root}} as above. Synth
   * itself needs no Terraform (the second case gets as far as the check's own prerequisite test).
   */
  @ParameterizedTest(name = "{1} with only {0}")
  @CsvSource(delimiter = '|', value = {
      "java | synth | platform: node not found on the PATH: install Node.js 18 or 20; cdktf runs the constructs in"
          + " Node.js (README.md, Prerequisites)",
      "java node | check --root {root} staging | cannot run the check: cannot run terraform offline, missing:{nl}"
          + "  - terraform: not found on the PATH; install Terraform 1.10 or later (tested with 1.11), or set TERRAFORM"
          + " to its path",
  })
  void missingTool_exit3(String onPath, String args, String expected, @TempDir Path tmp) throws Exception {
    Path root = Roots.copyOfReference(tmp.resolve("root"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", pathWith(tmp, onPath.split(" ")).toString());
    env.put("TERRAFORM", null);

    LauncherRun run = LauncherRun.platform(env, args.replace("{root}", root.toString()).split(" "));

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    // {nl}: a line break in the expected text, which a CSV row cannot hold.
    assertThat(run.err()).isEqualTo(expected.replace("{nl}", "\n") + "\n");
  }

  @Test
  void nodeThatStops_exit3_oneLineAfterNodesOwnMessage_noStackTrace(@TempDir Path tmp) throws Exception {
    // A NODE_OPTIONS that Node.js refuses: it prints why and exits before jsii's kernel runs.
    Path root = Roots.copyOfReference(tmp);

    LauncherRun run = LauncherRun.platform(Map.of("NODE_OPTIONS", "--cpu-prof"), "synth", "--root", root.toString());

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    assertThat(run.err()).as(run.describe())
        .contains("node: --cpu-prof is not allowed in NODE_OPTIONS\n")
        .containsPattern("(?m)^platform: Node\\.js, which runs the constructs, stopped \\([^)]+\\); its own message, if it"
            + " gave one, is above\\. Check NODE_OPTIONS and the Node\\.js installation \\(README\\.md, Prerequisites\\)$");
    assertThat(LauncherRun.JAVA_OR_MAVEN_LEAK.matcher(run.out() + run.err()).find()).as(run.describe()).isFalse();
  }

  @Test
  void failedBuild_exit4_showsMavensOutputOnlyThen(@TempDir Path tmp) throws Exception {
    // A repository copy without a build, and an mvn that fails: the first run must build, and say why it stopped.
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.copy(LauncherRun.repo().resolve("platform"), repo.resolve("platform"));
    Roots.copyOfReference(repo);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho '[ERROR] COMPILATION ERROR: Main.java:[1,1] class expected'\nexit 1\n");
    mvn.toFile().setExecutable(true);

    LauncherRun run = LauncherRun.of(repo.resolve("platform"), repo,
        Map.of("PATH", bin + ":" + System.getenv("PATH")), "synth");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
    assertThat(run.err()).isEqualTo("""
        platform: building with Maven (first run or changed sources; about a minute) ...
        [ERROR] COMPILATION ERROR: Main.java:[1,1] class expected
        platform: the build failed; Maven's output is above
        """);
  }

  @Test
  void userMistakes_neverShowAStackTrace(@TempDir Path tmp) throws Exception {
    Path root = Roots.copyOfReference(tmp);
    Files.writeString(root.resolve("task-definitions/api.json"), "{\"name\": \"api\"}");

    LauncherRun run = LauncherRun.platform(NO_ENV, "synth", "--root", root.toString(), "staging,production");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(LauncherRun.JAVA_OR_MAVEN_LEAK.matcher(run.out() + run.err()).find()).as(run.describe()).isFalse();
  }

  /** A folder for PATH with the tools the script itself uses plus {@code tools}, and nothing else. */
  private static Path pathWith(Path tmp, String... tools) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    List<String> all = new ArrayList<>(List.of("dirname", "find", "head", "cat", "rm", "mv", "sed", "mktemp", "tr",
        "grep"));
    all.addAll(List.of(tools));
    for (String tool : all) {
      Files.createSymbolicLink(bin.resolve(tool), which(tool));
    }
    return bin;
  }

  private static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on the PATH of the test");
  }
}
