package com.acme.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.platform.terraform.StackResult;
import com.acme.platform.terraform.StackResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Real terraform against the machine's provider mirror; needs both (see README, Prerequisites). */
class OfflineTerraformTest {
  @Test
  void assertValidatesAndPlans_tinyStack_plansBothRepositoriesWithoutNetwork() {
    StackResult result = OfflineTerraform.assertValidatesAndPlans(TinyStack.build("MUTABLE"));

    assertThat(List.of(result.init(), result.validate(), result.plan())).containsOnly(Outcome.OK);
    assertThat(result.resourcesToAdd()).isEqualTo(2);
    assertThat(result.networkAttempts()).isEmpty();
  }

  @Test
  void fails_assertValidatesAndPlans_valueTheProviderRejects_showsTerraformsError() {
    assertThatThrownBy(() -> OfflineTerraform.assertValidatesAndPlans(TinyStack.build("SOMETIMES")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("stack tiny does not plan offline (init ok, validate FAILED, plan -)")
        .hasMessageContaining("Error: ")
        .hasMessageContaining("SOMETIMES");
  }
}
