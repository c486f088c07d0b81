package com.acme.platform.constructs.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.core.InvalidPropsException;
import com.acme.platform.constructs.testing.Synth;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStateTest {
  private JsonNode defaults;
  private JsonNode allOptions;

  @BeforeAll
  void synth() {
    defaults = Synth.stack(stack -> RemoteState.attach(stack, RemoteStateProps.builder()
        .bucket("acme-tfstate").region("eu-west-1").key(StateKeyLayout.key("qa", "platform")).build()))
        .json().at("/terraform/backend/s3");
    allOptions = Synth.stack(stack -> RemoteState.attach(stack, allOptionsProps()))
        .json().at("/terraform/backend/s3");
  }

  private static RemoteStateProps allOptionsProps() {
    return RemoteStateProps.builder()
        .bucket("acme-tfstate").region("eu-west-1").key("custom/key.tfstate").encrypt(false).useLockfile(false)
        .dynamodbTable("tf-locks").kmsKeyId("arn:aws:kms:eu-west-1:111111111111:key/k1")
        .roleArn("arn:aws:iam::111111111111:role/state-admin").build();
  }

  @Test
  void attach_defaults_encryptedWithLockfileAndLayoutKey() {
    assertThat(defaults.get("bucket").asText()).isEqualTo("acme-tfstate");
    assertThat(defaults.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(defaults.get("key").asText()).isEqualTo("qa/platform/terraform.tfstate");
    assertThat(defaults.get("encrypt").asBoolean()).isTrue();
    assertThat(defaults.get("use_lockfile").asBoolean()).isTrue();
    assertThat(defaults.has("dynamodb_table")).isFalse();
    assertThat(defaults.has("role_arn")).isFalse();
    assertThat(defaults.has("assume_role")).isFalse();
  }

  @Test
  void attach_allOptions_tableKmsAndAssumeRoleBlock() {
    assertThat(allOptions.get("key").asText()).isEqualTo("custom/key.tfstate");
    assertThat(allOptions.get("encrypt").asBoolean()).isFalse();
    assertThat(allOptions.has("use_lockfile")).isFalse();
    assertThat(allOptions.get("dynamodb_table").asText()).isEqualTo("tf-locks");
    assertThat(allOptions.get("kms_key_id").asText()).isEqualTo("arn:aws:kms:eu-west-1:111111111111:key/k1");
    // Terraform >= 1.10 rejects the flat role_arn: the role must sit in an assume_role block.
    assertThat(allOptions.has("role_arn")).isFalse();
    assertThat(allOptions.at("/assume_role/role_arn").asText()).isEqualTo("arn:aws:iam::111111111111:role/state-admin");
  }

  @Test
  void key_layout_scopeStackFile() {
    assertThat(StateKeyLayout.key("qa", "platform")).isEqualTo("qa/platform/terraform.tfstate");
    assertThat(StateKeyLayout.sharedKey("registry")).isEqualTo("shared/registry/terraform.tfstate");
  }

  @Test
  void repositoryKey_layout_oneFolderPerRepository() {
    assertThat(StateKeyLayout.repositoryKey("art-service-sourcing-data-service"))
        .isEqualTo("ecs/ecr-repositories/art-service-sourcing-data-service/terraform.tfstate");
  }

  @Test
  void fails_repositoryKeyNotLowercaseName() {
    assertThatThrownBy(() -> StateKeyLayout.repositoryKey("team/Orders"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateKeyLayout.repositoryName must be 1-63 lowercase letters, digits or '-', starting with a"
            + " letter or digit, got \"team/Orders\"");
    assertThatThrownBy(() -> StateKeyLayout.repositoryKey(null))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateKeyLayout.repositoryName is required");
  }

  @Test
  void fails_keySegmentNotLowercaseName() {
    assertThatThrownBy(() -> StateKeyLayout.key("QA", "a/b"))
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("StateKeyLayout.scope must be 1-63 lowercase letters, digits or '-', starting with a letter or"
            + " digit, got \"QA\"\nStateKeyLayout.stackName must be 1-63 lowercase letters, digits or '-',"
            + " starting with a letter or digit, got \"a/b\"");
  }

  @Test
  void fails_missingRequiredFields() {
    assertThatThrownBy(() -> RemoteStateProps.builder().build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessage("RemoteStateProps.bucket is required\nRemoteStateProps.region is required\n"
            + "RemoteStateProps.key is required");
  }

  @Test
  void fails_badValues() {
    assertThatThrownBy(() -> RemoteStateProps.builder().bucket("My_Bucket").region("Ireland").key("/x/")
        .roleArn("state-admin").build())
        .isInstanceOf(InvalidPropsException.class)
        .hasMessageContaining("RemoteStateProps.bucket must be 3-63 lowercase letters, digits, '.' or '-',"
            + " starting and ending with a letter or digit, got \"My_Bucket\"")
        .hasMessageContaining("RemoteStateProps.region must be an AWS region such as eu-west-1, got \"Ireland\"")
        .hasMessageContaining("RemoteStateProps.key must not start or end with '/', got \"/x/\"")
        .hasMessageContaining("RemoteStateProps.roleArn must be an IAM role ARN"
            + " (arn:aws:iam::<account>:role/<name>), got \"state-admin\"");
  }

  @Test
  void fails_noLockAtAll() {
    assertThatThrownBy(() -> RemoteStateProps.builder().bucket("acme-tfstate").region("eu-west-1").key("k")
        .useLockfile(false).build())
        .hasMessage("RemoteStateProps.useLockfile must be true when no dynamodbTable is set: state without a lock"
            + " can be corrupted by two concurrent runs");
  }

  @Test
  void toBuilder_unchanged_buildsEqualProps() {
    RemoteStateProps props = allOptionsProps();
    assertThat(props.toBuilder().build()).isEqualTo(props).hasSameHashCodeAs(props);
  }

  @Test
  void toBuilder_modified_leavesOriginalUnchanged() {
    RemoteStateProps props = allOptionsProps();
    RemoteStateProps copy = props.toBuilder().key("other/key.tfstate").build();
    assertThat(copy.key()).isEqualTo("other/key.tfstate");
    assertThat(copy.roleArn()).isEqualTo(props.roleArn());
    assertThat(props.key()).isEqualTo("custom/key.tfstate");
    assertThat(copy).isNotEqualTo(props);
  }

  @Test
  void toBuilder_copyStillChecked_failsOnNewProblem() {
    // A copy goes through the same checks: dropping the table of a props without a lock file is refused.
    assertThatThrownBy(() -> allOptionsProps().toBuilder().dynamodbTable(null).build())
        .hasMessageContaining("RemoteStateProps.useLockfile must be true when no dynamodbTable is set");
  }
}
