package com.acme.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapMainTest {
  private static final List<BootstrapTarget> TWO_ACCOUNTS = List.of(
      new BootstrapTarget("111111111111", "eu-west-1", "tf-a"),
      new BootstrapTarget("222222222222", "eu-west-1", "tf-b"));
  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));

  @TempDir
  Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void select_namedBucket_onlyThatOne() {
    assertThat(BootstrapMain.select(TWO_ACCOUNTS, "tf-b", true)).containsExactly(TWO_ACCOUNTS.get(1));
  }

  @Test
  void select_synthOfSeveralAccounts_all() {
    assertThat(BootstrapMain.select(TWO_ACCOUNTS, "", false)).isEqualTo(TWO_ACCOUNTS);
  }

  @Test
  void fails_applyOverSeveralAccountsWithoutBucket() {
    assertThatThrownBy(() -> BootstrapMain.select(TWO_ACCOUNTS, null, true))
        .hasMessage("the state buckets are in 2 accounts; run once per bucket with that account's credentials and"
            + " --bucket=<name> (-Dbucket=<name> through Maven). Buckets: [tf-a (111111111111), tf-b"
            + " (222222222222)]");
  }

  @Test
  void fails_unknownBucket() {
    assertThatThrownBy(() -> BootstrapMain.select(TWO_ACCOUNTS, "tf-c", true))
        .hasMessage("--bucket=tf-c is not a stateBucket of environments/*.json; known buckets: [tf-a, tf-b]");
  }

  @Test
  void run_unknownAction_exit2() {
    assertThat(run("plan", "--bucket=acme-platform-tfstate-200000000001")).isEqualTo(2);
    assertThat(printed()).contains("unknown action \"plan\"; use synth, apply or migrate");
  }

  @Test
  void run_allowDestroyWithoutBucket_exit2() {
    assertThat(run("synth", "--allow-destroy=true")).isEqualTo(2);
    assertThat(printed()).contains("--allow-destroy needs --bucket=<name>");
  }

  @Test
  void run_applyOverRepositoryAccountsWithoutBucket_refusedBeforeTerraform() {
    assertThat(run("apply", "--bucket=", "--auto-approve=true")).isEqualTo(2);
    assertThat(printed()).contains("the state buckets are in 3 accounts");
  }

  @Test
  void run_synthIntoABootstrapFolderThatDoesNotExistYet_createsIt() {
    // `./platform bootstrap-synth --root examples/<name>`: the example has no backend-bootstrap/ folder of its own.
    Path bootstrapDir = tmp.resolve("example/backend-bootstrap");

    int code = BootstrapMain.run(new String[] {"synth"}, bootstrapDir, ROOT, new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as("exit status; stderr:%n%s", printed()).isZero();
    assertThat(bootstrapDir.resolve("cdktf.out/stacks/bootstrap-acme-platform-tfstate-200000000001/cdk.tf.json"))
        .isRegularFile();
  }

  private int run(String... args) {
    return BootstrapMain.run(args, tmp, ROOT, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
