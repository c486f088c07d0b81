package com.acme.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynthesizedStackTest {
  private SynthesizedStack synth;

  @BeforeAll
  void synthesize() {
    synth = SynthesizedStack.of(TinyStack.build("MUTABLE"));
  }

  @Test
  void assertHasResourceWithProperties_matchingResource_passes() {
    synth.assertHasResourceWithProperties("aws_ecr_repository",
        Map.of("name", "billing", "image_tag_mutability", "MUTABLE"));
    assertThat(synth.count("aws_ecr_repository")).isEqualTo(2);
  }

  @Test
  void fails_assertHasResourceWithProperties_noMatch_showsWhichPropertyDifferedPerResource() {
    assertThatThrownBy(() -> synth.assertHasResourceWithProperties("aws_ecr_repository",
        Map.of("name", "orders", "image_tag_mutability", "MUTABLE", "force_delete", true)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("no aws_ecr_repository has ")
        .hasMessageContaining("the 2 aws_ecr_repository in the stack differ:")
        .hasMessage("""
            no aws_ecr_repository has {"force_delete":true,"image_tag_mutability":"MUTABLE","name":"orders"}; \
            the 2 aws_ecr_repository in the stack differ:
              aws_ecr_repository.Billing:
                force_delete: expected true, missing
                name: expected "orders", found "billing"
              aws_ecr_repository.Orders:
                force_delete: expected true, missing
                image_tag_mutability: expected "MUTABLE", found "IMMUTABLE\"""");
  }

  @Test
  void fails_assertHasResourceWithProperties_nestedValue_namesThePath() {
    assertThatThrownBy(() -> synth.assertHasResourceWithProperties("aws_ecr_repository",
        Map.of("name", "orders", "image_scanning_configuration", Map.of("scan_on_push", true))))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("image_scanning_configuration: expected {\"scan_on_push\":true}, missing");
  }

  @Test
  void fails_assertHasResourceWithProperties_noResourceOfType_listsTypesInStack() {
    assertThatThrownBy(() -> synth.assertHasResourceWithProperties("aws_ecs_service", Map.of("desired_count", 2)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("no aws_ecs_service has {\"desired_count\":2}; the stack has no resource of that type; it has"
            + " {aws_ecr_repository=2}");
  }

  @Test
  void fails_only_severalResources_namesThem() {
    assertThatThrownBy(() -> synth.only("aws_ecr_repository"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("expected exactly one aws_ecr_repository, found 2; their names: [Billing, Orders]");
  }
}
