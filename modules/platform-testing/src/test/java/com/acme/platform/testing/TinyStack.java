package com.acme.platform.testing;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;

/** A stack of two ECR repositories: small enough to plan in seconds, real enough to need the AWS provider. */
final class TinyStack {
  private TinyStack() {}

  static TerraformStack build(String mutabilityOfSecond) {
    TerraformStack stack = new TerraformStack(SynthesizedStack.app(), "tiny");
    AwsProvider.Builder.create(stack, "aws").region("eu-west-1").build();
    // cdktf 0.19 pins the provider it was generated from (5.23.1) exactly; the mirror may hold any later 5.x.
    stack.addOverride("terraform.required_providers.aws.version", ">= 5.34.0, < 6.0.0");
    EcrRepository.Builder.create(stack, "Orders").name("orders").imageTagMutability("IMMUTABLE").build();
    EcrRepository.Builder.create(stack, "Billing").name("billing").imageTagMutability(mutabilityOfSecond).build();
    return stack;
  }
}
