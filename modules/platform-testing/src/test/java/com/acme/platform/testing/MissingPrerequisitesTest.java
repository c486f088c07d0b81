package com.acme.platform.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution {@code missing-prerequisites}, which sets {@code TERRAFORM} and
 * {@code TF_PROVIDER_MIRROR} to folders that do not exist.
 */
class MissingPrerequisitesTest {
  @Test
  void fails_check_noTerraformNoMirror_namesBothAndHowToProvideThem() {
    assertThatThrownBy(() -> OfflineTerraform.check(TinyStack.build("MUTABLE")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot run terraform offline, missing:")
        .hasMessageContaining("terraform: TERRAFORM=/nonexistent/terraform is not an executable file")
        .hasMessageContaining("provider mirror (hashicorp/aws 5.x): TF_PROVIDER_MIRROR=/nonexistent/mirror has no"
            + " registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*");
  }
}
