package com.acme.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path writes exactly what jsii's own runtime writes, and steps aside with a one-line note when it cannot
 * apply.
 */
class FastPathTest {
  private static final Path FAST_RUNTIME = LauncherRun.repo().resolve("src/target/fast-runtime");

  @Test
  void fastAndPlainPath_writeTheSameBytes(@TempDir Path tmp) throws Exception {
    Path fastRoot = Roots.copyOfReference(tmp.resolve("fast"));
    Path plainRoot = Roots.copyOfReference(tmp.resolve("plain"));

    LauncherRun fast = LauncherRun.platform(Map.of(), "synth", "--root", fastRoot.toString());
    LauncherRun plain = LauncherRun.platform(Map.of("PLATFORM_FAST", "0"), "synth", "--root", plainRoot.toString());

    assertThat(fast.exitCode()).as(fast.describe()).isZero();
    assertThat(plain.exitCode()).as(plain.describe()).isZero();
    assertSameFiles(fastRoot.resolve("cdktf.out"), plainRoot.resolve("cdktf.out"));
  }

  /**
   * With the pinned jsii, cdktf and provider versions every optional edit of the build applies. Each is skipped, with
   * a build log line, when a new version lacks the text it replaces: the output stays right but the speed is lost,
   * so an upgrade that loses one must show here and get the edit updated.
   */
  @Test
  void pinnedVersions_getEveryOptimisation() throws Exception {
    JsonNode applied = new ObjectMapper().readTree(FAST_RUNTIME.resolve("optimisations.json").toFile());

    assertThat(applied.path("kernel").size()).as("kernel edits recorded").isPositive();
    applied.path("kernel").fields().forEachRemaining(edit ->
        assertThat(edit.getValue().asBoolean()).as("kernel edit \"%s\" applied", edit.getKey()).isTrue());
    assertThat(applied.at("/packages/@cdktf~1provider-aws/lazyIndex").asBoolean())
        .as("the provider's resource modules load on first use").isTrue();
    assertThat(applied.at("/packages/cdktf/quietTokenStacks").asBoolean())
        .as("cdktf records no token creation stacks").isTrue();
  }

  /**
   * The class-data archive describes the jars of one classpath. After a build that changes it (a module built on its
   * own with {@code mvn -pl} points at installed jars), the next run writes a new archive instead of printing the
   * JVM's "Unable to use shared archive" warning on every run; the run after that maps the new one as it is.
   */
  @Test
  void archiveOfAnotherClasspath_isRewrittenOnce_withoutAWarning(@TempDir Path tmp) throws Exception {
    Path root = Roots.copyOfReference(tmp);
    Path archive = LauncherRun.repo().resolve("src/target/platform.jsa");
    Path archiveClasspath = archive.resolveSibling("platform.jsa.classpath");
    LauncherRun first = LauncherRun.platform(Map.of(), "synth", "--root", root.toString(), "staging");
    assertThat(first.exitCode()).as(first.describe()).isZero();
    String classpath = Files.readString(archiveClasspath);
    Files.writeString(archiveClasspath, "/elsewhere/platform-app.jar:" + classpath);

    LauncherRun rewriting = LauncherRun.platform(Map.of(), "synth", "--root", root.toString(), "staging");
    FileTime rewritten = Files.getLastModifiedTime(archive);
    LauncherRun mapping = LauncherRun.platform(Map.of(), "synth", "--root", root.toString(), "staging");

    for (LauncherRun run : List.of(rewriting, mapping)) {
      assertThat(run.exitCode()).as(run.describe()).isZero();
      assertThat(run.err()).as(run.describe()).doesNotContainIgnoringCase("shared archive").doesNotContain("[cds");
    }
    assertThat(Files.readString(archiveClasspath)).isEqualTo(classpath);
    assertThat(Files.getLastModifiedTime(archive)).as("the second run maps the archive, not rewrites it")
        .isEqualTo(rewritten);
  }

  @Test
  void fastRuntimeWithoutPreparedPackages_fallsBackWithOneNote_sameBytes(@TempDir Path tmp) throws Exception {
    // The fast runtime without its package-cache/ (as if that build step had not run): jsii's own runtime takes over.
    Path runtime = tmp.resolve("fast-runtime");
    copy(FAST_RUNTIME, runtime, p -> !p.startsWith(FAST_RUNTIME.resolve("package-cache")));
    Path fallbackRoot = Roots.copyOfReference(tmp.resolve("fallback"));
    Path plainRoot = Roots.copyOfReference(tmp.resolve("plain"));

    LauncherRun fallback = LauncherRun.platform(Map.of("JSII_RUNTIME", runtime.resolve("jsii-runtime").toString()),
        "synth", "--root", fallbackRoot.toString());
    LauncherRun plain = LauncherRun.platform(Map.of("PLATFORM_FAST", "0"), "synth", "--root", plainRoot.toString());

    assertThat(fallback.exitCode()).as(fallback.describe()).isZero();
    assertThat(fallback.err()).isEqualTo("platform: fast path off (no prepared packages in "
        + runtime.resolve("package-cache") + "); using jsii's own runtime\n");
    assertSameFiles(fallbackRoot.resolve("cdktf.out"), plainRoot.resolve("cdktf.out"));
  }

  @Test
  void fastRuntime_relaysConsoleOutputOfTheKernelLikeJsiisWrapper(@TempDir Path tmp) throws Exception {
    // jsii's own debug output is the kernel writing to its stderr: it must reach the user's stderr decoded, and the
    // protocol on stdout must survive it (the synth still succeeds).
    Path root = Roots.copyOfReference(tmp);
    Map<String, String> env = new HashMap<>();
    env.put("JSII_DEBUG", "1");

    LauncherRun run = LauncherRun.platform(env, "synth", "--root", root.toString(), "staging");

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.err()).contains("[@jsii/kernel] load").doesNotContain("{\"stderr\":");
  }

  private static void assertSameFiles(Path actual, Path expected) {
    Map<String, byte[]> fastFiles = Roots.contents(actual);
    Map<String, byte[]> plainFiles = Roots.contents(expected);
    assertThat(fastFiles.keySet()).isEqualTo(plainFiles.keySet())
        .contains("manifest.json", "stacks/registry/cdk.tf.json", "stacks/platform-staging/cdk.tf.json");
    fastFiles.forEach((file, bytes) -> assertThat(bytes).as(file).isEqualTo(plainFiles.get(file)));
  }

  private static void copy(Path from, Path to, java.util.function.Predicate<Path> include) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(include).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
