package com.acme.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapConfigTest {
  @TempDir
  Path tmp;

  @Test
  void load_repositoryEnvironments_oneTargetPerDistinctBucket() {
    Path environments = Path.of(System.getProperty("platform.root", "..")).resolve("environments");
    assertThat(BootstrapConfig.load(environments)).containsExactly(
        new BootstrapTarget("200000000001", "eu-west-1", "acme-platform-tfstate-200000000001"),
        new BootstrapTarget("300000000001", "eu-west-1", "acme-platform-tfstate-300000000001"),
        new BootstrapTarget("400000000001", "eu-west-1", "acme-platform-tfstate-400000000001"));
  }

  @Test
  void target_names_stackAndLocalStateFile() {
    BootstrapTarget target = new BootstrapTarget("111111111111", "eu-west-1", "acme-tf");
    assertThat(target.stackName()).isEqualTo("bootstrap-acme-tf");
    assertThat(target.localStateFile()).isEqualTo("terraform.bootstrap-acme-tf.tfstate");
  }

  @Test
  void fails_missingFieldsNamedWithFile() throws IOException {
    Files.writeString(tmp.resolve("qa.json"), "{\"accountId\": \"111111111111\", \"registry\": {\"region\": \"x\"}}");
    assertThatThrownBy(() -> BootstrapConfig.load(tmp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environments/qa.json: stateBucket is required\n"
            + "environments/qa.json: region is required\n"
            + "environments/qa.json: registry.stateBucket is required\n"
            + "environments/qa.json: registry.accountId is required");
  }

  @Test
  void fails_oneBucketInTwoAccounts() throws IOException {
    Files.writeString(tmp.resolve("a.json"),
        "{\"accountId\": \"111111111111\", \"region\": \"eu-west-1\", \"stateBucket\": \"shared-tf\"}");
    Files.writeString(tmp.resolve("b.json"),
        "{\"accountId\": \"222222222222\", \"region\": \"eu-west-1\", \"stateBucket\": \"shared-tf\"}");
    assertThatThrownBy(() -> BootstrapConfig.load(tmp))
        .hasMessage("environments/b.json: stateBucket \"shared-tf\" is in account 222222222222 / eu-west-1 here but"
            + " in account 111111111111 / eu-west-1 in environments/a.json; a bucket lives in one account and"
            + " region");
  }

  @Test
  void fails_duplicateKey() throws IOException {
    Files.writeString(tmp.resolve("qa.json"), "{\"accountId\": \"111111111111\", \"region\": \"eu-west-1\","
        + " \"stateBucket\": \"tf-a\", \"stateBucket\": \"tf-b\"}");
    assertThatThrownBy(() -> BootstrapConfig.load(tmp))
        .hasMessage("environments/qa.json: cannot be read as JSON (Duplicate field 'stateBucket'); the platform"
            + " synth reports the exact problem");
  }

  @Test
  void fails_noEnvironmentFiles() {
    assertThatThrownBy(() -> BootstrapConfig.load(tmp)).hasMessageEndingWith(": no environment files with a"
        + " stateBucket");
  }
}
