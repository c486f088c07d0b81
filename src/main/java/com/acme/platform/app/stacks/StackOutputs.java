package com.acme.platform.app.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Locale;

/**
 * The Terraform outputs of the platform's stacks: the values people look up after an apply, under stable names
 * ({@code <kind>_<name in the environment file>_<attribute>}, with {@code -} written as {@code _}), documented in the
 * README. Outputs are made by the app, never by a construct (STYLE.md section 3, rule 8); the constructs expose the
 * values as typed getters.
 */
final class StackOutputs {
  private final TerraformStack stack;

  StackOutputs(TerraformStack stack) {
    this.stack = stack;
  }

  /**
   * Adds one output.
   *
   * @param kind what the value belongs to, for example {@code load_balancer}
   * @param name the entry's name in the environment file, for example {@code public}
   * @param attribute which value, for example {@code dns_name}
   * @param value the value (usually a token)
   * @param description what it is, shown by {@code terraform output}
   */
  void add(String kind, String name, String attribute, String value, String description) {
    String id = kind + "_" + name.replace('-', '_').toLowerCase(Locale.ROOT) + "_" + attribute;
    TerraformOutput output = TerraformOutput.Builder.create(stack, "Output_" + id)
        .value(value)
        .description(description)
        .build();
    // The output's name is its API: fixed here, not derived from the construct path (which would add a hash).
    output.overrideLogicalId(id);
  }
}
