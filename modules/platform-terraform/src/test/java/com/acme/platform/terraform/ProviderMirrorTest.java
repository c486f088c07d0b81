package com.acme.platform.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderMirrorTest {
  @TempDir
  Path tmp;

  @Test
  void search_unpackedLayout_rootIsFiveLevelsAboveBinaryFolder() throws IOException {
    Path root = tmp.resolve("plugins");
    Path binary = root.resolve("registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5");
    Files.createDirectories(binary.getParent());
    Files.writeString(binary, "");

    assertThat(ProviderMirror.search(tmp)).contains(root);
  }

  @Test
  void search_copyInsideDotTerraform_ignored() throws IOException {
    Path binary = tmp.resolve("stack/.terraform/providers/registry.terraform.io/hashicorp/aws/5.1.0/linux_amd64/"
        + "terraform-provider-aws_v5");
    Files.createDirectories(binary.getParent());
    Files.writeString(binary, "");

    assertThat(ProviderMirror.search(tmp)).isEmpty();
  }

  @Test
  void search_missingFolder_empty() {
    assertThat(ProviderMirror.search(tmp.resolve("absent"))).isEmpty();
  }
}
