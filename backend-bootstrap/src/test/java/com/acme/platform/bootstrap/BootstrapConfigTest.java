package com.acme.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap reads environments/ through the platform app's loader: same acceptance, same messages. */
class BootstrapConfigTest {
  private static final Path PLATFORM = Path.of(System.getProperty("platform.root", ".."));

  @TempDir
  Path tmp;

  @Test
  void load_repositoryEnvironments_oneTargetPerDistinctBucket() {
    assertThat(BootstrapConfig.load(PLATFORM)).containsExactly(
        new BootstrapTarget("200000000001", "eu-west-1", "acme-platform-tfstate-200000000001"),
        new BootstrapTarget("300000000001", "eu-west-1", "acme-platform-tfstate-300000000001"),
        new BootstrapTarget("400000000001", "eu-west-1", "acme-platform-tfstate-400000000001"));
  }

  /** Per-service registry stacks keep their states in the registry's bucket: the same buckets to bootstrap. */
  @Test
  void load_perServiceRegistryLayout_sameTargets() throws IOException {
    Path root = copyOfPlatform();
    for (String env : new String[] {"staging", "production"}) {
      edit(root, env, "\"stateBucket\": \"acme-platform-tfstate-200000000001\"",
          "\"stateBucket\": \"acme-platform-tfstate-200000000001\", \"layout\": \"perService\"");
    }
    assertThat(BootstrapConfig.load(root)).isEqualTo(BootstrapConfig.load(PLATFORM));
  }

  @Test
  void target_names_stackAndLocalStateFile() {
    BootstrapTarget target = new BootstrapTarget("111111111111", "eu-west-1", "acme-tf");
    assertThat(target.stackName()).isEqualTo("bootstrap-acme-tf");
    assertThat(target.localStateFile()).isEqualTo("terraform.bootstrap-acme-tf.tfstate");
  }

  @Test
  void fails_missingField_inTheLoadersWords() throws IOException {
    Path root = copyOfPlatform();
    edit(root, "staging", "\"stateBucket\": \"acme-platform-tfstate-300000000001\",", "");
    assertThatThrownBy(() -> BootstrapConfig.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 problem in the platform configuration:\n"
            + "  environments/staging.json: stateBucket: is required");
  }

  @Test
  void fails_oneBucketInTwoAccounts() throws IOException {
    Path root = copyOfPlatform();
    edit(root, "production", "acme-platform-tfstate-400000000001", "acme-platform-tfstate-300000000001");
    assertThatThrownBy(() -> BootstrapConfig.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environments/staging.json: stateBucket: \"acme-platform-tfstate-300000000001\" is in account"
            + " 300000000001 / eu-west-1 here but in account 400000000001 / eu-west-1 in"
            + " environments/production.json; a bucket lives in one account and region");
  }

  @Test
  void fails_duplicateKey_namedWithLine() throws IOException {
    Path root = copyOfPlatform();
    edit(root, "staging", "\"stateBucket\": \"acme-platform-tfstate-300000000001\",",
        "\"stateBucket\": \"tf-a\", \"stateBucket\": \"tf-b\",");
    assertThatThrownBy(() -> BootstrapConfig.load(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 problem in the platform configuration:\n  environments/staging.json: duplicate key"
            + " 'stateBucket' (line 5, column 26); each key may appear once in an object");
  }

  @Test
  void fails_noEnvironmentFiles() throws IOException {
    Path root = copyOfPlatform();
    try (Stream<Path> files = Files.list(root.resolve("environments"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    assertThatThrownBy(() -> BootstrapConfig.load(root))
        .hasMessage("1 problem in the platform configuration:\n  environments: no environment files (*.json) found");
  }

  private Path copyOfPlatform() {
    for (String dir : new String[] {"environments", "task-definitions"}) {
      try (Stream<Path> files = Files.list(PLATFORM.resolve(dir))) {
        Files.createDirectories(tmp.resolve(dir));
        for (Path file : files.toList()) {
          Files.copy(file, tmp.resolve(dir).resolve(file.getFileName()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tmp;
  }

  private static void edit(Path root, String environment, String from, String to) throws IOException {
    Path file = root.resolve("environments").resolve(environment + ".json");
    String text = Files.readString(file);
    assertThat(text).as(file.toString()).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
