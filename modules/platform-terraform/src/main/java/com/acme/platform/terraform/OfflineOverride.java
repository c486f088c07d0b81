package com.acme.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Terraform override file that lets a copy of a synthesized stack plan without AWS: fake credentials, the AWS
 * provider's {@code skip_*} settings, no account allow-list, one attempt per request, and a local backend in place
 * of S3.
 *
 * <p>It is written only into the check's own copy of a stack, never into {@code cdktf.out}: users must never apply
 * with these settings. Terraform merges {@code *_override.tf.json} files over the configuration (matching provider
 * blocks by alias, replacing the backend block as a whole), so the synthesized JSON itself stays byte for byte what
 * users get.
 */
public final class OfflineOverride {
  /** The file name; the {@code zz_} prefix makes it the last override Terraform merges. */
  public static final String FILE_NAME = "zz_offline_override.tf.json";
  /** The access key the provider gets; not a real key, so nothing could be signed for a real account. */
  public static final String FAKE_ACCESS_KEY = "offline-check-not-a-key";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OfflineOverride() {}

  /**
   * Writes the override file into a copy of a stack.
   *
   * @param stackDir the copy; must hold the synthesized {@code cdk.tf.json}
   * @return the file written
   * @throws IOException when the stack cannot be read or the file written
   */
  public static Path write(Path stackDir) throws IOException {
    JsonNode stack = MAPPER.readTree(stackDir.resolve("cdk.tf.json").toFile());
    Path file = stackDir.resolve(FILE_NAME);
    MAPPER.writeValue(file.toFile(), of(stack));
    return file;
  }

  /**
   * The override for one synthesized stack: one entry per {@code aws} provider block it declares (default and
   * aliased), so every provider configuration is covered.
   *
   * @param stack the synthesized {@code cdk.tf.json}
   * @return the override document
   */
  public static ObjectNode of(JsonNode stack) {
    ObjectNode override = MAPPER.createObjectNode();
    override.put("//", "Written by the offline check (StackCheck) into its private copy of this stack; never part of cdktf.out.");
    ArrayNode providers = override.putObject("provider").putArray("aws");
    JsonNode declared = stack.path("provider").path("aws");
    if (declared.isArray() && !declared.isEmpty()) {
      declared.forEach(p -> providers.add(offlineProvider(p.path("alias").asText(null))));
    } else {
      providers.add(offlineProvider(null));
    }
    override.putObject("terraform").putObject("backend").putObject("local").put("path", "terraform.tfstate");
    return override;
  }

  private static ObjectNode offlineProvider(String alias) {
    ObjectNode provider = MAPPER.createObjectNode();
    if (alias != null) {
      provider.put("alias", alias);
    }
    provider.put("access_key", FAKE_ACCESS_KEY);
    provider.put("secret_key", "offline-check-not-a-secret");
    provider.put("skip_credentials_validation", true);
    provider.put("skip_requesting_account_id", true);
    provider.put("skip_metadata_api_check", true);
    provider.put("skip_region_validation", true);
    // Without an account id (skip_requesting_account_id) the provider rejects every allow-list: "AWS account ID
    // not allowed". The allow-list guards real credentials, which the check never has.
    provider.putNull("allowed_account_ids");
    // One attempt, no retries: a call that slips through fails in about a second instead of retrying for minutes.
    provider.put("max_retries", 1);
    return provider;
  }
}
