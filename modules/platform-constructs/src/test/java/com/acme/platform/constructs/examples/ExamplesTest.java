package com.acme.platform.constructs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.constructs.testing.Synth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The README's library example compiles, synthesizes to a complete service, and is what the README shows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesTest {
  private static final Path SOURCE =
      Path.of("src/test/java/com/acme/platform/constructs/examples/OrdersServiceExample.java");
  private static final Path README = Path.of("../../README.md");
  private Synth synth;

  @BeforeAll
  void synth() {
    synth = Synth.app(app -> new OrdersServiceExample(app, "orders-qa"));
  }

  @Test
  void example_synthesizes_loadBalancedAutoscaledServiceWithBackend() {
    synth.assertHasResourceWithProperties("aws_ecs_service", Map.of("name", "orders-qa"));
    synth.assertHasResourceWithProperties("aws_lb_listener_rule", Map.of("priority", 10));
    synth.assertHasResourceWithProperties("aws_appautoscaling_target", Map.of("min_capacity", 2, "max_capacity", 6));
    assertThat(synth.count("aws_ecr_repository")).isEqualTo(1);
    // The secure defaults reach the example through the stack's key and access log bucket.
    assertThat(synth.only("aws_lb").get("access_logs").get("bucket").asText())
        .isEqualTo("orders-qa-lb-access-logs-111111111111");
    assertThat(synth.resources("aws_cloudwatch_log_group")).hasSize(2)
        .allSatisfy(g -> assertThat(g.get("kms_key_id").asText()).startsWith("${aws_kms_key.Key_"));
    assertThat(synth.json().at("/terraform/backend/s3/key").asText()).isEqualTo("qa/orders/terraform.tfstate");
  }

  @Test
  void readme_showsTheExampleVerbatim() throws IOException {
    String block = docsBlock(Files.readString(SOURCE));
    assertThat(Files.readString(README)).as("README.md must contain the DOCS block of %s, unindented", SOURCE)
        .contains(block);
  }

  /** The lines between the markers, with the method body's indentation removed. */
  private static String docsBlock(String source) {
    String inner = source.substring(source.indexOf("// DOCS_BLOCK_START\n") + "// DOCS_BLOCK_START\n".length(),
        source.indexOf("    // DOCS_BLOCK_END"));
    return Arrays.stream(inner.split("\n", -1)).map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"));
  }
}
