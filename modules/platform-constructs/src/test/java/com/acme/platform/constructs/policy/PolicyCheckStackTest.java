package com.acme.platform.constructs.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.constructs.ecr.ServiceRepository;
import com.acme.platform.constructs.ecr.ServiceRepositoryProps;
import com.acme.platform.constructs.state.StateBucket;
import com.acme.platform.constructs.testing.Synth;
import com.acme.platform.testing.SynthesizedStack;
import com.hashicorp.cdktf.TerraformStack;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check on stacks built from constructs: through props and escape-hatch overrides, and at synth through cdktf's
 * construct validation (a Java callback that calls back into the stack through jsii).
 */
class PolicyCheckStackTest {
  private static final Waiver KMS_WAIVER = new Waiver("aws_ecr_repository.Repo_02AC86CF", "ecr-kms-encryption",
      "test registry: AES256 is enough for throwaway images");
  private static final String MUTABLE_TAGS = "test: aws_ecr_repository.Repo_02AC86CF: ecr-immutable-tags "
      + "(CKV_AWS_51): image tags can be overwritten (image_tag_mutability is not IMMUTABLE). Fix: set "
      + "image_tag_mutability to \"IMMUTABLE\" (ServiceRepositoryProps.immutableTags)";

  @Test
  void violationThroughProps_andThroughAnOverride_giveTheirExactLines() {
    TerraformStack stack = new TerraformStack(SynthesizedStack.app(), "test");
    ServiceRepository repo = new ServiceRepository(stack, "Repo",
        ServiceRepositoryProps.builder().repositoryName("orders").immutableTags(false).build());
    repo.getRepository().addOverride("image_scanning_configuration.scan_on_push", false);

    PolicyReport report = PolicyCheck.evaluate(stack, PolicyCheckProps.builder().build());

    assertThat(report.errors()).containsExactly(
        "test: aws_ecr_repository.Repo_02AC86CF: ecr-scan-on-push (CKV_AWS_163): pushed images are not scanned. Fix: "
            + "set image_scanning_configuration.scan_on_push to true",
        MUTABLE_TAGS,
        "test: aws_ecr_repository.Repo_02AC86CF: ecr-kms-encryption (CKV_AWS_136): images are encrypted with "
            + "AES256, not KMS. Fix: set encryption_configuration.encryption_type to \"KMS\" (with a key of the "
            + "registry account)");
  }

  @Test
  void addTo_failsTheSynth_withEveryUnwaivedLine() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      new ServiceRepository(stack, "Repo",
          ServiceRepositoryProps.builder().repositoryName("orders").immutableTags(false).build());
      PolicyCheck.addTo(stack, PolicyCheckProps.builder().waivers(List.of(KMS_WAIVER)).build());
    })).hasMessageContaining(MUTABLE_TAGS).satisfies(e -> assertThat(e.getMessage()).doesNotContain("ecr-kms"));
  }

  @Test
  void addTo_passesTheSynth_whenEveryFindingIsWaived() {
    Synth synth = Synth.stack(stack -> {
      new ServiceRepository(stack, "Repo", ServiceRepositoryProps.of("orders"));
      PolicyCheck.addTo(stack, PolicyCheckProps.builder().waivers(List.of(KMS_WAIVER)).build());
    });
    assertThat(synth.count("aws_ecr_repository")).isEqualTo(1);
  }

  @Test
  void addTo_failsTheSynth_forAStaleWaiver() {
    assertThatThrownBy(() -> Synth.stack(stack -> {
      new ServiceRepository(stack, "Repo", ServiceRepositoryProps.of("orders"));
      PolicyCheck.addTo(stack, PolicyCheckProps.builder().waivers(List.of(KMS_WAIVER,
          new Waiver("aws_ecr_repository.Repo_02AC86CF", "ecr-immutable-tags", "was mutable once"))).build());
    })).hasMessageContaining("test: waivers[1].rule: aws_ecr_repository.Repo_02AC86CF passes rule "
        + "ecr-immutable-tags, so the waiver waives nothing; remove it");
  }

  @Test
  void stateBucket_passesEveryS3Rule() {
    TerraformStack stack = new TerraformStack(SynthesizedStack.app(), "test");
    new StateBucket(stack, "State", "acme-tfstate-111111111111");

    PolicyReport report = PolicyCheck.evaluate(stack, PolicyCheckProps.builder().build());

    assertThat(report.findings()).isEmpty();
    assertThat(PolicyRules.all().stream().filter(r -> r.covers("aws_s3_bucket")).count()).isEqualTo(5);
  }
}
