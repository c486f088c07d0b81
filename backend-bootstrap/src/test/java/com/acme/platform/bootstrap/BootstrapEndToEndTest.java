package com.acme.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.bootstrap.testing.LocalS3;
import com.acme.platform.bootstrap.testing.S3CompatProxy;
import com.acme.platform.bootstrap.testing.S3Server;
import com.acme.platform.bootstrap.testing.SigV2Client;
import com.acme.platform.terraform.ProcessRun;
import com.acme.platform.terraform.TerraformCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap runbook end to end against a real S3 API on 127.0.0.1 with real Terraform: apply with local state,
 * migrate into the bucket, prove locking, rerun without changes, and refuse to touch a bucket that exists outside
 * any state. Only an override file (endpoint, path-style, fake credentials, offline skips) is added to the
 * synthesized JSON; users never get it.
 *
 * <p>The steps build on each other, so they run in order on one server. Fails, never skips, when terraform or the
 * provider mirror is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapEndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ACCOUNT = "111111111111";
  private static final String BUCKET = "acme-e2e-tfstate";
  private static final BootstrapTarget TARGET = new BootstrapTarget(ACCOUNT, S3Server.REGION, BUCKET);
  private static final String OVERRIDE = "zz_e2e_override.tf.json";

  private Path work;
  private LocalS3 s3;
  private S3CompatProxy proxy;
  private SigV2Client client;
  private TerraformCli terraform;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  /** What the override gives Terraform; a wrong one stands for expired or foreign credentials. */
  private String secretKey = S3Server.SECRET_KEY;

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    work = tmp;
    terraform = TerraformCli.offline(tmp.resolve("cli")).hermetic();
    s3 = LocalS3.start();
    proxy = s3.proxy();
    client = s3.client();
  }

  @AfterAll
  void stop() {
    if (proxy != null) {
      // Calls s3proxy does not implement and the provider tolerates; a new one here is the first thing to check
      // when a provider upgrade breaks this test.
      System.out.println("s3proxy answered 501 to: " + proxy.exchanges().stream().filter(e -> e.status() == 501)
          .map(e -> e.method() + " " + e.target().replaceAll("^/[^/?]+", "")).distinct().sorted().toList());
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void apply_localState_createsVersionedEncryptedBucket() throws Exception {
    int code = runner(TARGET).apply(true);

    assertThat(code).as(printed()).isZero();
    assertThat(work.resolve("bootstrap").resolve(TARGET.localStateFile())).isNotEmptyFile();
    assertThat(client.send("GET", "/" + BUCKET + "?versioning", "").body()).contains("<Status>Enabled</Status>");
    assertThat(client.send("GET", "/" + BUCKET + "?encryption", "").body()).contains("AES256");
    assertThat(client.send("GET", "/" + BUCKET + "?policy", "").body()).contains("aws:SecureTransport");
    assertThat(client.send("GET", "/" + BUCKET + "?publicAccessBlock", "").body())
        .contains("<BlockPublicAcls>true</BlockPublicAcls>");
  }

  @Test
  @Order(2)
  void migrate_stateMovesIntoBucketAndPlanIsEmpty() throws Exception {
    int code = runner(TARGET).migrate();

    assertThat(code).as(printed()).isZero();
    String key = BootstrapStack.stateKey();
    SigV2Client.Response state = client.send("GET", "/" + BUCKET + "/" + key, "");
    assertThat(state.body()).contains("\"aws_s3_bucket\"").contains(BUCKET);
    assertThat(state.header("x-amz-server-side-encryption")).isEqualTo("AES256");
    assertThat(state.header("x-amz-version-id")).isNotBlank();
    assertThat(client.send("GET", "/" + BUCKET + "?versions&prefix=" + key, "").body())
        .contains("<Key>" + key + "</Key>").contains("<VersionId>");
    assertThat(work.resolve("bootstrap").resolve(TARGET.localStateFile())).doesNotExist();
    ProcessRun.Result plan = terraform.run(stackDir(), 300, "plan", "-detailed-exitcode", "-no-color");
    assertThat(plan.exitCode()).as(plan.output()).isZero();
  }

  @Test
  @Order(3)
  void lock_heldByOneTerraform_secondPlanFails() throws Exception {
    Path log = work.resolve("console.log");
    // `terraform console` holds the state lock until its input closes.
    Process holder = terraform.start(stackDir(), log, "console", "-no-color");
    try {
      String lockKey = BootstrapStack.stateKey() + ".tflock";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (client.send("GET", "/" + BUCKET + "/" + lockKey, "").status() != 200) {
        assertThat(System.nanoTime()).as("lock file never appeared:\n%s", Files.readString(log)).isLessThan(deadline);
        Thread.sleep(200);
      }
      ProcessRun.Result blocked = terraform.run(stackDir(), 120, "plan", "-lock-timeout=0s", "-no-color");

      assertThat(blocked.exitCode()).as(blocked.output()).isNotZero();
      assertThat(blocked.output()).contains("Error acquiring the state lock");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        TerraformCli.stop(holder);
      }
    }
    ProcessRun.Result after = terraform.run(stackDir(), 120, "plan", "-lock-timeout=0s", "-detailed-exitcode",
        "-no-color");
    assertThat(after.exitCode()).as("lock released after the holder ended:%n%s", after.output()).isZero();
  }

  @Test
  @Order(4)
  void apply_again_findsStateInBucketAndChangesNothing() throws Exception {
    List<String> before = stateVersions();

    int code = runner(TARGET).apply(true);

    assertThat(code).as(printed()).isZero();
    assertThat(printed()).contains("state is in s3://" + BUCKET + "/shared/bootstrap/terraform.tfstate")
        .contains(TARGET.stackName() + ": no changes");
    assertThat(work.resolve("bootstrap").resolve(TARGET.localStateFile())).doesNotExist();
    assertThat(stateVersions()).as("state object versions (no write)").isEqualTo(before);
  }

  @Test
  @Order(5)
  void apply_bucketExistsOutsideState_stopsWithImportCommand() throws Exception {
    BootstrapTarget existing = new BootstrapTarget(ACCOUNT, S3Server.REGION, "acme-e2e-existing");
    assertThat(client.send("PUT", "/acme-e2e-existing", "").status()).isEqualTo(200);

    int code = runner(existing).apply(true);

    // README, "Exit statuses": a failed bootstrap step exits 1 (3 is a missing tool).
    assertThat(code).as(printed()).isEqualTo(1);
    assertThat(printed()).contains("bucket acme-e2e-existing already exists but is not in this stack's state")
        .containsPattern("terraform -chdir=\\S+/cdktf.out/stacks/bootstrap-acme-e2e-existing import aws_s3_bucket\\.\\S+"
            + " acme-e2e-existing");
    assertThat(work.resolve("bootstrap").resolve(existing.localStateFile())).doesNotExist();
    assertThat(client.send("GET", "/acme-e2e-existing?versioning", "").body()).doesNotContain("Enabled");
  }

  @Test
  @Order(6)
  void apply_cannotReadTheBucket_changesNothingAndShowsTerraformsMessage() throws Exception {
    BootstrapTarget denied = new BootstrapTarget(ACCOUNT, S3Server.REGION, "acme-e2e-denied");
    secretKey = "not-the-secret";
    int code;
    try {
      code = runner(denied).apply(true);
    } finally {
      secretKey = S3Server.SECRET_KEY;
    }

    assertThat(code).as(printed()).isEqualTo(1);
    assertThat(printed()).contains("bootstrap-acme-e2e-denied: cannot tell whether s3://acme-e2e-denied/"
        + "shared/bootstrap/terraform.tfstate holds this stack's state (see terraform's message above). Nothing"
        + " was changed.");
    assertThat(work.resolve("bootstrap").resolve(denied.localStateFile())).doesNotExist();
    assertThat(client.send("GET", "/acme-e2e-denied?versioning", "").status()).as("bucket not created").isEqualTo(404);
  }

  private BootstrapRunner runner(BootstrapTarget target) throws IOException {
    output.reset();
    Files.createDirectories(work.resolve("bootstrap"));
    return new BootstrapRunner(work.resolve("bootstrap"), List.of(target), terraform, this::addTestEndpoint,
        new PrintStream(output, true, StandardCharsets.UTF_8), () -> false, true);
  }

  /** The version ids of the state object itself (lock files come and go beside it). */
  private List<String> stateVersions() throws Exception {
    String listing = client.send("GET", "/" + BUCKET + "?versions", "").body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Key>" + java.util.regex.Pattern.quote(
        BootstrapStack.stateKey()) + "</Key><VersionId>([^<]+)</VersionId>").matcher(listing);
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).as("state versions in %s", listing).isNotEmpty();
    return ids;
  }

  private Path stackDir() {
    return work.resolve("bootstrap/cdktf.out/stacks").resolve(TARGET.stackName());
  }

  private String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  /** Points the provider (and, in S3 mode, the backend) at the local server with fake credentials. */
  private void addTestEndpoint(Path stackDir, BackendMode mode) throws IOException {
    Map<String, Object> provider = new LinkedHashMap<>(fakeCredentials());
    provider.put("s3_use_path_style", true);
    provider.put("endpoints", List.of(Map.of("s3", proxy.endpoint().toString())));
    // The fake credentials belong to no account, so the account guard cannot be checked here.
    provider.put("allowed_account_ids", null);
    Map<String, Object> override = new LinkedHashMap<>();
    override.put("provider", Map.of("aws", provider));
    if (mode == BackendMode.S3) {
      // A backend block in an override file replaces the original one: start from what was synthesized.
      JsonNode synthesized = MAPPER.readTree(stackDir.resolve("cdk.tf.json").toFile()).at("/terraform/backend/s3");
      Map<String, Object> backend = MAPPER.convertValue(synthesized, LinkedHashMap.class);
      backend.putAll(fakeCredentials());
      backend.put("use_path_style", true);
      backend.put("endpoints", Map.of("s3", proxy.endpoint().toString()));
      override.put("terraform", Map.of("backend", Map.of("s3", backend)));
    }
    MAPPER.writeValue(stackDir.resolve(OVERRIDE).toFile(), override);
  }

  private Map<String, Object> fakeCredentials() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("access_key", S3Server.ACCESS_KEY);
    settings.put("secret_key", secretKey);
    settings.put("skip_credentials_validation", true);
    settings.put("skip_requesting_account_id", true);
    settings.put("skip_metadata_api_check", true);
    settings.put("skip_region_validation", true);
    return settings;
  }
}
