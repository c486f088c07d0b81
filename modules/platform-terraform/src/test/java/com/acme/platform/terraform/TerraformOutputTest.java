package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TerraformOutputTest {
  @Test
  void diagnostics_afterPartialPlan_onlyTerraformsErrorBlock() {
    String output = """
        Terraform planned the following actions, but then encountered a problem:

          # aws_vpc.Network will be created
          + resource "aws_vpc" "Network" {
            }

        Plan: 1 to add, 0 to change, 0 to destroy.

        Error: Invalid Attribute Combination

          with aws_lb_listener.Http,
          on cdk.tf.json line 12, in resource.aws_lb_listener.Http:
          12: }

        Either "a" or "b" must be specified.


        """;

    assertThat(TerraformOutput.diagnostics(output)).containsExactly("Error: Invalid Attribute Combination", "",
        "  with aws_lb_listener.Http,", "  on cdk.tf.json line 12, in resource.aws_lb_listener.Http:", "  12: }", "",
        "Either \"a\" or \"b\" must be specified.");
  }

  @Test
  void diagnostics_noDiagnostic_lastThirtyLines() {
    String output = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

    assertThat(TerraformOutput.diagnostics(output)).hasSize(30).startsWith("line 11").endsWith("line 40");
  }

  @Test
  void warnings_validateWithWarning_blockWithoutSuccessLine() {
    String output = """

        Warning: Argument is deprecated

          with aws_eip.x,

        vpc is deprecated. Use domain instead.
        Success! The configuration is valid, but there were some validation warnings
        as shown above.
        """;

    assertThat(TerraformOutput.warnings(output)).containsExactly("Warning: Argument is deprecated", "",
        "  with aws_eip.x,", "", "vpc is deprecated. Use domain instead.");
  }

  @Test
  void warnings_none_empty() {
    assertThat(TerraformOutput.warnings("Success! The configuration is valid.\n")).isEmpty();
  }
}
