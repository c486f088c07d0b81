package com.acme.platform.testing;

import com.acme.platform.terraform.FileTrees;
import com.acme.platform.terraform.OfflineOverride;
import com.acme.platform.terraform.ProviderMirror;
import com.acme.platform.terraform.StackCheck;
import com.acme.platform.terraform.StackResult;
import com.acme.platform.terraform.TerraformCli;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * {@code terraform init}, {@code validate} and {@code plan} of a synthesized stack, offline: no AWS account, no
 * credentials, no internet.
 *
 * <p>The stack is synthesized into a temporary folder; a copy gets an override file ({@link OfflineOverride}: fake
 * credentials, the AWS provider's {@code skip_*} settings, a local backend), and Terraform installs
 * {@code hashicorp/aws} from a filesystem mirror only, with every HTTP(S) request sent to a stand-in proxy that
 * answers nothing. Any request fails the check: a data source, for example, would need a real account.
 *
 * <p>Needs {@code terraform} (1.10 or later; on the PATH or named by {@code TERRAFORM}) and an unpacked filesystem
 * mirror of {@code hashicorp/aws} 5.x (found under {@code /opt}, {@code /usr/local/share}, {@code /usr/share},
 * {@code ~/.terraform.d} or {@code ~/.local/share/terraform}, or named by {@code TF_PROVIDER_MIRROR}). When either is
 * missing the check fails, never skips, and says which one and how to provide it.
 */
public final class OfflineTerraform {
  private OfflineTerraform() {}

  /**
   * Synthesizes {@code stack} and asserts that it validates and plans offline.
   *
   * @param stack a stack built in {@link SynthesizedStack#app()} (or any app)
   * @return what the check found (resources to add, warnings)
   * @throws AssertionFailedError when a step fails or terraform tried to reach the network: the message has
   *     Terraform's own error lines
   * @throws IllegalStateException when terraform or the provider mirror is missing, naming which
   */
  public static StackResult assertValidatesAndPlans(TerraformStack stack) {
    StackResult result = check(stack);
    if (!result.passed()) {
      StringBuilder message = new StringBuilder("stack ").append(result.stack())
          .append(" does not plan offline (init ").append(result.init().label())
          .append(", validate ").append(result.validate().label())
          .append(", plan ").append(result.plan().label()).append(')');
      result.failure().forEach(line -> message.append('\n').append(line));
      if (result.failure().stream().anyMatch(l -> l.contains("no available releases match"))) {
        message.append("\nhint: the mirror at ").append(ProviderMirror.find().map(Path::toString).orElse("?"))
            .append(" has hashicorp/aws ").append(mirroredVersions()).append("; cdktf 0.19 pins the provider it was")
            .append(" generated from exactly, so give the stack a range such as \">= 5.34.0, < 6.0.0\"");
      }
      if (!result.networkAttempts().isEmpty()) {
        message.append("\nterraform tried to reach the network: ").append(result.networkAttempts());
      }
      throw new AssertionFailedError(message.toString());
    }
    return result;
  }

  /**
   * Synthesizes {@code stack} and runs the offline {@code init}, {@code validate} and {@code plan}, without
   * asserting.
   *
   * @param stack the stack
   * @return what each step did
   * @throws IllegalStateException when terraform or the provider mirror is missing, naming which
   */
  public static StackResult check(TerraformStack stack) {
    Objects.requireNonNull(stack, "stack");
    Path work = null;
    try {
      work = Files.createTempDirectory("platform-testing-");
      // Before synthesizing: a missing prerequisite should fail fast, with what to install.
      TerraformCli terraform = TerraformCli.offline(work.resolve(".terraform-cli"));
      Path outdir = Path.of(Testing.fullSynth(stack));
      String name = stack.getNode().getId();
      return StackCheck.check(terraform, outdir, name, work);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the offline check in " + work, e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static List<String> mirroredVersions() {
    Path aws = ProviderMirror.find().map(m -> m.resolve("registry.terraform.io/hashicorp/aws")).orElse(null);
    if (aws == null || !Files.isDirectory(aws)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(aws)) {
      return versions.map(v -> v.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void deleteQuietly(Path work) {
    if (work == null) {
      return;
    }
    try {
      FileTrees.deleteTree(work);
    } catch (IOException e) {
      // A leftover temporary folder does not change what the check found.
    }
  }
}
