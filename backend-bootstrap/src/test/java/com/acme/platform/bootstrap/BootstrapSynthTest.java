package com.acme.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapSynthTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BootstrapTarget TARGET = new BootstrapTarget("111111111111", "eu-west-1", "acme-tf");
  private JsonNode local;
  private JsonNode s3;
  private JsonNode destroyable;

  @BeforeAll
  void synth(@TempDir Path tmp) throws IOException {
    BootstrapSynth.synth(List.of(TARGET), BackendMode.LOCAL, tmp.resolve("local"), true);
    BootstrapSynth.synth(List.of(TARGET), BackendMode.S3, tmp.resolve("s3"), true);
    BootstrapSynth.synth(List.of(TARGET), BackendMode.S3, tmp.resolve("destroyable"), false);
    destroyable = MAPPER.readTree(tmp.resolve("destroyable/stacks/bootstrap-acme-tf/cdk.tf.json").toFile());
    local = MAPPER.readTree(tmp.resolve("local/stacks/bootstrap-acme-tf/cdk.tf.json").toFile());
    s3 = MAPPER.readTree(tmp.resolve("s3/stacks/bootstrap-acme-tf/cdk.tf.json").toFile());
  }

  @Test
  void local_backend_stateFileInBootstrapFolder() {
    assertThat(local.at("/terraform/backend/local/path").asText())
        .isEqualTo("../../../terraform.bootstrap-acme-tf.tfstate");
    assertThat(local.at("/terraform/backend/s3").isMissingNode()).isTrue();
  }

  @Test
  void s3_backend_theBucketItCreatesAtSharedKey() {
    JsonNode backend = s3.at("/terraform/backend/s3");
    assertThat(backend.get("bucket").asText()).isEqualTo("acme-tf");
    assertThat(backend.get("key").asText()).isEqualTo("shared/bootstrap/terraform.tfstate");
    assertThat(backend.get("use_lockfile").asBoolean()).isTrue();
    assertThat(backend.get("encrypt").asBoolean()).isTrue();
    assertThat(s3.at("/terraform/backend/local").isMissingNode()).isTrue();
  }

  @Test
  void both_modes_sameResources() {
    assertThat(s3.get("resource")).isEqualTo(local.get("resource"));
    assertThat(local.at("/resource/aws_s3_bucket").size()).isEqualTo(1);
    assertThat(local.at("/resource/aws_s3_bucket").elements().next().at("/lifecycle/prevent_destroy").asBoolean())
        .isTrue();
  }

  @Test
  void allowDestroy_liftsPreventDestroyOnly() {
    JsonNode bucket = destroyable.at("/resource/aws_s3_bucket").elements().next();
    assertThat(bucket.at("/lifecycle/prevent_destroy").asBoolean(true)).isFalse();
    assertThat(bucket.get("force_destroy").asBoolean(true)).isFalse();
  }

  @Test
  void provider_pinnedToAccountAndRegion() {
    JsonNode provider = local.at("/provider/aws/0");
    assertThat(provider.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(provider.get("allowed_account_ids").toString()).isEqualTo("[\"111111111111\"]");
    assertThat(local.at("/terraform/required_providers/aws/version").asText()).isEqualTo(">= 5.34.0, < 6.0.0");
  }

  @Test
  void policyCheck_failsTheBootstrapSynth_whenTheBucketBreaksARule(@TempDir Path tmp) {
    App app = App.Builder.create().outdir(tmp.toString()).build();
    BootstrapStack stack = new BootstrapStack(app, TARGET, BackendMode.LOCAL, true);
    stack.getBucket().getPublicAccessBlock().addOverride("block_public_acls", false);

    assertThatThrownBy(app::synth).hasMessageContaining("bootstrap-acme-tf: aws_s3_bucket.State_")
        .hasMessageContaining(": s3-public-access-block (CKV2_AWS_6): ");
  }
}
