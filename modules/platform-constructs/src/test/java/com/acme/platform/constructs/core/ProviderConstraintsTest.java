package com.acme.platform.constructs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.stack.StackConventions;
import com.acme.platform.constructs.stack.StackConventionsProps;
import com.acme.platform.constructs.testing.Synth;
import com.hashicorp.cdktf.TerraformStack;
import org.junit.jupiter.api.Test;

/** The stacks' provider range starts at the first provider that knows every argument the library writes. */
class ProviderConstraintsTest {
  @Test
  void range_floorIsFirstProviderWithManagedDraining() {
    assertThat(ProviderConstraints.AWS_PROVIDER_FLOOR).isEqualTo("5.34.0");
    assertThat(ProviderConstraints.AWS_PROVIDER_VERSION).isEqualTo(">= 5.34.0, < 6.0.0");
  }

  @Test
  void stackConventions_requiredProviders_emitsTheRange() {
    Synth synth = Synth.app(app -> {
      TerraformStack stack = new TerraformStack(app, "conventions");
      StackConventions.apply(stack, StackConventionsProps.builder().awsRegion("eu-west-1")
          .accountId("111111111111").build());
      return stack;
    });
    assertThat(synth.json().at("/terraform/required_providers/aws/version").asText())
        .isEqualTo(">= 5.34.0, < 6.0.0");
  }
}
