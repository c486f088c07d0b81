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
 * The compatibility layer answers the bucket settings s3proxy lacks the way S3 does (error codes, statuses, stored
 * documents). That Terraform's provider and S3 backend work through it end to end is proved by
 * {@code BootstrapEndToEndTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3CompatProxyTest {

  private LocalS3 s3;
  private SigV2Client client;

  @BeforeAll
  void start() throws IOException {
    s3 = LocalS3.start();
    client = s3.client();
  }

  @AfterAll
  void stop() {
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
}
