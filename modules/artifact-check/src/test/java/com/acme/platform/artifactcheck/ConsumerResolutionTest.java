package com.acme.platform.artifactcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.acme.platform.terraform.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.LinkOption;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project outside this repository that declares only our artifacts: every artifact it resolves must have exactly
 * the version our build tests with (this module's {@code target/reactor-dependencies.txt}, resolved like every module
 * of the build).
 *
 * <p>Our artifacts are "published" as the build packaged them (jar, flattened POM, sources, Javadoc) into a private
 * local repository under {@code target/}, never into {@code ~/.m2}, so that a concurrent build elsewhere on the
 * machine cannot change what this test sees; everything else in that repository is a symbolic link into
 * {@code ~/.m2/repository}. The consumer's Maven runs offline ({@code -o}) on it: the third-party versions it picks,
 * version ranges included, are the ones a consumer on this machine would get.
 * Runs in the {@code integration-test} phase of {@code mvn verify} (see this module's pom.xml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerResolutionTest {
  private static final String GROUP = "com.acme.platform";
  private static final List<String> PUBLISHED = List.of("platform-constructs", "platform-terraform",
      "platform-testing");

  private static final Pattern UNRESOLVED_RANGE = Pattern.compile(
      "No versions available for ([^:\\s]+):([^:\\s]+):[^:\\s]+:(\\S+) within specified range");

  private final Path sharedRepository = Path.of(System.getProperty("local.repository"));
  private final Path consumerRepository = Path.of(System.getProperty("consumer.repository"));
  private final Path root = Path.of(System.getProperty("platform.root"));
  private final String version = System.getProperty("platform.version");
  private Map<String, String> ours;

  @TempDir
  Path tmp;

  @BeforeAll
  void publishIntoPrivateRepository() throws IOException {
    ours = ResolvedVersions.read(Path.of(System.getProperty("reactor.dependencies")));
    assertThat(ours).as("versions our build resolves").containsKeys("com.hashicorp:cdktf",
        "com.fasterxml.jackson.core:jackson-core", GROUP + ":platform-constructs");
    FileTrees.deleteTree(consumerRepository);
    for (String artifact : PUBLISHED) {
      Path target = root.resolve("modules").resolve(artifact).resolve("target");
      publish(artifact, target.resolve(".flattened-pom.xml"), ".pom");
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        publish(artifact, target.resolve(artifact + "-" + version + suffix), suffix);
      }
    }
    publish("platform-bom", root.resolve("modules/platform-bom/target/.flattened-pom.xml"), ".pom");
    linkEverythingElse(sharedRepository, consumerRepository, List.of("com", "acme", "platform"));
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

  private void publish(String artifact, Path built, String suffix) throws IOException {
    assertThat(built).as("%s as the build packages it; run mvn -B -ntp verify from the repository root", artifact)
        .isRegularFile();
    Path dir = Files.createDirectories(consumerRepository.resolve("com/acme/platform").resolve(artifact)
        .resolve(version));
    Files.copy(built, dir.resolve(artifact + "-" + version + suffix));
  }

  @Test
  void publishedArtifacts_haveFlattenedPomsSourcesAndJavadoc() throws IOException {
    for (String artifact : PUBLISHED) {
      Path target = root.resolve("modules").resolve(artifact).resolve("target");
      assertThat(Files.readString(target.resolve(".flattened-pom.xml")))
          .as("%s: a consumer must not need our parent POM", artifact).doesNotContain("<parent>");
      try (ZipFile sources = new ZipFile(target.resolve(artifact + "-" + version + "-sources.jar").toFile());
          ZipFile javadoc = new ZipFile(target.resolve(artifact + "-" + version + "-javadoc.jar").toFile())) {
        assertThat(sources.stream().anyMatch(e -> e.getName().endsWith(".java"))).as("%s sources", artifact)
            .isTrue();
        assertThat(javadoc.getEntry("index.html")).as("%s Javadoc", artifact).isNotNull();
      }
    }
  }

  @Test
  void consumerDeclaringOnlyOurArtifacts_resolvesExactlyOurVersions() throws IOException, InterruptedException {
    assertResolvesOurVersions("declares-our-artifacts", "", dependencies(true), true);
  }

  @Test
  void consumerImportingOurBom_resolvesExactlyOurVersions() throws IOException, InterruptedException {
    String bom = """
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>com.acme.platform</groupId>
                <artifactId>platform-bom</artifactId>
                <version>%s</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
        """.formatted(version);
    assertResolvesOurVersions("imports-our-bom", bom, dependencies(false), true);
  }

  @Test
  void consumerDeclaringOnlyTheConstructs_resolvesOurVersionsOfWhatItGets()
      throws IOException, InterruptedException {
    String constructs = """
            <dependency>
              <groupId>com.acme.platform</groupId>
              <artifactId>platform-constructs</artifactId>
              <version>%s</version>
            </dependency>
        """.formatted(version);
    assertResolvesOurVersions("declares-only-constructs", "", constructs, false);
  }

  private String dependencies(boolean withVersions) {
    return PUBLISHED.stream().map(a -> """
            <dependency>
              <groupId>com.acme.platform</groupId>
              <artifactId>%s</artifactId>%s
            </dependency>
        """.formatted(a, withVersions ? "\n          <version>" + version + "</version>" : ""))
        .collect(Collectors.joining());
  }

  private void assertResolvesOurVersions(String name, String dependencyManagement, String dependencies,
      boolean sameArtifacts) throws IOException, InterruptedException {
    Path project = Files.createDirectories(tmp.resolve(name));
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example.consumer</groupId>
          <artifactId>%s</artifactId>
          <version>1.0.0</version>
        %s  <dependencies>
        %s  </dependencies>
        </project>
        """.formatted(name, dependencyManagement, dependencies));
    Path listed = project.resolve("dependencies.txt");
    Path log = project.resolve("mvn.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
        "-B", "-ntp", "-q", "-o", "-Dmaven.repo.local=" + consumerRepository,
        "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("dependency-plugin.version")
            + ":collect", "-DincludeScope=runtime", "-DappendOutput=false", "-DoutputFile=" + listed));
    Process mvn = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(300, TimeUnit.SECONDS)) {
      mvn.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    Matcher range = UNRESOLVED_RANGE.matcher(output);
    if (range.find()) {
      String artifact = range.group(1) + ":" + range.group(2);
      fail("a consumer that " + name + " gets a version range from a dependency's POM:\n  " + artifact
          + ": our build tests with " + ours.get(artifact) + ", the consumer resolves the newest version its"
          + " repositories hold in " + range.group(3) + " (offline here: none)\npin every dependency in the"
          + " published POMs (flatten-maven-plugin, flattenDependencyMode all)\n" + output);
    }
    assertThat(mvn.exitValue()).as("mvn dependency:list of a consumer that %s; its output:%n%s", name, output)
        .isZero();

    List<String> problems = ResolvedVersions.differences(ours, ResolvedVersions.read(listed), sameArtifacts);

    if (!problems.isEmpty()) {
      fail("a consumer that " + name + " resolves other versions than our build tests with:\n  "
          + String.join("\n  ", problems) + "\n(our versions: " + System.getProperty("reactor.dependencies")
          + "; the consumer's: " + listed + ")");
    }
  }
}
