package com.acme.platform.artifactcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * <p>Our artifacts are "published" into a private local repository ({@link PrivateRepository}); the consumer's
 * Maven runs offline ({@code -o}) on it: the third-party versions it picks, version ranges included, are the ones a
 * consumer on this machine would get.
 * Runs in the {@code integration-test} phase of {@code mvn verify} (see this module's pom.xml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerResolutionTest {
  private static final String GROUP = PrivateRepository.GROUP;
  private static final List<String> PUBLISHED = PrivateRepository.PUBLISHED;

  private static final Pattern UNRESOLVED_RANGE = Pattern.compile(
      "No versions available for ([^:\\s]+):([^:\\s]+):[^:\\s]+:(\\S+) within specified range");

  private final Path root = PrivateRepository.ROOT;
  private final String version = PrivateRepository.VERSION;
  private Map<String, String> ours;

  @TempDir
  Path tmp;

  @BeforeAll
  void publishIntoPrivateRepository() throws IOException {
    ours = ResolvedVersions.read(Path.of(System.getProperty("reactor.dependencies")));
    assertThat(ours).as("versions our build resolves").containsKeys("com.hashicorp:cdktf",
        "com.fasterxml.jackson.core:jackson-core", GROUP + ":platform-constructs");
    PrivateRepository.publish();
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
    int exit = PrivateRepository.mvn(project, log, 300, "-q",
        "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("dependency-plugin.version")
            + ":collect", "-DincludeScope=runtime", "-DappendOutput=false", "-DoutputFile=" + listed);
    String output = Files.readString(log);
    Matcher range = UNRESOLVED_RANGE.matcher(output);
    if (range.find()) {
      String artifact = range.group(1) + ":" + range.group(2);
      fail("a consumer that " + name + " gets a version range from a dependency's POM:\n  " + artifact
          + ": our build tests with " + ours.get(artifact) + ", the consumer resolves the newest version its"
          + " repositories hold in " + range.group(3) + " (offline here: none)\npin every dependency in the"
          + " published POMs (flatten-maven-plugin, flattenDependencyMode all)\n" + output);
    }
    assertThat(exit).as("mvn dependency:list of a consumer that %s; its output:%n%s", name, output)
        .isZero();

    List<String> problems = ResolvedVersions.differences(ours, ResolvedVersions.read(listed), sameArtifacts);

    if (!problems.isEmpty()) {
      fail("a consumer that " + name + " resolves other versions than our build tests with:\n  "
          + String.join("\n  ", problems) + "\n(our versions: " + System.getProperty("reactor.dependencies")
          + "; the consumer's: " + listed + ")");
    }
  }
}
