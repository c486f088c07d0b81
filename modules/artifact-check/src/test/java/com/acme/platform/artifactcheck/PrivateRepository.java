package com.acme.platform.artifactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Our artifacts "published" as this build packaged them (jar, flattened POM, sources, Javadoc) into a private local
 * repository under {@code target/}, never into {@code ~/.m2}, so that a concurrent build elsewhere on the machine
 * cannot change what a consumer sees; everything else in it is a symbolic link into {@code ~/.m2/repository}.
 * Consumers' Maven runs offline ({@code -o}) on it.
 */
final class PrivateRepository {
  static final String GROUP = "com.acme.platform";
  static final List<String> PUBLISHED = List.of("platform-constructs", "platform-terraform", "platform-testing");
  static final Path ROOT = Path.of(System.getProperty("platform.root"));
  static final String VERSION = System.getProperty("platform.version");
  static final Path LOCATION = Path.of(System.getProperty("consumer.repository"));
  private static final Path SHARED = Path.of(System.getProperty("local.repository"));
  /** Every test class of this module runs in one JVM: publish once. */
  private static boolean published;

  private PrivateRepository() {}

  /** Publishes our artifacts into the private repository, once per test run. */
  static synchronized void publish() throws IOException {
    if (published) {
      return;
    }
    FileTrees.deleteTree(LOCATION);
    for (String artifact : PUBLISHED) {
      Path target = ROOT.resolve("modules").resolve(artifact).resolve("target");
      copy(artifact, target.resolve(".flattened-pom.xml"), ".pom");
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        copy(artifact, target.resolve(artifact + "-" + VERSION + suffix), suffix);
      }
    }
    copy("platform-bom", ROOT.resolve("modules/platform-bom/target/.flattened-pom.xml"), ".pom");
    linkEverythingElse(SHARED, LOCATION, List.of("com", "acme", "platform"));
    published = true;
  }

  /**
   * Runs Maven offline on the private repository.
   *
   * @param project the consumer's folder (with its pom.xml)
   * @param log where Maven's output goes
   * @param timeoutSeconds how long it may take before it is killed
   * @param args goals and options
   * @return Maven's exit status (-1 when it was killed)
   */
  static int mvn(Path project, Path log, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn")
        .toString(), "-B", "-ntp", "-o", "-Dmaven.repo.local=" + LOCATION));
    command.addAll(List.of(args));
    Process mvn = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      mvn.descendants().forEach(ProcessHandle::destroyForcibly);
      mvn.destroyForcibly().waitFor();
      return -1;
    }
    return mvn.exitValue();
  }

  /**
   * Makes {@code into} show everything of the shared local repository except our own group: one symbolic link per
   * entry, and a real folder along {@code ours} (com/acme/platform), whose last one stays private.
   */
  private static void linkEverythingElse(Path shared, Path into, List<String> ours) throws IOException {
    Files.createDirectories(into);
    if (ours.isEmpty() || !Files.isDirectory(shared)) {
      return;
    }
    try (Stream<Path> entries = Files.list(shared)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.equals(ours.get(0))) {
          linkEverythingElse(entry, into.resolve(name), ours.subList(1, ours.size()));
        } else if (!Files.exists(into.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(into.resolve(name), entry);
        }
      }
    }
  }

  private static void copy(String artifact, Path built, String suffix) throws IOException {
    assertThat(built).as("%s as the build packages it; run mvn -B -ntp verify from the repository root", artifact)
        .isRegularFile();
    Path dir = Files.createDirectories(LOCATION.resolve("com/acme/platform").resolve(artifact).resolve(VERSION));
    Files.copy(built, dir.resolve(artifact + "-" + VERSION + suffix));
  }
}
