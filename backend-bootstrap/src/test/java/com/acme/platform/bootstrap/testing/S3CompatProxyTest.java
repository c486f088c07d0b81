package com.acme.platform.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that Terraform's AWS provider and S3 backend work fully against {@link S3Server} behind
 * {@link S3CompatProxy}: the state-bucket resources apply and read back without drift, local state migrates into
 * the bucket, and {@code use_lockfile} locking excludes a second run.
 *
 * <p>Runs the real terraform binary with the offline provider mirror; when either is missing the test fails and
 * says how to provide it (it never skips). The lifecycle resource alone takes about a minute: the provider polls
 * until it has read the same rules back several times in a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3CompatProxyTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Duration INIT = Duration.ofSeconds(60);
  private static final Duration APPLY = Duration.ofSeconds(200);
  private static final Duration PLAN = Duration.ofSeconds(60);

  @TempDir
  Path work;

  private Terraform terraform;
  private S3Server s3;
  private S3CompatProxy proxy;
  private SigV2Client client;

  @BeforeAll
  void start(@TempDir Path tools) throws IOException {
    terraform = Terraform.offline(tools);
    s3 = S3Server.start();
    proxy = S3CompatProxy.start(s3.endpoint());
    client = new SigV2Client(proxy.endpoint(), S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
  }

  @AfterAll
  void stop() {
    if (proxy != null) {
      // Calls s3proxy does not implement and the provider tolerates; a new one here is the first thing to check
      // when a provider upgrade breaks this test.
      System.out.println("s3proxy answered 501 to: " + proxy.exchanges().stream().filter(e -> e.status() == 501)
          .map(e -> e.method() + " " + e.target().replaceAll("^/[^/?]+", "")).distinct().sorted().toList());
      proxy.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void bucketSettings_notConfigured_answerS3ErrorCodes() throws Exception {
    String bucket = "acme-settings-errors";
    assertThat(client.send("PUT", "/" + bucket, "").status()).isEqualTo(200);

    Map<String, String> expected = Map.of("policy", "NoSuchBucketPolicy",
        "publicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
        "ownershipControls", "OwnershipControlsNotFoundError",
        "lifecycle", "NoSuchLifecycleConfiguration",
        "tagging", "NoSuchTagSet");
    for (var entry : expected.entrySet()) {
      SigV2Client.Response response = client.send("GET", "/" + bucket + "?" + entry.getKey(), "");
      assertThat(response.status()).as(entry.getKey()).isEqualTo(404);
      assertThat(response.body()).as(entry.getKey()).contains("<Code>" + entry.getValue() + "</Code>");
      assertThat(response.header("x-amz-request-id")).as(entry.getKey()).isNotBlank();
    }
    assertThat(client.send("GET", "/no-such-bucket?policy", "").body()).contains("<Code>NoSuchBucket</Code>");
  }

  @Test
  void bucketSettings_putGetDelete_roundTripAsS3Does() throws Exception {
    String bucket = "acme-settings-roundtrip";
    String tags = "<Tagging><TagSet><Tag><Key>team</Key><Value>platform</Value></Tag></TagSet></Tagging>";
    assertThat(client.send("PUT", "/" + bucket, "").status()).isEqualTo(200);

    assertThat(client.send("PUT", "/" + bucket + "?tagging", tags).status()).isEqualTo(204);
    assertThat(client.send("GET", "/" + bucket + "?tagging", "").body()).isEqualTo(tags);
    assertThat(client.send("DELETE", "/" + bucket + "?tagging", "").status()).isEqualTo(204);
    assertThat(client.send("GET", "/" + bucket + "?tagging", "").status()).isEqualTo(404);
  }

  @Test
  void stateBucketStack_apply_readsBackWithoutChanges() throws Exception {
    String bucket = "acme-tfstate-stack";
    Path dir = Files.createDirectories(work.resolve("stack"));
    writeJson(dir.resolve("main.tf.json"), stateBucketStack(bucket));

    expectOk(terraform.run(dir, INIT, "init", "-no-color"), "init");
    expectOk(terraform.run(dir, APPLY, "apply", "-auto-approve", "-no-color"), "apply");
    Terraform.Result plan = terraform.run(dir, PLAN, "plan", "-detailed-exitcode", "-no-color");

    assertThat(plan.exitCode()).as("plan after apply must show no changes (exit 0):\n%s\n%s", plan, exchanges())
        .isZero();
    assertThat(client.send("GET", "/" + bucket + "?versioning", "").body()).contains("<Status>Enabled</Status>");
    assertThat(client.send("GET", "/" + bucket + "?encryption", "").body()).contains("AES256");
    assertThat(client.send("GET", "/" + bucket + "?policy", "").body()).contains("aws:SecureTransport");
    assertThat(client.send("GET", "/" + bucket + "?publicAccessBlock", "").body())
        .contains("<RestrictPublicBuckets>true</RestrictPublicBuckets>");
    assertThat(client.send("GET", "/" + bucket + "?ownershipControls", "").body()).contains("BucketOwnerEnforced");
    assertThat(client.send("GET", "/" + bucket + "?lifecycle", "").body()).contains("<NoncurrentDays>90</NoncurrentDays>");
  }

  @Test
  void s3Backend_migrateAndLock_keepsStateInBucketAndExcludesSecondRun() throws Exception {
    String bucket = "acme-tfstate-backend";
    String key = "bootstrap/terraform.tfstate";
    assertThat(client.send("PUT", "/" + bucket, "").status()).isEqualTo(200);
    Path dir = Files.createDirectories(work.resolve("backend"));
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("hello", Map.of("input", "world"));
    writeJson(dir.resolve("main.tf.json"), Map.of("resource", Map.of("terraform_data", resources)));
    expectOk(terraform.run(dir, INIT, "init", "-no-color"), "init (local state)");
    expectOk(terraform.run(dir, APPLY, "apply", "-auto-approve", "-no-color"), "apply (local state)");

    // given local state, when the S3 backend is added and the state migrated
    writeJson(dir.resolve("backend.tf.json"), Map.of("terraform", Map.of("backend", Map.of("s3", backend(bucket, key)))));
    expectOk(terraform.run(dir, INIT, "init", "-migrate-state", "-force-copy", "-no-color"), "init -migrate-state");

    // then the bucket holds it and a plan reads it from there
    assertThat(client.send("GET", "/" + bucket + "/" + key, "").body()).contains("terraform_data").contains("world");
    Terraform.Result plan = terraform.run(dir, PLAN, "plan", "-detailed-exitcode", "-no-color");
    assertThat(plan.exitCode()).as("plan after migration:\n%s", plan).isZero();

    // when one apply holds the lock (its provisioner sleeps), a second run cannot take it
    resources.put("slow", Map.of("provisioner", List.of(Map.of("local-exec", Map.of("command", "sleep 15")))));
    writeJson(dir.resolve("main.tf.json"), Map.of("resource", Map.of("terraform_data", resources)));
    try (Terraform.Background holder = terraform.start(dir, "apply", "-auto-approve", "-no-color")) {
      assertThat(holder.awaitOutput("Provisioning with 'local-exec'", Duration.ofSeconds(60)))
          .as("the first apply should reach its provisioner:\n%s", holder.output()).isTrue();
      Terraform.Result blocked = terraform.run(dir, PLAN, "plan", "-lock-timeout=0s", "-no-color");
      assertThat(blocked.exitCode()).as("plan while locked:\n%s", blocked).isNotZero();
      assertThat(blocked.output()).contains("Error acquiring the state lock");
      assertThat(proxy.exchanges()).as("s3proxy refused the second lock file").anySatisfy(e -> {
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.target()).contains(key + ".tflock");
        assertThat(e.status()).isEqualTo(412);
      });
      expectOk(holder.await(Duration.ofSeconds(90)), "apply holding the lock");
    }

    // then the lock is released when the first run ends
    Terraform.Result after = terraform.run(dir, PLAN, "plan", "-detailed-exitcode", "-lock-timeout=0s", "-no-color");
    assertThat(after.exitCode()).as("plan after the lock holder finished:\n%s", after).isZero();
    assertThat(client.send("GET", "/" + bucket + "/" + key, "").body()).as("state written by the lock holder")
        .contains("\"slow\"");
  }

  private Map<String, Object> stateBucketStack(String bucket) {
    String ref = "${aws_s3_bucket.state.id}";
    String policy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",\
        "Action":"s3:*","Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],\
        "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(bucket);
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("aws_s3_bucket", Map.of("state", Map.of("bucket", bucket)));
    resources.put("aws_s3_bucket_versioning", Map.of("state", Map.of("bucket", ref,
        "versioning_configuration", List.of(Map.of("status", "Enabled")))));
    resources.put("aws_s3_bucket_server_side_encryption_configuration", Map.of("state", Map.of("bucket", ref,
        "rule", List.of(Map.of("apply_server_side_encryption_by_default", List.of(Map.of("sse_algorithm", "AES256")))))));
    resources.put("aws_s3_bucket_public_access_block", Map.of("state", Map.of("bucket", ref,
        "block_public_acls", true, "block_public_policy", true, "ignore_public_acls", true,
        "restrict_public_buckets", true)));
    resources.put("aws_s3_bucket_ownership_controls", Map.of("state", Map.of("bucket", ref,
        "rule", List.of(Map.of("object_ownership", "BucketOwnerEnforced")))));
    resources.put("aws_s3_bucket_policy", Map.of("state", Map.of("bucket", ref, "policy", policy)));
    resources.put("aws_s3_bucket_lifecycle_configuration", Map.of("state", Map.of("bucket", ref,
        "rule", List.of(Map.of("id", "expire-noncurrent-versions", "status", "Enabled", "filter", List.of(Map.of()),
            "noncurrent_version_expiration", List.of(Map.of("noncurrent_days", 90)))))));
    Map<String, Object> provider = new LinkedHashMap<>(offlineAwsSettings());
    provider.put("region", S3Server.REGION);
    provider.put("s3_use_path_style", true);
    provider.put("endpoints", List.of(Map.of("s3", proxy.endpoint().toString())));
    return Map.of(
        "terraform", Map.of("required_providers", Map.of("aws", Map.of("source", "hashicorp/aws", "version", "~> 5.23"))),
        "provider", Map.of("aws", provider),
        "resource", resources);
  }

  private Map<String, Object> backend(String bucket, String key) {
    Map<String, Object> s3Backend = new LinkedHashMap<>(offlineAwsSettings());
    s3Backend.put("bucket", bucket);
    s3Backend.put("key", key);
    s3Backend.put("region", S3Server.REGION);
    s3Backend.put("endpoints", Map.of("s3", proxy.endpoint().toString()));
    s3Backend.put("use_path_style", true);
    s3Backend.put("use_lockfile", true);
    return s3Backend;
  }

  /** Fake keys plus the skips that keep the provider and the backend from calling STS, IMDS or real AWS. */
  private static Map<String, Object> offlineAwsSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("access_key", S3Server.ACCESS_KEY);
    settings.put("secret_key", S3Server.SECRET_KEY);
    settings.put("skip_credentials_validation", true);
    settings.put("skip_requesting_account_id", true);
    settings.put("skip_metadata_api_check", true);
    settings.put("skip_region_validation", true);
    return settings;
  }

  private void expectOk(Terraform.Result result, String step) {
    assertThat(result.ok()).as("terraform %s failed: %s\nS3 requests:\n%s", step, result, exchanges()).isTrue();
    System.out.printf("terraform %s: %d ms%n", step, result.took().toMillis());
  }

  private String exchanges() {
    StringBuilder all = new StringBuilder();
    proxy.exchanges().forEach(e -> all.append("  ").append(e).append('\n'));
    return all.toString();
  }

  private static void writeJson(Path file, Object value) throws IOException {
    JSON.writeValue(file.toFile(), value);
  }
}
