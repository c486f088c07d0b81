package com.acme.platform.artifactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.terraform.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * <p>Our artifacts are "published" as the build packaged them (jar, flattened POM, sources, Javadoc) into a private
 * repository under {@code target/}, never into {@code ~/.m2}, so a concurrent build elsewhere on the machine cannot
 * change what this test sees. The consumer's Maven runs with that private repository as its local repository and
 * {@code ~/.m2/repository} as its only (file) mirror: no network, and nothing of ours but what is published.
 * Runs in the {@code integration-test} phase of {@code mvn verify} (see this module's pom.xml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerResolutionTest {
  private static final String GROUP = "com.acme.platform";
  private static final List<String> PUBLISHED = List.of("platform-constructs", "platform-terraform",
      "platform-testing");

  private final Path sharedRepository = Path.of(System.getProperty("local.repository"));
  private final Path consumerRepository = Path.of(System.getProperty("consumer.repository"));
  private final Path root = Path.of(System.getProperty("platform.root"));
  private final String version = System.getProperty("platform.version");
  private Map<String, String> ours;
  private Path settings;

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
    settings = consumerRepository.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors>
            <mirror>
              <id>this-machine</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(consumerRepository.resolve("repository"), sharedRepository.toUri()));
  }

  private void publish(String artifact, Path built, String suffix) throws IOException {
    assertThat(built).as("%s as the build packages it; run mvn -B -ntp verify from the repository root", artifact)
        .isRegularFile();
    Path dir = Files.createDirectories(consumerRepository.resolve("repository/com/acme/platform").resolve(artifact)
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
        "-B", "-ntp", "-s", settings.toString(),
        "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("dependency-plugin.version")
            + ":list", "-DincludeScope=runtime", "-DappendOutput=false", "-DoutputFile=" + listed));
    Process mvn = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(300, TimeUnit.SECONDS)) {
      mvn.destroyForcibly().waitFor();
    }
    assertThat(mvn.exitValue()).as("mvn dependency:list of a consumer that %s; its output:%n%s", name,
        Files.readString(log)).isZero();

    List<String> problems = ResolvedVersions.differences(ours, ResolvedVersions.read(listed), sameArtifacts);

    assertThat(problems).as("a consumer that %s resolves other versions than our build tests with (%s);"
        + " pin them in the parent's dependencyManagement, the flattened POMs list them", name, listed)
        .isEmpty();
  }
}
