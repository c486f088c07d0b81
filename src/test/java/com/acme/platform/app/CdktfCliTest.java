package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.NetworkGuard;
import com.acme.platform.app.testing.CdktfCli;
import com.acme.platform.app.testing.Command;
import com.acme.platform.app.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code cdktf-cli@0.19.2} from npm drives a copy of this repository through its
 * {@code cdktf.json}, and its output equals the app's own synth byte for byte.
 *
 * <p>The copy keeps the nested Maven build (the {@code app} command of {@code cdktf.json}) away from this build's
 * {@code target/} folders. Terraform, which the CLI runs for version checks, gets a {@link NetworkGuard} as its
 * proxy and {@code CHECKPOINT_DISABLE} (which also turns off cdktf's telemetry): the only network this test uses
 * is npm's registry, for the first install on a machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdktfCliTest {
  private static final Set<String> NOT_COPIED = Set.of(".git", "target", "cdktf.out", "node_modules", ".terraform",
      ".idea");
  private static final long CLI_TIMEOUT_SECONDS = 900;

  private Path cdktf;
  private Path copy;
  private Path expected;
  private NetworkGuard guard;
  private Command synth;

  @BeforeAll
  void synthBothWays(@TempDir Path tmp) throws IOException {
    cdktf = CdktfCli.executable();
    copy = copyRepository(tmp.resolve("repo"));

    int code = Main.run(new String[0], copy, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
    assertThat(code).as("the app's own synth").isZero();
    expected = tmp.resolve("expected");
    Files.move(copy.resolve("cdktf.out"), expected);

    guard = NetworkGuard.start();
    try {
      synth = cli("synth");
    } finally {
      guard.close();
    }
    System.out.printf(java.util.Locale.ROOT, "cdktf synth through the CLI took %.1f s%n", synth.seconds());
  }

  @Test
  void cdktfSynth_outputEqualsAppSynthByteForByte() throws IOException {
    assertThat(synth.ok()).as("cdktf synth (exit %d):%n%s", synth.exitCode(), synth.output()).isTrue();
    Path actual = copy.resolve("cdktf.out");
    assertSameFiles(expected, actual);
    assertThat(files(actual)).contains("manifest.json", "stacks/platform-staging/cdk.tf.json",
        "stacks/platform-production/cdk.tf.json", "stacks/registry/cdk.tf.json");
  }

  /**
   * An example platform's {@code cdktf.json} runs the repository's launcher on its own folder
   * ({@code ../../platform synth --root .}), so the CLI run inside the folder writes that example's stacks there.
   * One example stands for all: {@link ExamplePlatformsTest} checks that every example has this same {@code app}.
   */
  @Test
  void examplePlatform_cdktfSynthInsideItsFolder_equalsAppSynthOfThatRoot(@TempDir Path tmp) throws IOException {
    Path example = copy.resolve("examples/web-health-alarms");
    Path appRoot = Repo.copyInputs(example, tmp.resolve("app-root"));
    int code = Main.run(new String[0], appRoot, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), System.err);
    assertThat(code).as("the app's own synth of the example").isZero();
    NetworkGuard exampleGuard = NetworkGuard.start();
    Command exampleSynth;
    try {
      exampleSynth = cli("synth", example, exampleGuard);
    } finally {
      exampleGuard.close();
    }

    assertThat(exampleSynth.ok()).as("cdktf synth in examples/web-health-alarms (exit %d):%n%s",
        exampleSynth.exitCode(), exampleSynth.output()).isTrue();
    assertThat(exampleGuard.attempts()).isEmpty();
    assertSameFiles(appRoot.resolve("cdktf.out"), example.resolve("cdktf.out"));
    assertThat(files(example.resolve("cdktf.out"))).contains("stacks/platform-production/cdk.tf.json");
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    assertThat(files(actual)).as("files written by cdktf synth").isEqualTo(files(expected));
    for (String file : files(expected)) {
      assertThat(Files.mismatch(expected.resolve(file), actual.resolve(file))).as("first differing byte of %s", file)
          .isEqualTo(-1L);
    }
  }

  @Test
  void cdktfSynth_terraformMadeNoNetworkRequest() {
    assertThat(guard.attempts()).isEmpty();
  }

  @Test
  void cdktfList_namesEveryStackWithItsFolder() throws IOException {
    Command list = cli("list");

    assertThat(list.ok()).as("cdktf list (exit %d):%n%s", list.exitCode(), list.output()).isTrue();
    assertThat(list.output()).containsPattern("(?m)^registry\\s+cdktf\\.out/stacks/registry$")
        .containsPattern("(?m)^platform-staging\\s+cdktf\\.out/stacks/platform-staging$")
        .containsPattern("(?m)^platform-production\\s+cdktf\\.out/stacks/platform-production$");
  }

  @Test
  void backendBootstrap_cdktfSynthAndList_writeEveryBootstrapStack() throws IOException {
    Path bootstrap = copy.resolve("backend-bootstrap");
    NetworkGuard bootstrapGuard = NetworkGuard.start();
    Command bootstrapSynth;
    Command bootstrapList;
    try {
      bootstrapSynth = cli("synth", bootstrap, bootstrapGuard);
      bootstrapList = cli("list", bootstrap, bootstrapGuard);
    } finally {
      bootstrapGuard.close();
    }

    assertThat(bootstrapSynth.ok()).as("cdktf synth in backend-bootstrap (exit %d):%n%s", bootstrapSynth.exitCode(),
        bootstrapSynth.output()).isTrue();
    assertThat(bootstrapList.ok()).as("cdktf list in backend-bootstrap:%n%s", bootstrapList.output()).isTrue();
    assertThat(bootstrapGuard.attempts()).isEmpty();
    // One stack per state bucket named in environments/, each starting from local state.
    for (String bucket : List.of("acme-platform-tfstate-200000000001", "acme-platform-tfstate-300000000001",
        "acme-platform-tfstate-400000000001")) {
      Path stack = bootstrap.resolve("cdktf.out/stacks/bootstrap-" + bucket + "/cdk.tf.json");
      assertThat(stack).isRegularFile();
      assertThat(Files.readString(stack)).contains("\"path\": \"../../../terraform.bootstrap-" + bucket + ".tfstate\"");
      assertThat(bootstrapList.output()).contains("cdktf.out/stacks/bootstrap-acme-platform-tfstate");
    }
  }

  private Command cli(String command) throws IOException {
    return cli(command, copy, guard);
  }

  private Command cli(String command, Path dir, NetworkGuard guard) throws IOException {
    return Command.run(List.of(cdktf.toString(), command), dir, Map.of("CHECKPOINT_DISABLE", "1", "CI", "1",
        "FORCE_COLOR", "0", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20", "HTTPS_PROXY", guard.proxyUrl(),
        "HTTP_PROXY", guard.proxyUrl()), CLI_TIMEOUT_SECONDS);
  }

  /** The repository as a user has it (sources, inputs, {@code cdktf.json}), without build output. */
  private static Path copyRepository(Path target) throws IOException {
    Path root = Repo.root();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(p -> root.relativize(p).toString().isEmpty() || notExcluded(root.relativize(p)))
          .toList()) {
        Path dest = target.resolve(root.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
    return target;
  }

  private static boolean notExcluded(Path relative) {
    for (Path part : relative) {
      if (NOT_COPIED.contains(part.toString())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return new ArrayList<>(new TreeSet<>(paths.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString()).toList()));
    }
  }
}
