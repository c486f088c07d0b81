package com.acme.platform.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.FileTrees;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The cdktf CLI matching our cdktf version, installed from npm once per machine and reused.
 *
 * <p>It lives in {@code ~/.cache/acme-platform/cdktf-cli-<version>} (or {@value #CACHE_ENV}): outside the repository,
 * so {@code mvn clean} and fresh clones on the same CI machine reuse it. An install goes into a temporary sibling
 * folder that is renamed into place only when npm succeeded, so an interrupted install is never reused and two
 * concurrent runs cannot see half a CLI.
 */
public final class CdktfCli {
  /** The CLI version: the same as {@code com.hashicorp:cdktf}. */
  public static final String VERSION = "0.19.2";
  /** Environment variable naming the cache folder instead of the default. */
  public static final String CACHE_ENV = "CDKTF_CLI_CACHE";

  private static final long INSTALL_TIMEOUT_SECONDS = 900;

  private CdktfCli() {}

  /** The cache folder of this version. */
  public static Path cacheDir() {
    String explicit = System.getenv(CACHE_ENV);
    return explicit != null && !explicit.isBlank() ? Path.of(explicit)
        : Path.of(System.getProperty("user.home"), ".cache", "acme-platform", "cdktf-cli-" + VERSION);
  }

  /**
   * The {@code cdktf} executable, installing it first when the cache has none. Fails, never skips, when npm or
   * its registry is unreachable: the end-to-end proof must not silently disappear from CI.
   *
   * @return the path of {@code node_modules/.bin/cdktf}
   * @throws IOException when the cache cannot be written
   */
  public static Path executable() throws IOException {
    Path dir = cacheDir();
    if (!isInstalled(dir)) {
      install(dir);
    }
    return dir.resolve("node_modules/.bin/cdktf");
  }

  static boolean isInstalled(Path dir) throws IOException {
    Path pkg = dir.resolve("node_modules/cdktf-cli/package.json");
    return Files.isRegularFile(pkg) && Files.isExecutable(dir.resolve("node_modules/.bin/cdktf"))
        && VERSION.equals(new ObjectMapper().readTree(pkg.toFile()).path("version").asText());
  }

  private static void install(Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    Path staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".installing-");
    try {
      Command npm = Command.run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", staging.toString(),
          "cdktf-cli@" + VERSION), staging, Map.of(), INSTALL_TIMEOUT_SECONDS);
      System.out.printf("npm install cdktf-cli@%s for %s: exit %d after %.1f s%n", VERSION, dir, npm.exitCode(),
          npm.seconds());
      assertThat(npm.ok()).as("npm install cdktf-cli@%s failed (exit %d); this test needs the npm registry."
          + " npm said:%n%s", VERSION, npm.exitCode(), npm.output()).isTrue();
      assertThat(isInstalled(staging)).as("npm install left no cdktf-cli %s in %s", VERSION, staging).isTrue();
      if (isInstalled(dir)) {
        return; // another run finished first; ours is deleted below
      }
      FileTrees.deleteTree(dir);
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        assertThat(isInstalled(dir)).as("cannot move the install into %s (%s), and no other run did", dir, e)
            .isTrue();
      }
    } finally {
      FileTrees.deleteTree(staging);
    }
  }
}
