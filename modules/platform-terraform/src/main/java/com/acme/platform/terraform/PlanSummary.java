package com.acme.platform.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a saved plan as printed by {@code terraform show -json <plan>}. */
public final class PlanSummary {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanSummary() {}

  /**
   * How many resources the plan creates (replacements included), as Terraform's "N to add" counts them.
   *
   * @param showJson the output of {@code terraform show -json <plan>}
   * @return the count
   * @throws IOException when the output is not the JSON of a plan
   */
  public static int resourcesToAdd(String showJson) throws IOException {
    JsonNode plan = MAPPER.readTree(showJson);
    if (plan == null || !plan.has("format_version")) {
      throw new IOException("terraform show -json did not print a plan");
    }
    int count = 0;
    for (JsonNode change : plan.path("resource_changes")) {
      for (JsonNode action : change.path("change").path("actions")) {
        if (action.asText().equals("create")) {
          count++;
        }
      }
    }
    return count;
  }
}
