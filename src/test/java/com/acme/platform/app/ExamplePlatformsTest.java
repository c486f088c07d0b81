package com.acme.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.app.testing.CheckRun;
import com.acme.platform.app.testing.Repo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example platforms under {@code examples/} (one per reference architecture in the team's seeds): each one is
 * synthesized by the app and every stack of every environment goes through the same offline {@code terraform init},
 * {@code validate} and {@code plan} as {@code ./platform check --root examples/<name>} ({@link Check#run}, on a copy
 * of the example's inputs so that the repository stays untouched). Fails, never skips, like {@link CheckTest}.
 */
class ExamplePlatformsTest {
  /** Folders under {@code examples/} that are not platform roots, and what tests them instead. */
  private static final Map<String, String> OTHER_PROJECTS = Map.of(
      "consumer-app", "a Maven project of another team, built and tested by ConsumerAppTest");
  /** One example per seed in the team's reference architectures; a new example adds to these. */
  private static final List<String> SEED_EXAMPLES = List.of("soa-two-clusters", "ecr-per-service",
      "frontend-backend-secrets", "tls-autoscaling-dns", "web-health-alarms");
  /** What {@code cdktf.json} runs inside an example folder: the repository's launcher on that folder. */
  private static final String CDKTF_APP = "../../platform synth --root .";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Path examplesDir() {
    return Repo.root().resolve("examples");
  }

  /** Every folder under {@code examples/} except the other projects: each must be a platform root. */
  static Stream<String> platformExamples() throws IOException {
    try (Stream<Path> dirs = Files.list(examplesDir())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !OTHER_PROJECTS.containsKey(n)).sorted().toList().stream();
    }
  }

  @Test
  void everyExampleFolder_isAPlatformRootWithItsOwnCdktfJsonAndReadme() throws IOException {
    List<String> examples = platformExamples().toList();
    assertThat(examples).as("platform examples under examples/").containsAll(SEED_EXAMPLES);
    OTHER_PROJECTS.forEach((other, why) -> assertThat(examplesDir().resolve(other)).as(why).isDirectory());
    for (String name : examples) {
      Path example = examplesDir().resolve(name);
      // A folder without environments/ would otherwise drop out of the synth-and-plan test below unnoticed.
      assertThat(example.resolve("environments")).as("examples/%s is a platform root", name).isDirectory();
      assertThat(example.resolve("task-definitions")).as("examples/%s", name).isDirectory();
      assertThat(MAPPER.readTree(example.resolve("cdktf.json").toFile()).path("app").asText())
          .as("the app of examples/%s/cdktf.json", name).isEqualTo(CDKTF_APP);
      assertThat(Files.readString(example.resolve("README.md"))).as("examples/%s/README.md", name)
          .contains("./platform synth --root examples/" + name, "./platform check --root examples/" + name);
    }
  }

  @ParameterizedTest(name = "examples/{0}")
  @MethodSource("platformExamples")
  void example_synthesizes_everyStackInitValidatePlanOffline(String name, @TempDir Path tmp) throws IOException {
    Path example = examplesDir().resolve(name);
    Path root = Repo.copyInputs(example, tmp.resolve("root"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    long started = System.nanoTime();

    CheckRun run = CheckRun.capture((out, err) -> Check.run(new String[0], root, work, out, err));

    System.out.printf(java.util.Locale.ROOT, "examples/%s: synth and offline check took %.1f s%n", name,
        (System.nanoTime() - started) / 1e9);
    assertThat(run.exitCode()).as("check of examples/%s; stdout:%n%s%nstderr:%n%s", name, run.out(), run.err())
        .isZero();
    List<String> expected = expectedStacks(example);
    List<String> written = new ArrayList<>(Repo.contents(root.resolve("cdktf.out")).keySet());
    List<String> expectedFiles = new ArrayList<>(List.of("manifest.json"));
    expected.forEach(s -> expectedFiles.add("stacks/" + s + "/cdk.tf.json"));
    assertThat(written).as("stacks synthesized for examples/%s", name).containsExactlyInAnyOrderElementsOf(
        expectedFiles);
    for (String stack : expected) {
      CheckRun.Row row = run.row(stack);
      assertThat(row.steps()).as("%s of examples/%s", stack, name).containsExactly("ok", "ok", "ok");
      assertThat(row.network()).as("network requests of %s", stack).isZero();
      assertThat(row.toAdd()).as("resources to add in %s", stack)
          .isEqualTo(String.valueOf(Synthesizer.countResources(root.resolve("cdktf.out"), stack)));
    }
    assertThat(run.out()).contains("All " + expected.size() + " stacks plan offline").doesNotContain("warnings from");
    assertThat(run.err()).isEmpty();
  }

  /**
   * The stacks the README promises for the example's files: one per environment file, plus the registry, which is
   * one stack {@code registry}, or with {@code registry.layout: "perService"} one stack {@code registry-<service>}
   * per service of any environment.
   */
  private static List<String> expectedStacks(Path example) throws IOException {
    List<JsonNode> environments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(example.resolve("environments"))) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String env = file.getFileName().toString().replaceFirst("\\.json$", "");
        environments.add(MAPPER.readTree(file.toFile()));
        names.add(PlatformApp.stackName(env));
      }
    }
    assertThat(names).as("environments of %s", example).isNotEmpty();
    if ("perService".equals(environments.get(0).at("/registry/layout").asText())) {
      environments.stream().flatMap(e -> StreamSupport.stream(e.path("services").spliterator(), false))
          .map(service -> service.path("name").asText()).distinct().sorted()
          .forEach(service -> names.add("registry-" + service));
    } else {
      names.add("registry");
    }
    return names;
  }
}
